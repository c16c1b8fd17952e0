import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IsoInstant } from '@shared/kernel/brand';
import { deadlineContextFromSettings, type DeadlineContext } from '@shared/calendar/deadline';
import type { CaseEntity } from '@shared/model/entities';
import { intakeDeadline } from '@shared/workflow/intake';
import type { DeskDatabase } from '../database';
import {
  testDatabase,
  testDeskSetUp,
  testRegister,
  testSession,
  testSyncJoin,
} from '../test-builders';
import { caseAppendEvent, caseEvents, caseGet } from './cases';
import { deadlinesRecompute, deadlinesRecomputePreview } from './deadlines';
import type { StoredDeskState } from './settings';

function sh(local: string): IsoInstant {
  return new Date(`${local.replace(' ', 'T')}:00.000+08:00`).toISOString() as IsoInstant;
}

describe('deadlinesRecompute', () => {
  let db: DeskDatabase;
  let desk: StoredDeskState;
  let before: DeadlineContext;
  let after: DeadlineContext;
  let intoNextYear: CaseEntity;
  let thisYear: CaseEntity;
  let closed: CaseEntity;

  /** A complaint registered with the deadline intake gives it under `ctx`. */
  async function complaint(receivedAt: string, ctx: DeadlineContext) {
    const deadline = intakeDeadline({ kindId: 'complaint', flags: [] }, sh(receivedAt), {
      rules: desk.rules,
      deadline: ctx,
    });
    return testRegister(db, desk, sh(receivedAt), { kindId: 'complaint', deadline });
  }

  beforeAll(async () => {
    db = testDatabase();
    desk = await testDeskSetUp(db);
    // A desk set to sync: its events are queued in the outbox too.
    await testSyncJoin(db, desk);
    before = deadlineContextFromSettings(desk.calendar);
    after = deadlineContextFromSettings({
      ...desk.calendar,
      extraYears: [{ year: 2027, holidays: ['2027-01-01'], workdays: [] }],
    });
    intoNextYear = await complaint('2026-12-29 10:00', before);
    thisYear = await complaint('2026-11-02 10:00', before);
    closed = await complaint('2026-12-28 10:00', before);
    const step = async (
      type: 'case/handledDirectly' | 'case/closed',
      payload: object,
      ms: number,
    ) =>
      caseAppendEvent(
        testSession(db, desk, new Date(ms).toISOString()),
        closed.id,
        type,
        payload as never,
      );
    const t = Date.parse(sh('2026-12-28 11:00'));
    await step('case/handledDirectly', { answer: '已解答', followUpRequired: false }, t);
    closed = await step('case/closed', { finalCauseId: 'other', summary: '已解答' }, t + 60_000);
  });
  afterAll(async () => {
    await db.delete();
  });

  const input = () => ({
    rules: desk.rules,
    deadline: after,
    reasonOf: (_previous: unknown, next: { dueAt: string }) =>
      `节假日已补充，期限改为 ${next.dueAt}`,
  });

  it('starts with a deadline in 2027 that carries the warning', () => {
    expect(intoNextYear.deadline).toMatchObject({
      dueAt: sh('2027-01-05 17:30'),
      warning: 'noCalendarData',
    });
  });

  it('previews how many open deadlines would change, writing nothing', async () => {
    const events = await db.events.count();
    expect(await deadlinesRecomputePreview(db, { rules: desk.rules, deadline: after })).toEqual({
      open: 2,
      changes: 1,
    });
    expect(await deadlinesRecomputePreview(db, { rules: desk.rules, deadline: before })).toEqual({
      open: 2,
      changes: 0,
    });
    expect(await db.events.count()).toBe(events);
  });

  it('records the new deadline as an event in the history of the cases it changes', async () => {
    const result = await deadlinesRecompute(testSession(db, desk, sh('2026-12-30 09:00')), input());
    expect(result.open).toBe(2);
    expect(result.changed.map((c) => c.id)).toEqual([intoNextYear.id]);

    const now = await caseGet(db, intoNextYear.id);
    expect(now?.deadline).toEqual({ dueAt: sh('2027-01-06 17:30'), basis: 'handling' });
    expect(now?.openDueAt).toBe(sh('2027-01-06 17:30'));
    const last = (await caseEvents(db, intoNextYear.id)).at(-1);
    expect(last).toMatchObject({
      type: 'case/deadlineChanged',
      actorName: desk.operator.name,
      payload: {
        deadline: { dueAt: sh('2027-01-06 17:30'), basis: 'handling' },
        reason: `节假日已补充，期限改为 ${sh('2027-01-06 17:30')}`,
      },
    });
    expect(await db.outbox.where('caseId').equals(intoNextYear.id).count()).toBe(2);
  });

  it('leaves closed cases and unchanged deadlines alone, and a second run changes nothing', async () => {
    expect((await caseEvents(db, thisYear.id)).map((e) => e.type)).toEqual(['case/received']);
    expect((await caseGet(db, closed.id))?.deadline).toEqual(closed.deadline);
    expect((await caseEvents(db, closed.id)).map((e) => e.type)).not.toContain(
      'case/deadlineChanged',
    );
    const again = await deadlinesRecompute(testSession(db, desk, sh('2026-12-30 09:00')), input());
    expect(again.changed).toEqual([]);
  });
});
