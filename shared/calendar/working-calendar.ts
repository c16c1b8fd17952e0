/**
 * The working calendar (DOMAIN.md section 3): weekends, statutory holidays (法定节假日) and
 * make-up working days (调休上班). Official data comes from the `chinese-days` package; an
 * administrator may add a year the package does not cover yet, or correct one.
 */
import officialData from 'chinese-days/dist/chinese-days.json';
import type { IsoDate } from '../kernel/brand';
import type { CalendarYearOverride } from '../model/entities';
import type { LocalizedText } from '../rules/rules';
import { isIsoDate, isoDateAddDays, isoDateIsWeekend, isoDateYear } from './iso-date';

/**
 * Holidays and make-up working days by date. Treat it as opaque: build it with
 * `calendarCreate` and read it with the `calendar*` functions.
 */
export interface WorkingCalendar {
  /** Statutory days off (including the days in lieu), by date, with the festival's name. */
  readonly holidays: ReadonlyMap<string, LocalizedText>;
  /** Make-up working days, by date, with the festival they make up for when known. */
  readonly workdays: ReadonlyMap<string, LocalizedText | undefined>;
  /** Years whose holidays are known (official data or an administrator's override). */
  readonly years: ReadonlySet<number>;
}

/** How a date counts in the calendar. */
export type CalendarDayKind = 'workday' | 'weekend' | 'holiday' | 'makeUpWorkday';

/** Something wrong with one entry of an administrator's year override. */
export interface CalendarOverrideProblem {
  readonly date: string;
  readonly problem: 'invalidDate' | 'wrongYear' | 'holidayAndWorkday';
}

/** The name shown for a holiday an administrator added without one. */
const OVERRIDE_HOLIDAY_NAME: LocalizedText = { zh: '节假日', en: 'Holiday' };

/** The shape of `chinese-days.json`: each entry reads like "National Day,国庆节,3". */
interface OfficialData {
  readonly holidays: Readonly<Record<string, string>>;
  readonly workdays: Readonly<Record<string, string>>;
}

interface YearData {
  readonly holidays: ReadonlyMap<string, LocalizedText>;
  readonly workdays: ReadonlyMap<string, LocalizedText | undefined>;
}

function parseOfficialName(entry: string): LocalizedText {
  const [en = '', zh = ''] = entry.split(',');
  return { zh: zh || en, en: en || zh };
}

function officialByYear(data: OfficialData): ReadonlyMap<number, YearData> {
  const years = new Map<
    number,
    { holidays: Map<string, LocalizedText>; workdays: Map<string, LocalizedText> }
  >();
  const yearOf = (date: string) => {
    const year = Number(date.slice(0, 4));
    let entry = years.get(year);
    if (!entry) {
      entry = { holidays: new Map(), workdays: new Map() };
      years.set(year, entry);
    }
    return entry;
  };
  for (const [date, name] of Object.entries(data.holidays)) {
    yearOf(date).holidays.set(date, parseOfficialName(name));
  }
  for (const [date, name] of Object.entries(data.workdays)) {
    yearOf(date).workdays.set(date, parseOfficialName(name));
  }
  return years;
}

const OFFICIAL: ReadonlyMap<number, YearData> = officialByYear(officialData as OfficialData);

/**
 * A year "has data" when the package lists its holidays (every year has some); a make-up day
 * alone does not make a year known.
 */
const OFFICIAL_YEARS: readonly number[] = [...OFFICIAL]
  .filter(([, data]) => data.holidays.size > 0)
  .map(([year]) => year);

/** Lists what is wrong with an administrator's year override (empty when it can be used). */
export function calendarOverrideProblems(
  override: CalendarYearOverride,
): CalendarOverrideProblem[] {
  const problems: CalendarOverrideProblem[] = [];
  const check = (date: string) => {
    if (!isIsoDate(date)) {
      problems.push({ date, problem: 'invalidDate' });
    } else if (isoDateYear(date) !== override.year) {
      problems.push({ date, problem: 'wrongYear' });
    }
  };
  override.holidays.forEach(check);
  override.workdays.forEach(check);
  const holidays = new Set(override.holidays);
  for (const date of new Set(override.workdays)) {
    if (holidays.has(date)) {
      problems.push({ date, problem: 'holidayAndWorkday' });
    }
  }
  return problems;
}

/**
 * Builds the calendar from the official data and the administrator's overrides.
 *
 * An override year counts as having data. Its lists replace the official ones for that year
 * (so an administrator can also correct a published year); a date the official data names
 * keeps its name. Several overrides for one year are combined.
 *
 * @throws RangeError when an override has problems (see `calendarOverrideProblems`).
 */
