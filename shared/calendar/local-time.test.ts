import { describe, expect, it } from 'vitest';
import { TZDate } from '@date-fns/tz';
import type { IsoDate, IsoInstant } from '../kernel/brand';
import {
  instantFromMs,
  instantToMs,
  localDateOf,
  localMomentOf,
  localMomentToMs,
} from './local-time';

const i = (value: string) => value as IsoInstant;
const HOUR = 3_600_000;
const MINUTE = 60_000;

describe('localDateOf', () => {
  it.each([
    // Shanghai is UTC+8 all year.
    ['2026-09-30T15:59:59.999Z', 'Asia/Shanghai', '2026-09-30'],
    ['2026-09-30T16:00:00.000Z', 'Asia/Shanghai', '2026-10-01'],
    // London is UTC+1 in summer and UTC+0 in winter.
    ['2026-09-30T22:59:00.000Z', 'Europe/London', '2026-09-30'],
    ['2026-09-30T23:00:00.000Z', 'Europe/London', '2026-10-01'],
    ['2026-12-31T23:30:00.000Z', 'Europe/London', '2026-12-31'],
    ['2026-12-31T23:30:00.000Z', 'Asia/Shanghai', '2027-01-01'],
  ])('%s in %s is %s', (instant, zone, date) => {
    expect(localDateOf(i(instant), zone)).toBe(date);
  });

  it('rejects an unknown time zone and an unparsable instant', () => {
    expect(() => localDateOf(i('2026-09-30T02:00:00.000Z'), 'Mars/Olympus')).toThrow(RangeError);
    expect(() => localDateOf(i('yesterday'), 'Asia/Shanghai')).toThrow(RangeError);
  });
});

describe('local moments', () => {
  it('reads the local wall-clock time, to the millisecond', () => {
    expect(localMomentOf(Date.parse('2026-10-12T08:00:30.250Z'), 'Asia/Shanghai')).toEqual({
      date: '2026-10-12',
      msOfDay: 16 * HOUR + 30_250,
    });
  });

  it('turns a local moment back into an instant', () => {
    const moment = { date: '2026-10-13' as IsoDate, msOfDay: 17 * HOUR + 30 * MINUTE };
    expect(instantFromMs(localMomentToMs(moment, 'Asia/Shanghai'))).toBe(
      '2026-10-13T09:30:00.000Z',
    );
    expect(instantFromMs(localMomentToMs(moment, 'Europe/London'))).toBe(
      '2026-10-13T16:30:00.000Z',
    );
    // After London's clocks went back on 2026-10-25.
    const winter = { date: '2026-10-26' as IsoDate, msOfDay: 17 * HOUR + 30 * MINUTE };
    expect(instantFromMs(localMomentToMs(winter, 'Europe/London'))).toBe(
      '2026-10-26T17:30:00.000Z',
    );
  });

  it('treats 24:00 as the next midnight', () => {
    const moment = { date: '2026-10-13' as IsoDate, msOfDay: 24 * HOUR };
    expect(instantFromMs(localMomentToMs(moment, 'Asia/Shanghai'))).toBe(
      '2026-10-13T16:00:00.000Z',
    );
  });

  it('rejects an unknown time zone', () => {
    const moment = { date: '2026-10-13' as IsoDate, msOfDay: 0 };
    expect(() => localMomentToMs(moment, 'Mars/Olympus')).toThrow(RangeError);
  });

  it('round-trips instants as ISO UTC strings', () => {
    expect(instantToMs(i('2026-10-13T09:30:00.000Z'))).toBe(Date.UTC(2026, 9, 13, 9, 30));
    expect(instantFromMs(Date.UTC(2026, 9, 13, 9, 30))).toBe('2026-10-13T09:30:00.000Z');
  });
});

describe('localMomentOf keeps offsets per quarter hour', () => {
  /** The local moment worked out by TZDate itself, instant by instant. */
  function exact(ms: number, zone: string) {
    const local = new TZDate(ms, zone);
    const pad = (n: number, w = 2) => String(n).padStart(w, '0');
    return {
      date: `${pad(local.getFullYear(), 4)}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`,
      msOfDay:
        ((local.getHours() * 60 + local.getMinutes()) * 60 + local.getSeconds()) * 1000 +
        local.getMilliseconds(),
    };
  }

  it.each([
    // Spring forward and fall back, a half-hour change (Lord Howe), a zone with a 45-minute
    // offset, and Shanghai's local mean time (+08:05:43) ending at an odd second in 1901.
    ['Europe/London', '2026-03-29T00:00:00.000Z'],
    ['Europe/London', '2026-10-25T00:00:00.000Z'],
    ['America/New_York', '2026-11-01T05:00:00.000Z'],
    ['Australia/Lord_Howe', '2026-04-04T14:00:00.000Z'],
    ['Asia/Kathmandu', '2026-06-01T00:00:00.000Z'],
    ['Asia/Shanghai', '1900-12-31T15:00:00.000Z'],
  ])('in %s around %s: the same as working it out each time', (zone, around) => {
    const start = Date.parse(around);
    // Steps that are not a divisor of a quarter hour, so instants fall all over the spans.
    for (let ms = start; ms < start + 4 * HOUR; ms += 7 * MINUTE + 13_001) {
      expect(localMomentOf(ms, zone)).toEqual(exact(ms, zone));
    }
  });

  it('still refuses an unknown zone once another zone was kept', () => {
    localMomentOf(0, 'Asia/Shanghai');
    expect(() => localMomentOf(0, 'Mars/Olympus')).toThrow(RangeError);
  });
});
