/**
 * Times as the desk shows them on screen and in exported workbooks; pure, so the export worker
 * formats without the UI. (Printed forms use shared/paper/dates.ts.)
 */
import type { IsoInstant } from '@shared/kernel/brand';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** `2026-10-13 17:30` in the desk's time zone: the form clerks write on paper. */
export function formatDateTime(instant: IsoInstant | undefined, timeZone: string): string {
  if (!instant) return '';
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}
