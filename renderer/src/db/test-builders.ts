/**
 * Builders for repository tests: a fresh database per test and a desk set up with the property
 * preset, so each test reads as a short story.
 */
import type { ScryptParams } from '@shared/access/credentials';
import type { IsoInstant, UnitId } from '@shared/kernel/brand';
import type { CaseDeadline, CustomerRef } from '@shared/model/entities';
import type { ImportMapping } from '@shared/import/fields';
import type { CaseReceived } from '@shared/workflow/events';
import { openDeskDatabase, type DeskDatabase } from './database';
import { caseRegister, type CaseIntake } from './repos/cases';
import { deskSetUp, deskState, type StoredDeskState } from './repos/settings';
import { syncSettingsChange } from './repos/sync';
import { deskSessionOf, type DeskSession } from './session';

/** A database of its own for one test (fake-indexeddb keeps databases for the whole run). */
export function testDatabase(): DeskDatabase {
  return openDeskDatabase(`t-${crypto.randomUUID()}`);
}

export const SET_UP_AT = '2026-11-02T01:00:00.000Z' as IsoInstant;

/** The first administrator's password in tests. */
export const TEST_PASSWORD = 'desk-1234';
/** A cheap hash for tests: the desk's own cost (DESK_SCRYPT) would make each test slow. */
export const TEST_SCRYPT: ScryptParams = { N: 2 ** 4, r: 8, p: 1, dkLen: 32 };

export async function testDeskSetUp(db: DeskDatabase): Promise<StoredDeskState> {
  await deskSetUp(db, {
    organisationName: '示例物业',
    deskName: '客服中心',
    presetId: 'property',
    operatorName: '王芳',
    locale: 'zh-CN',
    now: SET_UP_AT,
    password: TEST_PASSWORD,
    scrypt: TEST_SCRYPT,
  });
  const desk = await deskState(db);
  if (!desk) throw new Error('desk not set up');
  return desk;
}

/**
 * The session of the desk's operator (`deskSessionOf`, as the screens build it), its clock
 * stopped at `at`: the set-up time unless given.
 */
export function testSession(
  db: DeskDatabase,
  desk: StoredDeskState,
  at: string = SET_UP_AT,
): DeskSession {
  return deskSessionOf(db, desk, () => at as IsoInstant);
}

export function testCustomer(overrides: Partial<CustomerRef> = {}): CustomerRef {
  return { name: '李明', phone: '13912345678', address: '5栋1203室', ...overrides };
}

export type TestReceived = Partial<Omit<CaseReceived['payload'], 'number'>>;

/** What the clerk typed for one case, received at `receivedAt`. */
export function testReceivedPayload(
  desk: StoredDeskState,
  receivedAt: string,
  overrides: TestReceived = {},
): CaseIntake {
  return {
    kindId: 'complaint',
    channelId: 'phone',
    customer: testCustomer(),
    subject: '楼道灯不亮',
    content: '3号楼2单元楼道灯坏了一周',
    demand: '尽快修好',
    flags: [],
    receivedAt: receivedAt as IsoInstant,
    receiverId: desk.operator.id,
    receiverName: desk.operator.name,
    ...overrides,
  };
}

/** A small seeded generator (mulberry32), so a failing random test can be replayed. */
export function testRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Registers a case as the desk's operator; the entry is made one minute after it was received
 * unless `enteredMs` says when.
 */
export async function testRegister(
  db: DeskDatabase,
  desk: StoredDeskState,
  receivedAt: string,
  overrides: TestReceived = {},
  enteredMs: number = Date.parse(receivedAt) + 60_000,
) {
  const session = testSession(db, desk, new Date(enteredMs).toISOString());
  return caseRegister(session, testReceivedPayload(desk, receivedAt, overrides));
}

export function testDeadline(dueAt: string): CaseDeadline {
  return { dueAt: dueAt as IsoInstant, basis: 'handling' };
}

/** The columns of the register file the import tests read: number, caller, phone, subject, dates ... */
export const TEST_IMPORT_MAPPING: ImportMapping = {
  number: 0,
  customerName: 1,
  phone: 2,
  subject: 3,
  receivedDate: 4,
  kind: 5,
  handler: 6,
  repliedDate: 7,
  followUpDate: 8,
  satisfaction: 9,
};

export const TEST_UNIT = { unitId: 'unit-engineering' as UnitId, unitName: '工程部' };

/**
 * Makes the desk a syncing desk (a server saved in its sync settings, sync switched off so no
 * engine is implied): from now on its events are queued in the outbox.
 */
export async function testSyncJoin(db: DeskDatabase, desk: StoredDeskState): Promise<void> {
  await syncSettingsChange(testSession(db, desk), {
    address: 'http://sync.test',
    token: 'desk-token',
    enabled: false,
    kind: 'desk',
    desks: [],
  });
}
