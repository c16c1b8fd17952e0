/**
 * The sync engine against an in-memory fake of the protocol (`FakeSyncServer` below, a test
 * double: the real server is `server/`, exercised by tests/e2e/sync.spec.ts). Two desks are two
 * fake-indexeddb databases.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CaseId, CustomerId, UnitId } from '@shared/kernel/brand';
import type { CaseEntity } from '@shared/model/entities';
import { hlcIsFarAhead } from '@shared/kernel/hlc';
import { contentHash } from '@shared/attachments/hash';
import {
  MAX_CLOCK_SKEW_MS,
  pushRequestSchema,
  type PulledEvent,
  type SyncDesk,
} from '@shared/sync/protocol';
import type { SyncSettings } from '@shared/sync/desk-sync';
import type { DeskDatabase } from '../database';
import { AccessDeniedError } from '../errors';
import { caseAppendEvent, caseGet, caseSearchIndexSettled, caseRegister } from '../repos/cases';
import { attachmentContent } from '../repos/attachments';
import { customerCaseCounts } from '../repos/customers';
import { unitAdd, unitUpdate } from '../repos/units';
import { settingsGet, type StoredDeskState } from '../repos/settings';
import { syncCursorGet, syncSettingsChange } from '../repos/sync';
import { deskSessionOf } from '../session';
import {
  SET_UP_AT,
  testCustomer,
  testDatabase,
  testDeadline,
  testDeskSetUp,
  testReceivedPayload,
  testRegister,
  testSession,
} from '../test-builders';
import { SyncEngine } from './engine';
import { SyncRequestError, syncTransportHttp, type SyncTransport } from './transport';

/** TEST DOUBLE: the protocol's rules in memory (one organisation unless a desk names another). */
class FakeSyncServer {
  epoch = 'e1';
  now = Date.parse('2026-11-04T00:00:00.000Z');
  readonly log: { seq: number; event: PulledEvent; org: string }[] = [];
  /** Which desks receive each case: the pusher and every routed desk. */
  readonly receivers = new Map<string, Set<string>>();
  readonly files = new Map<string, Uint8Array>();
  readonly pushes: { events: number; routes: unknown }[] = [];
  /** Ids this server will not acknowledge (as if it failed to store them). */
  readonly refuse = new Set<string>();
  /** Pull calls that fail with no network, by call number (1-based). */
  readonly pullFailsAt = new Set<number>();
  pullCalls = 0;
  offline = false;
  private seq = 0;
  private readonly desks = new Map<string, { code: string; org: string } | { head: string }>();

  deskToken(code: string, org = 'org1'): string {
    const token = `tok-${code}-${org}`;
    this.desks.set(token, { code, org });
    return token;
  }

  headOfficeToken(org = 'org1'): string {
    const token = `head-${org}`;
    this.desks.set(token, { head: org });
    return token;
  }

  resetEpoch(): void {
    this.epoch = `e${Number(this.epoch.slice(1)) + 1}`;
  }

