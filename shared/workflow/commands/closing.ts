/**
 * Settling a case: responsibility (定责), corrective and preventive action (纠正预防措施), the
 * final cause when closing (最终原因: statistics count by it, S001-A 4.5), reopening, and the
 * two corrections of kind: an inquiry converted into a complaint (never the reverse, S003-O)
 * and a complaint judged invalid (kept, never deleted).
 */
import type { UnitId } from '../../kernel/brand';
import type { CaseEntity } from '../../model/entities';
import type { CategoryDef, DeskRules, KindDef } from '../../rules/rules';
import { rulesCanConvertKind, rulesKind } from '../../rules/rules-query';
import type { CasePayloadOf } from '../events';
import {
  commandChecker,
  optionalText,
  TEXT_LIMIT,
  type CommandContext,
  type CommandResult,
} from './command';
import { deadlineOfRules } from './deadlines';
import { noteField } from './handling';

export interface ResponsibilityInput {
  /** Empty until the clerk says whether the complaint is valid. */
  readonly validity: 'valid' | 'invalid' | '';
  /** The responsible unit or department as typed; its id when it is one of the desk's units. */
  readonly unitName: string;
  readonly unitId?: UnitId;
  readonly personName: string;
  readonly note: string;
}

export type ResponsibilityField = 'validity' | 'unitName' | 'personName' | 'note';

/**
 * Responsibility determined (定责): valid or not, and for a valid complaint the responsible
 * unit and person. Both are required: the hospital counts each confirmed complaint in the
 * person's yearly record (S004-A), and DOMAIN.md section 2 names unit and person everywhere.
 */
export function responsibilityCommand(
  input: ResponsibilityInput,
): CommandResult<CasePayloadOf<'case/responsibilityDetermined'>, ResponsibilityField> {
  const check = commandChecker<ResponsibilityField>();
  if (input.validity === '') check.add('validity', 'required');
  const valid = input.validity === 'valid';
  const unitName = check.text('unitName', input.unitName, { required: valid, limit: 100 });
  const personName = check.text('personName', input.personName, { required: valid, limit: 100 });
  const note = check.text('note', input.note);
  return check.result(() => ({
    ...(unitName === '' ? {} : { unitName }),
    ...(unitName !== '' && input.unitId !== undefined ? { unitId: input.unitId } : {}),
    ...(personName === '' ? {} : { personName }),
    valid,
    ...noteField(note),
  }));
}

export interface CorrectiveActionInput {
  readonly rootCause: string;
  readonly action: string;
  readonly owner: string;
  readonly approvedBy: string;
  readonly effectCheck: string;
}

export type CorrectiveActionField = keyof CorrectiveActionInput;

/** Corrective and preventive action: root cause, action and owner required; approval and check later. */
export function correctiveActionCommand(
  input: CorrectiveActionInput,
): CommandResult<CasePayloadOf<'case/correctiveAction'>, CorrectiveActionField> {
  const check = commandChecker<CorrectiveActionField>();
  const rootCause = check.text('rootCause', input.rootCause, { required: true, limit: TEXT_LIMIT });
  const action = check.text('action', input.action, { required: true, limit: TEXT_LIMIT });
  const owner = check.text('owner', input.owner, { required: true, limit: 100 });
  const approvedBy = optionalText(check.text('approvedBy', input.approvedBy, { limit: 100 }));
  const effectCheck = optionalText(check.text('effectCheck', input.effectCheck));
  return check.result(() => ({
    rootCause,
    action,
    owner,
    ...(approvedBy === undefined ? {} : { approvedBy }),
    ...(effectCheck === undefined ? {} : { effectCheck }),
  }));
}

/**
 * The final causes a case can be closed under: second-level causes, and first-level causes
 * that have none below them (a cause with children is a heading, too coarse to count by).
 */
export function finalCauseChoices(
  rules: Pick<DeskRules, 'finalCauses'>,
): { readonly cause: CategoryDef; readonly parent?: CategoryDef }[] {
  return rules.finalCauses.flatMap((cause) =>
    cause.children && cause.children.length > 0
      ? cause.children.map((child) => ({ cause: child, parent: cause }))
      : [{ cause }],
  );
}

export interface CloseInput {
  readonly finalCauseId: string;
  readonly summary: string;
}

export type CloseField = 'finalCauseId' | 'summary';

