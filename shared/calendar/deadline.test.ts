import { describe, expect, it } from 'vitest';
import type { IsoInstant } from '../kernel/brand';
import type { DeadlineSpec } from '../rules/rules';
import {
  DEFAULT_BUSINESS_HOURS,
  DEFAULT_TIME_ZONE,
  deadlineCompute,
  deadlineContextFromSettings,
  deadlineRemaining,
  deadlineState,
  localDateOf,
  workingDaysBetween,
  type DeadlineContext,
} from './deadline';
import { calendarCreate } from './working-calendar';

/** A Shanghai wall-clock time (`2026-09-30 10:00`, UTC+8) as an instant. */
function sh(local: string): IsoInstant {
  return new Date(`${local.replace(' ', 'T')}:00.000+08:00`).toISOString() as IsoInstant;
}
const utc = (value: string) => value as IsoInstant;

const ctx: DeadlineContext = {
  calendar: calendarCreate([]),
  businessHours: DEFAULT_BUSINESS_HOURS,
  timeZone: DEFAULT_TIME_ZONE,
};
const london: DeadlineContext = { ...ctx, timeZone: 'Europe/London' };
const nineToSix: DeadlineContext = { ...ctx, businessHours: [{ start: '09:00', end: '18:00' }] };

const workingDays = (amount: number): DeadlineSpec => ({ amount, unit: 'workingDays' });
const workingHours = (amount: number): DeadlineSpec => ({ amount, unit: 'workingHours' });
const SAME_DAY: DeadlineSpec = { amount: 0, unit: 'sameWorkingDay' };

describe('deadlineCompute: working days', () => {
  it.each([
    // National Day 2026: Oct 8 (1), 9 (2), Sat 10 make-up (3), 12 (4), 13 (5).
    ['in hours, before National Day', '2026-09-30 10:00', 5, '2026-10-13T09:30:00.000Z'],
    ['after hours, same due time', '2026-09-30 20:00', 5, '2026-10-13T09:30:00.000Z'],
    ['just before the close', '2026-09-30 17:29', 5, '2026-10-13T09:30:00.000Z'],
    ['just after the close', '2026-09-30 17:31', 5, '2026-10-13T09:30:00.000Z'],
    ['on a holiday', '2026-10-03 10:00', 5, '2026-10-13T09:30:00.000Z'],
    ['on the make-up Saturday', '2026-10-10 09:00', 1, '2026-10-12T09:30:00.000Z'],
    ['on the make-up Sunday', '2026-09-20 09:00', 1, '2026-09-21T09:30:00.000Z'],
    ['on a plain Sunday', '2026-10-11 09:00', 1, '2026-10-12T09:30:00.000Z'],
    // Spring Festival 2026: Sat Feb 14 (1), 24 (2), 25 (3), 26 (4), 27 (5).
    ['before the Spring Festival', '2026-02-13 10:00', 5, '2026-02-27T09:30:00.000Z'],
    // Mid-autumn: Fri Sep 25 to Sun Sep 27 off.
    ['before Mid-autumn', '2026-09-24 10:00', 1, '2026-09-28T09:30:00.000Z'],
    // 00:30 on Oct 8 in Shanghai is still Oct 7 in UTC: the local date counts.
    ['just after local midnight', '2026-10-08 00:30', 1, '2026-10-09T09:30:00.000Z'],
    ['15 working days', '2026-09-30 10:00', 15, '2026-10-27T09:30:00.000Z'],
  ])('%s: %s + %d working days', (_label, start, amount, dueAt) => {
    expect(deadlineCompute(workingDays(amount), sh(start), ctx)).toEqual({ dueAt });
  });

  it('reads 0 working days as the same working day', () => {
    expect(deadlineCompute(workingDays(0), sh('2026-10-09 10:00'), ctx)).toEqual({
      dueAt: '2026-10-09T09:30:00.000Z',
    });
    expect(deadlineCompute(workingDays(0), sh('2026-10-03 10:00'), ctx)).toEqual({
      dueAt: '2026-10-08T09:30:00.000Z',
    });
  });

  it('ends at the close of the last business period', () => {
    expect(deadlineCompute(workingDays(5), sh('2026-09-30 10:00'), nineToSix).dueAt).toBe(
      '2026-10-13T10:00:00.000Z',
    );
  });
});