  transport(token: string): SyncTransport {
    const fail = (
      code: 'network' | 'unauthorized' | 'epochChanged' | 'clockAhead' | 'forbidden',
    ) => {
      throw new SyncRequestError({ code, detail: code });
    };
    const who = () => {
      if (this.offline) fail('network');
      const desk = this.desks.get(token);
      if (!desk) return fail('unauthorized');
      return desk;
    };
    const deskList = (org: string): SyncDesk[] =>
      [...this.desks.values()].flatMap((d) =>
        'code' in d && d.org === org ? [{ code: d.code, name: `desk ${d.code}` }] : [],
      );
    return {
      hello: async () => {
        const desk = who();
        const org = 'code' in desk ? desk.org : desk.head;
        return {
          kind: 'code' in desk ? 'desk' : 'headOffice',
          organisation: { id: org, name: `organisation ${org}` },
          ...('code' in desk ? { desk: { code: desk.code, name: `desk ${desk.code}` } } : {}),
          desks: deskList(org),
          serverTime: new Date(this.now).toISOString(),
          epoch: this.epoch,
        };
      },
      push: async (events, routes) => {
        const desk = who();
        if (!('code' in desk)) return fail('forbidden');
        // The wire shape is the protocol's: the real server parses the same schema.
        pushRequestSchema.parse({ protocol: 1, events, routes });
        for (const event of events) {
          if (hlcIsFarAhead(event.hlc, this.now, MAX_CLOCK_SKEW_MS)) fail('clockAhead');
        }
        this.pushes.push({ events: events.length, routes });
        const acknowledged: string[] = [];
        for (const event of events) {
          if (this.refuse.has(event.id)) continue;
          acknowledged.push(event.id);
          const receivers = this.receivers.get(event.caseId) ?? new Set([desk.code]);
          this.receivers.set(event.caseId, receivers);
          if (this.log.some((row) => row.event.id === event.id)) continue;
          this.seq += 1;
          this.log.push({
            seq: this.seq,
            org: desk.org,
            event: { ...event, originDeskCode: desk.code },
          });
        }
        for (const route of routes) {
          const receivers = this.receivers.get(route.caseId) ?? new Set([desk.code]);
          route.deskCodes.forEach((c) => receivers.add(c));
          this.receivers.set(route.caseId, receivers);
        }
        return { acknowledged, serverTime: new Date(this.now).toISOString() };
      },
      pull: async (cursor, limit = 500) => {
        this.pullCalls += 1;
        if (this.pullFailsAt.has(this.pullCalls)) fail('network');
        const desk = who();
        let after = 0;
        if (cursor !== null) {
          const [epoch, seq] = cursor.split('.');
          if (epoch !== this.epoch) fail('epochChanged');
          after = Number(seq);
        }
        const visible = this.log.filter(
          (row) =>
            row.seq > after &&
            ('code' in desk
              ? row.org === desk.org &&
                (this.receivers.get(row.event.caseId)?.has(desk.code) ?? false)
              : row.org === desk.head),
        );
        const page = visible.slice(0, limit);
        const last = page.at(-1)?.seq ?? after;
        return {
          events: page.map((row) => row.event),
          cursor: `${this.epoch}.${last}`,
          more: visible.length > page.length,
          epoch: this.epoch,
        };
      },
      filesMissing: async (hashes) => {
        who();
        return { missing: hashes.filter((h) => !this.files.has(h)) };
      },
      filePut: async (hash, bytes) => {
        who();
        if (contentHash([bytes]) !== hash) throw new Error('hash mismatch');
        this.files.set(hash, bytes);
      },
      fileGet: async (hash) => {
        who();
        const bytes = this.files.get(hash);
        if (!bytes) throw new SyncRequestError({ code: 'notFound', detail: hash });
        return bytes;
      },
    };
  }
}

const dbs: DeskDatabase[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(dbs.splice(0).map((db) => db.delete()));
});

interface Desk {
  db: DeskDatabase;
  desk: StoredDeskState;
  settings: SyncSettings;
  engine: (options?: { pullLimit?: number; pushLimit?: number }) => SyncEngine;
}

/** A desk joined to the server; `alone`: what it did before it joined, working alone. */
async function deskOf(
  server: FakeSyncServer,
  code: string,
  org = 'org1',
  alone?: (db: DeskDatabase, desk: StoredDeskState) => Promise<void>,
): Promise<Desk> {
  const db = testDatabase();
  dbs.push(db);
  const desk = await testDeskSetUp(db);
  await alone?.(db, desk);
  const token = server.deskToken(code, org);
  const hello = await server.transport(token).hello();
  const settings: SyncSettings = {
    address: 'http://sync.test',
    token,
    enabled: true,
    kind: 'desk',
    organisation: hello.organisation,
    ...(hello.desk ? { desk: hello.desk } : {}),
    desks: hello.desks,
  };
  await syncSettingsChange(testSession(db, desk), settings);
  const synced = { ...desk, identity: (await settingsGet(db, 'identity')) ?? desk.identity };
  return {
    db,
    desk: synced,
    settings,
    engine: (options = {}) =>
      new SyncEngine({ db, settings, transport: server.transport(token), ...options }),
  };
}

async function register(d: Desk, receivedAt = '2026-11-02T02:00:00.000Z', subject = '楼道灯不亮') {
  const created = await testRegister(d.db, d.desk, receivedAt, { subject });
  await caseSearchIndexSettled(d.db);
  return created;
}

/** A snapshot as compared across desks: everything but where this desk keeps it pending. */
function comparable(row: CaseEntity | undefined) {
  if (!row) return undefined;
  const { searchPending: _p, ...rest } = row;
  return rest;
}

