/**
 * The statistics of a period, counted by the pure code of shared/stats/ over the cases the
 * repository reads by received time, and kept until they can change: in memory, and in the
 * database (db/repos/stats-kept.ts) so that a new page load or a restart finds them too. It runs
 * in the statistics worker (stats.worker.ts), off the UI thread; tests run it directly.
 *
 * When kept figures are used again (one decision, shared/stats/kept.ts `statsKeptStateOf`; the
 * stamps, shared/stats/stamps.ts):
 * - the desk's rules and calendar are the same (a digest of them is part of what is kept);
 * - every change stamp the figures depend on is unchanged: the stamps of the UTC days the period
 *   touches and of the days of earlier reports it read, `changes:linked` when it holds a linked
 *   report, and `changes:all`. Every write of a case puts a new stamp under its day in the same
 *   transaction (db/stats-stamps-middleware.ts), so a change to any case of the period (or to an
 *   earlier report of one of its matters) makes the figures be counted again; a change to a case
 *   of another period does not, except at the period's edges (a UTC day can straddle two local
 *   periods: its cases' changes count both again);
 * - the clock is before `validUntil` (statsValidUntil): no owed deadline of the period's cases has
 *   passed since, and the local day has not changed, so counting again would give the same.
 * Checking costs one read of a few hundred small rows (and, the first time in a page, of the
 * kept row); counting again reads the period's cases. Kept figures that are no longer valid but
 * were counted under the same settings can still be shown, marked as being updated (`kept`).
 */
import { missingCaseError } from '@shared/kernel/assert';
import type { IsoInstant } from '@shared/kernel/brand';
import { deadlineContextFromSettings, type DeadlineContext } from '@shared/calendar/deadline';
import { statsPerPersonYear } from '@shared/stats/per-person';
import {
  periodInstantRange,
  periodOfMonth,
  periodOfQuarter,
  periodOfYear,
  type DateRange,
} from '@shared/stats/period';
import { statsQuarterly } from '@shared/stats/quarterly';
import { statsReport } from '@shared/stats/report';
import { statsKeptSettingsOf, statsKeptStateOf, type StatsKept } from '@shared/stats/kept';
import { statsValidUntil } from '@shared/stats/stamps';
import { statsUnitKey, type StatsUnit, type StatsUnitResult } from '@shared/stats/units';
import type { DeskRules } from '@shared/rules/rules';
import type { DeskDatabase } from '../../db/database';
import { deskState } from '../../db/repos/settings';
import { statsPeriodRead, statsStampsGet } from '../../db/repos/stats';
import { statsKeptGet, statsKeptPut, statsKeptTouch } from '../../db/repos/stats-kept';

export { statsUnitKey, type StatsUnit, type StatsUnitResult };

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

/** Kept figures of a unit that may be shown: valid, or stale (to be shown as being updated). */
export interface StatsKeptAnswer {
  readonly result: StatsUnitResult;
  readonly valid: boolean;
}

export interface StatsEngine {
  /**
   * The kept figures of a unit (in memory, else in the database) and whether they are still
   * valid; undefined when there are none, or none counted under the desk's current settings.
   */
  kept(unit: StatsUnit, now: IsoInstant): Promise<StatsKeptAnswer | undefined>;
  /** The figures of a unit: the kept ones while valid, else counted (and kept). */
  compute(unit: StatsUnit, now: IsoInstant): Promise<StatsAnswer>;
  /** Settles when the figures counted so far are written to the database. */
  idle(): Promise<void>;
  /** How many times figures were counted from the cases (the rest came from the cache). */
  readonly counted: number;
}

/** Kept in memory: a month of the trend is small; a few years of months and quarters fit easily. */
const MAX_ENTRIES = 96;

interface Desk {
  /** The rules and calendar as JSON: compared on each request, digested when they change. */
  readonly json: string;
  /** Their digest (statsKeptSettingsOf): what kept figures were counted under. */
  readonly settings: string;
  readonly rules: DeskRules;
  readonly deadlineContext: DeadlineContext;
}

export function statsEngineCreate(db: DeskDatabase): StatsEngine {
  const entries = new Map<string, StatsKept>();
  let counted = 0;
  let desk: Desk | undefined;
  // Writes of kept figures run one after another, after the answer: never in its way.
  let writing: Promise<void> = Promise.resolve();
  const writeLater = (write: () => Promise<void>) => {
    writing = writing.then(write).catch((error: unknown) => {
      // Figures not kept are counted again next time: nothing is lost.
      console.error('keeping the statistics failed', error);
    });
  };

  const deskNow = async (): Promise<Desk> => {
    const state = await deskState(db);
    if (!state) throw new StatsNoDeskError();
    const json = JSON.stringify([state.rules, state.calendar]);
    // The working calendar is built, and the settings digested, once per version of them.
    if (desk?.json !== json) {
      desk = {
        json,
        settings: statsKeptSettingsOf(state.rules, state.calendar),
        rules: state.rules,
        deadlineContext: deadlineContextFromSettings(state.calendar),
      };
    }
    return desk;
  };

  /** Most recently used last: the oldest entry is the first to go. */
  const remember = (key: string, kept: StatsKept) => {
    entries.delete(key);
    entries.set(key, kept);
    while (entries.size > MAX_ENTRIES) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      entries.delete(oldest);
    }
  };

  /** The kept figures of a unit: this page's, else the database's (then marked as used). */
  const keptOf = async (key: string): Promise<StatsKept | undefined> => {
    const inMemory = entries.get(key);
    if (inMemory) return inMemory;
    const stored = await statsKeptGet(db, key);
    if (stored) {
      remember(key, stored);
      const usedAt = Date.now();
      writeLater(() => statsKeptTouch(db, key, usedAt));
    }
    return stored;
  };

  const check = async (unit: StatsUnit, now: IsoInstant) => {
    const current = await deskNow();
    const key = statsUnitKey(unit);
    const kept = await keptOf(key);
    const state = kept
      ? statsKeptStateOf(kept, {
          settings: current.settings,
          nowMs: Date.parse(now),
          stamps: await statsStampsGet(db, kept.stampKeys),
        })
      : undefined;
    return { current, key, kept, state };
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
    async kept(unit, now) {
      const { kept, state } = await check(unit, now);
      if (!kept || state === undefined || state === 'otherSettings') return undefined;
      return { result: kept.result, valid: state === 'valid' };
    },
    async compute(unit, now) {
      const { current, key, kept, state } = await check(unit, now);
      if (kept && state === 'valid') {
        remember(key, kept);
        return { result: kept.result, cached: true };
      }
      const { settings, rules, deadlineContext } = current;
      const range = rangeOf(unit, rules);
      const read = await statsPeriodRead(db, periodInstantRange(range, deadlineContext.timeZone));
      const result = count(unit, { cases: read.cases, range, rules, deadlineContext, asOf: now });
      counted += 1;
      const fresh: StatsKept = {
        settings,
        stampKeys: read.stampKeys,
        stamps: read.stamps.map((stamp) => stamp ?? null),
        // The per-person record counts confirmed complaints: the clock does not change it.
        validUntil:
          unit.kind === 'perPerson'
            ? null
            : Date.parse(statsValidUntil(read.cases, now, deadlineContext.timeZone)),
        result,
      };
      remember(key, fresh);
      const usedAt = Date.now();
      writeLater(() => statsKeptPut(db, key, fresh, usedAt));
      return { result, cached: false };
    },
    idle: () => writing,
  };
}
