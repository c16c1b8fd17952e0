import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../kernel/brand';
import {
  calendarAddWorkingDays,
  calendarCreate,
  calendarDayKind,
  calendarHasData,
  calendarHolidayName,
  calendarIsWorkingDay,
  calendarMakeUpWorkdayName,
  calendarNextWorkingDay,
  calendarOverrideProblems,
  calendarYearsWithData,
  calendarYearsWithoutData,
} from './working-calendar';

const d = (value: string) => value as IsoDate;
const official = calendarCreate([]);

describe('official data (chinese-days)', () => {
  it.each([
    // 2026 National Day: Oct 1-7 off; Sunday Sep 20 and Saturday Oct 10 are make-up workdays.
    ['2026-09-19', 'weekend'],
    ['2026-09-20', 'makeUpWorkday'],
    ['2026-09-25', 'holiday'], // Mid-autumn, a Friday
    ['2026-09-30', 'workday'],
    ['2026-10-01', 'holiday'],
    ['2026-10-04', 'holiday'], // a Sunday inside the holiday
    ['2026-10-07', 'holiday'],
    ['2026-10-08', 'workday'],
    ['2026-10-10', 'makeUpWorkday'],
    ['2026-10-11', 'weekend'],
    // 2026 Spring Festival: Feb 15-23 off; Saturdays Feb 14 and Feb 28 are make-up workdays.
    ['2026-02-13', 'workday'],
    ['2026-02-14', 'makeUpWorkday'],
    ['2026-02-15', 'holiday'],
    ['2026-02-23', 'holiday'],
    ['2026-02-24', 'workday'],
    ['2026-02-28', 'makeUpWorkday'],
    // A year without data: weekends only.
    ['2027-01-01', 'workday'],
    ['2027-01-02', 'weekend'],
  ])('%s is a %s', (date, kind) => {
    expect(calendarDayKind(official, d(date))).toBe(kind);
    expect(calendarIsWorkingDay(official, d(date))).toBe(
      kind === 'workday' || kind === 'makeUpWorkday',
    );
  });

  it('names holidays in both languages', () => {
    expect(calendarHolidayName(official, d('2026-10-03'))).toEqual({
      zh: '国庆节',
      en: 'National Day',
    });
    expect(calendarHolidayName(official, d('2026-02-17'))).toEqual({
      zh: '春节',
      en: 'Spring Festival',
    });
    expect(calendarHolidayName(official, d('2015-09-03'))).toEqual({
      zh: '中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日',
      en: 'Anti-Fascist 70th Day',
    });
    expect(calendarHolidayName(official, d('2026-10-10'))).toBeUndefined();
    expect(calendarHolidayName(official, d('2026-10-11'))).toBeUndefined();
  });

  it('names the festival a make-up workday is for', () => {
    expect(calendarMakeUpWorkdayName(official, d('2026-10-10'))).toEqual({
      zh: '国庆节',
      en: 'National Day',
    });
    expect(calendarMakeUpWorkdayName(official, d('2026-10-01'))).toBeUndefined();
  });

  it('knows which years have data', () => {
    expect(calendarHasData(official, 2003)).toBe(false);
    expect(calendarHasData(official, 2004)).toBe(true);
    expect(calendarHasData(official, 2026)).toBe(true);
    expect(calendarHasData(official, 2027)).toBe(false);
    expect(calendarYearsWithData(official)).toEqual([
      2004, 2005, 2006, 2007, 2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018,
      2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026,
    ]);
    expect(calendarYearsWithoutData(official, 2025, 2028)).toEqual([2027, 2028]);
    expect(calendarYearsWithoutData(official, 2026, 2026)).toEqual([]);
  });
});

describe('calendarNextWorkingDay', () => {
  it.each([
    ['2026-09-30', '2026-10-08'], // over National Day
    ['2026-10-08', '2026-10-09'],
    ['2026-10-09', '2026-10-10'], // the make-up Saturday
    ['2026-10-10', '2026-10-12'],
    ['2026-02-13', '2026-02-14'],
    ['2026-02-14', '2026-02-24'], // over the Spring Festival
    ['2026-09-24', '2026-09-28'], // over Mid-autumn and its weekend
    ['2026-12-31', '2027-01-01'], // no data for 2027: New Year's Day is not known
  ])('after %s comes %s', (date, next) => {
    expect(calendarNextWorkingDay(official, d(date))).toBe(next);
  });

  it('counts working days strictly after the date', () => {
    expect(calendarAddWorkingDays(official, d('2026-09-30'), 5)).toBe('2026-10-13');
    expect(calendarAddWorkingDays(official, d('2026-02-13'), 5)).toBe('2026-02-27');
    expect(calendarAddWorkingDays(official, d('2026-10-03'), 0)).toBe('2026-10-03');
  });

  it('skips a long run of days off', () => {
    const january = Array.from(
      { length: 31 },
      (_, i) => `2030-01-${String(i + 1).padStart(2, '0')}`,
    );
    const cal = calendarCreate([{ year: 2030, holidays: january, workdays: [] }]);
    expect(calendarNextWorkingDay(cal, d('2029-12-31'))).toBe('2030-02-01');
  });

  it('gives up when no working day follows within a year', () => {
    const allYear = (year: number) =>
      Array.from({ length: 365 }, (_, i) =>
        new Date(Date.UTC(year, 0, 1 + i)).toISOString().slice(0, 10),
      );
    const cal = calendarCreate([
      { year: 2030, holidays: allYear(2030), workdays: [] },
      { year: 2031, holidays: allYear(2031), workdays: [] },
    ]);
    expect(() => calendarNextWorkingDay(cal, d('2029-12-31'))).toThrow(/No working day/);
  });
});

