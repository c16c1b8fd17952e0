/**
 * Recomputing a case's deadline after the working calendar or the deadline rules changed
 * (DOMAIN.md section 3): an administrator adds a year's holidays, corrects business hours or
 * edits a policy, and the open cases' deadlines follow, each change recorded as a
 * `case/deadlineChanged` event so it shows in the case's history. Pure.
 */
import type { IsoInstant } from '../kernel/brand';
import { deadlineCompute, type DeadlineContext } from '../calendar/deadline';
import type { CaseDeadline, CaseEntity, CaseEventEntity } from '../model/entities';
import type { DeadlineSpec, DeskRules } from '../rules/rules';
import { rulesHandlingDeadline } from '../rules/rules-query';
import type { CasePayloadOf } from './events';
import { caseIsOpen } from './reducer';

export interface DeadlineRecomputeContext {
  readonly rules: Pick<DeskRules, 'deadlines' | 'levels'>;
  readonly deadline: DeadlineContext;
}

/** Why a case's deadline is left as it is, whatever the calendar says now. */
export type DeadlineKeptReason =
  | 'closed'
  | 'noDeadline'
  /** An extension or a deadline a person set: a date someone agreed, not a count. */
  | 'setByHand'
  /** The rules no longer give this case a deadline: the one it has stays. */
  | 'noRule'
  /** A deadline counted from an escalation or reopening whose time is not known. */
  | 'startUnknown';

export type DeadlineRecompute =
  | {
      readonly outcome: 'changed';
      readonly previous: CaseDeadline;
      readonly deadline: CaseDeadline;
    }
  | { readonly outcome: 'unchanged' }
  | { readonly outcome: 'kept'; readonly why: DeadlineKeptReason };

/** When the clocks of the deadlines set after intake started: the last escalation and reopening. */
export interface DeadlineStarts {
  readonly escalatedAt?: IsoInstant;
  readonly reopenedAt?: IsoInstant;
}

/** The times of the last `case/escalated` and the last `case/reopened` event of a history. */
export function deadlineStartsOf(events: readonly CaseEventEntity[]): DeadlineStarts {
  let escalatedAt: IsoInstant | undefined;
  let reopenedAt: IsoInstant | undefined;
  for (const event of events) {
    if (event.type === 'case/escalated') escalatedAt = event.at;
    if (event.type === 'case/reopened') reopenedAt = event.at;
  }
  return {
    ...(escalatedAt === undefined ? {} : { escalatedAt }),
    ...(reopenedAt === undefined ? {} : { reopenedAt }),
  };
}

function sameDeadline(a: CaseDeadline, b: CaseDeadline): boolean {
  return (
    a.dueAt === b.dueAt &&
    a.warning === b.warning &&
    (a.warningYears ?? []).join() === (b.warningYears ?? []).join()
  );
}

/**
 * The deadline a case should have under the rules and calendar of `ctx`, compared with the one
 * it has. Each deadline is counted again from where its clock started: a handling deadline from
 * intake, an escalated one from the last escalation, a reopened case's (`recomputed`) from the
 * last reopening (`starts`, see `deadlineStartsOf`). Extensions and deadlines set by hand are
 * dates someone agreed and are kept. The new deadline keeps its basis, so a later recompute
 * still knows what it counts; the event says it was recomputed.
 */
export function deadlineRecompute(
  state: CaseEntity,
  ctx: DeadlineRecomputeContext,
  starts: DeadlineStarts = {},
): DeadlineRecompute {
  if (!caseIsOpen(state)) return { outcome: 'kept', why: 'closed' };
  const previous = state.deadline;
  if (!previous) return { outcome: 'kept', why: 'noDeadline' };
  let spec: DeadlineSpec | undefined;
  let start: IsoInstant | undefined;
  switch (previous.basis) {
    case 'extension':
    case 'manual':
      return { outcome: 'kept', why: 'setByHand' };
    case 'escalated':
      spec = ctx.rules.deadlines.escalated;
      start = starts.escalatedAt;
      break;
    case 'handling':
      spec = rulesHandlingDeadline(ctx.rules, state);
      start = state.receivedAt;
      break;
    case 'recomputed':
      // A reopened case counts the handling deadline again from its reopening.
      spec = rulesHandlingDeadline(ctx.rules, state);
      start = starts.reopenedAt;
      break;
  }
  if (start === undefined) return { outcome: 'kept', why: 'startUnknown' };
  if (!spec) return { outcome: 'kept', why: 'noRule' };
  const deadline: CaseDeadline = {
    ...deadlineCompute(spec, start, ctx.deadline),
    basis: previous.basis,
  };
  return sameDeadline(previous, deadline)
    ? { outcome: 'unchanged' }
    : { outcome: 'changed', previous, deadline };
}

/** The event payload that records a recomputed deadline, with the reason the history shows. */
export function deadlineChangedPayload(
  change: Extract<DeadlineRecompute, { outcome: 'changed' }>,
  reason: string,
): CasePayloadOf<'case/deadlineChanged'> {
  return { deadline: change.deadline, reason };
}