describe('deadlineCompute: same working day', () => {
  it.each([
    ['before opening', '2026-10-09 07:00', '2026-10-09T09:30:00.000Z'],
    ['in the morning', '2026-10-09 10:00', '2026-10-09T09:30:00.000Z'],
    ['during lunch', '2026-10-09 12:30', '2026-10-09T09:30:00.000Z'],
    ['a minute before the close', '2026-10-09 17:29', '2026-10-09T09:30:00.000Z'],
    ['at the close', '2026-10-09 17:30', '2026-10-10T09:30:00.000Z'], // make-up Saturday
    ['after the close', '2026-10-09 20:00', '2026-10-10T09:30:00.000Z'],
    ['on a holiday', '2026-10-05 10:00', '2026-10-08T09:30:00.000Z'],
    ['on a plain Saturday', '2026-10-17 10:00', '2026-10-19T09:30:00.000Z'],
  ])('%s (%s)', (_label, start, dueAt) => {
    expect(deadlineCompute(SAME_DAY, sh(start), ctx)).toEqual({ dueAt });
  });
});

describe('deadlineCompute: working hours', () => {
  it.each([
    // Mon 16:00-17:30 (1.5 h), Tue 08:30-12:00 (3.5 h), then 3 h from 13:30.
    ['8 h across a night and a lunch', '2026-10-12 16:00', 8, '2026-10-13T08:30:00.000Z'],
    // 7.5 h on Monday, 0.5 h on Tuesday.
    ['8 h from the opening', '2026-10-12 08:30', 8, '2026-10-13T01:00:00.000Z'],
    ['2 h across lunch', '2026-10-12 11:00', 2, '2026-10-12T06:30:00.000Z'],
    ['1 h from lunch starts at 13:30', '2026-10-12 12:15', 1, '2026-10-12T06:30:00.000Z'],
    ['1 h before opening', '2026-10-12 07:00', 1, '2026-10-12T01:30:00.000Z'],
    ['ends exactly at the lunch break', '2026-10-12 08:30', 3.5, '2026-10-12T04:00:00.000Z'],
    ['half an hour', '2026-10-12 17:15', 0.5, '2026-10-13T00:45:00.000Z'],
    // 7.5 h on Oct 8, 0.5 h on Oct 9.
    ['8 h after hours before a holiday', '2026-09-30 18:00', 8, '2026-10-09T01:00:00.000Z'],
    ['1 h on a holiday', '2026-10-03 10:00', 1, '2026-10-08T01:30:00.000Z'],
    // Fri 17:00-17:30, then the make-up Saturday from 08:30.
    ['into the make-up Saturday', '2026-10-09 17:00', 1, '2026-10-10T01:00:00.000Z'],
    ['0 h off hours is the next opening', '2026-10-12 20:00', 0, '2026-10-13T00:30:00.000Z'],
  ])('%s: %s + %d h', (_label, start, amount, dueAt) => {
    expect(deadlineCompute(workingHours(amount), sh(start), ctx)).toEqual({ dueAt });
  });

  it('keeps the seconds of the intake', () => {
    expect(deadlineCompute(workingHours(1), utc('2026-10-12T01:00:30.000Z'), ctx).dueAt).toBe(
      '2026-10-12T02:00:30.000Z',
    );
  });

  it('follows the desk hours (09:00-18:00: 2 h Monday, 6 h Tuesday)', () => {
    expect(deadlineCompute(workingHours(8), sh('2026-10-12 16:00'), nineToSix).dueAt).toBe(
      '2026-10-13T07:00:00.000Z',
    );
  });
});

