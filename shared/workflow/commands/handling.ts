/**
 * The steps of handling a case (DOMAIN.md section 2): answered on the spot, accepted by the
 * unit, sent back, replied. Dispatch has its own module.
 */
import type { CaseEntity } from '../../model/entities';
import type { CasePayloadOf } from '../events';
import {
  commandChecker,
  optionalText,
  TEXT_LIMIT,
  type CommandContext,
  type CommandResult,
} from './command';
import { followUpDueAtOf, type DeadlineCase } from './deadlines';

export interface HandleDirectlyInput {
  /** What the clerk answered on the spot (or where the caller was referred). */
  readonly answer: string;
  readonly followUpRequired: boolean;
}

export type HandleDirectlyField = 'answer';

/** Handled directly (直办): the answer, and the follow-up's due time when one is required. */
export function handleDirectlyCommand(
  input: HandleDirectlyInput,
  c: DeadlineCase,
  ctx: CommandContext,
): CommandResult<CasePayloadOf<'case/handledDirectly'>, HandleDirectlyField> {
  const check = commandChecker<HandleDirectlyField>();
  const answer = check.text('answer', input.answer, { required: true, limit: TEXT_LIMIT });
  return check.result(() => {
    const followUpDueAt = input.followUpRequired ? followUpDueAtOf(c, ctx) : undefined;
    return {
      answer,
      followUpRequired: input.followUpRequired,
      ...(followUpDueAt === undefined ? {} : { followUpDueAt }),
    };
  });
}

export interface AcceptInput {
  /** Who in the unit took the job (接单人). */
  readonly handlerName: string;
}

export type AcceptField = 'handlerName';

/** Accepted (接单): the unit confirms it took the job, and who will handle it. */
export function acceptCommand(
  input: AcceptInput,
): CommandResult<CasePayloadOf<'case/accepted'>, AcceptField> {
  const check = commandChecker<AcceptField>();
  const handlerName = check.text('handlerName', input.handlerName, { required: true, limit: 100 });
  return check.result(() => ({ handlerName }));
}

export interface ReturnInput {
  /** Why the unit sends it back (wrong unit, out of scope). */
  readonly reason: string;
}

export type ReturnField = 'reason';

/** Returned (退回): the unit sends the case back with its reason; the desk re-dispatches. */
export function returnCommand(
  input: ReturnInput,
): CommandResult<CasePayloadOf<'case/returned'>, ReturnField> {
  const check = commandChecker<ReturnField>();
  const reason = check.text('reason', input.reason, { required: true });
  return check.result(() => ({ reason }));
}

export interface ReplyInput {
  /** What the unit did. */
  readonly reply: string;
  /** What the customer was told. */
  readonly toldCustomer: string;
}

export type ReplyField = 'reply' | 'toldCustomer';

/**
 * Replied (办结回复): what was done and what the customer was told, both required; the
 * follow-up falls due by the rules' follow-up limit counted from now.
 */
export function replyCommand(
  input: ReplyInput,
  c: Pick<CaseEntity, 'kindId' | 'levelId' | 'flags'>,
  ctx: CommandContext,
): CommandResult<CasePayloadOf<'case/replied'>, ReplyField> {
  const check = commandChecker<ReplyField>();
  const reply = check.text('reply', input.reply, { required: true, limit: TEXT_LIMIT });
  const toldCustomer = check.text('toldCustomer', input.toldCustomer, {
    required: true,
    limit: TEXT_LIMIT,
  });
  return check.result(() => {
    const followUpDueAt = followUpDueAtOf(c, ctx);
    return { reply, toldCustomer, ...(followUpDueAt === undefined ? {} : { followUpDueAt }) };
  });
}

export interface NoteInput {
  readonly note: string;
}

export type NoteField = 'note';

/**
 * Urged (催办), supervised (督办), a note (备注) or the interim step done (临时措施已落实, what
 * was put in place): one required text.
 */
export function noteCommand(
  input: NoteInput,
): CommandResult<
  CasePayloadOf<'case/urged' | 'case/supervised' | 'case/noted' | 'case/interimMet'>,
  NoteField
> {
  const check = commandChecker<NoteField>();
  const note = check.text('note', input.note, { required: true });
  return check.result(() => ({ note }));
}

export interface ExemptInput {
  /** Why the case is exempt from its deadline (long engineering repairs, a large purchase). */
  readonly reason: string;
}

export type ExemptField = 'reason';

/** Exempt from the deadline (不受时限限制, DOMAIN.md section 3): the reason is required. */
export function exemptCommand(
  input: ExemptInput,
): CommandResult<CasePayloadOf<'case/exempted'>, ExemptField> {
  const check = commandChecker<ExemptField>();
  const reason = check.text('reason', input.reason, { required: true });
  return check.result(() => ({ reason }));
}

/** The optional note, left out of a payload when blank. */
export function noteField(note: string): { readonly note?: string } {
  const text = optionalText(note.trim());
  return text === undefined ? {} : { note: text };
}
