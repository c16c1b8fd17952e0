/**
 * Arithmetic on local calendar dates (`YYYY-MM-DD`). A date has no time zone: it is counted
 * as a day number in the proleptic Gregorian calendar, so adding days never meets a DST jump.
 */
import type { IsoDate } from '../kernel/brand';

const MS_PER_DAY = 86_400_000;
const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a string is a real `YYYY-MM-DD` date (so `2026-02-30` is not). */
export function isIsoDate(value: string): value is IsoDate {
  const match = ISO_DATE_PATTERN.exec(value);
  return (
    match !== null &&
    isoDateFromParts(Number(match[1]), Number(match[2]), Number(match[3])) === value
  );
}

/** Builds a date from a year, a month (1-12) and a day of the month (1-31). */
export function isoDateFromParts(year: number, month: number, day: number): IsoDate {
  return isoDateFromDayNumber(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/**
 * Days since 1970-01-01 (may be negative).
 *
 * @throws RangeError when `date` is not a real `YYYY-MM-DD` date.
 */
export function isoDateToDayNumber(date: IsoDate): number {
  const match = ISO_DATE_PATTERN.exec(date);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  if (Number.isNaN(ms) || isoDateFromDayNumber(ms / MS_PER_DAY) !== date) {
    throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  }
  return ms / MS_PER_DAY;
}

/** The date `dayNumber` days after 1970-01-01. */
export function isoDateFromDayNumber(dayNumber: number): IsoDate {
  const d = new Date(dayNumber * MS_PER_DAY);
  const year = d.getUTCFullYear();
  // Years are kept to four digits; the product never deals with dates before year 1000.
  const yyyy = String(year).padStart(4, '0');
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(d.getUTCDate()).padStart(2, '0');
  return `${yyyy}-${mm}-${dd}` as IsoDate;
}

/** The date `days` days after `date` (before it when negative). */
export function isoDateAddDays(date: IsoDate, days: number): IsoDate {
  return isoDateFromDayNumber(isoDateToDayNumber(date) + days);
}

/** Day of the week, 0 = Sunday ... 6 = Saturday. */
export function isoDateWeekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((isoDateToDayNumber(date) + 4) % 7) + 7) % 7;
}

/** Whether the date is a Saturday or a Sunday. */
export function isoDateIsWeekend(date: IsoDate): boolean {
  const weekday = isoDateWeekday(date);
  return weekday === 0 || weekday === 6;
}

/** The calendar year of a date. */
export function isoDateYear(date: IsoDate): number {
  return Number(date.slice(0, 4));
}
