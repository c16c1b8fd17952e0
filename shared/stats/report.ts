/**
 * The figures of the monthly report (客户投诉/需求信息月报表, DOMAIN.md section 6) for any range
 * of dates: matters by kind, category, level and final cause; timeliness in working days;
 * follow-up rate, visit share and satisfaction; by handling unit and handler; the major and
 * overdue matters by name. Pure: the cases and the time of the report are parameters.
 */
import { missingCaseError } from '../kernel/assert';
import type { IsoInstant } from '../kernel/brand';
import { workingDaysBetween, type DeadlineContext } from '../calendar/deadline';
import { localDateOf } from '../calendar/local-time';
import type { CaseEntity } from '../model/entities';
import type { DeskRules } from '../rules/rules';
import { rulesDefaultLevel, rulesLevel } from '../rules/rules-query';
import { deadlineStanding, standingIsLate } from '../register/standing';
import {
  EMPTY_FOLLOW_UP,
  EMPTY_TIMELINESS,
  statsNotableCompare,
  NONE_KEY,
  type FollowUpFigures,
  type GroupFigures,
  type NotableMatter,
  type ReportFigures,
  type TimelinessFigures,
} from './figures';
import {
  mattersInRange,
  statsIsInvalidComplaint,
  statsKindClass,
  statsKindId,
  statsTopCategoryId,
  type Matter,
} from './matters';
import { periodContains, type DateRange } from './period';

