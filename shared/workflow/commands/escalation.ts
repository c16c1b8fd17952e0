/**
 * Escalation (升级处理) and what follows it: the level the rules suggest, the internal review
 * record (DOMAIN.md section 7, 内部评审表) and the customer's opinion on the proposed solution
 * (客户意见征询), which may lead to a second review or to external review or arbitration.
 */
import { deadlineCompute, deadlineState } from '../../calendar/deadline';
import type { CaseEntity, CaseStatus } from '../../model/entities';
import { deadlineRecompute, type DeadlineStarts } from '../deadline-recompute';
import {
  rulesInterimDeadline,
  rulesLevel,
  rulesSuggestedLevel,
  type LevelSuggestion,
} from '../../rules/rules-query';
import type { CasePayloadOf, ConsultationOutcome, InterimMove } from '../events';
import { caseIsOpen } from '../reducer';
import { commandChecker, TEXT_LIMIT, type CommandContext, type CommandResult } from './command';
import { followUpDueAtOf } from './deadlines';

/** Statuses in which the case has its solution: it cannot be "overdue with no final solution". */
const SOLVED: readonly CaseStatus[] = ['handledDirectly', 'replied', 'awaitingFollowUp', 'closed'];

export type LevelSuggestionCase = Pick<
  CaseEntity,
  'kindId' | 'levelId' | 'flags' | 'amountFen' | 'deadline' | 'exemptReason' | 'status'
>;

/**
 * The level a rule suggests for the case now (media, a lawsuit, an amount of 2,000 yuan or
 * more, or, in the property preset, a general complaint past its deadline with no final
 * solution), or undefined when the case is already at that level or closed.
 */
export function caseLevelSuggestion(
  c: LevelSuggestionCase,
  ctx: CommandContext,
): LevelSuggestion | undefined {
  if (!caseIsOpen(c)) return undefined;
  const overdue =
    !SOLVED.includes(c.status) &&
    deadlineState(c.deadline, ctx.now, ctx.deadline, { exempt: c.exemptReason !== undefined }) ===
      'overdue';
  return rulesSuggestedLevel(ctx.rules, { ...c, overdue });
}

/** The case fields the interim step after a level change depends on. */
export type InterimCase = Pick<CaseEntity, 'kindId' | 'flags' | 'interimDeadline' | 'interimMetAt'>;

/**
 * The interim step after the case takes level `levelId` (DOMAIN.md section 3): a level that
 * brings an interim rule (company: a major complaint's temporary countermeasure within 8 working
 * hours) starts its clock now, when the complaint became that level, as intake starts it at
 * receipt; a level without one drops an interim step not yet recorded. One already running or
 * already recorded stays as it is.
 */
export function interimAfterLevel(
  c: InterimCase,
  levelId: string,
  ctx: Pick<CommandContext, 'rules' | 'deadline' | 'now'>,
): InterimMove {
  if (c.interimMetAt !== undefined) return {};
  const spec = rulesInterimDeadline(ctx.rules, { kindId: c.kindId, levelId, flags: c.flags });
  if (spec === undefined) return c.interimDeadline === undefined ? {} : { interimDropped: true };
  if (c.interimDeadline !== undefined) return {};
  return { interimDeadline: deadlineCompute(spec, ctx.now, ctx.deadline) };
}

export interface EscalateInput {
  readonly reason: string;
  /** The level it is raised to; empty to keep the level. */
  readonly levelId: string;
  /** Whether the clerk accepted a rule's suggestion (recorded, so reports can tell). */
  readonly suggestedByRule: boolean;
}

export type EscalateField = 'reason' | 'levelId';

/**
 * Escalated (升级处理): a reason, optionally a higher level, and the escalated deadline of the
 * rules counted from now (15 working days in the property preset).
 */
export function escalateCommand(
  input: EscalateInput,
  ctx: CommandContext,
  /** The case, when the level may change: its interim step follows the new level. */
  c?: InterimCase,
): CommandResult<CasePayloadOf<'case/escalated'>, EscalateField> {
  const check = commandChecker<EscalateField>();
  const reason = check.text('reason', input.reason, { required: true });
  if (input.levelId !== '' && !rulesLevel(ctx.rules, input.levelId)) {
    check.add('levelId', 'unknownOption');
  }
  return check.result(() => ({
    reason,
    ...(input.levelId === '' ? {} : { levelId: input.levelId }),
    deadline: {
      ...deadlineCompute(ctx.rules.deadlines.escalated, ctx.now, ctx.deadline),
      basis: 'escalated' as const,
    },
    ...(input.suggestedByRule ? { suggestedByRule: true } : {}),
    ...(input.levelId === '' || c === undefined ? {} : interimAfterLevel(c, input.levelId, ctx)),
  }));
}

export interface LevelChangeInput {
  readonly levelId: string;
  readonly reason: string;
  readonly suggestedByRule: boolean;
}

export type LevelChangeField = 'levelId' | 'reason';

