/**
 * Reading the cells of an imported register. An .xlsx gives real dates (ExcelJS hands them over
 * as `Date`s holding the wall time in UTC), times as fractions of a day, numbers and text; a CSV
 * gives text only, written the many ways clerks write dates (`2026-09-30`, `2026/9/30`,
 * `2026年9月30日 10:05`). Each reader returns undefined for a blank cell and null for a cell it
 * cannot read.
 */
import type { IsoDate } from '../kernel/brand';
import { isIsoDate, isoDateFromParts } from '../calendar/iso-date';

export type ImportCell = string | number | boolean | Date | null | undefined;

export interface ImportDateTime {
  readonly date: IsoDate;
  /** Minutes after midnight, when the cell holds a time as well. */
  readonly minutes?: number;
}

const MS_PER_DAY = 86_400_000;
/** Excel's day 0 is 1899-12-30 (with the 1900 leap-year bug, for every date after February 1900). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
/**
 * No register a desk imports reaches back before this year: an earlier date is a blank or
 * mistyped cell (Excel shows the serial 1 as 1900-01-01).
 */
export const IMPORT_MIN_YEAR = 1990;
/** 9999-12-31, the last date Excel knows. */
const EXCEL_MAX_SERIAL = 2_958_465;

const DATE_TEXT =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]+(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2})(?:\.\d+)?)?\s*[分秒]?)?$/;
const TIME_TEXT =
  /^(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2})(?:\.\d+)?)?\s*[分秒]?$/;

export function cellIsBlank(cell: ImportCell): boolean {
  return cell === undefined || cell === null || (typeof cell === 'string' && cell.trim() === '');
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The cell as text, trimmed: dates as `YYYY-MM-DD HH:mm`. */
export function cellText(cell: ImportCell): string {
  if (cell === undefined || cell === null) return '';
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return '';
    const date = `${cell.getUTCFullYear()}-${pad(cell.getUTCMonth() + 1)}-${pad(cell.getUTCDate())}`;
    const minutes = cell.getUTCHours() * 60 + cell.getUTCMinutes();
    return minutes === 0 ? date : `${date} ${pad(cell.getUTCHours())}:${pad(cell.getUTCMinutes())}`;
  }
  return String(cell).trim();
}

function fromUtcMs(ms: number): ImportDateTime | null {
  if (!Number.isFinite(ms)) return null;
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  if (year < IMPORT_MIN_YEAR || year > 9999) return null;
  const minutes = d.getUTCHours() * 60 + d.getUTCMinutes();
  const date = isoDateFromParts(year, d.getUTCMonth() + 1, d.getUTCDate());
  return minutes === 0 ? { date } : { date, minutes };
}

function minutesOf(hours: number, minutes: number): number | null {
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : null;
}

/** A date, with its time when the cell has one. */
export function cellDateTime(cell: ImportCell): ImportDateTime | null | undefined {
  if (cellIsBlank(cell)) return undefined;
  if (cell instanceof Date) return fromUtcMs(cell.getTime());
  if (typeof cell === 'number') {
    if (cell < 1 || cell > EXCEL_MAX_SERIAL) return null;
    // Rounded to the minute: Excel stores times as binary fractions of a day.
    return fromUtcMs(Math.round((EXCEL_EPOCH_MS + cell * MS_PER_DAY) / 60_000) * 60_000);
  }
  if (typeof cell !== 'string') return null;
  const match = DATE_TEXT.exec(cell.trim().normalize('NFKC'));
  if (!match) return null;
  const [, y, m, d, hh, mm] = match.map((part) => (part === undefined ? undefined : Number(part)));
  if (y === undefined || m === undefined || d === undefined || y < IMPORT_MIN_YEAR) return null;
  const date = `${y}-${pad(m)}-${pad(d)}`;
  if (!isIsoDate(date)) return null;
  if (hh === undefined || mm === undefined) return { date };
  const minutes = minutesOf(hh, mm);
  return minutes === null ? null : { date, minutes };
}

/** A time of day in minutes after midnight. */
export function cellTime(cell: ImportCell): number | null | undefined {
  if (cellIsBlank(cell)) return undefined;
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return null;
    return cell.getUTCHours() * 60 + cell.getUTCMinutes();
  }
  if (typeof cell === 'number') {
    if (cell < 0) return null;
    // A date and time in a time column: the fraction is the time.
    const fraction = cell - Math.floor(cell);
    return Math.round(fraction * 1440) % 1440;
  }
  if (typeof cell !== 'string') return null;
  const match = TIME_TEXT.exec(cell.trim().normalize('NFKC'));
  if (!match) return null;
  return minutesOf(Number(match[1]), Number(match[2]));
}

/** `HH:mm` of minutes after midnight. */
export function minutesText(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}
