import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IsoInstant, StaffId } from '@shared/kernel/brand';
import { deadlineContextFromSettings } from '@shared/calendar/deadline';
import type { CaseEntity } from '@shared/model/entities';
import { WORK_QUEUE_IDS, workQueueHas, type WorkQueueContext } from '@shared/register/queues';
import { TALLIES_KEY, talliesEmpty, talliesOf, talliesRow } from '@shared/register/tallies';
import { openDeskDatabase, type DeskDatabase } from '../database';
import { SCHEMA_V1 } from '../schema-v1';
import {
  TEST_UNIT,
  testDatabase,
  testDeadline,
  testDeskSetUp,
  testRegister,
  testSession,
} from '../test-builders';
import { caseAppendEvent } from './cases';
import { workQueueCounts } from './queues';
import type { StoredDeskState } from './settings';
import { talliesCount, talliesGet, talliesRebuild } from './tallies';

const OTHER_CLERK = 'staff-other' as StaffId;

const databases: Dexie[] = [];
afterEach(async () => {
  await Promise.all(databases.splice(0).map((db) => db.delete()));
});

function sh(local: string): IsoInstant {
  return new Date(`${local.replace(' ', 'T')}:00.000+08:00`).toISOString() as IsoInstant;
}

/** A desk with a few cases in different states: registered, dispatched, replied, closed. */
async function deskWithCases(db: DeskDatabase) {
  const desk = await testDeskSetUp(db);
  let wallMs = Date.parse(sh('2026-11-04 09:00'));
  const step = (c: CaseEntity, type: string, payload: object) => {
    wallMs += 60_000;
    return caseAppendEvent(
      testSession(db, desk, new Date(wallMs).toISOString()),
      c.id,
      type as 'case/noted',
      payload as never,
    );
  };
  const dispatch = (c: CaseEntity) =>
    step(c, 'case/dispatched', { ...TEST_UNIT, deadline: testDeadline(sh('2026-11-06 17:30')) });
  await testRegister(db, desk, sh('2026-11-02 09:00'), {
    deadline: testDeadline(sh('2026-11-03 17:30')),
  });
  await testRegister(db, desk, sh('2026-11-02 10:00'), { receiverId: OTHER_CLERK });
  await dispatch(await testRegister(db, desk, sh('2026-11-03 09:00')));
  const replied = await step(
    await dispatch(await testRegister(db, desk, sh('2026-11-03 10:00'))),
    'case/replied',
    { reply: '已修好', toldCustomer: '已告知', followUpDueAt: sh('2026-11-05 10:00') },
  );
  const closing = await step(
    await dispatch(await testRegister(db, desk, sh('2026-11-03 11:00'))),
    'case/replied',
    { reply: '已修好', toldCustomer: '已告知' },
  );
  await step(
    await step(closing, 'case/followedUp', {
      method: 'phone',
      satisfaction: 5,
      satisfied: true,
      answers: [],
    }),
    'case/closed',
    { finalCauseId: 'other', summary: '已办结' },
  );
  expect(replied.followUp.state).toBe('pending');
  return desk;
}

function contextOf(desk: StoredDeskState): WorkQueueContext {
  return {
    now: sh('2026-11-05 09:00'),
    deadline: deadlineContextFromSettings(desk.calendar),
    operatorId: desk.operator.id,
  };
}

async function countsByDefinition(db: DeskDatabase, ctx: WorkQueueContext) {
  const cases = await db.cases.toArray();
  return Object.fromEntries(
    WORK_QUEUE_IDS.map((id) => [id, cases.filter((c) => workQueueHas(id, c, ctx)).length]),
  );
}

describe('the case tallies', () => {
  it('start empty in a new database and follow every write', async () => {
    const db = testDatabase();
    databases.push(db);
    expect(await talliesGet(db)).toEqual(talliesEmpty());
    await deskWithCases(db);
    const tallies = talliesOf(await db.cases.toArray());
    expect(await talliesGet(db)).toEqual(tallies);
    expect(tallies).toMatchObject({ followUpPending: 1 });
    expect(await talliesCount(db)).toEqual(tallies);
  });

  it('are rebuilt from the indexes when the row is missing, by the first count', async () => {
    const db = testDatabase();
    databases.push(db);
    const desk = await deskWithCases(db);
    const want = await talliesGet(db);
    await db.tallies.delete(TALLIES_KEY);

    const ctx = contextOf(desk);
    expect(await workQueueCounts(db, ctx)).toEqual(await countsByDefinition(db, ctx));
    expect(await talliesGet(db)).toEqual(want);
  });

  it('are rebuilt when the row is of another version', async () => {
    const db = testDatabase();
    databases.push(db);
    const desk = await deskWithCases(db);
    const want = await talliesGet(db);
    await db.tallies.put({ ...talliesRow(talliesEmpty()), version: 0 });
    expect(await talliesGet(db)).toBeUndefined();

    const ctx = contextOf(desk);
    expect(await workQueueCounts(db, ctx)).toEqual(await countsByDefinition(db, ctx));
    expect(await db.tallies.get(TALLIES_KEY)).toEqual(want && talliesRow(want));
  });

  it('are made for a database written before the tallies existed', async () => {
    // The cases as a desk wrote them, copied into a database whose schema has no tallies.
    const source = testDatabase();
    databases.push(source);
    const desk = await deskWithCases(source);
    const cases = await source.cases.toArray();
    const settings = await source.settings.toArray();
    const name = `t-${crypto.randomUUID()}`;
    const { tallies: _derived, ...schemaBefore } = SCHEMA_V1;
    const before = new Dexie(name);
    before.version(1).stores(schemaBefore);
    await before.table('cases').bulkAdd(cases);
    await before.table('settings').bulkAdd(settings);
    before.close();

    // Dexie adds the table it finds missing (and says so on the console).
    const quiet = [vi.spyOn(console, 'warn'), vi.spyOn(console, 'log')];
    for (const spy of quiet) spy.mockImplementation(() => undefined);
    const db = openDeskDatabase(name);
    databases.push(db);
    try {
      expect(await talliesGet(db)).toBeUndefined();
    } finally {
      for (const spy of quiet) spy.mockRestore();
    }
    // A write while the row is missing leaves it missing: the rebuild counts it.
    await testRegister(db, desk, sh('2026-11-04 11:00'));
    expect(await talliesGet(db)).toBeUndefined();

    const ctx = contextOf(desk);
    const [first, second] = await Promise.all([
      workQueueCounts(db, ctx),
      workQueueCounts(db, { ...ctx, operatorId: OTHER_CLERK }),
    ]);
    expect(first).toEqual(await countsByDefinition(db, ctx));
    expect(second).toEqual(await countsByDefinition(db, { ...ctx, operatorId: OTHER_CLERK }));
    expect(await talliesGet(db)).toEqual(talliesOf(await db.cases.toArray()));
  });

  it('share one rebuild between callers asking at once', async () => {
    const db = testDatabase();
    databases.push(db);
    await deskWithCases(db);
    await db.tallies.delete(TALLIES_KEY);
    const put = vi.spyOn(db.tallies, 'put');
    const [a, b] = await Promise.all([talliesRebuild(db), talliesRebuild(db)]);
    expect(a).toBe(b);
    expect(put).toHaveBeenCalledTimes(1);
    expect(await talliesGet(db)).toEqual(a);
  });
});