describe('SyncEngine push', () => {
  it('pushes the cases a desk made alone, once it joins', async () => {
    const server = new FakeSyncServer();
    let made: CaseEntity[] = [];
    const a = await deskOf(server, 'A01', 'org1', async (db, desk) => {
      made = [
        await testRegister(db, desk, '2026-11-02T02:00:00.000Z', { subject: '楼道灯不亮' }),
        await testRegister(db, desk, '2026-11-02T02:05:00.000Z', { subject: '电梯异响' }),
      ];
      // Alone, the desk queued nothing.
      expect(await db.outbox.count()).toBe(0);
    });
    const after = await register(a, '2026-11-02T03:00:00.000Z', '水管漏水');
    // Joined: new events are queued at once; the history waits for the engine's backlog.
    expect(await a.db.outbox.count()).toBe(1);

    const result = await a.engine().syncNow();
    expect(result.pushed).toBe(3);
    expect(await a.db.outbox.count()).toBe(0);
    expect(new Set(server.log.map((r) => r.event.caseId))).toEqual(
      new Set([...made.map((c) => c.id), after.id]),
    );
    expect(await settingsGet(a.db, 'syncBacklog')).toMatchObject({ done: true });
    // A second round pushes nothing again.
    expect((await a.engine().syncNow()).pushed).toBe(0);
  });

  it('pushes the outbox and deletes exactly the acknowledged ids', async () => {
    const server = new FakeSyncServer();
    const a = await deskOf(server, 'A01');
    const one = await register(a);
    const two = await register(a, '2026-11-02T02:05:00.000Z', '电梯异响');
    const refused = (await a.db.outbox.where('caseId').equals(two.id).first())?.id;
    expect(refused).toBeDefined();
    server.refuse.add(refused as string);
    const result = await a.engine().syncNow();
    expect(result.pushed).toBe(1);
    expect((await a.db.outbox.toArray()).map((r) => r.id)).toEqual([refused]);
    expect(server.log.map((r) => r.event.caseId)).toEqual([one.id]);
  });

  it('keeps the outbox when the push fails, and reports the desk offline', async () => {
    const server = new FakeSyncServer();
    const a = await deskOf(server, 'A01');
    await register(a);
    const before = await a.db.outbox.toArray();
    server.offline = true;
    const engine = a.engine();
    await expect(engine.syncNow()).rejects.toBeInstanceOf(SyncRequestError);
    expect(await a.db.outbox.toArray()).toEqual(before);
    expect(engine.status()).toEqual({ state: 'offline', pending: 1 });
    server.offline = false;
    await engine.syncNow();
    expect(await a.db.outbox.count()).toBe(0);
    expect(engine.status().state).toBe('synced');
  });

  it('pushes in batches of at most the push limit', async () => {
    const server = new FakeSyncServer();
    const a = await deskOf(server, 'A01');
    for (let i = 0; i < 5; i += 1) await register(a, `2026-11-02T0${i}:00:00.000Z`, `事项${i}`);
    await a.engine({ pushLimit: 2 }).syncNow();
    expect(server.pushes.map((p) => p.events)).toEqual([2, 2, 1]);
    expect(await a.db.outbox.count()).toBe(0);
  });

  it('stops on a clock far ahead of the server and says why; the outbox stays', async () => {
    const server = new FakeSyncServer();
    const a = await deskOf(server, 'A01');
    // The desk's clock is a day ahead of the server's.
    const ahead = new Date(server.now + 86_400_000).toISOString();
    await caseRegister(testSession(a.db, a.desk, ahead), testReceivedPayload(a.desk, ahead));
    const engine = a.engine();
    await expect(engine.syncNow()).rejects.toBeInstanceOf(SyncRequestError);
    const status = engine.status();
    expect(status.state).toBe('error');
    expect(status.state === 'error' && status.failure.code).toBe('clockAhead');
    expect(await a.db.outbox.count()).toBe(1);
    expect(server.log).toHaveLength(0);
  });
});

