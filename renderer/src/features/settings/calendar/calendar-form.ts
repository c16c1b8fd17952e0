/**
 * The calendar settings forms as typed: dates listed one by one or as ranges, a year, business
 * periods. Turns them into settings values, with error codes the screen translates.
 */
import type { IsoDate } from '@shared/kernel/brand';
import { isIsoDate, isoDateAddDays } from '@shared/calendar/iso-date';
import {
  calendarCreate,
  calendarOverrideProblems,
  calendarYearsWithData,
  type CalendarOverrideProblem,
} from '@shared/calendar/working-calendar';
import type { BusinessPeriod, CalendarYearOverride } from '@shared/model/entities';

/** The longest range one line may name: a festival is at most a few weeks. */
const MAX_RANGE_DAYS = 60;

/** Years the desk may add: earlier ones are history, later ones not yet announced. */
export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;

/** The years the shipped official data covers (an administrator adds only other years). */
export const OFFICIAL_YEARS: readonly number[] = calendarYearsWithData(calendarCreate([]));

export type DateListProblem =
  | { readonly text: string; readonly problem: 'invalidDate' | 'rangeTooLong' }
  | CalendarOverrideProblem;

/**
 * Reads dates typed one per line or separated by commas, spaces or 、, where `a~b` (or `a至b`,
 * `a..b`) names every date from a to b. Returns the sorted, distinct dates and the pieces that
 * are not dates.
 */
export function dateListParse(text: string): {
  dates: IsoDate[];
  problems: DateListProblem[];
} {
  const dates = new Set<string>();
  const problems: DateListProblem[] = [];
  for (const piece of text.split(/[\s,，、;；]+/).filter((p) => p !== '')) {
    const [from, to, ...rest] = piece.split(/~|～|至|\.\./);
    if (from === undefined || !isIsoDate(from) || rest.length > 0) {
      problems.push({ text: piece, problem: 'invalidDate' });
      continue;
    }
    if (to === undefined) {
      dates.add(from);
      continue;
    }
    if (!isIsoDate(to) || to < from) {
      problems.push({ text: piece, problem: 'invalidDate' });
      continue;
    }
    let day: IsoDate = from;
    let count = 0;
    while (day <= to && count <= MAX_RANGE_DAYS) {
      dates.add(day);
      day = isoDateAddDays(day, 1);
      count += 1;
    }
    if (count > MAX_RANGE_DAYS) problems.push({ text: piece, problem: 'rangeTooLong' });
  }
  return { dates: [...dates].sort() as IsoDate[], problems };
}

export interface YearDraft {
  readonly year: string;
  readonly holidays: string;
  readonly workdays: string;
}

export type YearErrorCode = 'invalidYear' | 'officialYear' | 'noHolidays';

export interface YearCheck {
  readonly yearError?: YearErrorCode;
  readonly holidayProblems: readonly DateListProblem[];
  readonly workdayProblems: readonly DateListProblem[];
  /** Set when there is nothing wrong. */
  readonly override?: CalendarYearOverride;
}

/**
 * Checks a year's holidays and make-up working days as typed: a year between 2000 and 2100
 * without official data, at least one holiday, every date in that year, no date both a holiday
 * and a working day (`calendarOverrideProblems`).
 */
export function yearDraftCheck(draft: YearDraft): YearCheck {
  const yearText = draft.year.trim();
  const year = Number(yearText);
  const holidays = dateListParse(draft.holidays);
  const workdays = dateListParse(draft.workdays);
  let yearError: YearErrorCode | undefined;
  if (!/^\d{4}$/.test(yearText) || year < YEAR_MIN || year > YEAR_MAX) yearError = 'invalidYear';
  else if (OFFICIAL_YEARS.includes(year)) yearError = 'officialYear';
  else if (holidays.dates.length === 0 && holidays.problems.length === 0) yearError = 'noHolidays';

  const holidayProblems: DateListProblem[] = [...holidays.problems];
  const workdayProblems: DateListProblem[] = [...workdays.problems];
  if (yearError !== 'invalidYear') {
    holidayProblems.push(
      ...calendarOverrideProblems({ year, holidays: holidays.dates, workdays: [] }),
    );
    // Dates outside the year, then dates in both lists (shown against the working days).
    workdayProblems.push(
      ...calendarOverrideProblems({
        year,
        holidays: holidays.dates,
        workdays: workdays.dates,
      }).filter(
        (problem) =>
          problem.problem === 'holidayAndWorkday' ||
          !holidays.dates.includes(problem.date as IsoDate),
      ),
    );
  }
  const ok = !yearError && holidayProblems.length === 0 && workdayProblems.length === 0;
  return {
    yearError,
    holidayProblems,
    workdayProblems,
    ...(ok ? { override: { year, holidays: holidays.dates, workdays: workdays.dates } } : {}),
  };
}

/** Adds or replaces the override of its year, keeping the years in order. */
export function extraYearsWith(
  extraYears: readonly CalendarYearOverride[],
  override: CalendarYearOverride,
): CalendarYearOverride[] {
  return [...extraYears.filter((y) => y.year !== override.year), override].sort(
    (a, b) => a.year - b.year,
  );
}

export type BusinessHoursErrorCode = 'invalidTime' | 'endBeforeStart' | 'overlap' | 'none';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * What is wrong with business periods as typed, by period index (-1: the list as a whole):
 * `HH:mm` times, each period ending after it starts, no two overlapping, at least one.
 */
export function businessHoursProblems(
  periods: readonly BusinessPeriod[],
): { readonly index: number; readonly code: BusinessHoursErrorCode }[] {
  if (periods.length === 0) return [{ index: -1, code: 'none' }];
  const problems: { index: number; code: BusinessHoursErrorCode }[] = [];
  periods.forEach((p, index) => {
    if (!HH_MM.test(p.start) || !HH_MM.test(p.end)) problems.push({ index, code: 'invalidTime' });
    else if (p.end <= p.start) problems.push({ index, code: 'endBeforeStart' });
  });
  if (problems.length > 0) return problems;
  const order = periods
    .map((p, index) => ({ ...p, index }))
    .sort((a, b) => (a.start < b.start ? -1 : 1));
  order.forEach((p, i) => {
    const previous = order[i - 1];
    if (previous && p.start < previous.end) problems.push({ index: p.index, code: 'overlap' });
  });
  return problems;
}

/** `2004–2026` style runs of consecutive years, for showing which years have data. */
export function yearRuns(years: readonly number[]): string[] {
  const runs: string[] = [];
  let start: number | undefined;
  let end: number | undefined;
  for (const year of [...years].sort((a, b) => a - b)) {
    if (end !== undefined && year === end + 1) {
      end = year;
      continue;
    }
    if (start !== undefined) runs.push(start === end ? `${start}` : `${start}–${end}`);
    start = year;
    end = year;
  }
  if (start !== undefined) runs.push(start === end ? `${start}` : `${start}–${end}`);
  return runs;
}