describe('deadlineCompute: clock time', () => {
  it.each<[string, DeadlineSpec, string, string]>([
    [
      '24 clock hours',
      { amount: 24, unit: 'clockHours' },
      '2026-09-30 10:00',
      '2026-10-01T02:00:00.000Z',
    ],
    [
      '24 clock hours ignore holidays',
      { amount: 24, unit: 'clockHours' },
      '2026-10-02 20:00',
      '2026-10-03T12:00:00.000Z',
    ],
    [
      '30 minutes at night',
      { amount: 30, unit: 'clockMinutes' },
      '2026-10-12 20:00',
      '2026-10-12T12:30:00.000Z',
    ],
    [
      '30 minutes from opening, at night',
      { amount: 30, unit: 'clockMinutes', fromOpening: true },
      '2026-10-12 20:00',
      '2026-10-13T01:00:00.000Z',
    ],
    [
      '30 minutes from opening, in hours',
      { amount: 30, unit: 'clockMinutes', fromOpening: true },
      '2026-10-12 10:00',
      '2026-10-12T02:30:00.000Z',
    ],
    [
      '1 h from opening, at lunch',
      { amount: 1, unit: 'clockHours', fromOpening: true },
      '2026-10-12 12:15',
      '2026-10-12T06:30:00.000Z',
    ],
    [
      '1 h from opening, on a holiday',
      { amount: 1, unit: 'clockHours', fromOpening: true },
      '2026-10-01 10:00',
      '2026-10-08T01:30:00.000Z',
    ],
    [
      '1 h from opening, on the make-up Sunday',
      { amount: 1, unit: 'clockHours', fromOpening: true },
      '2026-09-20 10:00',
      '2026-09-20T03:00:00.000Z',
    ],
    [
      '24 h from opening runs through the night',
      { amount: 24, unit: 'clockHours', fromOpening: true },
      '2026-09-30 20:00',
      '2026-10-09T00:30:00.000Z',
    ],
  ])('%s', (_label, spec, start, dueAt) => {
    expect(deadlineCompute(spec, sh(start), ctx)).toEqual({ dueAt });
  });
});

describe('deadlineCompute: years without holiday data', () => {
  it('warns when a working-day deadline reaches into 2027', () => {
    // Dec 29 (1), 30 (2), 31 (3), Fri Jan 1 2027 counted as a workday (4), Mon Jan 4 (5).
    expect(deadlineCompute(workingDays(5), sh('2026-12-28 10:00'), ctx)).toEqual({
      dueAt: '2027-01-04T09:30:00.000Z',
      warning: 'noCalendarData',
      warningYears: [2027],
    });
  });

  it('stops warning once the administrator adds 2027', () => {
    const with2027: DeadlineContext = {
      ...ctx,
      calendar: calendarCreate([
        { year: 2027, holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: [] },
      ]),
    };
    // Dec 29, 30, 31, Jan 4, Jan 5.
    expect(deadlineCompute(workingDays(5), sh('2026-12-28 10:00'), with2027)).toEqual({
      dueAt: '2027-01-05T09:30:00.000Z',
    });
  });

  it('does not warn for a deadline inside 2026', () => {
    const result = deadlineCompute(workingDays(5), sh('2026-12-21 10:00'), ctx);
    expect(result).toEqual({ dueAt: '2026-12-28T09:30:00.000Z' });
    expect('warning' in result).toBe(false);
  });

  it('lists every missing year, sorted', () => {
    // Dec 29 2028 (1), Mon Jan 1 2029 (2), Jan 2 (3).
    expect(deadlineCompute(workingDays(3), sh('2028-12-28 10:00'), ctx)).toEqual({
      dueAt: '2029-01-02T09:30:00.000Z',
      warning: 'noCalendarData',
      warningYears: [2028, 2029],
    });
  });

  it('warns for an intake year before the data begins', () => {
    // Dec 31 2003 (1), Jan 1 2004 is New Year's Day, Fri Jan 2 (2), Mon Jan 5 (3).
    expect(deadlineCompute(workingDays(3), sh('2003-12-30 10:00'), ctx)).toEqual({
      dueAt: '2004-01-05T09:30:00.000Z',
      warning: 'noCalendarData',
      warningYears: [2003],
    });
  });

  it('warns for working hours and clock time from the opening', () => {
    expect(deadlineCompute(workingHours(8), sh('2026-12-31 17:00'), ctx)).toEqual({
      dueAt: '2027-01-01T09:30:00.000Z', // 0.5 h on Dec 31, 7.5 h on Jan 1 2027 (to 17:30)
      warning: 'noCalendarData',
      warningYears: [2027],
    });
    expect(
      deadlineCompute(
        { amount: 24, unit: 'clockHours', fromOpening: true },
        sh('2026-12-31 20:00'),
        ctx,
      ),
    ).toEqual({
      dueAt: '2027-01-02T00:30:00.000Z', // from 08:30 on Jan 1 2027
      warning: 'noCalendarData',
      warningYears: [2027],
    });
  });

  it('does not warn for plain clock time, which never reads the calendar', () => {
    expect(
      deadlineCompute({ amount: 24, unit: 'clockHours' }, sh('2026-12-31 20:00'), ctx),
    ).toEqual({
      dueAt: '2027-01-01T12:00:00.000Z',
    });
  });
});

