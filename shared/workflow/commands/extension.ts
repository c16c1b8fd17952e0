/**
 * Extensions (延期申请/批准): the unit asks for a later deadline with a reason; the leader in
 * charge approves or refuses it. The rules may cap how far a deadline moves (the hospital
 * preset: up to 5 more working days, S004-A 第十一条).
 */
import type { IsoInstant } from '../../kernel/brand';
import { deadlineCompute } from '../../calendar/deadline';
import type { CaseEntity } from '../../model/entities';
import type { CasePayloadOf } from '../events';
import { commandChecker, isLater, type CommandContext, type CommandResult } from './command';
import { noteField } from './handling';

export type ExtensionCase = Pick<CaseEntity, 'deadline'>;

/**
 * The latest deadline an extension may ask for: the rules' longest extension counted from the
 * current deadline (or from now when the case has none); undefined when the rules set no cap.
 */
export function extensionLatest(c: ExtensionCase, ctx: CommandContext): IsoInstant | undefined {
  const cap = ctx.rules.deadlines.maxExtension;
  if (!cap) return undefined;
  return deadlineCompute(cap, c.deadline?.dueAt ?? ctx.now, ctx.deadline).dueAt;
}

export interface ExtensionRequestInput {
  /** `YYYY-MM-DDTHH:mm`, local time. */
  readonly requestedDueAtLocal: string;
  readonly reason: string;
}

export type ExtensionRequestField = 'requestedDueAt' | 'reason';

/** An extension request: a later deadline than the current one, within the cap, with a reason. */
export function extensionRequestCommand(
  input: ExtensionRequestInput,
  c: ExtensionCase,
  ctx: CommandContext,
): CommandResult<CasePayloadOf<'case/extensionRequested'>, ExtensionRequestField> {
  const check = commandChecker<ExtensionRequestField>();
  const requestedDueAt = check.time(
    'requestedDueAt',
    input.requestedDueAtLocal,
    ctx.deadline.timeZone,
  );
  if (requestedDueAt !== undefined) {
    const latest = extensionLatest(c, ctx);
    if (!isLater(requestedDueAt, c.deadline?.dueAt ?? ctx.now)) {
      check.add('requestedDueAt', c.deadline ? 'notAfterDeadline' : 'notInFuture');
    } else if (latest !== undefined && isLater(requestedDueAt, latest)) {
      check.add('requestedDueAt', 'beyondMaxExtension');
    }
  }
  const reason = check.text('reason', input.reason, { required: true });
  return check.result(() => ({ requestedDueAt: requestedDueAt as IsoInstant, reason }));
}

export interface ExtensionDecisionInput {
  readonly approved: boolean;
  /** Required when the request is refused: the unit needs to know why. */
  readonly note: string;
}

export type ExtensionDecisionField = 'note';

/**
 * The decision on the pending request: approved moves the deadline to the date asked for;
 * refused keeps it and says why.
 */
export function extensionDecisionCommand(
  input: ExtensionDecisionInput,
  c: Pick<CaseEntity, 'pendingExtension'>,
): CommandResult<CasePayloadOf<'case/extensionDecided'>, ExtensionDecisionField> {
  const check = commandChecker<ExtensionDecisionField>();
  const note = check.text('note', input.note, { required: !input.approved });
  // Without a pending request the reducer refuses the decision (`noPendingExtension`).
  const requested = c.pendingExtension?.requestedDueAt;
  return check.result(() => ({
    approved: input.approved,
    ...(input.approved && requested !== undefined
      ? { deadline: { dueAt: requested, basis: 'extension' as const } }
      : {}),
    ...noteField(note),
  }));
}
