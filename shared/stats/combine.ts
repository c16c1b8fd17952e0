/**
 * The group report (DOMAIN.md section 6): several desks' monthly reports summed with the same
 * rules. Each exported monthly report carries its figures as a `ReportDocument` (counts and sums,
 * never rates), so the group report adds them up and computes every rate from the sums. Matters
 * linked across desks cannot be recognised from the figures: each desk counts its own.
 */
import { z } from 'zod';
import type { IsoInstant } from '../kernel/brand';
import type { CaseStatus } from '../model/entities';
import { CASE_STATUSES } from '../model/entities';
import type { DeskRules, LocalizedText } from '../rules/rules';
import {
  EMPTY_FOLLOW_UP,
  EMPTY_TIMELINESS,
  type Counts,
  type FollowUpFigures,
  type GroupFigures,
  type ReportFigures,
  type TimelinessFigures,
  statsNotableCompare,
} from './figures';
import type { PeriodMode } from './period';

export interface ReportLabels {
  readonly kinds: Readonly<Record<string, LocalizedText>>;
  /** Keyed `kindId/categoryId`, like `ReportFigures.byCategory`. */
  readonly categories: Readonly<Record<string, LocalizedText>>;
  readonly levels: Readonly<Record<string, LocalizedText>>;
  readonly causes: Readonly<Record<string, LocalizedText>>;
}

export interface ReportDesk {
  readonly deskId: string;
  readonly organisationName: string;
  readonly deskName: string;
}

export interface ReportPeriodInfo {
  readonly year: number;
  readonly month: number;
  readonly mode: PeriodMode;
}

/** A monthly report as data: what the exported workbook carries for the group report. */
export interface ReportDocument {
  readonly format: typeof REPORT_DOCUMENT_FORMAT;
  readonly version: 1;
  readonly desks: readonly ReportDesk[];
  readonly period: ReportPeriodInfo;
  readonly figures: ReportFigures;
  readonly labels: ReportLabels;
}

export const REPORT_DOCUMENT_FORMAT = 'complaint-desk/monthly-report';

/** The labels a report needs to be read without the desk's rules (in another desk's group report). */
export function statsLabelsOf(rules: DeskRules): ReportLabels {
  const kinds: Record<string, LocalizedText> = {};
  const categories: Record<string, LocalizedText> = {};
  for (const kind of rules.kinds) {
    kinds[kind.id] = kind.label;
    for (const category of kind.categories)
      categories[`${kind.id}/${category.id}`] = category.label;
  }
  const levels = Object.fromEntries(rules.levels.map((level) => [level.id, level.label]));
  const causes = Object.fromEntries(rules.finalCauses.map((cause) => [cause.id, cause.label]));
  return { kinds, categories, levels, causes };
}

export type CombineProblem =
  | { readonly code: 'noReports' }
  | { readonly code: 'periodsDiffer'; readonly desks: readonly string[] }
  | { readonly code: 'sameDeskTwice'; readonly deskName: string };

export type CombineResult =
  | { readonly ok: true; readonly document: ReportDocument }
  | { readonly ok: false; readonly problem: CombineProblem };

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function addCounts(into: Record<string, number>, from: Counts): void {
  for (const [key, count] of Object.entries(from)) into[key] = (into[key] ?? 0) + count;
}

function addNumbers<T extends object>(a: T, b: T): T {
  const sum = { ...a } as Record<string, number>;
  for (const [key, value] of Object.entries(b as Record<string, number>)) {
    sum[key] = (sum[key] ?? 0) + value;
  }
  return sum as T;
}

function addGroups(
  into: Record<string, GroupFigures>,
  from: Readonly<Record<string, GroupFigures>>,
): void {
  for (const [key, group] of Object.entries(from)) {
    const current = into[key];
    into[key] = current
      ? {
          matters: current.matters + group.matters,
          timeliness: addNumbers(current.timeliness, group.timeliness),
          followUp: addNumbers(current.followUp, group.followUp),
        }
      : group;
  }
}

