import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../kernel/brand';
import {
  isIsoDate,
  isoDateAddDays,
  isoDateFromDayNumber,
  isoDateFromParts,
  isoDateIsWeekend,
  isoDateToDayNumber,
  isoDateWeekday,
  isoDateYear,
} from './iso-date';

const d = (value: string) => value as IsoDate;

describe('isIsoDate', () => {
  it.each([
    ['2026-10-01', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['2026-10-01T00:00', false],
    ['', false],
  ])('%j -> %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});

describe('day numbers', () => {
  it('counts days from 1970-01-01', () => {
    expect(isoDateToDayNumber(d('1970-01-01'))).toBe(0);
    expect(isoDateToDayNumber(d('1970-01-02'))).toBe(1);
    expect(isoDateToDayNumber(d('1969-12-31'))).toBe(-1);
    expect(isoDateFromDayNumber(20_727)).toBe('2026-10-01');
  });

  it('rejects a date that does not exist', () => {
    expect(() => isoDateToDayNumber(d('2026-02-30'))).toThrow(RangeError);
    expect(() => isoDateToDayNumber(d('tomorrow'))).toThrow(RangeError);
  });

  it('builds a date from parts, padding each field', () => {
    expect(isoDateFromParts(2026, 2, 3)).toBe('2026-02-03');
  });
});

describe('isoDateAddDays', () => {
  it.each([
    ['2026-09-30', 1, '2026-10-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-10-13', -13, '2026-09-30'],
    ['2026-03-28', 2, '2026-03-30'], // across the European DST change: dates have no clock
  ])('%s %+d -> %s', (date, days, expected) => {
    expect(isoDateAddDays(d(date), days)).toBe(expected);
  });
});

describe('weekdays', () => {
  it.each([
    ['2026-09-30', 3, false], // Wednesday
    ['2026-10-10', 6, true], // Saturday
    ['2026-10-11', 0, true], // Sunday
    ['2026-10-12', 1, false], // Monday
    ['1969-12-28', 0, true], // Sunday before the epoch
  ])('%s is day %d', (date, weekday, weekend) => {
    expect(isoDateWeekday(d(date))).toBe(weekday);
    expect(isoDateIsWeekend(d(date))).toBe(weekend);
  });

  it('reads the year', () => {
    expect(isoDateYear(d('2027-01-04'))).toBe(2027);
  });
});
