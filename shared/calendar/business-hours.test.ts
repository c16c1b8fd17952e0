import { describe, expect, it } from 'vitest';
import { businessDayMinutes, businessHoursParse, businessTimeParse } from './business-hours';

const MINUTE = 60_000;

describe('businessTimeParse', () => {
  it.each([
    ['00:00', 0],
    ['08:30', 510 * MINUTE],
    ['17:30', 1050 * MINUTE],
    ['23:59', 1439 * MINUTE],
    ['24:00', 1440 * MINUTE],
  ])('%s -> %d ms', (time, ms) => {
    expect(businessTimeParse(time)).toBe(ms);
  });

  it.each(['8:30', '08:60', '24:30', '25:00', '0830', ''])('rejects %j', (time) => {
    expect(() => businessTimeParse(time)).toThrow(RangeError);
  });
});

describe('businessHoursParse', () => {
  it('sorts the periods by start time', () => {
    expect(
      businessHoursParse([
        { start: '13:30', end: '17:30' },
        { start: '08:30', end: '12:00' },
      ]),
    ).toEqual([
      { start: 510 * MINUTE, end: 720 * MINUTE },
      { start: 810 * MINUTE, end: 1050 * MINUTE },
    ]);
  });

  it.each([
    ['no period', []],
    ['an empty period', [{ start: '09:00', end: '09:00' }]],
    ['a reversed period', [{ start: '18:00', end: '09:00' }]],
    [
      'overlapping periods',
      [
        { start: '08:30', end: '12:30' },
        { start: '12:00', end: '17:30' },
      ],
    ],
  ])('rejects %s', (_label, periods) => {
    expect(() => businessHoursParse(periods)).toThrow(RangeError);
  });

  it('accepts periods that touch', () => {
    expect(
      businessHoursParse([
        { start: '08:00', end: '12:00' },
        { start: '12:00', end: '16:00' },
      ]),
    ).toHaveLength(2);
  });
});

describe('businessDayMinutes', () => {
  it('adds the periods and leaves the lunch break out', () => {
    expect(
      businessDayMinutes([
        { start: '08:30', end: '12:00' },
        { start: '13:30', end: '17:30' },
      ]),
    ).toBe(450);
    expect(businessDayMinutes([{ start: '09:00', end: '18:00' }])).toBe(540);
  });
});
