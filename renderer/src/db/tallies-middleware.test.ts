import { liveQuery } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CaseId, IsoInstant, StaffId } from '@shared/kernel/brand';
import {
  DEFAULT_BUSINESS_HOURS,
  deadlineCompute,
  deadlineContextFromSettings,
} from '@shared/calendar/deadline';
import { calendarCreate } from '@shared/calendar/working-calendar';
import type { CaseEntity, CaseStatus } from '@shared/model/entities';
import { importCheck, type ImportedCase } from '@shared/import/check';
import type { ImportCell } from '@shared/import/values';
import {
  WORK_QUEUE_IDS,
  workQueueHas,
  type WorkQueueContext,
  type WorkQueueId,
} from '@shared/register/queues';
import { TALLIES_KEY, talliesOf } from '@shared/register/tallies';
import type { CasePayloadOf } from '@shared/workflow/events';
import { SAMPLE_PAYLOADS } from '@shared/workflow/test-builders';
import type { DeskDatabase } from './database';
import { WorkflowError } from './errors';
import { sessionStamp } from './session';
import {
  caseAppendEvent,
  caseAppendInTransaction,
  caseAppendTables,
  type CaseAppendableType,
} from './repos/cases';
import { deadlinesRecompute } from './repos/deadlines';
import { casesImport } from './repos/import';
import { matterLink, matterUnlink } from './repos/matters';
import { workQueueCounts, type WorkQueueCounts } from './repos/queues';
import { registerCounts } from './repos/register';
import { registerCount, registerRowMatches, type RegisterCriteria } from '@shared/register/query';
import type { StoredDeskState } from './repos/settings';
import { talliesCount, talliesGet } from './repos/tallies';
import { dayCountsReady } from './repos/day-counts';
import { dayCountsOf, type DayCountEntity } from '@shared/register/day-counts';
import {
  TEST_IMPORT_MAPPING,
  testDatabase,
  testDeadline,
  testDeskSetUp,
  testRandom,
  testRegister,
  testSession,
} from './test-builders';

const OTHER_CLERK = 'staff-other' as StaffId;
const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
/** 2026-12-20 09:00 in Shanghai: the stories below happen around the new year. */
const START_MS = Date.parse('2026-12-20T01:00:00.000Z');

function instant(ms: number): IsoInstant {
  return new Date(ms).toISOString() as IsoInstant;
}

let db: DeskDatabase;
let desk: StoredDeskState;
afterEach(async () => {
  await db.delete();
});

/** The desk's clock: every write happens a few minutes after the last. */
let wallMs = START_MS;

/** The operator's session for the next write, its clock a few minutes on. */
function actorSession() {
  wallMs += 7 * MINUTE_MS;
  return testSession(db, desk, instant(wallMs));
}

async function append<T extends CaseAppendableType>(
  id: CaseId,
  type: T,
  payload: CasePayloadOf<T>,
): Promise<CaseEntity> {
  return caseAppendEvent(actorSession(), id, type, payload);
}

async function register(receivedMs: number, options: { due?: IsoInstant; receiverId?: StaffId }) {
  wallMs = Math.max(wallMs, receivedMs) + 7 * MINUTE_MS;
  return testRegister(db, desk, instant(receivedMs), {
    ...(options.due === undefined ? {} : { deadline: testDeadline(options.due) }),
    ...(options.receiverId ? { receiverId: options.receiverId, receiverName: '赵敏' } : {}),
  });
}

/** Every case, counted with the queue predicates (the definition the counts must meet). */
async function countsByDefinition(ctx: WorkQueueContext): Promise<WorkQueueCounts> {
  const cases = await db.cases.toArray();
  const counts = WORK_QUEUE_IDS.map((id) => [
    id,
    cases.filter((c) => workQueueHas(id, c, ctx)).length,
  ]);
  return Object.fromEntries(counts) as WorkQueueCounts;
}

async function expectTalliesTrue(): Promise<void> {
  const cases = await db.cases.toArray();
  expect(await talliesGet(db)).toEqual(talliesOf(cases));
  await expectDayCountsTrue(cases);
}

