/**
 * Dispatch (交办) and re-dispatch (改派): the unit, its handler, the deadline and the
 * instructions. The deadline comes from the rules; the clerk may set another one, after the
 * intake and not already past, with a reason that is recorded with it.
 */
import { strictAssert } from '../../kernel/assert';
import type { UnitId } from '../../kernel/brand';
import type { CaseDeadline, CaseEntity } from '../../model/entities';
import { UNIT_LIMITS } from '../../organisation/units';
import type { CasePayloadOf } from '../events';
import {
  commandChecker,
  isLater,
  optionalText,
  type CommandContext,
  type CommandResult,
} from './command';
import { deadlineOfRules } from './deadlines';

export type DispatchCase = Pick<
  CaseEntity,
  'kindId' | 'levelId' | 'flags' | 'receivedAt' | 'deadline'
>;

export interface DispatchInput {
  /** The unit's name as typed or picked; a new name becomes a new unit when recorded. */
  readonly unitName: string;
  readonly handlerName: string;
  /** `rules`: the deadline the rules propose; `manual`: `dueAtLocal` with `deadlineReason`. */
  readonly dueMode: 'rules' | 'manual';
  /** `YYYY-MM-DDTHH:mm`, local time. */
  readonly dueAtLocal: string;
  readonly deadlineReason: string;
  readonly instructions: string;
}

export type DispatchField =
  'unitName' | 'handlerName' | 'dueAt' | 'deadlineReason' | 'instructions';

/** A checked dispatch: the event's payload but the unit's id, which storage assigns or finds. */
export type DispatchChecked = Omit<CasePayloadOf<'case/dispatched'>, 'unitId'>;

/** Deadlines that a dispatch keeps rather than counting again from the intake. */
const KEPT_BASES: readonly CaseDeadline['basis'][] = ['escalated', 'extension', 'recomputed'];

/**
 * The deadline a dispatch proposes: the one an escalation, an approved extension or a reopening
 * set is kept; otherwise the handling deadline of the rules counted from the intake (a
 * re-dispatch after a return keeps the clock of the first). Undefined when the rules set none.
 */
export function dispatchProposedDeadline(
  c: DispatchCase,
  ctx: Pick<CommandContext, 'rules' | 'deadline'>,
): CaseDeadline | undefined {
  if (c.deadline && KEPT_BASES.includes(c.deadline.basis)) return c.deadline;
  return deadlineOfRules(c, c.receivedAt, 'handling', ctx) ?? c.deadline;
}

/** Checks a dispatch form and builds everything of its payload but the unit's id. */
export function dispatchCheck(
  input: DispatchInput,
  c: DispatchCase,
  ctx: CommandContext,
): CommandResult<DispatchChecked, DispatchField> {
  const check = commandChecker<DispatchField>();
  // A new name becomes a unit: it must fit what a unit's name may be.
  const unitName = check.text('unitName', input.unitName, {
    required: true,
    limit: UNIT_LIMITS.name,
  });
  const handlerName = check.text('handlerName', input.handlerName, { limit: 100 });
  const instructions = check.text('instructions', input.instructions);
  const proposed = dispatchProposedDeadline(c, ctx);
  let deadline: CaseDeadline | undefined;
  let deadlineReason: string | undefined;
  if (input.dueMode === 'rules') {
    if (proposed) deadline = proposed;
    else check.add('dueAt', 'required');
  } else {
    const dueAt = check.time('dueAt', input.dueAtLocal, ctx.deadline.timeZone);
    if (dueAt !== undefined) {
      if (!isLater(dueAt, c.receivedAt)) check.add('dueAt', 'beforeIntake');
      else if (!isLater(dueAt, ctx.now)) check.add('dueAt', 'notInFuture');
      else deadline = { dueAt, basis: 'manual' };
    }
    // A deadline other than the rules' is explained; with no rule there is nothing to differ from.
    deadlineReason = check.text('deadlineReason', input.deadlineReason, {
      required: proposed !== undefined,
    });
  }
  return check.result(() => {
    strictAssert(deadline, 'dispatchCheck: no errors means a deadline');
    return {
      unitName,
      ...(optionalText(handlerName) === undefined ? {} : { handlerName }),
      deadline,
      ...(optionalText(deadlineReason ?? '') === undefined ? {} : { deadlineReason }),
      ...(optionalText(instructions) === undefined ? {} : { instructions }),
    };
  });
}

/** The payload of `case/dispatched` once the unit has its id. */
export function dispatchPayload(
  checked: DispatchChecked,
  unitId: UnitId,
): CasePayloadOf<'case/dispatched'> {
  return { ...checked, unitId };
}