describe('deadlineCompute: time zones', () => {
  it('puts the close of business in the desk time zone', () => {
    // 10:00 BST (UTC+1) on Sep 30; due Oct 13 17:30 BST.
    expect(deadlineCompute(workingDays(5), utc('2026-09-30T09:00:00.000Z'), london).dueAt).toBe(
      '2026-10-13T16:30:00.000Z',
    );
    // The same instant read in Shanghai.
    expect(deadlineCompute(workingDays(5), utc('2026-09-30T09:00:00.000Z'), ctx).dueAt).toBe(
      '2026-10-13T09:30:00.000Z',
    );
  });

  it('follows a DST change between intake and due date', () => {
    // Fri Oct 23 10:00 BST; London's clocks go back on Oct 25; due Mon Oct 26 17:30 GMT.
    expect(deadlineCompute(workingDays(1), utc('2026-10-23T09:00:00.000Z'), london).dueAt).toBe(
      '2026-10-26T17:30:00.000Z',
    );
  });

  it('reads the intake date in the desk time zone', () => {
    // 23:30 UTC on Oct 7 is Oct 8 07:30 in Shanghai but still Oct 8 00:30 BST in London.
    const start = utc('2026-10-07T23:30:00.000Z');
    expect(deadlineCompute(workingDays(1), start, ctx).dueAt).toBe('2026-10-09T09:30:00.000Z');
    expect(deadlineCompute(workingDays(1), start, london).dueAt).toBe('2026-10-09T16:30:00.000Z');
    // 22:30 UTC on Oct 7 is Oct 8 in Shanghai but Oct 7 (a holiday) in London.
    const late = utc('2026-10-07T22:30:00.000Z');
    expect(deadlineCompute(workingDays(1), late, ctx).dueAt).toBe('2026-10-09T09:30:00.000Z');
    expect(deadlineCompute(workingDays(1), late, london).dueAt).toBe('2026-10-08T16:30:00.000Z');
  });

  it('exports the local date helper', () => {
    expect(localDateOf(utc('2026-10-07T16:00:00.000Z'), DEFAULT_TIME_ZONE)).toBe('2026-10-08');
  });
});

describe('deadlineCompute: bad input', () => {
  it.each<[string, DeadlineSpec]>([
    ['a negative amount', { amount: -1, unit: 'workingDays' }],
    ['fractional working days', { amount: 1.5, unit: 'workingDays' }],
    ['an infinite amount', { amount: Infinity, unit: 'clockHours' }],
    ['NaN', { amount: NaN, unit: 'workingHours' }],
  ])('rejects %s', (_label, spec) => {
    expect(() => deadlineCompute(spec, sh('2026-10-12 10:00'), ctx)).toThrow(RangeError);
  });

  it('rejects an unknown time zone, an unparsable start and empty business hours', () => {
    const spec = workingDays(1);
    expect(() =>
      deadlineCompute(spec, sh('2026-10-12 10:00'), { ...ctx, timeZone: 'X/Y' }),
    ).toThrow(RangeError);
    expect(() => deadlineCompute(spec, utc('soon'), ctx)).toThrow(RangeError);
    expect(() =>
      deadlineCompute(spec, sh('2026-10-12 10:00'), { ...ctx, businessHours: [] }),
    ).toThrow(RangeError);
  });
});

