/**
 * The deadlines steps set, from the desk's rules and calendar: the handling deadline a dispatch
 * proposes, the one a reopened case gets, and when the follow-up falls due after a reply.
 */
import type { IsoInstant } from '../../kernel/brand';
import { deadlineCompute } from '../../calendar/deadline';
import type { CaseDeadline, CaseEntity } from '../../model/entities';
import { rulesFollowUpDeadline, rulesHandlingDeadline } from '../../rules/rules-query';
import type { CommandContext } from './command';

/** What the deadline rules look at on a case. */
export type DeadlineCase = Pick<CaseEntity, 'kindId' | 'levelId' | 'flags'>;

/**
 * The handling deadline the rules give a case counted from `start`, or undefined when no rule
 * applies to its kind and level.
 */
export function deadlineOfRules(
  c: DeadlineCase,
  start: IsoInstant,
  basis: CaseDeadline['basis'],
  ctx: Pick<CommandContext, 'rules' | 'deadline'>,
): CaseDeadline | undefined {
  const spec = rulesHandlingDeadline(ctx.rules, c);
  return spec ? { ...deadlineCompute(spec, start, ctx.deadline), basis } : undefined;
}

/**
 * When the follow-up of a case replied at `ctx.now` falls due (complaints within 24 h in the
 * property preset, 3 working days on the hotline), or undefined when the rules set no limit.
 */
export function followUpDueAtOf(c: DeadlineCase, ctx: CommandContext): IsoInstant | undefined {
  const spec = rulesFollowUpDeadline(ctx.rules, c.kindId, { levelId: c.levelId, flags: c.flags });
  return spec ? deadlineCompute(spec, ctx.now, ctx.deadline).dueAt : undefined;
}