const dayCountOrder = (a: DayCountEntity, b: DayCountEntity) =>
  JSON.stringify([a.facet, a.day, a.status]) < JSON.stringify([b.facet, b.day, b.status]) ? -1 : 1;

/** The stored day counts are those of the cases counted one by one, and still kept. */
async function expectDayCountsTrue(cases: readonly CaseEntity[]): Promise<void> {
  expect(await dayCountsReady(db)).toBe(true);
  const stored = (await db.dayCounts.toArray()).filter((row) => row.facet !== '#');
  expect(stored.sort(dayCountOrder)).toEqual(dayCountsOf(cases).sort(dayCountOrder));
}

/** Appended at random: every type but the links (made through `matterLink` below). */
const EVENT_TYPES = (Object.keys(SAMPLE_PAYLOADS) as (keyof typeof SAMPLE_PAYLOADS)[]).filter(
  (type): type is CaseAppendableType =>
    type !== 'case/received' && type !== 'case/linked' && type !== 'case/unlinked',
);

/** The events that move a case along, drawn more often so cases reach every status. */
const PROGRESS: readonly CaseAppendableType[] = [
  'case/dispatched',
  'case/accepted',
  'case/returned',
  'case/replied',
  'case/followedUp',
  'case/closed',
  'case/escalated',
  'case/reviewed',
  'case/handledDirectly',
  'case/reopened',
  'case/exempted',
];

/**
 * A deadline as the desk computes them: whole working days from a time in the weeks the story
 * happens in, so it falls within business hours of a working day. (The due-soon range and its
 * predicate part ways for a due time outside business hours: see `dueSoonUntil`.)
 */
function dueAt(random: () => number): IsoInstant {
  const from = instant(START_MS + Math.floor(random() * 10 * DAY_MS));
  const amount = 1 + Math.floor(random() * 8);
  return deadlineCompute({ amount, unit: 'workingDays' }, from, deskDeadline()).dueAt;
}

function deskDeadline() {
  return deadlineContextFromSettings(desk.calendar);
}

/** A sample payload with its times moved into the weeks the story happens in. */
function payloadFor(type: CaseAppendableType, random: () => number) {
  const moved: Record<string, unknown> = {};
  const sample: Record<string, unknown> = { ...SAMPLE_PAYLOADS[type] };
  if ('deadline' in sample) moved.deadline = testDeadline(dueAt(random));
  if ('requestedDueAt' in sample) moved.requestedDueAt = dueAt(random);
  if ('followUpDueAt' in sample && random() < 0.7) moved.followUpDueAt = dueAt(random);
  if (type === 'case/handledDirectly') moved.followUpRequired = random() < 0.5;
  // The sample and the moved times are of the type's payload.
  return { ...sample, ...moved } as never;
}

/** Register rows received in November 2025, numbered apart from the cases registered here. */
function importRows(serial: number, random: () => number): ImportedCase[] {
  const rows: ImportCell[][] = [0, 1].map((i) => {
    const day = 3 + ((serial + i) % 20);
    const replied = random() < 0.5;
    return [
      `2511-${String(serial + i).padStart(4, '0')}`,
      '张建国',
      '13812345678',
      '电梯停运',
      `2025-11-${day} 10:00`,
      random() < 0.5 ? '投诉' : '需求',
      random() < 0.7 ? '工程部/李强' : '',
      replied ? `2025-11-${day} 15:00` : '',
      replied && random() < 0.5 ? `2025-11-${day} 16:00` : '',
      replied && random() < 0.5 ? 5 : '',
    ];
  });
  return [
    ...importCheck(rows, 0, TEST_IMPORT_MAPPING, {
      rules: desk.rules,
      deadlineContext: {
        calendar: calendarCreate([]),
        businessHours: DEFAULT_BUSINESS_HOURS,
        timeZone: 'Asia/Shanghai',
      },
      now: '2026-12-01T04:00:00.000Z' as IsoInstant,
      existingNumbers: new Set(),
      operatorName: desk.operator.name,
    }).accepted,
  ];
}

