/**
 * Moving between UTC instants and the desk's local wall-clock time in an IANA time zone.
 */
import { TZDate } from '@date-fns/tz';
import type { IsoDate, IsoInstant } from '../kernel/brand';
import { isoDateFromParts } from './iso-date';

/** A local wall-clock moment: a date and the milliseconds since its midnight. */
export interface LocalMoment {
  readonly date: IsoDate;
  readonly msOfDay: number;
}

/**
 * Milliseconds since the epoch of an ISO instant.
 *
 * @throws RangeError when `instant` cannot be parsed.
 */
export function instantToMs(instant: IsoInstant): number {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) {
    throw new RangeError(`Not an ISO instant: ${JSON.stringify(instant)}`);
  }
  return ms;
}

/** The ISO UTC string of an epoch time in milliseconds. */
export function instantFromMs(ms: number): IsoInstant {
  return new Date(ms).toISOString() as IsoInstant;
}

function assertTimeZone(value: number, timeZone: string): void {
  if (Number.isNaN(value)) {
    throw new RangeError(`Unknown time zone: ${JSON.stringify(timeZone)}`);
  }
}

/**
 * The local date and time of an epoch time in `timeZone`.
 *
 * @throws RangeError when `timeZone` is not a known IANA zone.
 */
export function localMomentOf(ms: number, timeZone: string): LocalMoment {
  const offset = offsetOf(ms, timeZone);
  if (offset === undefined) return localMomentExact(ms, timeZone);
  // The local wall clock as if it were UTC: its UTC fields are the local ones.
  const local = new Date(ms + offset);
  const msOfDay =
    ((local.getUTCHours() * 60 + local.getUTCMinutes()) * 60 + local.getUTCSeconds()) * 1000 +
    local.getUTCMilliseconds();
  return {
    date: isoDateFromParts(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate()),
    msOfDay,
  };
}

function localMomentExact(ms: number, timeZone: string): LocalMoment {
  const local = new TZDate(ms, timeZone);
  const year = local.getFullYear();
  assertTimeZone(year, timeZone);
  const msOfDay =
    ((local.getHours() * 60 + local.getMinutes()) * 60 + local.getSeconds()) * 1000 +
    local.getMilliseconds();
  return { date: isoDateFromParts(year, local.getMonth() + 1, local.getDate()), msOfDay };
}

/**
 * The zone's offset from UTC, kept per quarter hour of UTC time. Working it out (Intl, through
 * TZDate) costs tens of microseconds, and a report over thousands of cases asks for the local
 * date of each instant several times (issue 13). A quarter hour whose two ends have different
 * offsets holds a change of offset: its instants are worked out one by one (undefined).
 */
const OFFSET_SPAN_MS = 15 * 60_000;
const OFFSETS_KEPT_AT_MOST = 100_000;
const offsets = new Map<string, Map<number, number | null>>();

function offsetOf(ms: number, timeZone: string): number | undefined {
  if (!Number.isFinite(ms)) return undefined;
  let zone = offsets.get(timeZone);
  if (!zone) {
    zone = new Map();
    offsets.set(timeZone, zone);
  }
  const span = Math.floor(ms / OFFSET_SPAN_MS);
  let offset = zone.get(span);
  if (offset === undefined) {
    const start = span * OFFSET_SPAN_MS;
    const atStart = exactOffset(start, timeZone);
    const atEnd = exactOffset(start + OFFSET_SPAN_MS - 1, timeZone);
    offset = atStart === atEnd ? atStart : null;
    if (zone.size >= OFFSETS_KEPT_AT_MOST) zone.clear();
    zone.set(span, offset);
  }
  return offset ?? undefined;
}

/** Local wall-clock time minus UTC at `ms`, to the millisecond (historic offsets have seconds). */
function exactOffset(ms: number, timeZone: string): number {
  const { date, msOfDay } = localMomentExact(ms, timeZone);
  const [year = NaN, month = NaN, day = NaN] = date.split('-').map(Number);
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  return utc.getTime() + msOfDay - ms;
}

/**
 * The epoch time of a local wall-clock moment in `timeZone`. A time skipped by a DST change
 * moves forward by the length of the gap (01:30 on London's spring-forward night is 02:30 BST).
 *
 * @throws RangeError when `timeZone` is not a known IANA zone.
 */
export function localMomentToMs(moment: LocalMoment, timeZone: string): number {
  const [year = NaN, month = NaN, day = NaN] = moment.date.split('-').map(Number);
  const ms = moment.msOfDay;
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const seconds = Math.floor((ms % 60_000) / 1000);
  const result = new TZDate(
    year,
    month - 1,
    day,
    hours,
    minutes,
    seconds,
    ms % 1000,
    timeZone,
  ).getTime();
  assertTimeZone(result, timeZone);
  return result;
}

/**
 * The local calendar date of an instant in `timeZone`.
 *
 * @example localDateOf('2026-09-30T16:30:00.000Z', 'Asia/Shanghai') // '2026-10-01'
 */
export function localDateOf(instant: IsoInstant, timeZone: string): IsoDate {
  return localMomentOf(instantToMs(instant), timeZone).date;
}