describe('SyncEngine pull', () => {
  it('routes a dispatch to a unit served by another desk; that desk folds the same snapshot', async () => {
    const server = new FakeSyncServer();
    const a = await deskOf(server, 'A01');
    const b = await deskOf(server, 'B01');
    const session = testSession(a.db, a.desk);
    const unit = await unitAdd(session, { name: '工程部' });
    await unitUpdate(session, unit.id, { deskCode: 'B01' });
    const kept = await register(a, '2026-11-02T02:00:00.000Z', '只在本台');
    const sent = await register(a, '2026-11-02T02:10:00.000Z', '交给乙台');
    await caseAppendEvent(
      testSession(a.db, a.desk, '2026-11-02T03:00:00.000Z'),
      sent.id,
      'case/dispatched',
      {
        unitId: unit.id as UnitId,
        unitName: unit.name,
        deadline: testDeadline('2026-11-05T03:00:00.000Z'),
      },
    );
    expect(kept.number).toMatch(/^A01-/);
    await a.engine().syncNow();
    expect(server.pushes[0]?.routes).toEqual([{ caseId: sent.id, deskCodes: ['B01'] }]);

    const pulled = await b.engine().syncNow();
    expect(pulled.pulled).toBe(2);
    expect(await b.db.cases.get(kept.id)).toBeUndefined();
    const mine = await caseGet(a.db, sent.id);
    const theirs = await caseGet(b.db, sent.id);
    expect(comparable(theirs)).toEqual(comparable(mine));
    expect(theirs?.status).toBe('dispatched');
    // Both name the desk that registered it, for the register's desk column and filter.
    expect(mine?.originDeskCode).toBe('A01');
    expect(theirs?.originDeskCode).toBe('A01');
    // Derived rows are rebuilt locally: B's tallies count the case, its search finds it.
    expect((await b.db.tallies.toArray())[0]).toBeDefined();
    expect(theirs?.searchTerms.length).toBeGreaterThan(0);
    // B works the case; A pulls B's step and both fold the same snapshot.
    const bSession = testSession(b.db, b.desk, '2026-11-02T04:00:00.000Z');
    await caseAppendEvent(bSession, sent.id, 'case/accepted', { handlerName: '张工' });
    await b.engine().syncNow();
    await a.engine().syncNow();
    expect(comparable(await caseGet(a.db, sent.id))).toEqual(
      comparable(await caseGet(b.db, sent.id)),
    );
    expect((await caseGet(a.db, sent.id))?.status).toBe('accepted');
  });

  it('makes or completes the customer files of pulled cases as a registration here would', async () => {
    const server = new FakeSyncServer();
    const a = await deskOf(server, 'A01');
    const b = await deskOf(server, 'B01');
    const session = testSession(a.db, a.desk);
    const unit = await unitAdd(session, { name: '工程部' });
    await unitUpdate(session, unit.id, { deskCode: 'B01' });
    // B already keeps a file for 赵敏's phone, without her address.
    const own = await testRegister(b.db, b.desk, '2026-11-01T02:00:00.000Z', {
      customer: testCustomer({ name: '赵敏', phone: '13800001111', address: '' }),
    });
    const bFile = own.customer.customerId;
    expect(bFile).toBeDefined();
    const at = ['2026-11-02T02:00:00.000Z', '2026-11-02T02:10:00.000Z', '2026-11-02T02:20:00.000Z'];
    const zhao = await testRegister(a.db, a.desk, at[0] as string, {
      customer: testCustomer({ name: '赵敏', phone: '138-0000-1111', address: '3栋201室' }),
    });
    const qian = await testRegister(a.db, a.desk, at[1] as string, {
      customer: testCustomer({ name: '钱进', phone: '13900002222', address: '5栋101室' }),
    });
    const secret = await testRegister(a.db, a.desk, at[2] as string, {
      customer: testCustomer({ name: '孙丽', phone: '13700003333', address: '' }),
      flags: ['confidential'],
    });
    for (const sent of [zhao, qian, secret]) {
      await caseAppendEvent(
        testSession(a.db, a.desk, '2026-11-02T03:00:00.000Z'),
        sent.id,
        'case/dispatched',
        {
          unitId: unit.id as UnitId,
          unitName: unit.name,
          deadline: testDeadline('2026-11-05T03:00:00.000Z'),
        },
      );
    }
    await a.engine().syncNow();
    await b.engine().syncNow();
    await b.engine().syncNow();

    // Same phone: B's own file takes the case and gains the address it lacked.
    expect((await caseGet(b.db, zhao.id))?.customer.customerId).toBe(bFile);
    expect(await b.db.customers.get(bFile as CustomerId)).toMatchObject({
      name: '赵敏',
      phones: ['13800001111'],
      address: '3栋201室',
    });
    expect(
      (await customerCaseCounts(b.db, [bFile as CustomerId])).get(bFile as CustomerId),
    ).toEqual({ total: 2, open: 2 });
    // A new caller: a file under the id the origin desk gave it, so both desks name it alike.
    const qianFile = qian.customer.customerId as CustomerId;
    expect(await b.db.customers.get(qianFile)).toMatchObject({
      name: '钱进',
      phones: ['13900002222'],
      address: '5栋101室',
    });
    expect(comparable(await caseGet(b.db, qian.id))).toEqual(
      comparable(await caseGet(a.db, qian.id)),
    );
    // A confidential report makes no file; nothing else was made, and A's own files are as before.
    expect(await b.db.customers.where('phones').equals('13700003333').count()).toBe(0);
    expect((await caseGet(b.db, secret.id))?.status).toBe('dispatched');
    expect(await b.db.customers.count()).toBe(2);
    const aFiles = await a.db.customers.toArray();
    expect(aFiles).toHaveLength(2);

    // Head office: one file per household across desks, listing every desk's cases.
    const head = await headOffice(server);
    await head.engine().syncNow();
    expect(await head.db.customers.count()).toBe(2);
    const zhaoFile = (await caseGet(head.db, zhao.id))?.customer.customerId as CustomerId;
    expect((await caseGet(head.db, own.id))?.customer.customerId).toBe(zhaoFile);
    expect((await customerCaseCounts(head.db, [zhaoFile])).get(zhaoFile)?.total).toBe(2);
    expect(await head.db.customers.get(qianFile)).toBeDefined();
    // Pulling again (A's own events come back) changes no file.
    await a.engine().syncNow();
    expect(await a.db.customers.toArray()).toEqual(aFiles);
  });

  it('stores each page with its cursor at once: stopped between pages, it resumes at its cursor', async () => {
    const server = new FakeSyncServer();
    const a = await deskOf(server, 'A01');
    for (let i = 0; i < 5; i += 1) await register(a, `2026-11-02T0${i}:00:00.000Z`, `事项${i}`);
    await a.engine().syncNow();
    const head = await headOffice(server);
    server.pullCalls = 0;
    server.pullFailsAt.add(2);
    await expect(head.engine({ pullLimit: 2 }).syncNow()).rejects.toBeInstanceOf(SyncRequestError);
    expect(await head.db.events.count()).toBe(2);
    expect(await syncCursorGet(head.db)).toBe('e1.2');
    await head.engine({ pullLimit: 2 }).syncNow();
    expect(await head.db.events.count()).toBe(5);
    expect(await head.db.cases.count()).toBe(5);
  });

  it('writes nothing of a page whose store fails (events and cursor commit together)', async () => {
    const server = new FakeSyncServer();
    const a = await deskOf(server, 'A01');
    await register(a);
    await a.engine().syncNow();
    const head = await headOffice(server);
    vi.spyOn(head.db.settings, 'bulkPut').mockRejectedValueOnce(new Error('disk full'));
    await expect(head.engine().syncNow()).rejects.toThrow();
    expect(await head.db.events.count()).toBe(0);
    expect(await head.db.cases.count()).toBe(0);
    expect(await syncCursorGet(head.db)).toBeNull();
  });

  it('pulls everything again when the server epoch changes, doubling nothing', async () => {
    const server = new FakeSyncServer();
    const a = await deskOf(server, 'A01');
    await register(a);
    await a.engine().syncNow();
    const head = await headOffice(server);
    await head.engine().syncNow();
    server.resetEpoch();
    await register(a, '2026-11-02T05:00:00.000Z', '第二件');
    await a.engine().syncNow();
    const result = await head.engine().syncNow();
    expect(result.epochReset).toBe(true);
    expect(result.pulled).toBe(1);
    expect(await head.db.events.count()).toBe(2);
    expect(await syncCursorGet(head.db)).toBe('e2.2');
  });

  it('a head office pulls every desk of its organisation and none of another, and writes no case', async () => {
    const server = new FakeSyncServer();
    const a = await deskOf(server, 'A01');
    const b = await deskOf(server, 'B01');
    const other = await deskOf(server, 'C01', 'org2');
    const ca = await register(a);
    const cb = await register(b, '2026-11-02T03:00:00.000Z', '乙台的');
    await register(other, '2026-11-02T04:00:00.000Z', '别的组织');
    for (const d of [a, b, other]) await d.engine().syncNow();
    const head = await headOffice(server);
    await head.engine().syncNow();
    expect((await head.db.cases.toArray()).map((c) => c.id).sort()).toEqual([ca.id, cb.id].sort());
    expect((await caseGet(head.db, cb.id))?.originDeskCode).toBe('B01');
    expect((await caseGet(head.db, ca.id))?.originDeskCode).toBe('A01');
    expect(comparable(await caseGet(head.db, ca.id))).toEqual(
      comparable(await caseGet(a.db, ca.id)),
    );
    expect(await other.db.cases.count()).toBe(1);
    const headSession = deskSessionOf(head.db, { ...head.desk, headOffice: true }, () => SET_UP_AT);
    await expect(
      caseRegister(headSession, testReceivedPayload(head.desk, SET_UP_AT)),
    ).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(
      caseAppendEvent(headSession, ca.id as CaseId, 'case/noted', { note: 'x' } as never),
    ).rejects.toBeInstanceOf(AccessDeniedError);
    expect(await head.db.outbox.count()).toBe(0);
  });
});