describe('deadlineRemaining', () => {
  const dueAt = utc('2026-10-13T09:30:00.000Z'); // Tue Oct 13 17:30 in Shanghai

  it.each([
    // Sep 30: 10:00-12:00 + 13:30-17:30 = 360; Oct 8, 9, 10, 12, 13 at 450 each.
    [
      'from intake',
      '2026-09-30 10:00',
      { workingDays: 5, workingMinutes: 2610, clockMinutes: 19170 },
    ],
    [
      'the day before',
      '2026-10-12 10:00',
      { workingDays: 1, workingMinutes: 810, clockMinutes: 1890 },
    ],
    [
      'the evening before',
      '2026-10-12 20:00',
      { workingDays: 1, workingMinutes: 450, clockMinutes: 1290 },
    ],
    [
      'on the due day, at lunch',
      '2026-10-13 12:30',
      { workingDays: 0, workingMinutes: 240, clockMinutes: 300 },
    ],
    [
      'half an hour before',
      '2026-10-13 17:00',
      { workingDays: 0, workingMinutes: 30, clockMinutes: 30 },
    ],
    ['at the due time', '2026-10-13 17:30', { workingDays: 0, workingMinutes: 0, clockMinutes: 0 }],
  ])('%s', (_label, now, expected) => {
    expect(deadlineRemaining(dueAt, sh(now), ctx)).toEqual({ overdue: false, ...expected });
  });

  it.each([
    // Oct 14 in full, then 08:30-09:00 on Oct 15.
    [
      'two days late',
      '2026-10-15 09:00',
      { workingDays: 2, workingMinutes: 480, clockMinutes: 2370 },
    ],
    // Oct 14, 15, 16 in full; Mon Oct 19 not open yet.
    [
      'over a weekend',
      '2026-10-19 08:00',
      { workingDays: 4, workingMinutes: 1350, clockMinutes: 8070 },
    ],
  ])('overdue: %s', (_label, now, expected) => {
    expect(deadlineRemaining(dueAt, sh(now), ctx)).toEqual({ overdue: true, ...expected });
  });

  it('counts whole minutes only', () => {
    expect(deadlineRemaining(dueAt, utc('2026-10-13T09:29:30.000Z'), ctx)).toEqual({
      overdue: false,
      workingDays: 0,
      workingMinutes: 0,
      clockMinutes: 0,
    });
    expect(deadlineRemaining(dueAt, utc('2026-10-13T09:30:00.001Z'), ctx)).toEqual({
      overdue: true,
      workingDays: 0,
      workingMinutes: 0,
      clockMinutes: 0,
    });
  });

  it('does not count holidays as working time', () => {
    // From Sep 30 17:30 to Oct 8 09:30: only 08:30-09:30 on Oct 8.
    expect(deadlineRemaining(sh('2026-10-08 09:30'), sh('2026-09-30 17:30'), ctx)).toEqual({
      overdue: false,
      workingDays: 1,
      workingMinutes: 60,
      clockMinutes: 11_040, // 7 days and 16 hours
    });
  });
});

