import { describe, expect, it } from 'vitest';
import type { IsoInstant } from '../kernel/brand';
import { printDate, printDateTime, printTime } from './dates';

const SH = 'Asia/Shanghai';
const at = (s: string) => s as IsoInstant;

describe('printed dates and times', () => {
  it('prints the local date and time of the desk, not UTC', () => {
    // 16:30 UTC on Sep 30 is 00:30 on Oct 1 in Shanghai.
    expect(printDate(at('2026-09-30T16:30:00.000Z'), SH)).toBe('2026-10-01');
    expect(printTime(at('2026-09-30T16:30:00.000Z'), SH)).toBe('00:30');
    expect(printDateTime(at('2026-10-09T01:05:00.000Z'), SH)).toBe('2026-10-09 09:05');
  });

  it('prints nothing for a step not taken yet', () => {
    expect(printDate(undefined, SH)).toBe('');
    expect(printTime(undefined, SH)).toBe('');
    expect(printDateTime(undefined, SH)).toBe('');
  });
});
