/**
 * The work queues of the home screen (DOMAIN.md sections 2 and 3), as data, with the pure
 * predicate that says whether a case belongs to each. The repository counts and lists them
 * through indexes; the predicates are the definition it must agree with.
 */
import { missingCaseError } from '../kernel/assert';
import type { IsoInstant, StaffId } from '../kernel/brand';
import {
  deadlineCompute,
  deadlineState,
  type DeadlineContext,
  type DeadlineState,
} from '../calendar/deadline';
import type { CaseEntity, CaseStatus } from '../model/entities';
import { caseIsOpen } from '../workflow/reducer';

export type WorkQueueId =
  | 'toDispatch'
  | 'lateToDispatch'
  | 'notAccepted'
  | 'dueSoon'
  | 'overdue'
  | 'interimDueSoon'
  | 'interimOverdue'
  | 'awaitingFollowUp'
  | 'escalated'
  | 'mine';

/** How a queue's list is ordered. */
export type WorkQueueOrder =
  /** Newest received first (the register's order). */
  | 'newestReceived'
  /** The earliest handling deadline first: the most overdue, or the next due. */
  | 'earliestDue'
  /** The earliest follow-up due first; cases without a follow-up deadline last. */
  | 'earliestFollowUp'
  /** The earliest dispatch due time first (`dispatchOpenDueAt`). */
  | 'earliestDispatch'
  /** The earliest interim due time first (`interimOpenDueAt`). */
  | 'earliestInterim';

export interface WorkQueueDef {
  readonly id: WorkQueueId;
  readonly order: WorkQueueOrder;
  /** The statuses the queue holds, for queues defined by status. */
  readonly statuses?: readonly CaseStatus[];
  /** How a non-empty queue is shown: as routine work, a warning, or an alarm. */
  readonly tone: 'neutral' | 'warning' | 'error';
}

/** The queues in the order the home screen shows them. */
export const WORK_QUEUES: readonly WorkQueueDef[] = [
  // Returned cases wait to be dispatched again (改派).
  {
    id: 'toDispatch',
    order: 'newestReceived',
    statuses: ['registered', 'returned'],
    tone: 'neutral',
  },
  // Past the dispatch deadline (hotline 1 h, hospital the same day, company 30 min).
  { id: 'lateToDispatch', order: 'earliestDispatch', tone: 'error' },
  { id: 'notAccepted', order: 'newestReceived', statuses: ['dispatched'], tone: 'neutral' },
  { id: 'dueSoon', order: 'earliestDue', tone: 'warning' },
  { id: 'overdue', order: 'earliestDue', tone: 'error' },
  // Interim steps (a temporary countermeasure within 8 working hours) due soon or overdue.
  { id: 'interimDueSoon', order: 'earliestInterim', tone: 'warning' },
  { id: 'interimOverdue', order: 'earliestInterim', tone: 'error' },
  { id: 'awaitingFollowUp', order: 'earliestFollowUp', tone: 'neutral' },
  {
    id: 'escalated',
    order: 'newestReceived',
    statuses: ['escalated', 'underReview'],
    tone: 'neutral',
  },
  { id: 'mine', order: 'newestReceived', tone: 'neutral' },
];

export const WORK_QUEUE_IDS: readonly WorkQueueId[] = WORK_QUEUES.map((queue) => queue.id);

export function workQueueDef(id: WorkQueueId): WorkQueueDef {
  const def = WORK_QUEUES.find((queue) => queue.id === id);
  if (!def) throw new RangeError(`Unknown work queue ${id}`);
  return def;
}

export function isWorkQueueId(text: string | undefined): text is WorkQueueId {
  return WORK_QUEUE_IDS.includes(text as WorkQueueId);
}

/** What membership depends on beyond the case: the time, the calendar and who is asking. */
export interface WorkQueueContext {
  readonly now: IsoInstant;
  readonly deadline: DeadlineContext;
  readonly operatorId: StaffId;
}

