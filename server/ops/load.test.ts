/**
 * Load tests against a server on loopback (issue 15, item 6), once on PGlite and once on the
 * test PostgreSQL server: twenty desks pushing at once, a desk back from weeks offline, two
 * desks editing one case offline. The desks are the minimal protocol client of support/.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PULL_MAX_EVENTS, PUSH_MAX_EVENTS } from '@shared/sync/protocol';
import { caseStory } from '@shared/workflow/test-builders';
import type { CaseId } from '@shared/kernel/brand';
import { BACKENDS } from '../test/backends';
import { startServer, type RunningServer } from '../src/main';
import type { Store } from '../src/store';
import { DeskClient } from './support/desk-client';
import { deskEvents } from './support/desk-events';

const FAST_SCRYPT = { N: 2 ** 10, r: 8, p: 1, dkLen: 32 };

/** Creates the organisation and its desks; returns a client per desk code. */
async function organisation(
  server: RunningServer,
  name: string,
  codes: readonly string[],
): Promise<Map<string, DeskClient>> {
  const store: Store = server.store;
  await store.createOrganisation(name);
  const desks = new Map<string, DeskClient>();
  for (const code of codes) {
    const { token } = await store.createDesk(name, code, `${code} 客服台`);
    desks.set(code, new DeskClient(server.url, token));
  }
  return desks;
}

/** A head office of the organisation: an account signed in over the protocol. */
async function headOffice(server: RunningServer, org: string): Promise<DeskClient> {
  await server.store.createAccount(org, `hq-${org}`, 'hq-password-1');
  const { token } = await server.store.signIn(`hq-${org}`, 'hq-password-1');
  return new DeskClient(server.url, token);
}

function desk(desks: Map<string, DeskClient>, code: string): DeskClient {
  const d = desks.get(code);
  if (!d) throw new Error(`no desk ${code}`);
  return d;
}