describe('SyncEngine attachments', () => {
  it('uploads the files the server lacks and downloads a pulled one when it is opened', async () => {
    const server = new FakeSyncServer();
    const a = await deskOf(server, 'A01');
    const created = await register(a);
    const bytes = new Uint8Array(new TextEncoder().encode('维修单扫描件'));
    const hash = contentHash(bytes);
    await a.db.files.add({
      hash,
      kind: 'text',
      mediaType: 'text/plain',
      size: bytes.length,
      chunkCount: 1,
      addedAt: SET_UP_AT,
    });
    await a.db.fileChunks.add({ hash, index: 0, bytes });
    await caseAppendEvent(testSession(a.db, a.desk), created.id, 'case/attachmentAdded', {
      attachmentId: 'att-1',
      hash,
      name: '维修单.txt',
      kind: 'text',
      mediaType: 'text/plain',
      inline: false,
      size: bytes.length,
    });
    const pushed = await a.engine().syncNow();
    expect(pushed.uploaded).toBe(1);
    expect(server.files.get(hash)).toEqual(bytes);

    const head = await headOffice(server);
    const engine = head.engine();
    await engine.syncNow();
    expect(await head.db.files.get(hash)).toBeUndefined();
    const row = (await caseGet(head.db, created.id)) as CaseEntity;
    // Without a running engine there is nowhere to fetch from.
    await expect(attachmentContent(head.db, row, 'att-1')).rejects.toThrow();
    engine.start();
    const blob = await attachmentContent(head.db, row, 'att-1');
    engine.stop();
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes);
    expect(await head.db.files.get(hash)).toBeDefined();
  });
});

