/**
 * Deadlines (DOMAIN.md section 3): when a case is due, how much time is left, and whether it
 * is due soon or overdue. Every function takes the instants it compares; none reads the clock.
 */
import type { IsoDate, IsoInstant } from '../kernel/brand';
import type { BusinessPeriod, CalendarSettings, DeadlineWarning } from '../model/entities';
import { missingCaseError } from '../kernel/assert';
import type { DeadlineSpec } from '../rules/rules';
import { businessDayMinutes, businessHoursParse, type BusinessWindow } from './business-hours';
import { isoDateYear } from './iso-date';
import {
  instantFromMs,
  instantToMs,
  localMomentOf,
  localMomentToMs,
  type LocalMoment,
} from './local-time';
import {
  calendarAddWorkingDays,
  calendarCreate,
  calendarIsWorkingDay,
  calendarNextWorkingDay,
  calendarYearsWithoutData,
  type WorkingCalendar,
} from './working-calendar';

export { localDateOf } from './local-time';

/** What a deadline is counted against: the calendar, the desk's hours and its time zone. */
export interface DeadlineContext {
  readonly calendar: WorkingCalendar;
  readonly businessHours: readonly BusinessPeriod[];
  /** IANA time zone of the desk, e.g. `Asia/Shanghai`. */
  readonly timeZone: string;
}

/** 08:30-12:00 and 13:30-17:30, with a lunch break between. */
export const DEFAULT_BUSINESS_HOURS: readonly BusinessPeriod[] = [
  { start: '08:30', end: '12:00' },
  { start: '13:30', end: '17:30' },
];

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** The result of `deadlineCompute`; `warning` is set when a year touched has no holiday data. */
export interface DeadlineComputed {
  dueAt: IsoInstant;
  warning?: DeadlineWarning;
  warningYears?: number[];
}

export interface DeadlineRemaining {
  /** The due time has passed (`now` is strictly after `dueAt`). */
  overdue: boolean;
  /** Working days between `now` and `dueAt`, counted as `workingDaysBetween` does. */
  workingDays: number;
  /** Whole minutes of business time between `now` and `dueAt`. */
  workingMinutes: number;
  /** Whole minutes of elapsed time between `now` and `dueAt`. */
  clockMinutes: number;
}

/** How a case stands against its deadline. */
export type DeadlineState = 'ok' | 'dueSoon' | 'overdue' | 'exempt' | 'none';

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;

/** Builds the deadline context from the desk's calendar settings. */
export function deadlineContextFromSettings(settings: CalendarSettings): DeadlineContext {
  return {
    calendar: calendarCreate(settings.extraYears),
    businessHours: settings.businessHours,
    timeZone: settings.timeZone || DEFAULT_TIME_ZONE,
  };
}

/** The close of business (end of the last period) on `date`. */
function closeOf(date: IsoDate, windows: readonly BusinessWindow[]): LocalMoment {
  const last = windows[windows.length - 1];
  return { date, msOfDay: last?.end ?? 0 };
}

/** `moment` itself when it lies in a business period of a working day, else the next opening. */
function openingAtOrAfter(
  moment: LocalMoment,
  cal: WorkingCalendar,
  windows: readonly BusinessWindow[],
): LocalMoment {
  if (calendarIsWorkingDay(cal, moment.date)) {
    const window = windows.find((w) => w.end > moment.msOfDay);
    if (window) {
      return { date: moment.date, msOfDay: Math.max(moment.msOfDay, window.start) };
    }
  }
  const next = calendarNextWorkingDay(cal, moment.date);
  return { date: next, msOfDay: windows[0]?.start ?? 0 };
}

/** The moment `amountMs` of business time after `opening`, which must be in business hours. */
function addBusinessTime(
  opening: LocalMoment,
  amountMs: number,
  cal: WorkingCalendar,
  windows: readonly BusinessWindow[],
): LocalMoment {
  let remaining = amountMs;
  let date = opening.date;
  let from = opening.msOfDay;
  for (;;) {
    for (const window of windows) {
      if (window.end <= from) {
        continue;
      }
      const begin = Math.max(from, window.start);
      if (remaining <= window.end - begin) {
        return { date, msOfDay: begin + remaining };
      }
      remaining -= window.end - begin;
    }
    date = calendarNextWorkingDay(cal, date);
    from = 0;
  }
}