/**
 * The end of "due within one working day": the close of business of the next working day after
 * `now`'s local date, carried on to when business resumes after it. A case due by then has at
 * most one working day left, as the deadline text says ("1 working day left"); one due at night
 * after that close (a deadline typed in by hand, 03:05) has no more working time left than one
 * due at the close itself.
 */
export function dueSoonUntil(now: IsoInstant, ctx: DeadlineContext): IsoInstant {
  const close = deadlineCompute({ amount: 1, unit: 'workingDays' }, now, ctx).dueAt;
  // No working hours: the next opening at or after the close.
  return deadlineCompute({ amount: 0, unit: 'workingHours' }, close, ctx).dueAt;
}

/**
 * How a case stands against its deadline, as every screen shows it: `deadlineState`, with
 * `dueSoon` widened to every deadline due by the close of the next working day.
 */
export function caseDeadlineState(
  deadline: { readonly dueAt: IsoInstant } | undefined,
  now: IsoInstant,
  ctx: DeadlineContext,
  options: { readonly exempt?: boolean } = {},
): DeadlineState {
  const state = deadlineState(deadline, now, ctx, { exempt: options.exempt });
  if (
    state === 'ok' &&
    deadline &&
    Date.parse(deadline.dueAt) <= Date.parse(dueSoonUntil(now, ctx))
  ) {
    return 'dueSoon';
  }
  return state;
}

/** An open, non-exempt case due from `now` to the close of the next working day. */
export function dueWithinOneWorkingDay(
  c: Pick<CaseEntity, 'openDueAt'>,
  now: IsoInstant,
  ctx: DeadlineContext,
): boolean {
  return (
    c.openDueAt !== undefined && caseDeadlineState({ dueAt: c.openDueAt }, now, ctx) === 'dueSoon'
  );
}

/** An open, non-exempt case whose deadline has passed (exempt cases are never overdue). */
export function isOverdue(c: Pick<CaseEntity, 'openDueAt'>, now: IsoInstant): boolean {
  return c.openDueAt !== undefined && Date.parse(now) > Date.parse(c.openDueAt);
}

/** A case still waiting for its first dispatch past the dispatch deadline (late to dispatch). */
export function isLateToDispatch(
  c: Pick<CaseEntity, 'dispatchOpenDueAt'>,
  now: IsoInstant,
): boolean {
  return c.dispatchOpenDueAt !== undefined && Date.parse(now) > Date.parse(c.dispatchOpenDueAt);
}

/** An interim step still owed whose due time has passed. */
export function isInterimOverdue(
  c: Pick<CaseEntity, 'interimOpenDueAt'>,
  now: IsoInstant,
): boolean {
  return c.interimOpenDueAt !== undefined && Date.parse(now) > Date.parse(c.interimOpenDueAt);
}

/** An interim step still owed, due from `now` to the close of the next working day. */
export function isInterimDueSoon(
  c: Pick<CaseEntity, 'interimOpenDueAt'>,
  now: IsoInstant,
  ctx: DeadlineContext,
): boolean {
  return (
    c.interimOpenDueAt !== undefined &&
    caseDeadlineState({ dueAt: c.interimOpenDueAt }, now, ctx) === 'dueSoon'
  );
}

/** Whether a case belongs to a queue. */
export function workQueueHas(id: WorkQueueId, c: CaseEntity, ctx: WorkQueueContext): boolean {
  switch (id) {
    case 'toDispatch':
    case 'notAccepted':
    case 'escalated':
      return workQueueDef(id).statuses?.includes(c.status) ?? false;
    case 'dueSoon':
      return dueWithinOneWorkingDay(c, ctx.now, ctx.deadline);
    case 'overdue':
      return isOverdue(c, ctx.now);
    case 'lateToDispatch':
      return isLateToDispatch(c, ctx.now);
    case 'interimDueSoon':
      return isInterimDueSoon(c, ctx.now, ctx.deadline);
    case 'interimOverdue':
      return isInterimOverdue(c, ctx.now);
    case 'awaitingFollowUp':
      return c.followUp.state === 'pending';
    case 'mine':
      return caseIsOpen(c) && c.receiverId === ctx.operatorId;
    default:
      throw missingCaseError(id);
  }
}
