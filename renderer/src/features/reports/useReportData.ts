/**
 * The reports screen's figures: a month (with its six-month trend and its quarter's Pareto), a
 * quarter (the quarterly analysis) or a year (its twelve months summed), counted by the
 * statistics worker off the UI thread. While a period is counted the screen keeps the figures
 * it shows, marked busy; they follow the data (a write of a case of the view's periods asks
 * again, and the worker counts again only what changed). Kept figures that are no longer valid
 * (from this page or an earlier one) are shown at once, marked as being updated (`stale`), and
 * replaced when counted.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { IsoInstant } from '@shared/kernel/brand';
import { localDateOf } from '@shared/calendar/deadline';
import { statsFiguresSum, statsLabelsOf, type ReportLabels } from '@shared/stats/combine';
import type { ReportFigures } from '@shared/stats/figures';
import { statsPareto, type ParetoTable } from '@shared/stats/pareto';
import type { PersonYearRow } from '@shared/stats/per-person';
import {
  periodContaining,
  periodInstantRange,
  periodOfMonth,
  periodOfQuarter,
  periodOfReportYear,
  type DateRange,
  type PeriodMode,
} from '@shared/stats/period';
import type { QuarterlyFigures } from '@shared/stats/quarterly';
import { STATS_STAMP_ALL, STATS_STAMP_LINKED, statsStampKeysOfRange } from '@shared/stats/stamps';
import type { DeskRules } from '@shared/rules/rules';
import { useDeskState } from '../../desk/desk-state';
import { useDeskServices } from '../../desk/services';
import { statsStampsGet } from '../../db/repos/stats';
import { statsRequest } from './stats-client';
import type { StatsUnit, StatsUnitResult } from './stats-engine';
import type { StatsProblem } from './stats-protocol';

/** The months of the monthly view's trend chart: this one and the five before it. */
export const TREND_MONTHS = 6;

export type ReportViewKind = 'month' | 'quarter' | 'year';

export type ReportChoice =
  | {
      readonly view: 'month';
      readonly year: number;
      readonly month: number;
      readonly mode: PeriodMode;
    }
  | {
      readonly view: 'quarter';
      readonly year: number;
      readonly quarter: number;
      readonly mode: PeriodMode;
    }
  | { readonly view: 'year'; readonly year: number; readonly mode: PeriodMode };

export interface TrendPoint {
  readonly year: number;
  readonly month: number;
  readonly figures: ReportFigures;
}

/** What the screen shows for one choice. */
export interface ReportData {
  readonly choice: ReportChoice;
  readonly range: DateRange;
  readonly figures: ReportFigures;
  /** The months of the charts; absent while some are still being counted. */
  readonly trend?: readonly TrendPoint[];
  /** Final causes of the quarter (month and quarter views) or the year; absent while counted. */
  readonly pareto?: ParetoTable;
  /** The quarter view's repeat customers and unresolved matters. */
  readonly quarterly?: QuarterlyFigures;
  readonly perPerson?: readonly PersonYearRow[];
  readonly labels: ReportLabels;
  /** When the figures were asked for: what "overdue" is measured against. */
  readonly asOf: IsoInstant;
}

export interface ReportState {
  /** The figures on screen: the choice's, or while it is counted, the previous choice's. */
  readonly data?: ReportData;
  /** Whether figures of the current choice are still being counted. */
  readonly busy: boolean;
  /** Pieces of the current choice ready, of all. */
  readonly progress: { readonly done: number; readonly total: number };
  /**
   * Pieces of the current choice counted from the cases so far; the others were kept figures
   * (the worker's cache), so a period seen before and unchanged counts none.
   */
  readonly counted: number;
  /**
   * The figures on screen are kept figures no longer valid (a case they were counted from
   * changed, or the clock moved on), shown while they are counted again: say so.
   */
  readonly stale: boolean;
  readonly problem?: StatsProblem;
}

/** Whether two choices are the same view of the same period. */
function isSameChoice(a: ReportChoice, b: ReportChoice): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function monthsBack(year: number, month: number, count: number): [number, number][] {
  const months: [number, number][] = [];
  for (let i = count - 1; i >= 0; i--) {
    const index = year * 12 + (month - 1) - i;
    months.push([Math.floor(index / 12), (index % 12) + 1]);
  }
  return months;
}

/** The period the desk is in now, to start the picker on. */
export function useCurrentChoice(): ReportChoice & { readonly view: 'month' } {
  const { rules, deadlineContext } = useDeskState();
  const { now } = useDeskServices();
  return useMemo(() => {
    const today = localDateOf(now(), deadlineContext.timeZone);
    const period = periodContaining(today, rules.reportPeriodStartDay);
    return { view: 'month', year: period.year, month: period.month, mode: 'report' };
  }, [deadlineContext.timeZone, now, rules.reportPeriodStartDay]);
}

/** The pieces a choice is made of, the choice's own period first, and the range they span. */
export interface ViewPlan {
  readonly units: readonly StatsUnit[];
  readonly range: DateRange;
  /** Everything the pieces read: the view asks again when a case of it changes. */
  readonly span: DateRange;
}