describe('administrator overrides', () => {
  const with2027 = calendarCreate([
    {
      year: 2027,
      holidays: ['2027-01-01', '2027-01-02', '2027-01-03'],
      workdays: ['2027-02-06'],
    },
  ]);

  it('makes a year count as having data', () => {
    expect(calendarHasData(with2027, 2027)).toBe(true);
    expect(calendarYearsWithData(with2027).at(-1)).toBe(2027);
    expect(calendarHasData(official, 2027)).toBe(false);
  });

  it('adds holidays and make-up workdays, with a generic name', () => {
    expect(calendarIsWorkingDay(with2027, d('2027-01-01'))).toBe(false);
    expect(calendarHolidayName(with2027, d('2027-01-01'))).toEqual({ zh: '节假日', en: 'Holiday' });
    expect(calendarIsWorkingDay(with2027, d('2027-02-06'))).toBe(true); // a Saturday
    expect(calendarNextWorkingDay(with2027, d('2026-12-31'))).toBe('2027-01-04');
    // The official years are untouched.
    expect(calendarIsWorkingDay(with2027, d('2026-10-01'))).toBe(false);
  });

  it('replaces the official lists of a year it covers, keeping official names', () => {
    const corrected = calendarCreate([
      { year: 2026, holidays: ['2026-10-01', '2026-10-05'], workdays: [] },
    ]);
    expect(calendarIsWorkingDay(corrected, d('2026-10-01'))).toBe(false);
    expect(calendarIsWorkingDay(corrected, d('2026-10-02'))).toBe(true); // a Friday
    expect(calendarIsWorkingDay(corrected, d('2026-10-10'))).toBe(false); // Saturday again
    expect(calendarIsWorkingDay(corrected, d('2026-02-16'))).toBe(true); // a Monday
    expect(calendarHolidayName(corrected, d('2026-10-05'))).toEqual({
      zh: '国庆节',
      en: 'National Day',
    });
    // Other years keep their official data.
    expect(calendarIsWorkingDay(corrected, d('2025-10-01'))).toBe(false);
  });

  it('combines several overrides for one year', () => {
    const cal = calendarCreate([
      { year: 2027, holidays: ['2027-01-01'], workdays: [] },
      { year: 2027, holidays: ['2027-10-01'], workdays: ['2027-09-26'] },
    ]);
    expect(calendarIsWorkingDay(cal, d('2027-01-01'))).toBe(false);
    expect(calendarIsWorkingDay(cal, d('2027-10-01'))).toBe(false);
    expect(calendarIsWorkingDay(cal, d('2027-09-26'))).toBe(true); // a Sunday
  });

  it('reports what is wrong with an override', () => {
    expect(
      calendarOverrideProblems({
        year: 2027,
        holidays: ['2027-02-30', '2026-12-31', '2027-10-01'],
        workdays: ['2027-10-01', '27-10-09'],
      }),
    ).toEqual([
      { date: '2027-02-30', problem: 'invalidDate' },
      { date: '2026-12-31', problem: 'wrongYear' },
      { date: '27-10-09', problem: 'invalidDate' },
      { date: '2027-10-01', problem: 'holidayAndWorkday' },
    ]);
    expect(
      calendarOverrideProblems({ year: 2027, holidays: ['2027-01-01'], workdays: [] }),
    ).toEqual([]);
  });

  it('refuses to build a calendar from a bad override', () => {
    expect(() => calendarCreate([{ year: 2027, holidays: ['2026-12-31'], workdays: [] }])).toThrow(
      RangeError,
    );
    expect(() =>
      calendarCreate([
        { year: 2027, holidays: ['2027-01-01'], workdays: [] },
        { year: 2027, holidays: [], workdays: ['2027-01-01'] },
      ]),
    ).toThrow(RangeError);
  });
});
