/**
 * The little SQL the server needs, behind one interface with two implementations: PGlite
 * (PostgreSQL in WebAssembly on a data folder, the default: nothing to install) and node-postgres
 * on a real PostgreSQL server (`DATABASE_URL`). Both speak PostgreSQL's SQL with `$n` parameters,
 * so every query is written once.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export interface SqlExecutor {
  /** Runs one statement with `$1...` parameters and returns its rows. */
  query<R>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
}

export interface SqlDatabase extends SqlExecutor {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** PGlite on `dataDir` (created if absent), or in memory when `dataDir` is undefined. */
export async function openPglite(dataDir: string | undefined): Promise<SqlDatabase> {
  if (dataDir !== undefined) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  const executor = (target: Pick<PGlite, 'query' | 'exec'>): SqlExecutor => ({
    async query<R>(text: string, params: readonly unknown[] = []) {
      const result = await target.query<R>(text, [...params]);
      return result.rows;
    },
    async exec(text: string) {
      await target.exec(text);
    },
  });
  return {
    kind: 'pglite',
    ...executor(db),
    // PGlite runs one statement at a time; its transaction() queues the others behind it.
    transaction: (fn) => db.transaction((tx) => fn(executor(tx))),
    close: () => db.close(),
  };
}

/** A pool of connections to the PostgreSQL server at `url`. */
export async function openPostgres(url: string, max = 10): Promise<SqlDatabase> {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection the server dropped must not take the process down.
  pool.on('error', () => undefined);
  const executor = (target: pg.Pool | pg.PoolClient): SqlExecutor => ({
    async query<R>(text: string, params: readonly unknown[] = []) {
      const result = await target.query(text, [...params]);
      return result.rows as R[];
    },
    async exec(text: string) {
      await target.query(text);
    },
  });
  // Check the address now, so a wrong DATABASE_URL fails at start with its reason.
  await pool.query('SELECT 1');
  return {
    kind: 'postgres',
    ...executor(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(executor(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