describe.each(BACKENDS)('load on $name', (backend) => {
  let server: RunningServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function start(): Promise<RunningServer> {
    server = await startServer({ store: await backend.open({ scrypt: FAST_SCRYPT }) });
    return server;
  }

  it.skipIf(backend.skip)(
    'stores every event of twenty desks pushing at once exactly once; each pulls its own',
    async () => {
      const s = await start();
      const codes = Array.from({ length: 20 }, (_, i) => `D${i + 1}`);
      const desks = await organisation(s, '全市热线', codes);
      const written = new Map<string, string[]>();
      for (const [i, code] of codes.entries()) {
        const events = deskEvents(code, 150);
        desk(desks, code).write(...events);
        written.set(
          code,
          events.map((e) => e.id),
        );
        // Each desk sends its first case to the next desk: that desk must receive its history.
        desk(desks, code).route(`${code}-c-0`, [codes[(i + 1) % codes.length] as string]);
      }
      // All at once, in batches of 100: 20 x 3 concurrent pushes in flight.
      await Promise.all(codes.map((code) => desk(desks, code).push(100)));
      for (const code of codes) expect(desk(desks, code).outbox.size).toBe(0);

      const hq = await headOffice(s, '全市热线');
      const pulled = await hq.pull(PULL_MAX_EVENTS);
      expect(pulled.events).toBe(20 * 150);
      expect(hq.eventCount()).toBe(20 * 150);
      expect(hq.alreadyHeld).toBe(0);

      await Promise.all(codes.map((code) => desk(desks, code).pull()));
      for (const [i, code] of codes.entries()) {
        const d = desk(desks, code);
        const previous = codes[(i + codes.length - 1) % codes.length] as string;
        // Its own 150 events, and the six events of the case the previous desk routed to it.
        expect(d.eventCount()).toBe(150 + 6);
        expect(d.events.get(`${previous}-c-0`)?.size).toBe(6);
        expect(d.events.has(`${previous}-c-1`)).toBe(false);
        expect(d.snapshot(`${previous}-c-0`)).toEqual(hq.snapshot(`${previous}-c-0`));
      }
      // Every written id is at head office once.
      const all = [...hq.events.values()].flatMap((m) => [...m.keys()]);
      expect(new Set(all).size).toBe(all.length);
      expect(all.sort()).toEqual([...written.values()].flat().sort());
    },
    180_000,
  );

  it.skipIf(backend.skip)(
    'brings a desk back from weeks offline with 20,000 events, in pages',
    async () => {
      const s = await start();
      const desks = await organisation(s, '区级中心', ['OFF', 'ON']);
      const offline = desk(desks, 'OFF');
      const online = desk(desks, 'ON');
      // Weeks of work on the offline desk; meanwhile the other desk sends it 200 cases.
      offline.write(...deskEvents('OFF', 20_000));
      const sent = deskEvents('ON', 1200);
      online.write(...sent);
      for (const caseId of new Set(sent.map((e) => e.caseId))) online.route(caseId, ['OFF']);
      await online.push();

      let pushes = 0;
      while (offline.outbox.size > 0) {
        await offline.pushOnce(PUSH_MAX_EVENTS);
        pushes += 1;
      }
      expect(pushes).toBe(20);
      const cursors: (string | null)[] = [];
      const result = await offline.pull(PULL_MAX_EVENTS, { onRequest: (c) => cursors.push(c) });
      // Its own 20,000 come back with the 1,200 routed to it: 22 pages of 1,000 at most.
      expect(result).toEqual({ pages: 22, events: 21_200 });
      expect(new Set(cursors).size).toBe(cursors.length);
      expect(offline.eventCount()).toBe(21_200);
      expect(offline.snapshot('ON-c-199')?.status).toBe('closed');
      // Nothing more to pull: one empty page at the same cursor.
      const again = await offline.pull();
      expect(again).toEqual({ pages: 1, events: 0 });
    },
    180_000,
  );

  it.skipIf(backend.skip)(
    'gives two desks that edited one case offline the same snapshot as head office',
    async () => {
      const s = await start();
      const desks = await organisation(s, '市医院', ['WA', 'WB']);
      const a = desk(desks, 'WA');
      const b = desk(desks, 'WB');
      const storyA = caseStory({ caseId: 'WA-shared-1' as CaseId, deskId: 'desk-WA' });
      a.write(storyA.event('case/received'), storyA.event('case/dispatched'));
      a.route('WA-shared-1', ['WB']);
      await a.sync();
      await b.sync();
      expect(b.snapshot('WA-shared-1')?.status).toBe('dispatched');

      // Both offline. B has seen A's events; its clock runs two minutes ahead of A's.
      const storyB = storyA.desk('desk-WB', { stepMs: 120_000 });
      a.write(
        storyA.event('case/fieldsChanged', {
          fields: { subject: '病房空调不制冷', demand: '今天修好' },
        }),
      );
      b.write(
        storyB.event('case/accepted'),
        storyB.event('case/fieldsChanged', {
          fields: { subject: '病房空调故障', categoryId: 'equipment' },
        }),
      );
      a.write(storyA.event('case/fieldsChanged', { fields: { levelId: 'major' } }));
      // They come back one after the other, and sync again to see each other.
      await a.sync();
      await b.sync();
      await a.sync();

      const hq = await headOffice(s, '市医院');
      await hq.pull();
      const snapshots = [a, b, hq].map((d) => d.snapshot('WA-shared-1'));
      expect(snapshots[1]).toEqual(snapshots[0]);
      expect(snapshots[2]).toEqual(snapshots[0]);
      expect(snapshots[0]).toMatchObject({
        status: 'accepted',
        // B wrote the subject later by the clock; each keeps the fields only it changed.
        subject: '病房空调故障',
        demand: '今天修好',
        categoryId: 'equipment',
        levelId: 'major',
        eventCount: 6,
        ignoredEventIds: [],
      });
    },
    180_000,
  );
});