describe('syncTransportHttp', () => {
  it('names the server’s error code, and a failed fetch as network', async () => {
    const answers: (Response | Error)[] = [
      new Response(JSON.stringify({ error: { code: 'unauthorized', message: 'revoked' } }), {
        status: 401,
      }),
      new TypeError('Failed to fetch'),
      new Response('<html>', { status: 502 }),
    ];
    const calls: RequestInit[] = [];
    const transport = syncTransportHttp('http://sync.test', 'secret', async (_url, init) => {
      calls.push(init ?? {});
      const next = answers.shift();
      if (next instanceof Error) throw next;
      return next as Response;
    });
    const codes = [];
    for (let i = 0; i < 3; i += 1) {
      codes.push(await transport.hello().catch((e: SyncRequestError) => e.failure.code));
    }
    expect(codes).toEqual(['unauthorized', 'network', 'server']);
    expect(JSON.parse(String(calls[0]?.body))).toEqual({ protocol: 1 });
    expect(new Headers(calls[0]?.headers).get('authorization')).toBe('Bearer secret');
  });
});

async function headOffice(server: FakeSyncServer): Promise<Desk> {
  const db = testDatabase();
  dbs.push(db);
  const desk = await testDeskSetUp(db);
  const token = server.headOfficeToken();
  const settings: SyncSettings = {
    address: 'http://sync.test',
    token,
    enabled: true,
    kind: 'headOffice',
    desks: [],
  };
  await syncSettingsChange(testSession(db, desk), settings);
  return {
    db,
    desk,
    settings,
    engine: (options = {}) =>
      new SyncEngine({ db, settings, transport: server.transport(token), ...options }),
  };
}
