import { describe, expect, it } from 'vitest';
import type { IsoDate, IsoInstant } from '../kernel/brand';
import {
  periodContaining,
  periodContainsInstant,
  periodDays,
  periodInstantRange,
  periodOfMonth,
  periodOfQuarter,
  periodOfReportYear,
  periodOfYear,
  periodQuarterContaining,
} from './period';

const d = (s: string) => s as IsoDate;

describe('periodOfMonth', () => {
  it.each([
    // [year, month, start day, mode, first, last]
    [2026, 11, 25, 'report', '2026-10-25', '2026-11-24'],
    [2026, 1, 25, 'report', '2025-12-25', '2026-01-24'],
    [2026, 3, 25, 'report', '2026-02-25', '2026-03-24'],
    [2026, 11, 25, 'calendar', '2026-11-01', '2026-11-30'],
    [2026, 2, 1, 'report', '2026-02-01', '2026-02-28'],
    [2028, 2, 1, 'report', '2028-02-01', '2028-02-29'],
    // A start day past the end of February starts on its last day; March's period follows it.
    [2026, 3, 31, 'report', '2026-02-28', '2026-03-30'],
    // May's period starts on April's last day (the 30th).
    [2026, 4, 31, 'report', '2026-03-31', '2026-04-29'],
  ] as const)('%i-%i from day %i (%s): %s to %s', (year, month, startDay, mode, first, last) => {
    expect(periodOfMonth(year, month, startDay, mode)).toEqual({ year, month, mode, first, last });
  });

  it('refuses a month or start day out of range', () => {
    expect(() => periodOfMonth(2026, 13, 25)).toThrow(RangeError);
    expect(() => periodOfMonth(2026, 11, 0)).toThrow(RangeError);
  });
});

describe('periodContaining', () => {
  it.each([
    ['2026-10-24', 25, 10],
    ['2026-10-25', 25, 11],
    ['2026-11-24', 25, 11],
    ['2026-11-25', 25, 12],
    ['2026-12-25', 25, 1],
    ['2026-11-30', 1, 11],
  ] as const)('%s with start day %i is in the period of month %i', (date, startDay, month) => {
    expect(periodContaining(d(date), startDay).month).toBe(month);
  });

  it('puts the 25th of December in January of the next year', () => {
    expect(periodContaining(d('2026-12-25'), 25)).toMatchObject({ year: 2027, month: 1 });
  });
});

describe('quarters and years', () => {
  it('makes a quarter of three monthly periods', () => {
    const q4 = periodOfQuarter(2026, 4, 25);
    expect(q4.first).toBe('2026-09-25');
    expect(q4.last).toBe('2026-12-24');
    expect(q4.months.map((m) => m.month)).toEqual([10, 11, 12]);
    expect(periodQuarterContaining(d('2026-12-25'), 25)).toMatchObject({ year: 2027, quarter: 1 });
    expect(() => periodOfQuarter(2026, 5, 25)).toThrow(RangeError);
  });

  it('makes a year of twelve report periods, or the calendar year', () => {
    const year = periodOfReportYear(2026, 25);
    expect([year.first, year.last]).toEqual(['2025-12-25', '2026-12-24']);
    expect(year.months).toHaveLength(12);
    // The months tile the year: each starts the day after the one before ends.
    year.months.slice(1).forEach((m, i) => {
      expect(periodDays({ first: year.months[i]?.last ?? m.first, last: m.first })).toBe(2);
    });
    const calendar = periodOfReportYear(2026, 25, 'calendar');
    expect([calendar.first, calendar.last]).toEqual(['2026-01-01', '2026-12-31']);
    expect(periodOfReportYear(2026, 1)).toMatchObject({ first: '2026-01-01', last: '2026-12-31' });
  });

  it('counts days and years', () => {
    expect(periodDays(periodOfMonth(2026, 11, 25))).toBe(31);
    expect(periodOfYear(2026)).toEqual({ first: '2026-01-01', last: '2026-12-31' });
  });
});

describe('instants', () => {
  const november = periodOfMonth(2026, 11, 25);

  it('bounds the period by local midnights in the desk zone', () => {
    expect(periodInstantRange(november, 'Asia/Shanghai')).toEqual({
      from: '2026-10-24T16:00:00.000Z',
      to: '2026-11-24T16:00:00.000Z',
    });
  });

  it.each([
    ['2026-10-24T15:59:59.999Z', false],
    ['2026-10-24T16:00:00.000Z', true],
    ['2026-11-24T15:59:00.000Z', true],
    ['2026-11-24T16:00:00.000Z', false],
  ])('%s is in the period: %s', (instant, inside) => {
    expect(periodContainsInstant(november, instant as IsoInstant, 'Asia/Shanghai')).toBe(inside);
  });
});
