/**
 * How a case stands against each of its deadlines (DOMAIN.md section 3), decided once here so
 * that the register's rows, the case page, the printed and the Excel register, the work queues
 * and the statistics all say the same: a case replied by its deadline is in time for good, even
 * while it waits for its follow-up; one replied after it was late; one still waiting is overdue,
 * due soon or in time against the clock.
 */
import { missingCaseError } from '../kernel/assert';
import type { IsoInstant } from '../kernel/brand';
import type { DeadlineContext } from '../calendar/deadline';
import type { CaseDueTime, CaseEntity } from '../model/entities';
import { caseDeadlineState } from './queues';

/** Which of the case's deadlines: handling (reply), dispatch (派单) or interim (临时措施). */
export type DeadlineKind = 'handling' | 'dispatch' | 'interim';

export const DEADLINE_KINDS: readonly DeadlineKind[] = ['handling', 'dispatch', 'interim'];

/**
 * - `overdue`, `dueSoon`, `ok`: still owed, measured against `now`;
 * - `metInTime`, `metLate`: done (replied, dispatched, recorded) before or after the due time;
 * - `exempt`: not counted (不受时限限制); `none`: no such deadline, or it no longer counts
 *   (closed without a reply, answered on the spot before any dispatch).
 */
export type DeadlineStandingState =
  'overdue' | 'dueSoon' | 'ok' | 'metInTime' | 'metLate' | 'exempt' | 'none';

export interface DeadlineStanding {
  readonly state: DeadlineStandingState;
  readonly deadline?: CaseDueTime;
  /** When it was met, for `metInTime` and `metLate`. */
  readonly metAt?: IsoInstant;
}

export type StandingCase = Pick<
  CaseEntity,
  | 'status'
  | 'deadline'
  | 'openDueAt'
  | 'exemptReason'
  | 'repliedAt'
  | 'dispatchDeadline'
  | 'dispatchOpenDueAt'
  | 'dispatchedAt'
  | 'interimDeadline'
  | 'interimOpenDueAt'
  | 'interimMetAt'
>;

function met(deadline: CaseDueTime, at: IsoInstant): DeadlineStanding {
  return {
    state: Date.parse(at) <= Date.parse(deadline.dueAt) ? 'metInTime' : 'metLate',
    deadline,
    metAt: at,
  };
}

function owed(
  deadline: CaseDueTime,
  openDueAt: IsoInstant,
  now: IsoInstant,
  ctx: DeadlineContext,
): DeadlineStanding {
  return { state: caseDeadlineState({ dueAt: openDueAt }, now, ctx), deadline };
}

/**
 * Where the case stands against one of its deadlines at `now`. The owed states follow the
 * derived `*OpenDueAt` fields the queues are indexed on, so a row is red exactly when the
 * overdue queue holds it; a reopened case owes its reply again.
 */
export function deadlineStanding(
  c: StandingCase,
  now: IsoInstant,
  ctx: DeadlineContext,
  kind: DeadlineKind = 'handling',
): DeadlineStanding {
  switch (kind) {
    case 'handling': {
      const deadline = c.deadline;
      if (c.exemptReason !== undefined) return { state: 'exempt', deadline };
      if (!deadline) return { state: 'none' };
      if (c.openDueAt !== undefined) return owed(deadline, c.openDueAt, now, ctx);
      if (c.repliedAt !== undefined) return met(deadline, c.repliedAt);
      return { state: 'none', deadline };
    }
    case 'dispatch': {
      const deadline = c.dispatchDeadline;
      if (!deadline) return { state: 'none' };
      if (c.dispatchOpenDueAt !== undefined) return owed(deadline, c.dispatchOpenDueAt, now, ctx);
      if (c.dispatchedAt !== undefined) return met(deadline, c.dispatchedAt);
      if (c.exemptReason !== undefined) return { state: 'exempt', deadline };
      return { state: 'none', deadline };
    }
    case 'interim': {
      const deadline = c.interimDeadline;
      if (!deadline) return { state: 'none' };
      if (c.interimOpenDueAt !== undefined) return owed(deadline, c.interimOpenDueAt, now, ctx);
      if (c.interimMetAt !== undefined) return met(deadline, c.interimMetAt);
      if (c.exemptReason !== undefined) return { state: 'exempt', deadline };
      return { state: 'none', deadline };
    }
    default:
      throw missingCaseError(kind);
  }
}

/** Whether the standing counts as late: overdue now, or met after the due time. */
export function standingIsLate(s: DeadlineStanding): boolean {
  return s.state === 'overdue' || s.state === 'metLate';
}

/** Whether the case is still being worked on and owes this deadline. */
export function standingIsOwed(s: DeadlineStanding): boolean {
  return s.state === 'overdue' || s.state === 'dueSoon' || s.state === 'ok';
}