function mergeLabels(into: Mutable<ReportLabels>, from: ReportLabels): void {
  // The first desk's word wins where two desks label one id differently.
  into.kinds = { ...from.kinds, ...into.kinds };
  into.categories = { ...from.categories, ...into.categories };
  into.levels = { ...from.levels, ...into.levels };
  into.causes = { ...from.causes, ...into.causes };
}

/**
 * Sums several desks' reports of the same period. Refuses reports of different periods and two
 * reports of one desk (which would count it twice).
 */
export function statsCombine(documents: readonly ReportDocument[]): CombineResult {
  const [first] = documents;
  if (!first) return { ok: false, problem: { code: 'noReports' } };
  const samePeriod = (d: ReportDocument) =>
    d.period.year === first.period.year &&
    d.period.month === first.period.month &&
    d.figures.range.first === first.figures.range.first &&
    d.figures.range.last === first.figures.range.last;
  if (!documents.every(samePeriod)) {
    return {
      ok: false,
      problem: {
        code: 'periodsDiffer',
        desks: documents.map(
          (d) =>
            `${d.desks.map((desk) => desk.deskName).join('、')} ${d.figures.range.first}～${d.figures.range.last}`,
        ),
      },
    };
  }
  const desks: ReportDesk[] = [];
  for (const desk of documents.flatMap((d) => d.desks)) {
    if (desks.some((known) => known.deskId === desk.deskId)) {
      return { ok: false, problem: { code: 'sameDeskTwice', deskName: desk.deskName } };
    }
    desks.push(desk);
  }

  const labels: Mutable<ReportLabels> = { kinds: {}, categories: {}, levels: {}, causes: {} };
  for (const d of documents) mergeLabels(labels, d.labels);
  const figures = statsFiguresSum(
    documents.map((d) => {
      const deskName = d.desks.map((desk) => desk.deskName).join('、');
      return {
        ...d.figures,
        notable: d.figures.notable.map((n) => ({ ...n, deskName: n.deskName ?? deskName })),
        // A group report summed again keeps its own breakdown; a desk's report is one line of it.
        byDesk: d.figures.byDesk ?? {
          [deskName]: {
            matters: d.figures.matters,
            timeliness: d.figures.timeliness,
            followUp: d.figures.followUp,
          },
        },
      };
    }),
    first.figures.range,
  );

  return {
    ok: true,
    document: {
      format: REPORT_DOCUMENT_FORMAT,
      version: 1,
      desks,
      period: first.period,
      labels,
      figures,
    },
  };
}

/**
 * The figures of several reports whose matters do not overlap, summed: several desks' reports of
 * one period (the group report), or the consecutive monthly reports of a year (a matter counts in
 * the period of its first report, so the months of a year partition its matters). Counts and sums
 * add up; every rate is computed later from the sums. `asOf` is the latest of the reports'.
 *
 * @throws RangeError for no reports (there would be no time to state the figures at).
 */
export function statsFiguresSum(
  reports: readonly ReportFigures[],
  range: ReportFigures['range'],
): ReportFigures {
  const [first] = reports;
  if (!first) throw new RangeError('statsFiguresSum: no reports to sum');
  const byKind: Record<string, number> = {};
  const byCategory: Record<string, number> = {};
  const byLevel: Record<string, number> = {};
  const byFinalCause: Record<string, number> = {};
  const byUnit: Record<string, GroupFigures> = {};
  const byHandler: Record<string, GroupFigures> = {};
  let timeliness: TimelinessFigures = EMPTY_TIMELINESS;
  let followUp: FollowUpFigures = EMPTY_FOLLOW_UP;
  let asOf: IsoInstant = first.asOf;
  const totals = { matters: 0, reports: 0, validComplaints: 0, invalidComplaints: 0, requests: 0 };
  const notable: ReportFigures['notable'][number][] = [];
  const byDesk: Record<string, GroupFigures> = {};

  for (const f of reports) {
    totals.matters += f.matters;
    totals.reports += f.reports;
    totals.validComplaints += f.validComplaints;
    totals.invalidComplaints += f.invalidComplaints;
    totals.requests += f.requests;
    addCounts(byKind, f.byKind);
    addCounts(byCategory, f.byCategory);
    addCounts(byLevel, f.byLevel);
    addCounts(byFinalCause, f.byFinalCause);
    addGroups(byUnit, f.byUnit);
    addGroups(byHandler, f.byHandler);
    timeliness = addNumbers(timeliness, f.timeliness);
    followUp = addNumbers(followUp, f.followUp);
    if (f.asOf > asOf) asOf = f.asOf;
    if (f.byDesk) addGroups(byDesk, f.byDesk);
    notable.push(...f.notable);
  }
  notable.sort(statsNotableCompare);
  return {
    range: { first: range.first, last: range.last },
    asOf,
    ...totals,
    byKind,
    byCategory,
    byLevel,
    byFinalCause,
    timeliness,
    followUp,
    byUnit,
    byHandler,
    notable,
    // Only reports that carry a breakdown by desk (a group's) give one.
    ...(Object.keys(byDesk).length > 0 ? { byDesk } : {}),
  };
}

