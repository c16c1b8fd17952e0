/**
 * The statistics of a period, counted by the pure code of shared/stats/ over the cases the
 * repository reads by received time, and kept in memory until they can change. It runs in the
 * statistics worker (stats.worker.ts), off the UI thread; tests run it directly.
 *
 * When kept figures are used again (the cache's invalidation, shared/stats/stamps.ts):
 * - the desk's rules and calendar are the same (they are part of the key);
 * - every change stamp the figures depend on is unchanged: the stamps of the UTC days the period
 *   touches and of the days of earlier reports it read, `changes:linked` when it holds a linked
 *   report, and `changes:all`. Every write of a case puts a new stamp under its day in the same
 *   transaction (db/stats-stamps-middleware.ts), so a change to any case of the period (or to an
 *   earlier report of one of its matters) makes the figures be counted again; a change to a case
 *   of another period does not, except at the period's edges (a UTC day can straddle two local
 *   periods: its cases' changes count both again);
 * - the clock is before `validUntil` (statsValidUntil): no owed deadline of the period's cases has
 *   passed since, and the local day has not changed, so counting again would give the same.
 * Checking costs one read of a few hundred small rows; counting again reads the period's cases.
 */
import { missingCaseError } from '@shared/kernel/assert';
import type { IsoInstant } from '@shared/kernel/brand';
import { deadlineContextFromSettings, type DeadlineContext } from '@shared/calendar/deadline';
import type { ReportFigures } from '@shared/stats/figures';
import { statsPerPersonYear, type PersonYearRow } from '@shared/stats/per-person';
import {
  periodInstantRange,
  periodOfMonth,
  periodOfQuarter,
  periodOfYear,
  type DateRange,
  type PeriodMode,
} from '@shared/stats/period';
import { statsQuarterly, type QuarterlyFigures } from '@shared/stats/quarterly';
import { statsReport } from '@shared/stats/report';
import { statsValidUntil } from '@shared/stats/stamps';
import type { DeskRules } from '@shared/rules/rules';
import type { DeskDatabase } from '../../db/database';
import { deskState } from '../../db/repos/settings';
import { statsPeriodRead, statsStampsGet } from '../../db/repos/stats';

/** One piece of statistics the screen asks for; a view is made of several. */
export type StatsUnit =
  | {
      readonly kind: 'month';
      readonly year: number;
      readonly month: number;
      readonly mode: PeriodMode;
    }
  | {
      readonly kind: 'quarter';
      readonly year: number;
      readonly quarter: number;
      readonly mode: PeriodMode;
    }
  /** The hospital preset's per-person record of a calendar year. */
  | { readonly kind: 'perPerson'; readonly year: number };

export type StatsUnitResult =
  | { readonly kind: 'month'; readonly figures: ReportFigures }
  | { readonly kind: 'quarter'; readonly quarterly: QuarterlyFigures }
  | { readonly kind: 'perPerson'; readonly rows: readonly PersonYearRow[] };

export interface StatsAnswer {
  readonly result: StatsUnitResult;
  /** Whether kept figures were used (nothing was counted). */
  readonly cached: boolean;
}

export class StatsNoDeskError extends Error {
  constructor() {
    super('The desk is not set up: there are no rules to count by');
    this.name = 'StatsNoDeskError';
  }
}

export interface StatsEngine {
  compute(unit: StatsUnit, now: IsoInstant): Promise<StatsAnswer>;
  /** How many times figures were counted from the cases (the rest came from the cache). */
  readonly counted: number;
}

/** Kept figures: a month of the trend is small; a few years of months and quarters fit easily. */
const MAX_ENTRIES = 96;

interface Entry {
  readonly settings: string;
  readonly stampKeys: readonly string[];
  readonly stamps: readonly (string | undefined)[];
  /** Epoch ms; the figures must be counted again from this instant on. */
  readonly validUntil: number;
  readonly result: StatsUnitResult;
}