export interface StatsInput {
  /** The cases received in the range and every case linked to one of them. */
  readonly cases: readonly CaseEntity[];
  readonly range: DateRange;
  readonly rules: DeskRules;
  readonly deadlineContext: DeadlineContext;
  /** When the report is made: open matters past their deadline by then are overdue. */
  readonly asOf: IsoInstant;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** How one matter stands against its handling deadline, for the timeliness figures. */
export type MatterTimeliness =
  'onTime' | 'late' | 'openOverdue' | 'openInTime' | 'exempt' | 'uncounted';

/**
 * Where the matter's lead case stands against its deadline at `asOf`. The reply decides once it
 * is in (a case reopened for remedial work keeps the timeliness of its reply); before it, the
 * same standing the screens show (`deadlineStanding`).
 */
export function statsTimelinessOf(
  c: CaseEntity,
  asOf: IsoInstant,
  ctx: DeadlineContext,
): MatterTimeliness {
  if (c.exemptReason !== undefined) return 'exempt';
  const dueAt = c.deadline?.dueAt;
  if (dueAt === undefined) return 'uncounted';
  if (c.repliedAt !== undefined) {
    return Date.parse(c.repliedAt) <= Date.parse(dueAt) ? 'onTime' : 'late';
  }
  const standing = deadlineStanding(c, asOf, ctx);
  switch (standing.state) {
    case 'overdue':
      return 'openOverdue';
    case 'dueSoon':
    case 'ok':
      return 'openInTime';
    case 'metInTime':
    case 'metLate':
    case 'exempt':
    case 'none':
      return 'uncounted';
    default:
      throw missingCaseError(standing.state);
  }
}

/** What one lead case adds to timeliness figures: worked out once, added to several groups. */
interface LeadTimeliness {
  readonly standing: MatterTimeliness;
  readonly dispatch?: 'onTime' | 'late';
  readonly interim?: 'onTime' | 'late';
  /** Working days from intake to the reply, when replied. */
  readonly replyWorkingDays?: number;
}

/**
 * Kept per case object and report time: a lead counts in the period's figures, its unit's and
 * its handler's (and a quarter's months and total read the same cases), and working out its
 * standings is most of the cost of a report over thousands of cases (issue 13).
 */
const leadsKept = new WeakMap<
  CaseEntity,
  { asOf: IsoInstant; ctx: DeadlineContext; value: LeadTimeliness }
>();

function leadTimeliness(c: CaseEntity, asOf: IsoInstant, ctx: DeadlineContext): LeadTimeliness {
  const kept = leadsKept.get(c);
  if (kept && kept.asOf === asOf && kept.ctx === ctx) return kept.value;
  const metOrLate = (kind: 'dispatch' | 'interim') => {
    const standing = deadlineStanding(c, asOf, ctx, kind);
    if (standing.state === 'metInTime') return 'onTime' as const;
    return standingIsLate(standing) ? ('late' as const) : undefined;
  };
  const value: LeadTimeliness = {
    standing: statsTimelinessOf(c, asOf, ctx),
    dispatch: metOrLate('dispatch'),
    interim: metOrLate('interim'),
    replyWorkingDays:
      c.repliedAt === undefined
        ? undefined
        : Math.max(0, workingDaysBetween(c.receivedAt, c.repliedAt, ctx)),
  };
  leadsKept.set(c, { asOf, ctx, value });
  return value;
}

function addTimeliness(t: Mutable<TimelinessFigures>, lead: LeadTimeliness): void {
  t[lead.standing] += 1;
  if (lead.dispatch === 'onTime') t.dispatchOnTime += 1;
  else if (lead.dispatch === 'late') t.dispatchLate += 1;
  if (lead.interim === 'onTime') t.interimOnTime += 1;
  else if (lead.interim === 'late') t.interimLate += 1;
  if (lead.replyWorkingDays !== undefined) {
    t.replied += 1;
    t.replyWorkingDays += lead.replyWorkingDays;
  }
}

function addFollowUp(f: Mutable<FollowUpFigures>, c: CaseEntity, rules: DeskRules): void {
  if (c.repliedAt === undefined) return;
  f.replied += 1;
  const fu = c.followUp;
  if (fu.satisfaction !== undefined) {
    f.followedUp += 1;
    f.scoreTotal += fu.satisfaction;
    if (fu.method === 'visit') f.visits += 1;
    const satisfied = fu.satisfied ?? fu.satisfaction >= rules.followUp.scale.satisfiedAtLeast;
    if (satisfied) f.satisfied += 1;
    return;
  }
  switch (fu.state) {
    case 'unreachable':
      f.unreachable += 1;
      break;
    case 'pending':
      f.pending += 1;
      break;
    // notDue: answered on the spot with no follow-up asked for; done always has a score
    // (counted above).
    case 'waived':
    case 'notDue':
    case 'done':
      f.waived += 1;
      break;
    default:
      throw missingCaseError(fu.state);
  }
}

function newGroup(): {
  matters: number;
  timeliness: Mutable<TimelinessFigures>;
  followUp: Mutable<FollowUpFigures>;
} {
  return { matters: 0, timeliness: { ...EMPTY_TIMELINESS }, followUp: { ...EMPTY_FOLLOW_UP } };
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/** Whether the matter's level is above the rules' lowest (重大, 一级/二级 ...). */
function isMajor(c: CaseEntity, rules: DeskRules): boolean {
  if (c.levelId === undefined) return false;
  const level = rulesLevel(rules, c.levelId);
  return level !== undefined && level.rank > rulesDefaultLevel(rules).rank;
}

function notableOf(c: CaseEntity, major: boolean, overdue: boolean, kindId: string): NotableMatter {
  return {
    number: c.number,
    subject: c.subject,
    kindId,
    levelId: c.levelId,
    unitName: c.unitName,
    receivedAt: c.receivedAt,
    dueAt: c.deadline?.dueAt,
    repliedAt: c.repliedAt,
    status: c.status,
    major,
    overdue,
  };
}

/** The figures of the matters first reported in `input.range`, as of `input.asOf`. */
export function statsReport(input: StatsInput): ReportFigures {
  const matters = mattersInRange(input.cases, input.range, input.deadlineContext.timeZone);
  return statsReportOfMatters(matters, input);
}

/** The figures of given matters (already chosen by period). */
export function statsReportOfMatters(
  matters: readonly Matter[],
  input: Omit<StatsInput, 'cases'> & { readonly cases?: readonly CaseEntity[] },
): ReportFigures {
  const { rules, asOf, deadlineContext: ctx } = input;
  const byKind: Record<string, number> = {};
  const byCategory: Record<string, number> = {};
  const byLevel: Record<string, number> = {};
  const byFinalCause: Record<string, number> = {};
  const timeliness: Mutable<TimelinessFigures> = { ...EMPTY_TIMELINESS };
  const followUp: Mutable<FollowUpFigures> = { ...EMPTY_FOLLOW_UP };
  const byUnit: Record<string, ReturnType<typeof newGroup>> = {};
  const byHandler: Record<string, ReturnType<typeof newGroup>> = {};
  const notable: NotableMatter[] = [];
  let validComplaints = 0;
  let invalidComplaints = 0;
  let requests = 0;

  for (const { lead, cases } of matters) {
    const kindId = statsKindId(lead, rules);
    const kindClass = statsKindClass(lead, rules);
    bump(byKind, kindId);
    bump(byCategory, `${kindId}/${statsTopCategoryId(kindId, lead.categoryId, rules) ?? NONE_KEY}`);
    bump(byLevel, lead.levelId ?? rulesDefaultLevel(rules).id);
    // Rule 3: the final cause; a linked report may carry it when the lead does not.
    const cause = lead.finalCauseId ?? cases.find((c) => c.finalCauseId)?.finalCauseId;
    bump(byFinalCause, cause ?? NONE_KEY);
    if (statsIsInvalidComplaint(lead, rules)) invalidComplaints += 1;
    else if (kindClass === 'complaint') validComplaints += 1;
    if (kindClass === 'request') requests += 1;

    const leadTimes = leadTimeliness(lead, asOf, ctx);
    addTimeliness(timeliness, leadTimes);
    addFollowUp(followUp, lead, rules);
    for (const [groups, key] of [
      [byUnit, lead.unitName?.trim() || NONE_KEY],
      [byHandler, lead.handlerName?.trim() || NONE_KEY],
    ] as const) {
      const group = (groups[key] ??= newGroup());
      group.matters += 1;
      addTimeliness(group.timeliness, leadTimes);
      addFollowUp(group.followUp, lead, rules);
    }

    const overdue = leadTimes.standing === 'late' || leadTimes.standing === 'openOverdue';
    const major = isMajor(lead, rules);
    if (major || overdue) notable.push(notableOf(lead, major, overdue, kindId));
  }

  notable.sort(statsNotableCompare);
  const reports = (input.cases ?? matters.flatMap((m) => m.cases)).filter((c) =>
    periodContains(input.range, localDateOf(c.receivedAt, ctx.timeZone)),
  ).length;
  return {
    range: { first: input.range.first, last: input.range.last },
    asOf,
    matters: matters.length,
    reports,
    validComplaints,
    invalidComplaints,
    requests,
    byKind,
    byCategory,
    byLevel,
    byFinalCause,
    timeliness,
    followUp,
    byUnit: byUnit as Record<string, GroupFigures>,
    byHandler: byHandler as Record<string, GroupFigures>,
    notable,
  };
}
