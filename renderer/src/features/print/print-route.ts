/**
 * Addresses of the print preview: `#/print/<form>?…`, so that any screen can link to a form
 * and a reload shows the same job.
 *
 * - `cases=<id>,<id>`: the case forms of these cases (one sheet each);
 * - `date=YYYY-MM-DD`: a day's dispatch sheets, or the follow-up sheet of that day;
 * - `from=…&to=…`: the register of a date range;
 * - `month=YYYY-MM` (and `mode=calendar`): the monthly report of the report period named after
 *   that month (or of the calendar month).
 */
import type { CaseId, IsoDate } from '@shared/kernel/brand';
import { isIsoDate } from '@shared/calendar/iso-date';
import type { PrintFormId } from '@shared/paper/forms';

export interface PrintParams {
  readonly caseIds?: readonly CaseId[];
  readonly date?: IsoDate;
  readonly from?: IsoDate;
  readonly to?: IsoDate;
  /** `2026-10`: the report period named after a month (DOMAIN.md section 6). */
  readonly month?: string;
  /** The monthly report over the calendar month rather than the desk's report period. */
  readonly calendarMonth?: boolean;
}

export function printPath(form: PrintFormId, params: PrintParams = {}): string {
  const search = new URLSearchParams();
  if (params.caseIds && params.caseIds.length > 0) search.set('cases', params.caseIds.join(','));
  if (params.date) search.set('date', params.date);
  if (params.from) search.set('from', params.from);
  if (params.to) search.set('to', params.to);
  if (params.month) search.set('month', params.month);
  if (params.calendarMonth) search.set('mode', 'calendar');
  const query = search.toString();
  return `/print/${form}${query ? `?${query}` : ''}`;
}

const dateParam = (value: string | null): IsoDate | undefined =>
  value !== null && isIsoDate(value) ? value : undefined;

const monthParam = (value: string | null): string | undefined =>
  value !== null && /^\d{4}-(0[1-9]|1[0-2])$/.test(value) ? value : undefined;

/** What the address asks for; malformed dates are dropped (the page then uses its defaults). */
export function printParamsOf(search: URLSearchParams): PrintParams {
  const cases = (search.get('cases') ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean) as CaseId[];
  return {
    ...(cases.length > 0 ? { caseIds: cases } : {}),
    ...(dateParam(search.get('date')) ? { date: dateParam(search.get('date')) } : {}),
    ...(dateParam(search.get('from')) ? { from: dateParam(search.get('from')) } : {}),
    ...(dateParam(search.get('to')) ? { to: dateParam(search.get('to')) } : {}),
    ...(monthParam(search.get('month')) ? { month: monthParam(search.get('month')) } : {}),
    ...(search.get('mode') === 'calendar' ? { calendarMonth: true } : {}),
  };
}
