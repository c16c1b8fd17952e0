import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IsoInstant, StaffId } from '@shared/kernel/brand';
import { deadlineContextFromSettings } from '@shared/calendar/deadline';
import type { CaseEntity } from '@shared/model/entities';
import {
  WORK_QUEUE_IDS,
  workQueueHas,
  type WorkQueueContext,
  type WorkQueueId,
} from '@shared/register/queues';
import type { CasePayloadOf } from '@shared/workflow/events';
import type { DeskDatabase } from '../database';
import {
  TEST_UNIT,
  testCustomer,
  testDatabase,
  testDeadline,
  testDeskSetUp,
  testRegister,
  testSession,
} from '../test-builders';
import type { StoredDeskState } from './settings';
import { caseAppendEvent, type CaseAppendableType } from './cases';
import { workQueueCounts, workQueuePage, type WorkQueueCursor } from './queues';

/** A Shanghai wall-clock time as an instant. */
function sh(local: string): IsoInstant {
  return new Date(`${local.replace(' ', 'T')}:00.000+08:00`).toISOString() as IsoInstant;
}

const OTHER_CLERK = 'staff-other' as StaffId;

/** What happens to one case after intake, in order. */
type Step = { [T in CaseAppendableType]: [T, Partial<CasePayloadOf<T>>?] }[CaseAppendableType];

const STEP_DEFAULTS: { [T in CaseAppendableType]?: CasePayloadOf<T> } = {
  'case/dispatched': { ...TEST_UNIT, deadline: testDeadline(sh('2026-11-06 17:30')) },
  'case/accepted': { handlerName: '李强' },
  'case/returned': { reason: '不属于本部门' },
  'case/replied': { reply: '已修好', toldCustomer: '已告知' },
  'case/escalated': { reason: '客户不满', deadline: testDeadline(sh('2026-11-20 17:30')) },
  'case/reviewed': {
    review: {
      customerDemand: '赔偿',
      progress: '已修',
      proposedSolution: '减免',
      feasibility: '可行',
      cost: '100元',
      fairness: '一致',
      reviewers: ['赵敏'],
      decision: '同意',
      round: 1,
    },
  },
  'case/followedUp': { method: 'phone', satisfaction: 5, satisfied: true, answers: [] },
  'case/closed': { finalCauseId: 'other', summary: '已办结' },
  'case/exempted': { reason: '需整体更换电梯' },
};

async function story(
  db: DeskDatabase,
  desk: StoredDeskState,
  receivedAt: string,
  options: { dueAt?: string; receiverId?: StaffId; steps?: Step[] },
): Promise<CaseEntity> {
  let c = await testRegister(db, desk, sh(receivedAt), {
    ...(options.dueAt ? { deadline: testDeadline(sh(options.dueAt)) } : {}),
    ...(options.receiverId ? { receiverId: options.receiverId } : {}),
  });
  let wallMs = Date.parse(sh(receivedAt)) + 120_000;
  for (const [type, payload] of options.steps ?? []) {
    wallMs += 60_000;
    c = await caseAppendEvent(testSession(db, desk, new Date(wallMs).toISOString()), c.id, type, {
      ...STEP_DEFAULTS[type],
      ...payload,
    } as never);
  }
  return c;
}