describe('deadlineState', () => {
  const deadline = { dueAt: utc('2026-10-13T09:30:00.000Z') }; // Tue Oct 13 17:30

  it.each([
    ['well before', '2026-10-12 10:00', 'ok'],
    ['451 working minutes before', '2026-10-12 17:29', 'ok'],
    ['one business day before', '2026-10-12 17:30', 'dueSoon'],
    ['the evening before', '2026-10-12 20:00', 'dueSoon'],
    ['on the due day', '2026-10-13 09:00', 'dueSoon'],
    ['at the due time', '2026-10-13 17:30', 'dueSoon'],
    ['a minute late', '2026-10-13 17:31', 'overdue'],
    ['days late', '2026-10-20 10:00', 'overdue'],
  ])('%s (%s): %s', (_label, now, state) => {
    expect(deadlineState(deadline, sh(now), ctx)).toBe(state);
  });

  it('turns overdue one millisecond after the due time', () => {
    expect(deadlineState(deadline, utc('2026-10-13T09:30:00.001Z'), ctx)).toBe('overdue');
  });

  it('counts the make-up Saturday as business time', () => {
    const monday = { dueAt: sh('2026-10-12 10:00') };
    // Fri 17:00-17:30 (30) + Sat Oct 10 in full (450) = 480 > 450.
    expect(deadlineState(monday, sh('2026-10-09 17:00'), ctx)).toBe('ok');
    // Sat 13:30-17:30 (240) + Mon 08:30-10:00 (90) = 330.
    expect(deadlineState(monday, sh('2026-10-10 12:00'), ctx)).toBe('dueSoon');
  });

  it('skips holidays when measuring "due soon"', () => {
    // From Sep 30 17:30, only 90 minutes of business time remain before Oct 8 10:00.
    expect(deadlineState({ dueAt: sh('2026-10-08 10:00') }, sh('2026-09-30 17:30'), ctx)).toBe(
      'dueSoon',
    );
  });

  it('takes a custom "due soon" threshold', () => {
    const options = { dueSoonWorkingMinutes: 60 };
    expect(deadlineState(deadline, sh('2026-10-13 16:00'), ctx, options)).toBe('ok');
    expect(deadlineState(deadline, sh('2026-10-13 16:30'), ctx, options)).toBe('dueSoon');
  });

  it('uses the length of the desk business day by default', () => {
    // 09:00-18:00 is 540 minutes: Oct 12 17:30-18:00 (30) + Oct 13 09:00-17:30 (510).
    expect(deadlineState(deadline, sh('2026-10-12 17:30'), nineToSix)).toBe('dueSoon');
    expect(deadlineState(deadline, sh('2026-10-12 17:29'), nineToSix)).toBe('ok');
  });

  it('reports exempt cases as exempt, even when late or without a deadline', () => {
    expect(deadlineState(deadline, sh('2026-10-20 10:00'), ctx, { exempt: true })).toBe('exempt');
    expect(deadlineState(undefined, sh('2026-10-20 10:00'), ctx, { exempt: true })).toBe('exempt');
    expect(deadlineState(deadline, sh('2026-10-20 10:00'), ctx, { exempt: false })).toBe('overdue');
  });

  it('reports none without a deadline', () => {
    expect(deadlineState(undefined, sh('2026-10-12 10:00'), ctx)).toBe('none');
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['the same day', '2026-09-30 09:00', '2026-09-30 17:00', 0],
    ['into the holiday', '2026-09-30 10:00', '2026-10-07 10:00', 0],
    ['across National Day', '2026-09-30 10:00', '2026-10-08 15:00', 1],
    ['to the 5-day due date', '2026-09-30 10:00', '2026-10-13 17:30', 5],
    ['from a holiday', '2026-10-01 10:00', '2026-10-08 10:00', 1],
    ['across the Spring Festival', '2026-02-13 10:00', '2026-02-27 10:00', 5],
    ['backwards', '2026-10-13 10:00', '2026-09-30 10:00', -5],
  ])('%s', (_label, from, to, days) => {
    expect(workingDaysBetween(sh(from), sh(to), ctx)).toBe(days);
  });

  it('counts local dates, not UTC dates', () => {
    // 23:59 on Oct 7 and 00:00 on Oct 8 in Shanghai; both Oct 7 in London.
    const from = utc('2026-10-07T15:59:00.000Z');
    const to = utc('2026-10-07T16:00:00.000Z');
    expect(workingDaysBetween(from, to, ctx)).toBe(1);
    expect(workingDaysBetween(from, to, london)).toBe(0);
  });
});

describe('deadlineContextFromSettings', () => {
  it('builds the calendar from the settings', () => {
    const context = deadlineContextFromSettings({
      timeZone: 'Europe/London',
      businessHours: DEFAULT_BUSINESS_HOURS,
      extraYears: [{ year: 2027, holidays: ['2027-01-01'], workdays: [] }],
    });
    expect(context.timeZone).toBe('Europe/London');
    expect(deadlineCompute(workingDays(1), utc('2026-12-31T10:00:00.000Z'), context)).toEqual({
      dueAt: '2027-01-04T17:30:00.000Z',
    });
  });

  it('falls back to Shanghai time when no zone is set', () => {
    const context = deadlineContextFromSettings({
      timeZone: '',
      businessHours: DEFAULT_BUSINESS_HOURS,
      extraYears: [],
    });
    expect(context.timeZone).toBe('Asia/Shanghai');
  });
});