/** Closed (结案): the final cause from the rules' list and a summary, both required. */
export function closeCommand(
  input: CloseInput,
  ctx: Pick<CommandContext, 'rules'>,
): CommandResult<CasePayloadOf<'case/closed'>, CloseField> {
  const check = commandChecker<CloseField>();
  if (input.finalCauseId === '') check.add('finalCauseId', 'required');
  else if (!finalCauseChoices(ctx.rules).some(({ cause }) => cause.id === input.finalCauseId)) {
    check.add('finalCauseId', 'unknownOption');
  }
  const summary = check.text('summary', input.summary, { required: true, limit: TEXT_LIMIT });
  return check.result(() => ({ finalCauseId: input.finalCauseId, summary }));
}

export interface ReopenInput {
  readonly reason: string;
}

export type ReopenField = 'reason';

/**
 * Reopened (重新办理) for remedial work: a reason, and a fresh handling deadline of the rules
 * counted from now (the one from the intake has long passed).
 */
export function reopenCommand(
  input: ReopenInput,
  c: Pick<CaseEntity, 'kindId' | 'levelId' | 'flags'>,
  ctx: CommandContext,
): CommandResult<CasePayloadOf<'case/reopened'>, ReopenField> {
  const check = commandChecker<ReopenField>();
  const reason = check.text('reason', input.reason, { required: true });
  return check.result(() => {
    const deadline = deadlineOfRules(c, ctx.now, 'recomputed', ctx);
    return deadline ? { reason, deadline } : { reason };
  });
}

/** The kinds this case may be converted into: complaints, when it is an inquiry (S003-O). */
export function convertTargets(c: Pick<CaseEntity, 'kindId'>, rules: DeskRules): KindDef[] {
  return rules.kinds.filter((kind) => rulesCanConvertKind(rules, c.kindId, kind.id));
}

export interface ConvertInput {
  readonly toKindId: string;
  readonly reason: string;
}

export type ConvertField = 'toKindId' | 'reason';

/** Converted (咨询转投诉): from the case's kind to a kind the rules allow, with a reason. */
export function convertCommand(
  input: ConvertInput,
  c: Pick<CaseEntity, 'kindId'>,
  ctx: Pick<CommandContext, 'rules'>,
): CommandResult<CasePayloadOf<'case/converted'>, ConvertField> {
  const check = commandChecker<ConvertField>();
  if (input.toKindId === '') check.add('toKindId', 'required');
  else if (!rulesCanConvertKind(ctx.rules, c.kindId, input.toKindId)) {
    check.add('toKindId', 'cannotConvert');
  }
  const reason = check.text('reason', input.reason, { required: true });
  return check.result(() => ({ fromKindId: c.kindId, toKindId: input.toKindId, reason }));
}

/** Whether a case is of a complaint kind (only complaints are judged valid or invalid). */
export function isComplaintCase(c: Pick<CaseEntity, 'kindId'>, rules: DeskRules): boolean {
  return rulesKind(rules, c.kindId)?.class === 'complaint';
}

export interface MarkInvalidInput {
  /** What the customer was told (elsewhere than the property preset the case closes with it). */
  readonly explanation: string;
}

export type MarkInvalidField = 'explanation' | 'kindId';

/**
 * Marked invalid (无效投诉): kept, never deleted. Where the rules count an invalid complaint
 * as another kind (the property preset: as a request, S001-A 4.1.1.2) it becomes that kind and
 * stays open; elsewhere it is closed with the explanation.
 */
export function markInvalidCommand(
  input: MarkInvalidInput,
  c: Pick<CaseEntity, 'kindId'>,
  ctx: Pick<CommandContext, 'rules'>,
): CommandResult<CasePayloadOf<'case/markedInvalid'>, MarkInvalidField> {
  const check = commandChecker<MarkInvalidField>();
  const explanation = check.text('explanation', input.explanation, {
    required: true,
    limit: TEXT_LIMIT,
  });
  if (!isComplaintCase(c, ctx.rules)) check.add('kindId', 'notAComplaint');
  const newKindId = ctx.rules.invalidComplaintBecomesKindId;
  const becomes = newKindId !== undefined && rulesKind(ctx.rules, newKindId) !== undefined;
  return check.result(() =>
    becomes ? { explanation, newKindId, close: false } : { explanation, close: true },
  );
}