/**
 * A level changed without escalating (调整级别): to another known level, with a reason. When the
 * rules give the new level another handling time limit (DOMAIN.md section 3: the deadline follows
 * the level), the deadline is counted again from where its clock started (intake, or the last
 * reopening: `starts`) and carried in the payload, decided now rather than by the reducer, so a
 * later change of the rules does not rewrite what the clerk saw. An escalated deadline, an
 * extension or one set by hand does not depend on the level and stays. The interim step follows
 * the new level (`interimAfterLevel`).
 */
export function levelChangeCommand(
  input: LevelChangeInput,
  c: CaseEntity,
  ctx: Pick<CommandContext, 'rules' | 'deadline' | 'now'>,
  starts: DeadlineStarts = {},
): CommandResult<CasePayloadOf<'case/levelChanged'>, LevelChangeField> {
  const check = commandChecker<LevelChangeField>();
  if (input.levelId === '') check.add('levelId', 'required');
  else if (!rulesLevel(ctx.rules, input.levelId)) check.add('levelId', 'unknownOption');
  else if (input.levelId === c.levelId) check.add('levelId', 'unchanged');
  const reason = check.text('reason', input.reason, { required: true });
  return check.result(() => {
    const recompute = deadlineRecompute(
      { ...c, levelId: input.levelId },
      { rules: ctx.rules, deadline: ctx.deadline },
      starts,
    );
    return {
      levelId: input.levelId,
      reason,
      ...(input.suggestedByRule ? { suggestedByRule: true } : {}),
      ...(recompute.outcome === 'changed' ? { deadline: recompute.deadline } : {}),
      ...interimAfterLevel(c, input.levelId, ctx),
    };
  });
}

export interface ReviewInput {
  readonly customerDemand: string;
  readonly progress: string;
  readonly proposedSolution: string;
  readonly feasibility: string;
  readonly cost: string;
  readonly fairness: string;
  /** Names separated by commas, 、 or spaces. */
  readonly reviewers: string;
  readonly decision: string;
}

export type ReviewField = keyof ReviewInput;

/** Splits typed names on the separators clerks use (, ， 、 ; ； and spaces). */
export function reviewersParse(text: string): string[] {
  return text
    .split(/[,，、;；\s]+/u)
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/**
 * The internal review record (客户投诉解决方案内部评审表): the proposed solution, the reviewers
 * and their decision are required; `round` is 1 for the first review, 2 for a second one.
 */
export function reviewCommand(
  input: ReviewInput,
  round: number,
): CommandResult<CasePayloadOf<'case/reviewed'>, ReviewField> {
  const check = commandChecker<ReviewField>();
  const long = { limit: TEXT_LIMIT };
  const customerDemand = check.text('customerDemand', input.customerDemand, long);
  const progress = check.text('progress', input.progress, long);
  const proposedSolution = check.text('proposedSolution', input.proposedSolution, {
    required: true,
    limit: TEXT_LIMIT,
  });
  const feasibility = check.text('feasibility', input.feasibility);
  const cost = check.text('cost', input.cost);
  const fairness = check.text('fairness', input.fairness);
  const reviewers = reviewersParse(input.reviewers);
  if (reviewers.length === 0) check.add('reviewers', 'required');
  else if (input.reviewers.length > 500) check.add('reviewers', 'tooLong');
  const decision = check.text('decision', input.decision, { required: true });
  return check.result(() => ({
    review: {
      customerDemand,
      progress,
      proposedSolution,
      feasibility,
      cost,
      fairness,
      reviewers,
      decision,
      round,
    },
  }));
}

export const CONSULTATION_OUTCOMES: readonly ConsultationOutcome[] = [
  'agrees',
  'revise',
  'escalateFurther',
  'cannotBeMet',
  'externalReview',
];

export interface ConsultInput {
  /** Empty until the clerk picks one. */
  readonly outcome: ConsultationOutcome | '';
  readonly note: string;
}

export type ConsultField = 'outcome' | 'note';

/**
 * The customer's opinion on the solution after a review. When the request cannot be met, the
 * note is what the customer was told and the follow-up falls due as after a reply.
 */
export function consultCommand(
  input: ConsultInput,
  c: Pick<CaseEntity, 'kindId' | 'levelId' | 'flags'>,
  ctx: CommandContext,
): CommandResult<CasePayloadOf<'case/consulted'>, ConsultField> {
  const check = commandChecker<ConsultField>();
  const outcome = input.outcome;
  if (outcome === '') check.add('outcome', 'required');
  else if (!CONSULTATION_OUTCOMES.includes(outcome)) check.add('outcome', 'unknownOption');
  const note = check.text('note', input.note, { required: true, limit: TEXT_LIMIT });
  return check.result(() => {
    const chosen = outcome as ConsultationOutcome;
    const followUpDueAt = chosen === 'cannotBeMet' ? followUpDueAtOf(c, ctx) : undefined;
    return {
      outcome: chosen,
      note,
      ...(followUpDueAt === undefined ? {} : { followUpDueAt }),
    };
  });
}