describe('the tallies middleware', () => {
  it('keeps the tallies and the queue counts true through a random sequence of writes', async () => {
    const random = testRandom(20_261_220);
    const pick = <T>(items: readonly T[]): T => {
      const item = items[Math.floor(random() * items.length)];
      if (item === undefined) throw new Error('nothing to pick');
      return item;
    };
    db = testDatabase();
    desk = await testDeskSetUp(db);
    wallMs = START_MS;
    const ids: CaseId[] = [];
    const done = { appended: 0, refused: 0, imported: 0, recomputed: 0, linked: 0 };
    let importSerial = 1;
    const counted = new Set<WorkQueueId>();

    for (let step = 0; step < 300; step++) {
      const roll = random();
      if (ids.length < 4 || roll < 0.25) {
        const receivedMs = wallMs - Math.floor(random() * 3 * DAY_MS);
        const c = await register(receivedMs, {
          ...(random() < 0.7 ? { due: dueAt(random) } : {}),
          ...(random() < 0.3 ? { receiverId: OTHER_CLERK } : {}),
        });
        ids.push(c.id);
      } else if (roll < 0.85) {
        const type = random() < 0.6 ? pick(PROGRESS) : pick(EVENT_TYPES);
        try {
          await append(pick(ids), type, payloadFor(type, random));
          done.appended++;
        } catch (error) {
          if (!(error instanceof WorkflowError)) throw error;
          done.refused++;
        }
      } else if (roll < 0.9) {
        const result = await casesImport(actorSession(), {
          cases: importRows(importSerial, random),
          channelId: 'phone',
          fileName: '登记表.xlsx',
        });
        importSerial += 2;
        done.imported += result.created;
        const known = new Set(ids);
        ids.push(...(await db.cases.toCollection().primaryKeys()).filter((id) => !known.has(id)));
      } else if (roll < 0.95) {
        // Deadlines registered off the rules go back to what the rules give.
        const result = await deadlinesRecompute(actorSession(), {
          rules: desk.rules,
          deadline: deskDeadline(),
          reasonOf: () => '工作日历已更新',
        });
        done.recomputed += result.changed.length;
      } else {
        const a = pick(ids);
        const b = pick(ids);
        const session = actorSession();
        await (random() < 0.6 ? matterLink(session, a, b) : matterUnlink(session, a)).then(
          () => done.linked++,
          () => undefined,
        );
      }

      await expectTalliesTrue();
      const ctx: WorkQueueContext = {
        now: instant(START_MS + Math.floor(random() * 24 * DAY_MS)),
        deadline: deskDeadline(),
        operatorId: random() < 0.7 ? desk.operator.id : OTHER_CLERK,
      };
      const counts = await workQueueCounts(db, ctx);
      expect(counts).toEqual(await countsByDefinition(ctx));
      for (const id of WORK_QUEUE_IDS) if (counts[id] > 0) counted.add(id);
      if (step % 20 === 19) expect(await talliesCount(db)).toEqual(await talliesGet(db));
      if (step % 10 === 9) {
        // The register's counts under a filter, a status and a range of receipt times that cut
        // days in the middle, against the cases counted one by one.
        const cases = await db.cases.toArray();
        const from = instant(START_MS - 3 * DAY_MS + Math.floor(random() * 6 * DAY_MS));
        const before = instant(Date.parse(from) + Math.floor(random() * 5 * DAY_MS));
        const criteria: RegisterCriteria = {
          ...(random() < 0.6 ? { receivedFrom: from } : {}),
          ...(random() < 0.6 ? { receivedBefore: before } : {}),
          ...(random() < 0.5
            ? { status: pick(['open', 'closed', 'accepted', 'dispatched'] as const) }
            : {}),
          ...pick<RegisterCriteria>([
            {},
            { kindId: 'complaint' },
            { levelId: 'general' },
            { channelId: 'phone' },
          ]),
        };
        const viewer = desk.operator;
        expect(await registerCounts(db, criteria, viewer)).toEqual(
          registerCount(cases.filter((row) => registerRowMatches(row, criteria, viewer))),
        );
      }
    }

    // The sequence went through the paths it is meant to test.
    const statuses = new Set((await db.cases.toArray()).map((c) => c.status));
    expect(statuses.size).toBeGreaterThanOrEqual(7);
    expect(done.appended).toBeGreaterThan(40);
    expect(done.refused).toBeGreaterThan(10);
    expect(done.imported).toBeGreaterThan(0);
    expect(done.recomputed).toBeGreaterThan(0);
    expect(done.linked).toBeGreaterThan(0);
    // This desk's preset (property) sets no dispatch or interim deadline: those queues stay
    // empty here (their counts are still checked against the definition above).
    const unfilled = new Set(['lateToDispatch', 'interimDueSoon', 'interimOverdue']);
    expect([...counted].sort()).toEqual(WORK_QUEUE_IDS.filter((id) => !unfilled.has(id)).sort());
  }, 60_000);

  it('leaves the tallies unchanged when a write is refused or its transaction aborts', async () => {
    db = testDatabase();
    desk = await testDeskSetUp(db);
    wallMs = START_MS;
    const c = await register(START_MS, { due: instant(START_MS + 3 * DAY_MS) });
    const before = await talliesGet(db);
    expect(before).toEqual(talliesOf([c]));

    // Refused by the workflow: a registered case cannot be accepted.
    await expect(append(c.id, 'case/accepted', { handlerName: '李强' })).rejects.toBeInstanceOf(
      WorkflowError,
    );
    expect(await talliesGet(db)).toEqual(before);

    // Written, then the transaction fails: the case and its tallies roll back together.
    await expect(
      db.transaction('rw', caseAppendTables(db), async () => {
        await caseAppendInTransaction(
          db,
          sessionStamp(actorSession()),
          c.id,
          'case/dispatched',
          payloadFor('case/dispatched', () => 0.5),
        );
        expect((await talliesGet(db))?.openByStatus).toEqual({ dispatched: 1 });
        throw new Error('power cut');
      }),
    ).rejects.toThrow('power cut');
    expect(await db.cases.get(c.id)).toEqual(c);
    expect(await talliesGet(db)).toEqual(before);
  });

  it('counts only the cases of a bulk write that were stored', async () => {
    db = testDatabase();
    desk = await testDeskSetUp(db);
    wallMs = START_MS;
    const a = await register(START_MS, {});
    const b = { ...a, id: 'case-b' as CaseId, number: 'B-1', status: 'dispatched' as const };
    // The add of `a` fails (its key is taken) and is skipped; `b` is stored and counted.
    await db.transaction('rw', db.cases, async () => {
      await db.cases.bulkAdd([{ ...a, status: 'accepted' }, b]).catch(() => undefined);
    });
    expect(await db.cases.count()).toBe(2);
    await expectTalliesTrue();
  });

  it('follows writes in flight together in one transaction, updates, modifies and deletes', async () => {
    db = testDatabase();
    desk = await testDeskSetUp(db);
    wallMs = START_MS;
    const a = await register(START_MS, { due: instant(START_MS + DAY_MS) });
    const b = await register(START_MS, { receiverId: OTHER_CLERK });
    const as = (status: CaseStatus): CaseEntity => ({ ...a, status });

    // Each write reads the case it replaces and the tallies the one before it left.
    await db.transaction('rw', db.cases, () =>
      Promise.all([
        db.cases.put(as('dispatched')),
        db.cases.put({ ...b, status: 'closed' }),
        db.cases.put(as('accepted')),
        db.cases.bulkPut([as('returned'), as('replied')]),
      ]),
    );
    expect((await db.cases.get(a.id))?.status).toBe('replied');
    await expectTalliesTrue();
    await db.cases.put({ ...b, status: 'registered' });

    await db.cases.update(b.id, { status: 'closed' });
    await expectTalliesTrue();
    await db.cases.where('status').equals('replied').modify({ receiverId: OTHER_CLERK });
    await expectTalliesTrue();
    await db.cases
      .where('status')
      .equals('closed')
      .modify((row) => {
        Object.assign(row, { status: 'escalated' });
      });
    await expectTalliesTrue();
    await db.cases.bulkDelete([a.id]);
    await expectTalliesTrue();
    expect(await talliesGet(db)).toEqual(talliesOf([{ ...b, status: 'escalated' }]));
  });

  it('rebuilds the tallies after the cases were cleared, and counts the writes after', async () => {
    db = testDatabase();
    desk = await testDeskSetUp(db);
    wallMs = START_MS;
    await register(START_MS, { due: instant(START_MS + DAY_MS) });
    await register(START_MS, {});
    await db.cases.clear();
    expect(await db.tallies.get(TALLIES_KEY)).toBeUndefined();
    expect(await db.dayCounts.count()).toBe(0);

    // Written while the row is missing: not counted now, counted by the rebuild.
    const c = await register(START_MS + DAY_MS, { due: instant(START_MS + 4 * DAY_MS) });
    await append(
      c.id,
      'case/dispatched',
      payloadFor('case/dispatched', () => 0.9),
    );
    await register(START_MS + DAY_MS, { receiverId: OTHER_CLERK });
    expect(await db.tallies.get(TALLIES_KEY)).toBeUndefined();

    const ctx: WorkQueueContext = {
      now: instant(START_MS + 2 * DAY_MS),
      deadline: deskDeadline(),
      operatorId: desk.operator.id,
    };
    expect(await workQueueCounts(db, ctx)).toEqual(await countsByDefinition(ctx));
    // The day counts are counted again by the register's first count under a filter.
    const cases = await db.cases.toArray();
    expect(await registerCounts(db, { kindId: 'complaint' }, desk.operator)).toEqual(
      registerCount(cases.filter((row) => row.kindId === 'complaint')),
    );
    await expectTalliesTrue();
    // And kept from then on.
    await register(START_MS + DAY_MS, { due: instant(START_MS + DAY_MS) });
    await expectTalliesTrue();
    expect(await workQueueCounts(db, ctx)).toEqual(await countsByDefinition(ctx));
  });

  it('lets a live query of the counts see every change of a case, even of its status only', async () => {
    db = testDatabase();
    desk = await testDeskSetUp(db);
    wallMs = START_MS;
    const ctx: WorkQueueContext = {
      now: instant(START_MS + DAY_MS),
      deadline: deskDeadline(),
      operatorId: desk.operator.id,
    };
    const c = await register(START_MS, {});
    await append(
      c.id,
      'case/dispatched',
      payloadFor('case/dispatched', () => 0.9),
    );
    // The row is missing: the live query's first run rebuilds it (a write it may not make itself).
    await db.tallies.delete(TALLIES_KEY);

    const seen: WorkQueueCounts[] = [];
    const errors: unknown[] = [];
    const subscription = liveQuery(() => workQueueCounts(db, ctx)).subscribe({
      next: (counts) => seen.push(counts),
      error: (error: unknown) => errors.push(error),
    });
    try {
      const latest = async () => {
        expect(errors).toEqual([]);
        expect(seen.at(-1)).toEqual(await countsByDefinition(ctx));
      };
      await vi.waitFor(latest);
      expect(seen.at(-1)).toMatchObject({ notAccepted: 1, mine: 1 });

      // Dispatched to accepted: the deadline stays, only the status (and the tallies) change.
      await append(c.id, 'case/accepted', { handlerName: '李强' });
      await vi.waitFor(latest);
      expect(seen.at(-1)).toMatchObject({ notAccepted: 0, mine: 1 });

      await register(START_MS, { receiverId: OTHER_CLERK });
      await vi.waitFor(latest);
      expect(seen.at(-1)).toMatchObject({ toDispatch: 1, mine: 1 });
    } finally {
      subscription.unsubscribe();
    }
  });
});
