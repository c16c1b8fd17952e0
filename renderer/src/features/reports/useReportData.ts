import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { IsoInstant } from '@shared/kernel/brand';
import { localDateOf } from '@shared/calendar/deadline';
import { statsLabelsOf, type ReportLabels } from '@shared/stats/combine';
import type { ReportFigures } from '@shared/stats/figures';
import { statsPerPersonYear, type PersonYearRow } from '@shared/stats/per-person';
import {
  periodContaining,
  periodInstantRange,
  periodOfMonth,
  periodOfQuarter,
  periodOfYear,
  type PeriodMode,
  type QuarterPeriod,
  type ReportPeriod,
} from '@shared/stats/period';
import { statsQuarterly, type QuarterlyFigures } from '@shared/stats/quarterly';
import { statsReport } from '@shared/stats/report';
import { useDeskState } from '../../desk/desk-state';
import { useDeskServices } from '../../desk/services';
import { statsCasesOfRange } from '../../db/repos/stats';

/** The months of the trend chart: this one and the five before it. */
export const TREND_MONTHS = 6;

export interface ReportChoice {
  readonly year: number;
  readonly month: number;
  readonly mode: PeriodMode;
}

export interface ReportData {
  readonly period: ReportPeriod;
  readonly quarter: QuarterPeriod;
  readonly figures: ReportFigures;
  readonly trend: readonly { readonly period: ReportPeriod; readonly figures: ReportFigures }[];
  readonly quarterly: QuarterlyFigures;
  readonly labels: ReportLabels;
  readonly asOf: IsoInstant;
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
export function useCurrentChoice(): ReportChoice {
  const { rules, deadlineContext } = useDeskState();
  const { now } = useDeskServices();
  return useMemo(() => {
    const today = localDateOf(now(), deadlineContext.timeZone);
    const period = periodContaining(today, rules.reportPeriodStartDay);
    return { year: period.year, month: period.month, mode: 'report' };
  }, [deadlineContext.timeZone, now, rules.reportPeriodStartDay]);
}

/** The figures of the chosen month, its six-month trend and its quarter, following the data. */
export function useReportData(choice: ReportChoice): ReportData | undefined {
  const { db, now } = useDeskServices();
  const { rules, deadlineContext } = useDeskState();
  const startDay = rules.reportPeriodStartDay;
  const { year, month, mode } = choice;
  const span = useMemo(() => {
    const months = monthsBack(year, month, TREND_MONTHS).map(([y, m]) =>
      periodOfMonth(y, m, startDay, mode),
    );
    const quarter = periodOfQuarter(year, Math.ceil(month / 3), startDay, mode);
    // The trend's six months and the quarter overlap; read the union of both once.
    const trendFirst = months[0]?.first ?? quarter.first;
    const trendLast = months.at(-1)?.last ?? quarter.last;
    const range = {
      first: trendFirst < quarter.first ? trendFirst : quarter.first,
      last: trendLast > quarter.last ? trendLast : quarter.last,
    };
    return { months, quarter, range };
  }, [mode, month, startDay, year]);

  const cases = useLiveQuery(
    () => statsCasesOfRange(db, periodInstantRange(span.range, deadlineContext.timeZone)),
    [db, span, deadlineContext.timeZone],
  );

  return useMemo(() => {
    if (!cases) return undefined;
    const asOf = now();
    const input = { cases, rules, deadlineContext, asOf };
    const trend = span.months.map((period) => ({
      period,
      figures: statsReport({ ...input, range: period }),
    }));
    const current = trend.at(-1);
    if (!current) return undefined;
    return {
      period: current.period,
      quarter: span.quarter,
      figures: current.figures,
      trend,
      quarterly: statsQuarterly({ ...input, quarter: span.quarter }),
      labels: statsLabelsOf(rules),
      asOf,
    };
  }, [cases, deadlineContext, now, rules, span]);
}

/** The hospital preset's per-person record of a calendar year. */
export function usePerPersonYear(year: number, enabled: boolean): PersonYearRow[] | undefined {
  const { db } = useDeskServices();
  const { rules, deadlineContext } = useDeskState();
  return useLiveQuery(async () => {
    if (!enabled) return [];
    const cases = await statsCasesOfRange(
      db,
      periodInstantRange(periodOfYear(year), deadlineContext.timeZone),
    );
    return statsPerPersonYear(cases, year, rules, deadlineContext.timeZone);
  }, [db, year, enabled, rules, deadlineContext]);
}