interface Desk {
  readonly settings: string;
  readonly rules: DeskRules;
  readonly deadlineContext: DeadlineContext;
}

export function statsUnitKey(unit: StatsUnit): string {
  switch (unit.kind) {
    case 'month':
      return `month:${unit.year}-${unit.month}:${unit.mode}`;
    case 'quarter':
      return `quarter:${unit.year}-${unit.quarter}:${unit.mode}`;
    case 'perPerson':
      return `perPerson:${unit.year}`;
  }
}

function sameStamps(a: readonly (string | undefined)[], b: readonly (string | undefined)[]) {
  return a.length === b.length && a.every((stamp, i) => stamp === b[i]);
}

export function statsEngineCreate(db: DeskDatabase): StatsEngine {
  const entries = new Map<string, Entry>();
  let counted = 0;
  let desk: Desk | undefined;

  const deskNow = async (): Promise<Desk> => {
    const state = await deskState(db);
    if (!state) throw new StatsNoDeskError();
    const settings = JSON.stringify([state.rules, state.calendar]);
    // The working calendar is built once per version of the settings.
    if (desk?.settings !== settings) {
      desk = {
        settings,
        rules: state.rules,
        deadlineContext: deadlineContextFromSettings(state.calendar),
      };
    }
    return desk;
  };

  const rangeOf = (unit: StatsUnit, rules: DeskRules): DateRange => {
    const startDay = rules.reportPeriodStartDay;
    switch (unit.kind) {
      case 'month':
        return periodOfMonth(unit.year, unit.month, startDay, unit.mode);
      case 'quarter':
        return periodOfQuarter(unit.year, unit.quarter, startDay, unit.mode);
      case 'perPerson':
        return periodOfYear(unit.year);
      default:
        throw missingCaseError(unit);
    }
  };

  const count = (unit: StatsUnit, input: Parameters<typeof statsReport>[0]): StatsUnitResult => {
    switch (unit.kind) {
      case 'month':
        return { kind: 'month', figures: statsReport(input) };
      case 'quarter':
        return {
          kind: 'quarter',
          quarterly: statsQuarterly({
            ...input,
            quarter: periodOfQuarter(
              unit.year,
              unit.quarter,
              input.rules.reportPeriodStartDay,
              unit.mode,
            ),
          }),
        };
      case 'perPerson':
        return {
          kind: 'perPerson',
          rows: statsPerPersonYear(
            input.cases,
            unit.year,
            input.rules,
            input.deadlineContext.timeZone,
          ),
        };
      default:
        throw missingCaseError(unit);
    }
  };

  return {
    get counted() {
      return counted;
    },
    async compute(unit, now) {
      const { settings, rules, deadlineContext } = await deskNow();
      const key = statsUnitKey(unit);
      const nowMs = Date.parse(now);
      const kept = entries.get(key);
      if (kept && kept.settings === settings && nowMs < kept.validUntil) {
        const stamps = await statsStampsGet(db, kept.stampKeys);
        if (sameStamps(stamps, kept.stamps)) {
          // Most recently used last: the oldest entry is the first to go.
          entries.delete(key);
          entries.set(key, kept);
          return { result: kept.result, cached: true };
        }
      }
      const range = rangeOf(unit, rules);
      const read = await statsPeriodRead(db, periodInstantRange(range, deadlineContext.timeZone));
      const result = count(unit, { cases: read.cases, range, rules, deadlineContext, asOf: now });
      counted += 1;
      entries.delete(key);
      entries.set(key, {
        settings,
        stampKeys: read.stampKeys,
        stamps: read.stamps,
        // The per-person record counts confirmed complaints: the clock does not change it.
        validUntil:
          unit.kind === 'perPerson'
            ? Number.POSITIVE_INFINITY
            : Date.parse(statsValidUntil(read.cases, now, deadlineContext.timeZone)),
        result,
      });
      while (entries.size > MAX_ENTRIES) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
      return { result, cached: false };
    },
  };
}
