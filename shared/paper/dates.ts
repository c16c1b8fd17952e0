/**
 * Local dates and times as printed (`2026-10-09`, `10:30`). Pure: the desk's time zone is a
 * parameter. (The dates a form covers are ranges of stats/period.ts.)
 */
import type { IsoInstant } from '../kernel/brand';
import { localMomentOf } from '../calendar/local-time';

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-10-09`, the local date of an instant; empty for none. */
export function printDate(instant: IsoInstant | undefined, timeZone: string): string {
  return instant ? localMomentOf(Date.parse(instant), timeZone).date : '';
}

/** `10:30`, the local time of an instant; empty for none. */
export function printTime(instant: IsoInstant | undefined, timeZone: string): string {
  if (!instant) return '';
  const minutes = Math.floor(localMomentOf(Date.parse(instant), timeZone).msOfDay / 60_000);
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** `2026-10-09 10:30`; empty for none. */
export function printDateTime(instant: IsoInstant | undefined, timeZone: string): string {
  return instant ? `${printDate(instant, timeZone)} ${printTime(instant, timeZone)}` : '';
}
