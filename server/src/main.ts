/**
 * Starting the server: configuration from environment variables only, the store on PGlite (a data
 * folder) or PostgreSQL (`DATABASE_URL`), the app listening. `startServer` is what tests, the
 * load tests and the benchmark call to get a server on a port of their choice.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { FILE_MAX_BYTES, REQUEST_MAX_BYTES } from '@shared/sync/protocol';
import { buildServer } from './app';
import { openPglite, openPostgres, type SqlDatabase } from './sql';
import { createStore, type Store, type StoreOptions } from './store';

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  /** A PostgreSQL server; when absent, PGlite in `dataDir`. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly logLevel: string;
  readonly requestMaxBytes: number;
  readonly fileMaxBytes: number;
}

/** The environment variables the server reads, with their defaults (listed in the README). */
export const SERVER_ENV = {
  PORT: '4500',
  HOST: '127.0.0.1',
  DATABASE_URL: '(unset: PGlite in DESK_SERVER_DATA)',
  DESK_SERVER_DATA: './server-data',
  LOG_LEVEL: 'info',
  DESK_SERVER_REQUEST_MAX_BYTES: String(REQUEST_MAX_BYTES),
  DESK_SERVER_FILE_MAX_BYTES: String(FILE_MAX_BYTES),
} as const;

function positiveInt(env: NodeJS.ProcessEnv, name: keyof typeof SERVER_ENV, max: number): number {
  const text = env[name] ?? SERVER_ENV[name];
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new Error(`${name} must be a whole number from 1 to ${max}; it is "${text}".`);
  }
  return value;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Reads and checks the configuration; throws with the variable's name when one is wrong. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const logLevel = env.LOG_LEVEL ?? SERVER_ENV.LOG_LEVEL;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}; it is "${logLevel}".`);
  }
  const databaseUrl = env.DATABASE_URL === '' ? undefined : env.DATABASE_URL;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('DATABASE_URL must start with postgres:// or postgresql://.');
  }
  return {
    port: positiveInt(env, 'PORT', 65535),
    host: env.HOST ?? SERVER_ENV.HOST,
    databaseUrl,
    dataDir: path.resolve(env.DESK_SERVER_DATA ?? SERVER_ENV.DESK_SERVER_DATA),
    logLevel,
    requestMaxBytes: positiveInt(env, 'DESK_SERVER_REQUEST_MAX_BYTES', REQUEST_MAX_BYTES),
    fileMaxBytes: positiveInt(env, 'DESK_SERVER_FILE_MAX_BYTES', FILE_MAX_BYTES),
  };
}

/**
 * PGlite is one process's database: a second process on the same folder would damage it. A lock
 * file with the owner's pid refuses a second opener (a stale lock of a dead process is taken over).
 */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lock = path.join(dataDir, 'server.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lock, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(lock, 'utf8'));
      let alive = false;
      try {
        process.kill(pid, 0);
        alive = true;
      } catch {
        alive = false;
      }
      if (alive) {
        throw new Error(
          `The data folder ${dataDir} is in use by process ${pid}: stop it first (PGlite serves one process).`,
        );
      }
      rmSync(lock, { force: true });
    }
  }
  throw new Error(`Could not lock the data folder ${dataDir}.`);
}

export interface OpenStoreOptions extends StoreOptions {
  /** A PostgreSQL server's address; when absent, PGlite. */
  readonly databaseUrl?: string | undefined;
  /** PGlite's data folder (holds `pgdata/` and a lock file); absent: PGlite in memory. */
  readonly dataDir?: string | undefined;
}

/** Opens the database, applies the migrations and returns the store. */
export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  let db: SqlDatabase;
  let unlock: () => void = () => undefined;
  if (options.databaseUrl !== undefined) {
    db = await openPostgres(options.databaseUrl);
  } else if (options.dataDir !== undefined) {
    unlock = lockDataDir(options.dataDir);
    try {
      db = await openPglite(path.join(options.dataDir, 'pgdata'));
    } catch (error) {
      unlock();
      throw error;
    }
  } else {
    db = await openPglite(undefined);
  }
  const closing: SqlDatabase = {
    ...db,
    close: async () => {
      try {
        await db.close();
      } finally {
        unlock();
      }
    },
  };
  try {
    return await createStore(closing, options);
  } catch (error) {
    await closing.close();
    throw error;
  }
}

export interface StartServerOptions extends OpenStoreOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  readonly host?: string;
  readonly logger?: FastifyServerOptions['logger'];
  readonly requestMaxBytes?: number;
  readonly fileMaxBytes?: number;
  /** Use this store instead of opening one (it is closed with the server). */
  readonly store?: Store;
}

export interface RunningServer {
  /** `http://host:port`, no trailing slash. */
  readonly url: string;
  readonly port: number;
  readonly store: Store;
  readonly app: FastifyInstance;
  /** Stops listening, then closes the database. */
  close(): Promise<void>;
}

/** Starts a server on `port` (default: any free one) and returns its address. */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const store = options.store ?? (await openStore(options));
  const app = await buildServer({
    store,
    logger: options.logger ?? false,
    ...(options.requestMaxBytes !== undefined ? { requestMaxBytes: options.requestMaxBytes } : {}),
    ...(options.fileMaxBytes !== undefined ? { fileMaxBytes: options.fileMaxBytes } : {}),
  });
  const host = options.host ?? '127.0.0.1';
  try {
    await app.listen({ port: options.port ?? 0, host });
  } catch (error) {
    await store.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : (options.port ?? 0);
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    store,
    app,
    async close() {
      try {
        await app.close();
      } finally {
        await store.close();
      }
    },
  };
}

/** `npm run server`: configuration from the environment, JSON logs, a clean stop on a signal. */
export async function serve(env: NodeJS.ProcessEnv = process.env): Promise<RunningServer> {
  const config = configFromEnv(env);
  const server = await startServer({
    port: config.port,
    host: config.host,
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl === undefined ? config.dataDir : undefined,
    logger: { level: config.logLevel },
    requestMaxBytes: config.requestMaxBytes,
    fileMaxBytes: config.fileMaxBytes,
  });
  server.app.log.info(
    {
      url: server.url,
      database: config.databaseUrl === undefined ? `pglite:${config.dataDir}` : 'postgres',
      epoch: await server.store.epoch(),
    },
    'desk server ready',
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    server.app.log.info({ signal }, 'stopping');
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  return server;
}