export function calendarCreate(extraYears: readonly CalendarYearOverride[]): WorkingCalendar {
  const byYear = new Map<number, YearData>(OFFICIAL);
  const overridden = new Map<number, { holidays: Set<string>; workdays: Set<string> }>();
  for (const override of extraYears) {
    const problems = calendarOverrideProblems(override);
    if (problems.length > 0) {
      const list = problems.map((p) => `${p.date} (${p.problem})`).join(', ');
      throw new RangeError(`Calendar override for ${override.year} is invalid: ${list}`);
    }
    const entry = overridden.get(override.year) ?? { holidays: new Set(), workdays: new Set() };
    override.holidays.forEach((date) => entry.holidays.add(date));
    override.workdays.forEach((date) => entry.workdays.add(date));
    overridden.set(override.year, entry);
  }
  for (const [year, entry] of overridden) {
    const official = OFFICIAL.get(year);
    const nameOf = (date: string) =>
      official?.holidays.get(date) ?? official?.workdays.get(date) ?? undefined;
    if ([...entry.holidays].some((date) => entry.workdays.has(date))) {
      throw new RangeError(`Calendar overrides for ${year} list a date as both kinds of day`);
    }
    byYear.set(year, {
      holidays: new Map([...entry.holidays].map((d) => [d, nameOf(d) ?? OVERRIDE_HOLIDAY_NAME])),
      workdays: new Map([...entry.workdays].map((d) => [d, nameOf(d)])),
    });
  }

  const holidays = new Map<string, LocalizedText>();
  const workdays = new Map<string, LocalizedText | undefined>();
  for (const data of byYear.values()) {
    data.holidays.forEach((name, date) => holidays.set(date, name));
    data.workdays.forEach((name, date) => workdays.set(date, name));
  }
  return { holidays, workdays, years: new Set([...OFFICIAL_YEARS, ...overridden.keys()]) };
}

/** How `date` counts: a plain workday, a weekend, a statutory holiday or a make-up workday. */
export function calendarDayKind(cal: WorkingCalendar, date: IsoDate): CalendarDayKind {
  if (cal.holidays.has(date)) {
    return 'holiday';
  }
  if (cal.workdays.has(date)) {
    return 'makeUpWorkday';
  }
  return isoDateIsWeekend(date) ? 'weekend' : 'workday';
}

/**
 * Whether `date` is a working day: weekends are off unless they are make-up workdays, and
 * statutory holidays are off. In a year without data only weekends are off.
 */
export function calendarIsWorkingDay(cal: WorkingCalendar, date: IsoDate): boolean {
  const kind = calendarDayKind(cal, date);
  return kind === 'workday' || kind === 'makeUpWorkday';
}

/** The statutory holiday that `date` belongs to, if it is one. */
export function calendarHolidayName(
  cal: WorkingCalendar,
  date: IsoDate,
): { zh: string; en: string } | undefined {
  const name = cal.holidays.get(date);
  return name && { zh: name.zh, en: name.en };
}

/** The festival a make-up workday (调休上班) makes up for, if `date` is one and it is known. */
export function calendarMakeUpWorkdayName(
  cal: WorkingCalendar,
  date: IsoDate,
): { zh: string; en: string } | undefined {
  const name = cal.workdays.get(date);
  return name && { zh: name.zh, en: name.en };
}

/** Whether the holidays of `year` are known (official data or an administrator's override). */
export function calendarHasData(cal: WorkingCalendar, year: number): boolean {
  return cal.years.has(year);
}

/** The years whose holidays are known, in ascending order. */
export function calendarYearsWithData(cal: WorkingCalendar): number[] {
  return [...cal.years].sort((a, b) => a - b);
}

/** The years from `fromYear` to `toYear` (inclusive) that have no data, in ascending order. */
export function calendarYearsWithoutData(
  cal: WorkingCalendar,
  fromYear: number,
  toYear: number,
): number[] {
  const missing: number[] = [];
  for (let year = fromYear; year <= toYear; year += 1) {
    if (!cal.years.has(year)) {
      missing.push(year);
    }
  }
  return missing;
}

/**
 * The first working day strictly after `date`.
 *
 * @throws Error when no working day follows within a year (a calendar made only of holidays).
 */
export function calendarNextWorkingDay(cal: WorkingCalendar, date: IsoDate): IsoDate {
  let day = date;
  for (let i = 0; i < 366; i += 1) {
    day = isoDateAddDays(day, 1);
    if (calendarIsWorkingDay(cal, day)) {
      return day;
    }
  }
  throw new Error(`No working day within a year after ${date}`);
}

/**
 * The `count`th working day strictly after `date` (`date` itself when `count` is 0).
 *
 * @example calendarAddWorkingDays(cal, '2026-09-30', 5) // '2026-10-13' (National Day)
 */
export function calendarAddWorkingDays(
  cal: WorkingCalendar,
  date: IsoDate,
  count: number,
): IsoDate {
  let day = date;
  for (let i = 0; i < count; i += 1) {
    day = calendarNextWorkingDay(cal, day);
  }
  return day;
}