export function reportViewPlan(
  choice: ReportChoice,
  rules: DeskRules,
  perPersonYear?: number,
): ViewPlan {
  const startDay = rules.reportPeriodStartDay;
  const { mode } = choice;
  const month = (year: number, m: number): StatsUnit => ({ kind: 'month', year, month: m, mode });
  let units: StatsUnit[];
  let range: DateRange;
  let span: DateRange;
  switch (choice.view) {
    case 'month': {
      const trend = monthsBack(choice.year, choice.month, TREND_MONTHS);
      const quarter = periodOfQuarter(choice.year, Math.ceil(choice.month / 3), startDay, mode);
      // The month first, then the trend newest first, then the rest of the quarter.
      const wanted = [
        ...trend.reverse().map(([y, m]) => month(y, m)),
        ...quarter.months.map((p) => month(p.year, p.month)),
      ];
      const seen = new Set<string>();
      units = wanted.filter((u) => {
        const key = JSON.stringify(u);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      range = periodOfMonth(choice.year, choice.month, startDay, mode);
      const first = periodOfMonth(...(trend.at(-1) ?? [choice.year, choice.month]), startDay, mode);
      span = {
        first: first.first < quarter.first ? first.first : quarter.first,
        last: range.last > quarter.last ? range.last : quarter.last,
      };
      break;
    }
    case 'quarter':
      units = [{ kind: 'quarter', year: choice.year, quarter: choice.quarter, mode }];
      range = periodOfQuarter(choice.year, choice.quarter, startDay, mode);
      span = range;
      break;
    case 'year': {
      const year = periodOfReportYear(choice.year, startDay, mode);
      units = [...year.months].reverse().map((p) => month(p.year, p.month));
      range = year;
      span = year;
      break;
    }
  }
  if (perPersonYear !== undefined) {
    units = [...units, { kind: 'perPerson', year: perPersonYear }];
    const calendarYear = { first: `${perPersonYear}-01-01`, last: `${perPersonYear}-12-31` };
    span = {
      first:
        calendarYear.first < span.first ? (calendarYear.first as DateRange['first']) : span.first,
      last: calendarYear.last > span.last ? (calendarYear.last as DateRange['last']) : span.last,
    };
  }
  return { units, range, span };
}

const unitKey = (unit: StatsUnit) => JSON.stringify(unit);

/**
 * What the reports screen is likely to ask for first, in that order, each piece once: the view
 * it opens on (the current month, with its trend and quarter), the month before, the current
 * quarter and the current year, as the picker makes them from the current month.
 */
export function reportWarmUnits(
  current: ReportChoice & { readonly view: 'month' },
  rules: DeskRules,
  perPersonYear?: number,
): StatsUnit[] {
  const { year, month, mode } = current;
  const previous = year * 12 + (month - 1) - 1;
  const choices: ReportChoice[] = [
    current,
    { view: 'month', year: Math.floor(previous / 12), month: (previous % 12) + 1, mode },
    { view: 'quarter', year, quarter: Math.ceil(month / 3), mode },
    { view: 'year', year, mode },
  ];
  const seen = new Set<string>();
  return choices
    .flatMap(
      (choice, i) => reportViewPlan(choice, rules, i === 0 ? perPersonYear : undefined).units,
    )
    .filter((unit) => {
      const key = unitKey(unit);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/**
 * The screen's data from the pieces received so far, or undefined while the choice's own period
 * is not among them.
 */
export function reportViewAssemble(
  choice: ReportChoice,
  plan: ViewPlan,
  results: ReadonlyMap<string, StatsUnitResult>,
  rules: DeskRules,
  asOf: IsoInstant,
): ReportData | undefined {
  const monthOf = (year: number, month: number) => {
    const r = results.get(unitKey({ kind: 'month', year, month, mode: choice.mode }));
    return r?.kind === 'month' ? r.figures : undefined;
  };
  const points = (months: readonly [number, number][]) => {
    const list: TrendPoint[] = [];
    for (const [year, month] of months) {
      const figures = monthOf(year, month);
      if (!figures) return undefined;
      list.push({ year, month, figures });
    }
    return list;
  };
  const causes = rules.finalCauses.map((cause) => cause.id);
  const perPersonResult = plan.units
    .filter((u) => u.kind === 'perPerson')
    .map((u) => results.get(unitKey(u)))
    .find((r) => r?.kind === 'perPerson');
  const base = {
    choice,
    range: plan.range,
    labels: statsLabelsOf(rules),
    asOf,
    perPerson: perPersonResult?.kind === 'perPerson' ? perPersonResult.rows : undefined,
  };
  switch (choice.view) {
    case 'month': {
      const figures = monthOf(choice.year, choice.month);
      if (!figures) return undefined;
      const quarter = periodOfQuarter(
        choice.year,
        Math.ceil(choice.month / 3),
        rules.reportPeriodStartDay,
        choice.mode,
      );
      const quarterMonths = points(quarter.months.map((p) => [p.year, p.month]));
      return {
        ...base,
        figures,
        trend: points(monthsBack(choice.year, choice.month, TREND_MONTHS)),
        pareto: quarterMonths
          ? statsPareto(
              statsFiguresSum(
                quarterMonths.map((p) => p.figures),
                quarter,
              ).byFinalCause,
              causes,
            )
          : undefined,
      };
    }
    case 'quarter': {
      const r = results.get(unitKey(plan.units[0] as StatsUnit));
      if (r?.kind !== 'quarter') return undefined;
      const { quarterly } = r;
      return {
        ...base,
        figures: quarterly.total,
        trend: quarterly.quarter.months.map((p, i) => ({
          year: p.year,
          month: p.month,
          figures: quarterly.months[i] ?? quarterly.total,
        })),
        pareto: quarterly.pareto,
        quarterly,
      };
    }
    case 'year': {
      const months = points(Array.from({ length: 12 }, (_, i) => [choice.year, i + 1]));
      if (!months) return undefined;
      const figures = statsFiguresSum(
        months.map((p) => p.figures),
        plan.range,
      );
      return { ...base, figures, trend: months, pareto: statsPareto(figures.byFinalCause, causes) };
    }
  }
}

/** The figures of the choice, counted by the statistics worker, following the data. */
export function useReportData(choice: ReportChoice, perPersonYear?: number): ReportState {
  const { db, now } = useDeskServices();
  const { rules, deadlineContext } = useDeskState();
  const plan = useMemo(
    () => reportViewPlan(choice, rules, perPersonYear),
    [choice, rules, perPersonYear],
  );
  // The change stamps of every day the view reads: a write of one of its cases asks again.
  // Until the stamps of a new plan are read the live query still holds the previous plan's: the
  // plan is part of the answer so that the figures are asked for once, with the plan's own.
  const stamped = useLiveQuery(async () => {
    const range = periodInstantRange(plan.span, deadlineContext.timeZone);
    const keys = [...statsStampKeysOfRange(range), STATS_STAMP_LINKED, STATS_STAMP_ALL];
    return { plan, version: (await statsStampsGet(db, keys)).join(',') };
  }, [db, plan, deadlineContext.timeZone]);
  const version = stamped?.plan === plan ? stamped.version : undefined;

  // The state says which plan it belongs to: in the render after a new choice, before the
  // effect below has asked for it, the screen is already busy (never the old figures as done).
  const [state, setState] = useState<ReportState & { readonly plan?: ViewPlan }>({
    busy: true,
    progress: { done: 0, total: plan.units.length },
    counted: 0,
    stale: false,
  });
  const shown = useRef<{ readonly data?: ReportData; readonly stale: boolean }>({ stale: false });

  useEffect(() => {
    if (version === undefined) return;
    const asOf = now();
    const results = new Map<string, StatsUnitResult>();
    /** Pieces whose figures in `results` are kept ones no longer valid, being counted. */
    const staleKeys = new Set<string>();
    const total = plan.units.length;
    let done = 0;
    let counted = 0;
    let replaced = 0;
    // The figures of this very choice asked for again: a case they were counted from changed,
    // so until the answer they are being updated.
    if (shown.current.data && isSameChoice(shown.current.data.choice, choice)) {
      shown.current = { data: shown.current.data, stale: true };
    }
    setState({ plan, ...shown.current, busy: true, progress: { done, total }, counted });
    let signature = '';
    const update = (finished: boolean) => {
      const data = reportViewAssemble(choice, plan, results, rules, asOf);
      // A new object only when something on screen changes: the period's figures arriving, the
      // trend, the Pareto or the per-person record completing (not each month of the trend), or
      // counted figures replacing stale ones.
      const next = data
        ? [data.trend, data.pareto, data.perPerson].map((part) => (part ? 1 : 0)).join('') +
          `:${replaced}`
        : '';
      if (data && next !== signature) {
        signature = next;
        shown.current = { data, stale: staleKeys.size > 0 };
      } else if (data) {
        // The data on screen is this plan's: stale while any of its pieces is.
        shown.current = { data: shown.current.data, stale: staleKeys.size > 0 };
      }
      setState({
        plan,
        ...shown.current,
        busy: !finished,
        progress: { done, total },
        counted,
      });
    };
    return statsRequest(db.name, asOf, plan.units, {
      onUnit(index, result, cached, stale) {
        const unit = plan.units[index];
        if (!unit) return;
        const key = unitKey(unit);
        results.set(key, result);
        if (stale) {
          staleKeys.add(key);
        } else {
          if (staleKeys.delete(key)) replaced += 1;
          done += 1;
          if (!cached) counted += 1;
        }
        update(false);
      },
      onDone: () => update(true),
      onFailed: (problem) =>
        setState({
          plan,
          ...shown.current,
          busy: false,
          progress: { done, total },
          counted,
          problem,
        }),
    });
  }, [choice, db.name, now, plan, rules, version]);

  if (state.plan !== plan) {
    return {
      data: state.data,
      busy: true,
      progress: { done: 0, total: plan.units.length },
      counted: 0,
      stale: state.stale,
    };
  }
  return state;
}
