/**
 * The pieces of statistics the reports screen asks the statistics worker for, and what each
 * piece counts to: a view is made of several (a month with its trend, a quarter, the twelve
 * months of a year, the hospital's per-person record).
 */
import { missingCaseError } from '../kernel/assert';
import type { ReportFigures } from './figures';
import type { PeriodMode } from './period';
import type { PersonYearRow } from './per-person';
import type { QuarterlyFigures } from './quarterly';

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

/** A stable key of a unit (`month:2026-11:report`): what its kept figures are stored under. */
export function statsUnitKey(unit: StatsUnit): string {
  switch (unit.kind) {
    case 'month':
      return `month:${unit.year}-${unit.month}:${unit.mode}`;
    case 'quarter':
      return `quarter:${unit.year}-${unit.quarter}:${unit.mode}`;
    case 'perPerson':
      return `perPerson:${unit.year}`;
    default:
      throw missingCaseError(unit);
  }
}
