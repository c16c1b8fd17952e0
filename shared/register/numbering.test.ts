import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../kernel/brand';
import {
  numberFormat,
  numberNext,
  numberPatternProblems,
  numberPeriodKey,
  type NumberPatternProblemCode,
} from './numbering';
import type { NumberingRules } from '../rules/rules';

const date = (text: string) => text as IsoDate;
const MONTHLY: NumberingRules = { pattern: '{YY}{MM}-{SEQ:4}', resetEvery: 'month' };

describe('numberPeriodKey', () => {
  it.each([
    ['month', '2026-11-05', '2611'],
    ['month', '2026-12-31', '2612'],
    ['month', '2027-01-01', '2701'],
    ['year', '2026-11-05', '2026'],
    ['year', '2027-01-01', '2027'],
    ['never', '2026-11-05', 'all'],
  ] as const)('%s on %s is %s', (resetEvery, localDate, key) => {
    expect(numberPeriodKey({ resetEvery }, date(localDate))).toBe(key);
  });

  it('rejects a date that is not YYYY-MM-DD', () => {
    expect(() => numberPeriodKey(MONTHLY, date('2026-1-5'))).toThrow(RangeError);
  });
});

describe('numberFormat', () => {
  it.each([
    ['the default pattern', MONTHLY.pattern, '2026-11-05', 7, undefined, '2611-0007'],
    ['the 42nd case', MONTHLY.pattern, '2026-11-05', 42, undefined, '2611-0042'],
    ['the 9999th case', MONTHLY.pattern, '2026-11-30', 9999, undefined, '2611-9999'],
    [
      'the 10000th case, never truncated',
      MONTHLY.pattern,
      '2026-11-30',
      10000,
      undefined,
      '2611-10000',
    ],
    ['a desk code', MONTHLY.pattern, '2026-11-05', 42, 'A01', 'A01-2611-0042'],
    ['a blank desk code', MONTHLY.pattern, '2026-11-05', 42, '  ', '2611-0042'],
    ['YYMMCC of S001-E', '{YY}{MM}{SEQ:2}', '2026-03-09', 5, undefined, '260305'],
    [
      'four-digit year and day',
      'TS{YYYY}{MM}{DD}-{SEQ:3}',
      '2026-03-09',
      12,
      undefined,
      'TS20260309-012',
    ],
    ['an unpadded serial', '{YYYY}/{SEQ}', '2026-03-09', 12, undefined, '2026/12'],
    ['an unknown token left as written', '{YY}{X}-{SEQ:2}', '2026-03-09', 1, undefined, '26{X}-01'],
  ])('%s', (_name, pattern, localDate, serial, deskCode, expected) => {
    expect(numberFormat({ pattern }, date(localDate), serial, deskCode)).toBe(expected);
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects serial %s', (serial) => {
    expect(() => numberFormat(MONTHLY, date('2026-11-05'), serial)).toThrow(RangeError);
  });
});

describe('numberNext', () => {
  it('starts each month at 1 and continues within it', () => {
    const counters = { '2611': 41, '2610': 300 };
    expect(numberNext(MONTHLY, date('2026-11-05'), counters)).toEqual({
      key: '2611',
      serial: 42,
      number: '2611-0042',
    });
    expect(numberNext(MONTHLY, date('2026-12-01'), counters, 'A01')).toEqual({
      key: '2612',
      serial: 1,
      number: 'A01-2612-0001',
    });
  });

  it('rolls over at the new year when the serial restarts yearly', () => {
    const yearly: NumberingRules = { pattern: '{YYYY}-{SEQ:5}', resetEvery: 'year' };
    expect(numberNext(yearly, date('2026-12-31'), { '2026': 812 }).number).toBe('2026-00813');
    expect(numberNext(yearly, date('2027-01-01'), { '2026': 813 }).number).toBe('2027-00001');
  });

  it('never restarts when told so', () => {
    const never: NumberingRules = { pattern: 'C{SEQ:6}', resetEvery: 'never' };
    expect(numberNext(never, date('2027-01-01'), { all: 1234 }).number).toBe('C001235');
  });
});

describe('numberPatternProblems', () => {
  const codes = (pattern: string, resetEvery?: NumberingRules['resetEvery']) =>
    numberPatternProblems(pattern, resetEvery).map((problem) => problem.code);

  it.each([
    ['{YY}{MM}-{SEQ:4}', 'month'],
    ['{YYYY}{MM}{DD}{SEQ:3}', 'month'],
    ['{YY}{SEQ:4}', 'year'],
    ['{YYYY}-{MM}-{SEQ:2}', 'year'],
    ['{SEQ:8}', 'never'],
    ['KS-{SEQ}', 'never'],
  ] as const)('accepts %s restarting every %s', (pattern, resetEvery) => {
    expect(numberPatternProblems(pattern, resetEvery)).toEqual([]);
  });

  it.each<[string, NumberingRules['resetEvery'], NumberPatternProblemCode[]]>([
    ['', 'never', ['noSerial']],
    ['{YY}{MM}', 'month', ['noSerial']],
    ['{YY}{MM}-{SEQ:4}-{SEQ:2}', 'month', ['manySerials']],
    ['{YY}{MM}-{SEQ:0}', 'month', ['badSerialWidth']],
    ['{YY}{MM}-{SEQ:11}', 'month', ['badSerialWidth']],
    ['{YY}{MM}-{SEQ:x}', 'month', ['unknownToken', 'noSerial']],
    ['{YY}{M}-{SEQ:4}', 'month', ['unknownToken', 'serialNotResettable']],
    ['{yy}{MM}-{SEQ:4}', 'month', ['unknownToken', 'serialNotResettable']],
    ['{YY}{MM}-{SEQ:4', 'month', ['unknownToken', 'noSerial']],
    ['{YY}{MM}}-{SEQ:4}', 'month', ['unknownToken']],
    ['{YY}-{SEQ:4}', 'month', ['serialNotResettable']],
    ['{MM}-{SEQ:4}', 'month', ['serialNotResettable']],
    ['{MM}-{SEQ:4}', 'year', ['serialNotResettable']],
    ['{SEQ:4}', 'year', ['serialNotResettable']],
  ])('%s restarting every %s: %j', (pattern, resetEvery, expected) => {
    expect(codes(pattern, resetEvery)).toEqual(expected);
  });

  it('names the offending token', () => {
    expect(numberPatternProblems('{YY}{MM}-{NO}{SEQ:99}')).toEqual([
      { code: 'unknownToken', token: '{NO}' },
      { code: 'badSerialWidth', token: '{SEQ:99}' },
    ]);
  });

  it('assumes a monthly restart when not told', () => {
    expect(codes('{YY}-{SEQ:4}')).toEqual(['serialNotResettable']);
  });
});
