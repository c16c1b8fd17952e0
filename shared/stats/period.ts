/**
 * Report periods (DOMAIN.md section 6): the monthly report of the property preset runs from the
 * 25th of the previous month to the 24th (`DeskRules.reportPeriodStartDay`), other presets use
 * calendar months; a calendar month is always available as an option. A period is a range of
 * local dates, both ends included; a case belongs to it by the local date of its intake.
 */
import type { IsoDate, IsoInstant } from '../kernel/brand';
import { isoDateAddDays, isoDateFromParts, isoDateToDayNumber } from '../calendar/iso-date';
import { instantFromMs, localDateOf, localMomentToMs } from '../calendar/local-time';

/** `report`: from the desk's start day (25th) of the previous month; `calendar`: the 1st. */
export type PeriodMode = 'report' | 'calendar';

export interface ReportPeriod {
  /** The month the period is named after (the month of its last day). */
  readonly year: number;
  readonly month: number;
  readonly mode: PeriodMode;
  /** First and last local dates, both included. */
  readonly first: IsoDate;
  readonly last: IsoDate;
}

export interface QuarterPeriod {
  readonly year: number;
  /** 1 to 4. */
  readonly quarter: number;
  readonly mode: PeriodMode;
  readonly first: IsoDate;
  readonly last: IsoDate;
  /** The three monthly periods, in order. */
  readonly months: readonly [ReportPeriod, ReportPeriod, ReportPeriod];
}

/** Any range of local dates that statistics are counted over. */
export interface DateRange {
  readonly first: IsoDate;
  readonly last: IsoDate;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The month before (year, month), as [year, month]. */
function previousMonth(year: number, month: number): [number, number] {
  return month === 1 ? [year - 1, 12] : [year, month - 1];
}

function nextMonth(year: number, month: number): [number, number] {
  return month === 12 ? [year + 1, 1] : [year, month + 1];
}

/** The start day in use: 1 for calendar months; a start day past a month's end is its last day. */
function effectiveStartDay(mode: PeriodMode, startDay: number): number {
  if (mode === 'calendar') return 1;
  if (!Number.isInteger(startDay) || startDay < 1 || startDay > 31) {
    throw new RangeError(`A report period starts on a day 1-31: ${startDay}`);
  }
  return startDay;
}

/** The first day of the period named after (year, month). */
function periodStart(year: number, month: number, startDay: number): IsoDate {
  if (startDay === 1) return isoDateFromParts(year, month, 1);
  const [py, pm] = previousMonth(year, month);
  return isoDateFromParts(py, pm, Math.min(startDay, daysInMonth(py, pm)));
}

/**
 * The period named after a month: with start day 25, November 2026 runs from 2026-10-25 to
 * 2026-11-24; with `calendar`, from 2026-11-01 to 2026-11-30.
 *
 * @throws RangeError for a month outside 1-12 or a start day outside 1-31.
 */
export function periodOfMonth(
  year: number,
  month: number,
  startDay: number,
  mode: PeriodMode = 'report',
): ReportPeriod {
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`A month is 1-12: ${month}`);
  }
  const day = effectiveStartDay(mode, startDay);
  const [ny, nm] = nextMonth(year, month);
  return {
    year,
    month,
    mode,
    first: periodStart(year, month, day),
    last: isoDateAddDays(periodStart(ny, nm, day), -1),
  };
}

/** The period a local date falls in: with start day 25, 2026-10-25 is in November's period. */
export function periodContaining(
  date: IsoDate,
  startDay: number,
  mode: PeriodMode = 'report',
): ReportPeriod {
  const [year = NaN, month = NaN] = date.split('-').map(Number);
  const here = periodOfMonth(year, month, startDay, mode);
  if (date > here.last) {
    const [ny, nm] = nextMonth(year, month);
    return periodOfMonth(ny, nm, startDay, mode);
  }
  return here;
}

/** The quarter made of three monthly periods: Q4 2026 is October's, November's and December's. */
export function periodOfQuarter(
  year: number,
  quarter: number,
  startDay: number,
  mode: PeriodMode = 'report',
): QuarterPeriod {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) {
    throw new RangeError(`A quarter is 1-4: ${quarter}`);
  }
  const firstMonth = quarter * 3 - 2;
  const months = [
    periodOfMonth(year, firstMonth, startDay, mode),
    periodOfMonth(year, firstMonth + 1, startDay, mode),
    periodOfMonth(year, firstMonth + 2, startDay, mode),
  ] as const;
  return { year, quarter, mode, first: months[0].first, last: months[2].last, months };
}

/** The quarter whose months include the period a date falls in. */
export function periodQuarterContaining(
  date: IsoDate,
  startDay: number,
  mode: PeriodMode = 'report',
): QuarterPeriod {
  const month = periodContaining(date, startDay, mode);
  return periodOfQuarter(month.year, Math.ceil(month.month / 3), startDay, mode);
}

export interface YearPeriod {
  readonly year: number;
  readonly mode: PeriodMode;
  readonly first: IsoDate;
  readonly last: IsoDate;
  /** The twelve monthly periods, in order. */
  readonly months: readonly ReportPeriod[];
}

/**
 * The year made of twelve monthly periods, as the yearly view of the reports counts it: with
 * start day 25, 2026 runs from 2025-12-25 to 2026-12-24; with `calendar`, it is the calendar year.
 */
export function periodOfReportYear(
  year: number,
  startDay: number,
  mode: PeriodMode = 'report',
): YearPeriod {
  const months = Array.from({ length: 12 }, (_, i) => periodOfMonth(year, i + 1, startDay, mode));
  const first = months[0]?.first ?? isoDateFromParts(year, 1, 1);
  const last = months[11]?.last ?? isoDateFromParts(year, 12, 31);
  return { year, mode, first, last, months };
}

/** A calendar year (the per-person yearly record of the hospital preset is by calendar year). */
export function periodOfYear(year: number): DateRange {
  return { first: isoDateFromParts(year, 1, 1), last: isoDateFromParts(year, 12, 31) };
}

/** Whether a local date lies in the range, both ends included. */
export function periodContains(range: DateRange, date: IsoDate): boolean {
  return date >= range.first && date <= range.last;
}

/** Whether an instant's local date lies in the range. */
export function periodContainsInstant(
  range: DateRange,
  instant: IsoInstant,
  timeZone: string,
): boolean {
  return periodContains(range, localDateOf(instant, timeZone));
}

/**
 * The instants that bound the range in the desk's time zone: from local midnight of the first
 * day (included) to local midnight after the last day (excluded), for index queries.
 */
export function periodInstantRange(
  range: DateRange,
  timeZone: string,
): { readonly from: IsoInstant; readonly to: IsoInstant } {
  return {
    from: instantFromMs(localMomentToMs({ date: range.first, msOfDay: 0 }, timeZone)),
    to: instantFromMs(
      localMomentToMs({ date: isoDateAddDays(range.last, 1), msOfDay: 0 }, timeZone),
    ),
  };
}

/** How many days the range holds. */
export function periodDays(range: DateRange): number {
  return isoDateToDayNumber(range.last) - isoDateToDayNumber(range.first) + 1;
}