/** Business time in `[fromMs, toMs]`, stopping early once it reaches `capMs`. */
function businessTimeBetween(
  fromMs: number,
  toMs: number,
  ctx: DeadlineContext,
  windows: readonly BusinessWindow[],
  capMs = Infinity,
): number {
  if (toMs <= fromMs) {
    return 0;
  }
  const from = localMomentOf(fromMs, ctx.timeZone);
  const to = localMomentOf(toMs, ctx.timeZone);
  let total = 0;
  let date = from.date;
  for (;;) {
    const last = date === to.date;
    if (calendarIsWorkingDay(ctx.calendar, date)) {
      const dayStart = date === from.date ? from.msOfDay : 0;
      const dayEnd = last ? to.msOfDay : Infinity;
      for (const window of windows) {
        total += Math.max(0, Math.min(window.end, dayEnd) - Math.max(window.start, dayStart));
      }
    }
    if (last || total >= capMs) {
      return total;
    }
    date = calendarNextWorkingDay(ctx.calendar, date);
    if (date > to.date) {
      return total;
    }
  }
}

/** Working days `d` with `fromDate < d <= toDate`. */
/**
 * Counts already made, per calendar: a period's report counts the working days of thousands of
 * cases, most of them between the same few dozen pairs of dates (issue 13). A calendar never
 * changes once made (calendarCreate), so a count kept for it stays right.
 */
const countsKept = new WeakMap<WorkingCalendar, Map<string, number>>();
const COUNTS_KEPT_AT_MOST = 50_000;

function countWorkingDaysAfter(cal: WorkingCalendar, fromDate: IsoDate, toDate: IsoDate): number {
  let kept = countsKept.get(cal);
  if (!kept) {
    kept = new Map();
    countsKept.set(cal, kept);
  }
  const key = `${fromDate}|${toDate}`;
  const known = kept.get(key);
  if (known !== undefined) return known;
  const count = countWorkingDaysWalked(cal, fromDate, toDate);
  if (kept.size >= COUNTS_KEPT_AT_MOST) kept.clear();
  kept.set(key, count);
  return count;
}

function countWorkingDaysWalked(cal: WorkingCalendar, fromDate: IsoDate, toDate: IsoDate): number {
  let count = 0;
  for (let day = calendarNextWorkingDay(cal, fromDate); day <= toDate;) {
    count += 1;
    day = calendarNextWorkingDay(cal, day);
  }
  return count;
}

function assertAmount(spec: DeadlineSpec): void {
  const valid =
    Number.isFinite(spec.amount) &&
    spec.amount >= 0 &&
    (spec.unit !== 'workingDays' || Number.isInteger(spec.amount));
  if (!valid) {
    throw new RangeError(`Invalid deadline amount ${spec.amount} ${spec.unit}`);
  }
}

/**
 * When a deadline counted from `start` falls due.
 *
 * - `workingDays` N: the close of business on the Nth working day strictly after the local
 *   date of `start` (the intake day is not counted, Civil Code art. 201), whatever the hour of
 *   intake. 0 working days is the same as `sameWorkingDay`.
 * - `workingHours` N: N hours of business time, starting at `start` if it is in business
 *   hours of a working day, otherwise at the next opening.
 * - `clockHours` / `clockMinutes` N: elapsed time from `start`, or from the next opening when
 *   `spec.fromOpening` is set and `start` is outside business hours.
 * - `sameWorkingDay`: the close of business on the local date of `start` if it is a working
 *   day and the desk has not closed yet, otherwise the close of the next working day.
 *
 * When the calendar is consulted (every unit except plain clock units) and a year from the
 * start date to the due date has no holiday data, the result carries
 * `warning: 'noCalendarData'` and those years; the due time is then counted with weekends only.
 *
 * @throws RangeError for a negative, non-finite or (in working days) fractional amount, bad
 * business hours, an unknown time zone or an unparsable `start`.
 */