describe('work queues', () => {
  let db: DeskDatabase;
  let desk: StoredDeskState;
  let cases: CaseEntity[];
  const ctxAt = (now: string, operatorId?: StaffId): WorkQueueContext => ({
    now: sh(now),
    deadline: deadlineContextFromSettings(desk.calendar),
    operatorId: operatorId ?? desk.operator.id,
  });

  beforeAll(async () => {
    db = testDatabase();
    desk = await testDeskSetUp(db);
    const made: Promise<CaseEntity>[] = [];
    const add = (receivedAt: string, options: Parameters<typeof story>[3]) =>
      made.push(story(db, desk, receivedAt, options));
    // Handling deadlines around Wednesday 2026-1104: overdue, due soon, later; one exempt.
    add('2026-10-27 09:00', { dueAt: '2026-11-03 17:30' });
    add('2026-10-28 09:00', { dueAt: '2026-11-04 12:00' });
    add('2026-10-29 09:00', { dueAt: '2026-11-05 17:30' });
    add('2026-10-29 10:00', { dueAt: '2026-11-05 17:30' });
    // Due the very minute of one of the test times: due soon then, not yet overdue.
    add('2026-10-29 11:00', { dueAt: '2026-11-05 17:00' });
    add('2026-10-30 09:00', { dueAt: '2026-11-06 17:30', receiverId: OTHER_CLERK });
    add('2026-10-30 10:00', { dueAt: '2026-11-02 17:30', steps: [['case/exempted']] });
    // Dispatched and not accepted, returned, accepted.
    add('2026-11-02 09:00', { steps: [['case/dispatched']] });
    add('2026-11-02 09:00', {
      steps: [['case/dispatched', { deadline: testDeadline(sh('2026-11-04 17:30')) }]],
    });
    add('2026-11-02 10:00', {
      steps: [['case/dispatched'], ['case/returned']],
      receiverId: OTHER_CLERK,
    });
    add('2026-11-02 11:00', { steps: [['case/dispatched'], ['case/accepted']] });
    // Escalated and under review.
    add('2026-11-03 09:00', { steps: [['case/escalated']] });
    add('2026-11-03 09:30', { steps: [['case/escalated'], ['case/reviewed']] });
    // Replied: follow-ups due at different times, one without a due time.
    add('2026-10-20 09:00', {
      steps: [['case/dispatched'], ['case/replied', { followUpDueAt: sh('2026-11-05 10:00') }]],
    });
    add('2026-10-21 09:00', {
      steps: [['case/dispatched'], ['case/replied', { followUpDueAt: sh('2026-11-03 10:00') }]],
    });
    add('2026-10-22 09:00', { steps: [['case/dispatched'], ['case/replied']] });
    add('2026-10-23 09:00', {
      steps: [['case/dispatched'], ['case/replied', { followUpDueAt: sh('2026-11-03 10:00') }]],
      receiverId: OTHER_CLERK,
    });
    // Closed: in no queue, even with a past deadline and the operator as receiver.
    add('2026-10-19 09:00', {
      dueAt: '2026-10-26 17:30',
      steps: [['case/dispatched'], ['case/replied'], ['case/followedUp'], ['case/closed']],
    });
    // More registered cases at one received time, so ids break ties in the lists.
    for (let i = 0; i < 7; i++) add('2026-11-03 14:00', {});
    cases = await Promise.all(made);
  });
  afterAll(async () => {
    await db.delete();
  });

  const expected = (id: WorkQueueId, ctx: WorkQueueContext) =>
    cases.filter((c) => workQueueHas(id, c, ctx));

  it.each([
    ['Wednesday 10:00', '2026-11-04 10:00'],
    ['Wednesday after the close', '2026-11-04 18:00'],
    ['Thursday 17:00', '2026-11-05 17:00'],
    ['the next Monday', '2026-11-09 09:00'],
  ])('counts every queue as its definition does, on %s', async (_name, now) => {
    const ctx = ctxAt(now);
    const counts = await workQueueCounts(db, ctx);
    const byDefinition = Object.fromEntries(
      WORK_QUEUE_IDS.map((id) => [id, expected(id, ctx).length]),
    );
    expect(counts).toEqual(byDefinition);
  });

  it('has the expected figures on Wednesday 10:00', async () => {
    const counts = await workQueueCounts(db, ctxAt('2026-11-04 10:00'));
    expect(counts).toEqual({
      // 7 + 7 registered (the exempt one too), 1 returned.
      toDispatch: 15,
      notAccepted: 2,
      // Due Nov 4 12:00, Nov 4 17:30 (dispatched), Nov 5 17:00, Nov 5 17:30 twice.
      dueSoon: 5,
      // Due Nov 3; the exempt and the closed cases are not counted.
      overdue: 1,
      awaitingFollowUp: 4,
      escalated: 2,
      // Every open case but the three another clerk received.
      mine: cases.filter((c) => c.status !== 'closed').length - 3,
      // The property preset sets no dispatch or interim deadline.
      lateToDispatch: 0,
      interimDueSoon: 0,
      interimOverdue: 0,
    });
  });

  it('counts "my cases" for another clerk', async () => {
    const counts = await workQueueCounts(db, ctxAt('2026-11-04 10:00', OTHER_CLERK));
    expect(counts.mine).toBe(3);
  });

  /** Follows the pages of a queue to the end. */
  async function allPages(id: WorkQueueId, ctx: WorkQueueContext, limit: number) {
    const pages: CaseEntity[][] = [];
    let after: WorkQueueCursor | undefined;
    do {
      const page = await workQueuePage(db, id, ctx, { limit, after, viewer: desk.operator });
      pages.push(page.items);
      after = page.next;
    } while (after && pages.length < 50);
    return pages;
  }

  it.each(WORK_QUEUE_IDS.map((id) => [id]))(
    'lists every case of %s once, page by page',
    async (id) => {
      const ctx = ctxAt('2026-11-04 10:00');
      const want = expected(id, ctx);
      for (const limit of [1, 2, 3, 50]) {
        const pages = await allPages(id, ctx, limit);
        const got = pages.flat();
        expect(got.map((c) => c.id).sort()).toEqual(want.map((c) => c.id).sort());
        expect(new Set(got.map((c) => c.id)).size).toBe(got.length);
        expect(pages.every((page) => page.length <= limit)).toBe(true);
      }
    },
  );

  it('orders the lists: newest received, earliest due, earliest follow-up', async () => {
    const ctx = ctxAt('2026-11-04 10:00');
    const list = async (id: WorkQueueId) => (await allPages(id, ctx, 2)).flat();

    const toDispatch = await list('toDispatch');
    const received = toDispatch.map((c) => c.receivedAt);
    expect(received).toEqual([...received].sort().reverse());

    const soon = await list('dueSoon');
    expect(soon.map((c) => c.openDueAt)).toEqual([
      sh('2026-11-04 12:00'),
      sh('2026-11-04 17:30'),
      sh('2026-11-05 17:00'),
      sh('2026-11-05 17:30'),
      sh('2026-11-05 17:30'),
    ]);

    const followUps = await list('awaitingFollowUp');
    expect(followUps.map((c) => c.followUp.dueAt)).toEqual([
      sh('2026-11-03 10:00'),
      sh('2026-11-03 10:00'),
      sh('2026-11-05 10:00'),
      undefined,
    ]);
  });
});

