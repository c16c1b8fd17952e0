/**
 * Fault tests against a server on loopback (issue 15, item 6): the server process killed with
 * SIGKILL in the middle of a push and started again on the same data (PGlite's data folder, or
 * the same PostgreSQL database), the desk retrying until everything is acknowledged; and a desk
 * stopped in the middle of a pull, resuming at the cursor it stored with its last page.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUSH_MAX_EVENTS } from '@shared/sync/protocol';
import { BACKENDS, freshPostgresDatabase } from '../test/backends';
import { openStore, startServer } from '../src/main';
import { startChildServer, serverBundle, type ChildServer } from './support/child-server';
import { DeskClient, withRetry } from './support/desk-client';
import { deskEvents } from './support/desk-events';

/** Ports of this suite's child servers (4733-4739 are the ops tests' own). */
const PORTS = { pglite: '4733', postgres: '4734' } as const;

describe.each(BACKENDS)('faults on $name', (backend) => {
  let bundle: string;
  let dir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    if (backend.skip) return;
    bundle = serverBundle();
    dir = await mkdtemp(path.join(tmpdir(), 'desk-ops-faults-'));
    env =
      backend.name === 'pglite'
        ? { PORT: PORTS.pglite, DESK_SERVER_DATA: dir, DATABASE_URL: '' }
        : { PORT: PORTS.postgres, DATABASE_URL: await freshPostgresDatabase() };
  }, 120_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Makes the organisation and two desks in the database (PGlite: before the server opens it). */
  async function setUp(): Promise<{ a: string; b: string }> {
    const store = await openStore(
      backend.name === 'pglite' ? { dataDir: dir } : { databaseUrl: env.DATABASE_URL },
    );
    try {
      await store.createOrganisation('急救中心');
      const a = (await store.createDesk('急救中心', 'KA', '一号台')).token;
      const b = (await store.createDesk('急救中心', 'KB', '二号台')).token;
      return { a, b };
    } finally {
      await store.close();
    }
  }

  it.skipIf(backend.skip)(
    'loses and doubles nothing when the server is killed mid-push and the desk retries',
    async () => {
      const tokens = await setUp();
      let server: ChildServer = await startChildServer(bundle, env);
      const desk = new DeskClient(server.url, tokens.a);
      const written = deskEvents('KA', 4000);
      desk.write(...written);

      // Push in batches of 1,000; kill the server while the second batch is on its way, and
      // again while the fourth is.
      let kills = 0;
      let failures = 0;
      for (let batch = 0; desk.outbox.size > 0; batch++) {
        const pushing = withRetry(() => desk.pushOnce(PUSH_MAX_EVENTS), { attempts: 3 }).catch(
          (error: unknown) => error,
        );
        if (batch === 1 || batch === 3) {
          // Let the request reach the server, then kill it without warning.
          await new Promise((resolve) => setTimeout(resolve, 30));
          await server.kill();
          kills += 1;
          const outcome = await pushing;
          if (outcome instanceof Error) failures += 1;
          server = await startChildServer(bundle, env);
          continue;
        }
        const outcome = await pushing;
        if (outcome instanceof Error) throw outcome;
      }
      expect(kills).toBe(2);
      // At least one push was cut off (unacknowledged): the desk kept those events and resent them.
      expect(failures).toBeGreaterThan(0);
      expect(desk.outbox.size).toBe(0);

      // Everything is there once: the other desk of head office's view, through a fresh pull.
      const puller = new DeskClient(server.url, tokens.a);
      const pulled = await puller.pull();
      expect(pulled.events).toBe(written.length);
      expect(puller.eventCount()).toBe(written.length);
      expect(puller.alreadyHeld).toBe(0);
      await server.stop();
    },
    180_000,
  );
});

describe.each(BACKENDS)('a pull stopped half way on $name', (backend) => {
  it.skipIf(backend.skip)(
    'resumes at the cursor stored with the last page, and stores each event once',
    async () => {
      const server = await startServer({ store: await backend.open() });
      try {
        await server.store.createOrganisation('供水公司');
        const { token: tokenA } = await server.store.createDesk('供水公司', 'PA', '一号台');
        const { token: tokenB } = await server.store.createDesk('供水公司', 'PB', '二号台');
        const a = new DeskClient(server.url, tokenA);
        const events = deskEvents('PA', 2400);
        a.write(...events);
        for (const caseId of new Set(events.map((e) => e.caseId))) a.route(caseId, ['PB']);
        await a.push();

        const b = new DeskClient(server.url, tokenB);
        // The desk stops (closed, crashed) after storing two pages, with the third in hand.
        await expect(
          b.pull(500, {
            beforeStore: (_page, index) => {
              if (index === 2) throw new Error('the desk stopped');
            },
          }),
        ).rejects.toThrow('the desk stopped');
        expect(b.eventCount()).toBe(1000);
        const stored = b.cursor;
        expect(stored).not.toBeNull();

        // Started again: the first request carries the stored cursor, the rest follows once.
        const sent: (string | null)[] = [];
        const rest = await b.pull(500, { onRequest: (cursor) => sent.push(cursor) });
        expect(sent[0]).toBe(stored);
        expect(rest).toEqual({ pages: 3, events: 1400 });
        expect(b.eventCount()).toBe(2400);
        expect(b.alreadyHeld).toBe(0);
        for (const caseId of ['PA-c-0', 'PA-c-399']) {
          expect(b.snapshot(caseId)).toEqual(a.snapshot(caseId));
        }

        // A server restored from a backup (new epoch): the stored cursor is refused and the desk
        // pulls everything again, holding each event once.
        await server.store.newEpoch();
        const again = await b.pull(500);
        expect(again.events).toBe(2400);
        expect(b.eventCount()).toBe(2400);
      } finally {
        await server.close();
      }
    },
    60_000,
  );
});
