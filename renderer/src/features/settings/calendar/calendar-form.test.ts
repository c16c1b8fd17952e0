import { describe, expect, it } from 'vitest';
import {
  OFFICIAL_YEARS,
  businessHoursProblems,
  dateListParse,
  extraYearsWith,
  yearDraftCheck,
  yearRuns,
} from './calendar-form';

describe('dateListParse', () => {
  it('reads dates one per line, with commas or 、, and ranges', () => {
    expect(
      dateListParse('2027-01-01\n2027-02-06~2027-02-08, 2027-05-01、2027-10-01至2027-10-02'),
    ).toEqual({
      dates: [
        '2027-01-01',
        '2027-02-06',
        '2027-02-07',
        '2027-02-08',
        '2027-05-01',
        '2027-10-01',
        '2027-10-02',
      ],
      problems: [],
    });
  });

  it('lists what is not a date and ignores repeats', () => {
    expect(dateListParse('2027-02-30 2027-01-01 2027-01-01 元旦 2027-03-05~2027-03-01')).toEqual({
      dates: ['2027-01-01'],
      problems: [
        { text: '2027-02-30', problem: 'invalidDate' },
        { text: '元旦', problem: 'invalidDate' },
        { text: '2027-03-05~2027-03-01', problem: 'invalidDate' },
      ],
    });
  });

  it('refuses a range of more than two months', () => {
    expect(dateListParse('2027-01-01~2027-12-31').problems).toEqual([
      { text: '2027-01-01~2027-12-31', problem: 'rangeTooLong' },
    ]);
  });
});

describe('yearDraftCheck', () => {
  it('accepts a year without official data and gives its override', () => {
    expect(
      yearDraftCheck({
        year: '2027',
        holidays: '2027-01-01\n2027-10-01~2027-10-03',
        workdays: '2027-09-26',
      }),
    ).toEqual({
      holidayProblems: [],
      workdayProblems: [],
      override: {
        year: 2027,
        holidays: ['2027-01-01', '2027-10-01', '2027-10-02', '2027-10-03'],
        workdays: ['2027-09-26'],
      },
    });
  });

  it.each([
    ['not a year', { year: '27' }, 'invalidYear'],
    ['too far ahead', { year: '2150' }, 'invalidYear'],
    ['a year with official data', { year: '2026' }, 'officialYear'],
    ['no holidays', { holidays: ' ' }, 'noHolidays'],
  ])('refuses %s', (_name, overrides, code) => {
    const check = yearDraftCheck({
      year: '2027',
      holidays: '2027-01-01',
      workdays: '',
      ...overrides,
    });
    expect(check.yearError).toBe(code);
    expect(check.override).toBeUndefined();
  });

  it('puts each date problem against its list', () => {
    const check = yearDraftCheck({
      year: '2027',
      holidays: '2027-01-01 2028-01-01',
      workdays: '2027-01-01 2026-12-31 xx',
    });
    expect(check.holidayProblems).toEqual([{ date: '2028-01-01', problem: 'wrongYear' }]);
    expect(check.workdayProblems).toEqual([
      { text: 'xx', problem: 'invalidDate' },
      { date: '2026-12-31', problem: 'wrongYear' },
      { date: '2027-01-01', problem: 'holidayAndWorkday' },
    ]);
    expect(check.override).toBeUndefined();
  });

  it('knows the shipped years', () => {
    expect(OFFICIAL_YEARS).toContain(2026);
    expect(OFFICIAL_YEARS).not.toContain(2027);
  });
});

describe('extraYearsWith', () => {
  it('replaces the override of the same year and keeps the years in order', () => {
    const y2028 = { year: 2028, holidays: ['2028-01-01'], workdays: [] };
    const y2027 = { year: 2027, holidays: ['2027-01-01'], workdays: [] };
    const y2027b = { year: 2027, holidays: ['2027-01-01', '2027-01-02'], workdays: [] };
    expect(extraYearsWith([y2028, y2027], y2027b)).toEqual([y2027b, y2028]);
  });
});

describe('businessHoursProblems', () => {
  it('accepts the default hours with a lunch break', () => {
    expect(
      businessHoursProblems([
        { start: '08:30', end: '12:00' },
        { start: '13:30', end: '17:30' },
      ]),
    ).toEqual([]);
  });

  it.each([
    ['no period', [], [{ index: -1, code: 'none' }]],
    ['a bad time', [{ start: '8:30', end: '12:00' }], [{ index: 0, code: 'invalidTime' }]],
    [
      'an end before the start',
      [{ start: '13:00', end: '12:00' }],
      [{ index: 0, code: 'endBeforeStart' }],
    ],
    [
      'overlapping periods',
      [
        { start: '13:00', end: '17:00' },
        { start: '08:30', end: '13:30' },
      ],
      [{ index: 0, code: 'overlap' }],
    ],
  ])('refuses %s', (_name, periods, expected) => {
    expect(businessHoursProblems(periods)).toEqual(expected);
  });
});

describe('yearRuns', () => {
  it('joins consecutive years', () => {
    expect(yearRuns([2026, 2004, 2005, 2006, 2028])).toEqual(['2004–2006', '2026', '2028']);
    expect(yearRuns([])).toEqual([]);
  });
});