const count = z.number().int().min(0);
const counts = z.record(z.string(), count);
const text = z.object({ zh: z.string(), en: z.string() });
const isoInstant = z.iso.datetime().transform((s) => s as IsoInstant);
const isoDate = z.iso.date().transform((s) => s as ReportFigures['range']['first']);
const timelinessSchema = z.object({
  onTime: count,
  late: count,
  openOverdue: count,
  openInTime: count,
  exempt: count,
  uncounted: count,
  replied: count,
  replyWorkingDays: count,
  // Reports made before dispatch and interim deadlines were counted have none.
  dispatchOnTime: count.default(0),
  dispatchLate: count.default(0),
  interimOnTime: count.default(0),
  interimLate: count.default(0),
});
const followUpSchema = z.object({
  replied: count,
  followedUp: count,
  visits: count,
  scoreTotal: z.number().min(0),
  satisfied: count,
  unreachable: count,
  waived: count,
  pending: count,
});
const groupSchema = z.object({
  matters: count,
  timeliness: timelinessSchema,
  followUp: followUpSchema,
});

const documentSchema = z.object({
  format: z.literal(REPORT_DOCUMENT_FORMAT),
  version: z.literal(1),
  desks: z
    .array(
      z.object({ deskId: z.string().min(1), organisationName: z.string(), deskName: z.string() }),
    )
    .min(1),
  period: z.object({
    year: z.number().int().min(2000).max(2200),
    month: z.number().int().min(1).max(12),
    mode: z.enum(['report', 'calendar']),
  }),
  labels: z.object({
    kinds: z.record(z.string(), text),
    categories: z.record(z.string(), text),
    levels: z.record(z.string(), text),
    causes: z.record(z.string(), text),
  }),
  figures: z.object({
    range: z.object({ first: isoDate, last: isoDate }),
    asOf: isoInstant,
    matters: count,
    reports: count,
    validComplaints: count,
    invalidComplaints: count,
    requests: count,
    byKind: counts,
    byCategory: counts,
    byLevel: counts,
    byFinalCause: counts,
    timeliness: timelinessSchema,
    followUp: followUpSchema,
    byUnit: z.record(z.string(), groupSchema),
    byHandler: z.record(z.string(), groupSchema),
    notable: z.array(
      z.object({
        number: z.string(),
        subject: z.string(),
        kindId: z.string(),
        levelId: z.string().optional(),
        unitName: z.string().optional(),
        receivedAt: isoInstant,
        dueAt: isoInstant.optional(),
        repliedAt: isoInstant.optional(),
        status: z.enum(CASE_STATUSES as [CaseStatus, ...CaseStatus[]]),
        major: z.boolean(),
        overdue: z.boolean(),
        deskName: z.string().optional(),
      }),
    ),
    byDesk: z.record(z.string(), groupSchema).optional(),
  }),
});

/** A report document read back from a workbook, or undefined when it is not one of ours. */
export function reportDocumentParse(value: unknown): ReportDocument | undefined {
  const parsed = documentSchema.safeParse(value);
  return parsed.success ? (parsed.data as ReportDocument) : undefined;
}