describe('a confidential case in the queues', () => {
  it('stays in its queue and count, masked for a clerk and whole for a supervisor', async () => {
    const db = testDatabase();
    const desk = await testDeskSetUp(db);
    const secret = await testRegister(db, desk, '2026-11-04T01:00:00.000Z', {
      flags: ['confidential'],
      subject: '举报夜班保安收钱',
      customer: testCustomer({ name: '张举报', phone: '13911112222', address: '9-9-909' }),
    });
    const ctx: WorkQueueContext = {
      now: '2026-11-04T02:00:00.000Z' as IsoInstant,
      deadline: deadlineContextFromSettings(desk.calendar),
      operatorId: desk.operator.id,
    };
    const clerk = { id: OTHER_CLERK, name: '赵敏', roles: ['clerk' as const] };
    const supervisor = { ...clerk, roles: ['supervisor' as const] };
    expect((await workQueueCounts(db, ctx)).toDispatch).toBe(1);
    const seen = await workQueuePage(db, 'toDispatch', ctx, { limit: 10, viewer: clerk });
    expect(seen.items.map((c) => [c.number, c.masked])).toEqual([[secret.number, 'case']]);
    expect(JSON.stringify(seen)).not.toMatch(/举报夜班|张举报|13911112222|9-9-909/);
    const whole = await workQueuePage(db, 'toDispatch', ctx, { limit: 10, viewer: supervisor });
    expect(whole.items[0]?.subject).toBe('举报夜班保安收钱');
    await db.delete();
  });
});