export function deadlineCompute(
  spec: DeadlineSpec,
  start: IsoInstant,
  ctx: DeadlineContext,
): DeadlineComputed {
  assertAmount(spec);
  const cal = ctx.calendar;
  const windows = businessHoursParse(ctx.businessHours);
  const startMs = instantToMs(start);
  const local = localMomentOf(startMs, ctx.timeZone);
  const toMs = (moment: LocalMoment) => localMomentToMs(moment, ctx.timeZone);
  const sameWorkingDay = () =>
    calendarIsWorkingDay(cal, local.date) && local.msOfDay < closeOf(local.date, windows).msOfDay
      ? closeOf(local.date, windows)
      : closeOf(calendarNextWorkingDay(cal, local.date), windows);

  let dueMs: number;
  let usesCalendar = true;
  switch (spec.unit) {
    case 'workingDays':
      dueMs =
        spec.amount === 0
          ? toMs(sameWorkingDay())
          : toMs(closeOf(calendarAddWorkingDays(cal, local.date, spec.amount), windows));
      break;
    case 'sameWorkingDay':
      dueMs = toMs(sameWorkingDay());
      break;
    case 'workingHours': {
      const opening = openingAtOrAfter(local, cal, windows);
      dueMs = toMs(addBusinessTime(opening, Math.round(spec.amount * MS_PER_HOUR), cal, windows));
      break;
    }
    case 'clockHours':
    case 'clockMinutes': {
      usesCalendar = spec.fromOpening === true;
      const fromMs = usesCalendar ? toMs(openingAtOrAfter(local, cal, windows)) : startMs;
      const unitMs = spec.unit === 'clockHours' ? MS_PER_HOUR : MS_PER_MINUTE;
      dueMs = fromMs + Math.round(spec.amount * unitMs);
      break;
    }
    default:
      throw missingCaseError(spec.unit);
  }

  const dueAt = instantFromMs(dueMs);
  if (!usesCalendar) {
    return { dueAt };
  }
  const dueDate = localMomentOf(dueMs, ctx.timeZone).date;
  const missing = calendarYearsWithoutData(cal, isoDateYear(local.date), isoDateYear(dueDate));
  return missing.length > 0
    ? { dueAt, warning: 'noCalendarData', warningYears: missing }
    : { dueAt };
}

/**
 * How far `now` is from `dueAt`: in working days, business minutes and clock minutes. The
 * counts are never negative; when the case is overdue they measure how late it is.
 */
export function deadlineRemaining(
  dueAt: IsoInstant,
  now: IsoInstant,
  ctx: DeadlineContext,
): DeadlineRemaining {
  const windows = businessHoursParse(ctx.businessHours);
  const dueMs = instantToMs(dueAt);
  const nowMs = instantToMs(now);
  const overdue = nowMs > dueMs;
  const [fromMs, toMs] = overdue ? [dueMs, nowMs] : [nowMs, dueMs];
  const fromDate = localMomentOf(fromMs, ctx.timeZone).date;
  const toDate = localMomentOf(toMs, ctx.timeZone).date;
  return {
    overdue,
    workingDays: countWorkingDaysAfter(ctx.calendar, fromDate, toDate),
    workingMinutes: Math.floor(businessTimeBetween(fromMs, toMs, ctx, windows) / MS_PER_MINUTE),
    clockMinutes: Math.floor((toMs - fromMs) / MS_PER_MINUTE),
  };
}

/**
 * How a case stands against its deadline at `now`.
 *
 * `exempt` (不受时限限制) wins over everything, then `none` when there is no deadline,
 * `overdue` once `now` is past `dueAt`, and `dueSoon` when at most
 * `options.dueSoonWorkingMinutes` of business time remain (default: one business day).
 */
export function deadlineState(
  deadline: { dueAt: IsoInstant } | undefined,
  now: IsoInstant,
  ctx: DeadlineContext,
  options?: { exempt?: boolean; dueSoonWorkingMinutes?: number },
): DeadlineState {
  if (options?.exempt) {
    return 'exempt';
  }
  if (!deadline) {
    return 'none';
  }
  const dueMs = instantToMs(deadline.dueAt);
  const nowMs = instantToMs(now);
  if (nowMs > dueMs) {
    return 'overdue';
  }
  const windows = businessHoursParse(ctx.businessHours);
  const thresholdMs =
    (options?.dueSoonWorkingMinutes ?? businessDayMinutes(ctx.businessHours)) * MS_PER_MINUTE;
  const left = businessTimeBetween(nowMs, dueMs, ctx, windows, thresholdMs + 1);
  return left <= thresholdMs ? 'dueSoon' : 'ok';
}

/**
 * Whole working days from `from` to `to`: the working days after the local date of `from`, up
 * to and including the local date of `to` (0 on the same day, negative when `to` is earlier).
 * Used for "average working days to reply".
 */
export function workingDaysBetween(from: IsoInstant, to: IsoInstant, ctx: DeadlineContext): number {
  const fromDate = localMomentOf(instantToMs(from), ctx.timeZone).date;
  const toDate = localMomentOf(instantToMs(to), ctx.timeZone).date;
  return toDate < fromDate
    ? -countWorkingDaysAfter(ctx.calendar, toDate, fromDate)
    : countWorkingDaysAfter(ctx.calendar, fromDate, toDate);
}
