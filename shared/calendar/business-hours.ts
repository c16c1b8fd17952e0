/**
 * Business hours: the periods of a working day in which the desk is open, in local wall-clock
 * time (default 08:30-12:00 and 13:30-17:30, with a lunch break between).
 */
import type { BusinessPeriod } from '../model/entities';

/** A business period as milliseconds since local midnight, `start` inclusive, `end` exclusive. */
export interface BusinessWindow {
  readonly start: number;
  readonly end: number;
}

const MS_PER_MINUTE = 60_000;
const HH_MM_PATTERN = /^(\d{2}):(\d{2})$/;

/**
 * Milliseconds since midnight of an `HH:mm` time (`24:00` is allowed as the end of the day).
 *
 * @throws RangeError when `time` is not `HH:mm`.
 */
export function businessTimeParse(time: string): number {
  const match = HH_MM_PATTERN.exec(time);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  const valid = match !== null && minutes < 60 && (hours < 24 || (hours === 24 && minutes === 0));
  if (!valid) {
    throw new RangeError(`Not an HH:mm time: ${JSON.stringify(time)}`);
  }
  return (hours * 60 + minutes) * MS_PER_MINUTE;
}

/**
 * Parses business periods into windows sorted by start time.
 *
 * @throws RangeError when there is no period, a time is malformed, a period ends before it
 * starts, or two periods overlap.
 */
export function businessHoursParse(periods: readonly BusinessPeriod[]): BusinessWindow[] {
  if (periods.length === 0) {
    throw new RangeError('Business hours need at least one period');
  }
  const windows = periods
    .map((p) => ({ start: businessTimeParse(p.start), end: businessTimeParse(p.end) }))
    .sort((a, b) => a.start - b.start);
  windows.forEach((window, i) => {
    const previous = windows[i - 1];
    if (window.end <= window.start) {
      throw new RangeError('A business period must end after it starts');
    }
    if (previous && window.start < previous.end) {
      throw new RangeError('Business periods must not overlap');
    }
  });
  return windows;
}

/** The length of one business day in minutes (450 for the default hours). */
export function businessDayMinutes(periods: readonly BusinessPeriod[]): number {
  const windows = businessHoursParse(periods);
  return windows.reduce((sum, w) => sum + (w.end - w.start), 0) / MS_PER_MINUTE;
}
