/**
 * The admin command line, the configuration from the environment, the migrations, and a server
 * on a PGlite data folder that keeps its data (and its epoch) across a restart.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hlcFormat } from '@shared/kernel/hlc';
import { PROTOCOL_VERSION, REQUEST_MAX_BYTES } from '@shared/sync/protocol';
import { runAdmin } from './admin';
import { buildServer } from './app';
import { configFromEnv, openStore, startServer } from './main';
import { MIGRATIONS } from './migrations';
import { tokenHash, type Store } from './store';

const FAST_SCRYPT = { N: 2 ** 10, r: 8, p: 1, dkLen: 32 };
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const clean of cleanups.splice(0).reverse()) await clean();
});

// One in-memory store for the tests that do not need their own (PGlite takes seconds to start
// on a busy machine); each test uses its own organisation names.
let shared: Store;
beforeAll(async () => {
  shared = await openStore({ scrypt: FAST_SCRYPT });
});
afterAll(async () => {
  await shared.close();
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'desk-server-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function admin(store: Store, argv: string[], stdin = ''): Promise<string[]> {
  const lines: string[] = [];
  await runAdmin(store, argv, { out: (l) => lines.push(l), readLine: async () => stdin });
  return lines;
}

describe('admin command line', () => {
  it('creates organisations, desks with a token shown once, accounts; revokes and reissues', async () => {
    const store = shared;
    expect(await admin(store, ['create-org', 'City hotline'])).toEqual([
      expect.stringMatching(/^organisation "City hotline" created/),
    ]);
    const created = await admin(store, ['create-desk', 'City hotline', 'HD1', 'North district']);
    const token = created[1] ?? '';
    // 32 random bytes, base64url: 43 characters.
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Only the SHA-256 is stored: the token appears nowhere in the database.
    const stored = await store.db.query<{ token_hash: string }>(
      'SELECT token_hash FROM desk_tokens',
    );
    expect(stored).toEqual([{ token_hash: tokenHash(token) }]);
    expect((await store.authenticate(token)).kind).toBe('desk');

    await admin(store, ['create-account', 'City hotline', 'chief'], 'a long password\n');
    const accounts = await store.db.query<{ password: unknown }>('SELECT password FROM accounts');
    expect(JSON.stringify(accounts)).not.toContain('a long password');
    const signed = await store.signIn('chief', 'a long password');
    expect((await store.authenticate(signed.token)).kind).toBe('headOffice');

    const listed = await admin(store, ['list']);
    const at = listed.findIndex((line) => line.startsWith('City hotline (id '));
    expect(listed.slice(at, at + 3)).toEqual([
      expect.stringMatching(/^City hotline \(id /),
      '  desk HD1 North district',
      '  head office chief',
    ]);
    await admin(store, ['revoke-desk', 'City hotline', 'HD1']);
    await expect(store.authenticate(token)).rejects.toThrow(/revoked/);
    expect(await admin(store, ['list'])).toContain('  desk HD1 North district (revoked)');
    const renewed = (await admin(store, ['new-token', 'City hotline', 'HD1']))[1] ?? '';
    expect(renewed).not.toBe(token);
    expect((await store.authenticate(renewed)).kind).toBe('desk');

    const epoch = await store.epoch();
    await admin(store, ['new-epoch']);
    expect(await store.epoch()).not.toBe(epoch);
  });

  it('refuses wrong commands and wrong arguments with a message', async () => {
    const store = shared;
    await expect(admin(store, ['frobnicate'])).rejects.toThrow(/Unknown command "frobnicate"/);
    await expect(admin(store, ['create-desk', 'Nowhere', 'X1', 'x'])).rejects.toThrow(
      /No organisation is called "Nowhere"/,
    );
    await admin(store, ['create-org', 'Acme']);
    await expect(admin(store, ['create-org', 'Acme'])).rejects.toThrow(/already exists/);
    await expect(admin(store, ['create-desk', 'Acme', 'TOO-LONG', 'x'])).rejects.toThrow(
      /1 to 6 letters or digits/,
    );
    await admin(store, ['create-desk', 'Acme', 'A1', 'One']);
    await expect(admin(store, ['create-desk', 'Acme', 'A1', 'Again'])).rejects.toThrow(
      /already has a desk with the code "A1"/,
    );
    await expect(admin(store, ['create-account', 'Acme', 'boss'], 'short')).rejects.toThrow(
      /8 to 500 characters/,
    );
    await expect(admin(store, ['revoke-desk', 'Acme'])).rejects.toThrow(/Usage/);
  });
});

describe('logs', () => {
  it('are JSON lines without tokens, passwords or event contents', async () => {
    const lines: string[] = [];
    const store = shared;
    const app = await buildServer({
      store,
      logger: { level: 'info', stream: { write: (line: string) => lines.push(line) } },
    });
    cleanups.push(() => app.close());
    await store.createOrganisation('Logged');
    const { token } = await store.createDesk('Logged', 'L1', 'One');
    await store.createAccount('Logged', 'logged-boss', 'secret-password-1');
    const now = Date.now();
    const headers = { authorization: `Bearer ${token}` };
    await app.inject({
      method: 'POST',
      url: '/v1/push',
      headers,
      payload: {
        protocol: PROTOCOL_VERSION,
        events: [
          {
            id: 'log-1',
            caseId: 'case-log',
            type: 'case/received',
            at: new Date(now).toISOString(),
            hlc: hlcFormat({ wallMs: now, counter: 0, nodeId: 'd' }),
            actorId: 's',
            actorName: 'S',
            deskId: 'd',
            payload: { customerName: 'Zhang Customer' },
          },
        ],
      },
    });
    await app.inject({ method: 'POST', url: '/v1/pull', headers, payload: { protocol: 9 } });
    const signIn = await app.inject({
      method: 'POST',
      url: '/v1/session',
      payload: { protocol: PROTOCOL_VERSION, login: 'logged-boss', password: 'secret-password-1' },
    });
    const session = (signIn.json() as { token: string }).token;
    await app.inject({
      method: 'POST',
      url: '/v1/hello',
      headers: { authorization: `Bearer ${session}` },
      payload: { protocol: PROTOCOL_VERSION },
    });
    expect(lines.length).toBeGreaterThan(6);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    const all = lines.join('');
    expect(all).toContain('"statusCode":426');
    for (const secret of [token, session, 'secret-password-1', 'Zhang Customer']) {
      expect(all).not.toContain(secret);
    }
  });
});

describe('configuration from the environment', () => {
  it('has defaults and names the variable that is wrong', () => {
    const config = configFromEnv({});
    expect(config).toMatchObject({
      port: 4500,
      host: '127.0.0.1',
      databaseUrl: undefined,
      logLevel: 'info',
      requestMaxBytes: REQUEST_MAX_BYTES,
    });
    expect(config.dataDir).toBe(path.resolve('./server-data'));
    expect(configFromEnv({ PORT: '8080', DATABASE_URL: 'postgres://u@h/db' })).toMatchObject({
      port: 8080,
      databaseUrl: 'postgres://u@h/db',
    });
    expect(() => configFromEnv({ PORT: 'eighty' })).toThrow(/PORT must be a whole number/);
    expect(() => configFromEnv({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL must be one of/);
    expect(() => configFromEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => configFromEnv({ DESK_SERVER_REQUEST_MAX_BYTES: '0' })).toThrow(
      /DESK_SERVER_REQUEST_MAX_BYTES/,
    );
  });
});

describe('migrations and the data folder', () => {
  it('lists every migration file, in order', () => {
    const files = readdirSync(path.join(import.meta.dirname, '..', 'migrations'))
      .filter((f) => f.endsWith('.sql'))
      .sort();
    expect(MIGRATIONS.map((m) => `${m.name}.sql`)).toEqual(files);
    expect(MIGRATIONS.map((m) => m.version)).toEqual(files.map((_, i) => i + 1));
  });

  it('keeps data and epoch across a restart, applies migrations once, and locks the folder', async () => {
    const dataDir = tempDir();
    const first = await startServer({ dataDir, scrypt: FAST_SCRYPT });
    await first.store.createOrganisation('Acme');
    const { token } = await first.store.createDesk('Acme', 'A1', 'One');
    const epoch = await first.store.epoch();
    const now = Date.now();
    const event = {
      id: 'persisted-1',
      caseId: 'case-1',
      type: 'case/received',
      at: new Date(now).toISOString(),
      hlc: hlcFormat({ wallMs: now, counter: 0, nodeId: 'd' }),
      actorId: 's',
      actorName: 'S',
      deskId: 'd',
      payload: {},
    };
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const pushed = await fetch(`${first.url}/v1/push`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ protocol: PROTOCOL_VERSION, events: [event] }),
    });
    expect(pushed.status).toBe(200);
    // A second process on the same folder is refused while the first runs.
    await expect(openStore({ dataDir })).rejects.toThrow(/in use by process/);
    await first.close();

    const second = await startServer({ dataDir });
    cleanups.push(() => second.close());
    expect(await second.store.epoch()).toBe(epoch);
    const applied = await second.store.db.query<{ version: number }>(
      'SELECT version FROM schema_migrations',
    );
    expect(applied.map((r) => Number(r.version))).toEqual([1]);
    const pulled = await fetch(`${second.url}/v1/pull`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ protocol: PROTOCOL_VERSION, cursor: null }),
    });
    const page = (await pulled.json()) as { events: { id: string }[] };
    expect(page.events.map((e) => e.id)).toEqual(['persisted-1']);
    const health = await fetch(`${second.url}/health`);
    expect(await health.json()).toMatchObject({ ok: true, epoch });
  });
});
