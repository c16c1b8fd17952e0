/**
 * Conversions between stored instants (UTC) and the desk's local wall time, which is what
 * clerks type and read. The desk's IANA time zone is a setting (default Asia/Shanghai).
 */
import { TZDate } from '@date-fns/tz';
import type { IsoInstant } from './brand';

/** `YYYY-MM-DDTHH:mm` as typed in a datetime-local field. */
export type LocalDateTimeText = string;

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The instant a local wall time names in the given zone, or undefined when it is not one. */
export function localDateTimeToInstant(
  text: LocalDateTimeText,
  timeZone: string,
): IsoInstant | undefined {
  const match = LOCAL_DATE_TIME.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match
    .slice(1)
    .map((part) => (part === undefined ? 0 : Number(part)));
  if (
    year === undefined ||
    month === undefined ||
    day === undefined ||
    hour === undefined ||
    minute === undefined ||
    second === undefined
  ) {
    return undefined;
  }
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return undefined;
  const date = new TZDate(year, month - 1, day, hour, minute, second, timeZone);
  // Reject dates that rolled over (e.g. 2026-02-30).
  if (date.getDate() !== day || date.getMonth() !== month - 1) return undefined;
  return new Date(date.getTime()).toISOString() as IsoInstant;
}

/** The local wall time of an instant, as a datetime-local field wants it. */
export function instantToLocalDateTime(instant: IsoInstant, timeZone: string): LocalDateTimeText {
  const date = new TZDate(Date.parse(instant), timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}
