import { describe, expect, it } from 'vitest';
import type { IsoInstant } from './brand';
import { instantToLocalDateTime, localDateTimeToInstant } from './time';

describe('localDateTimeToInstant', () => {
  it.each([
    ['2026-09-30T10:00', 'Asia/Shanghai', '2026-09-30T02:00:00.000Z'],
    ['2026-01-01T00:30', 'Asia/Shanghai', '2025-12-31T16:30:00.000Z'],
    ['2026-07-01T12:00', 'Europe/London', '2026-07-01T11:00:00.000Z'],
    ['2026-12-01T12:00:30', 'Europe/London', '2026-12-01T12:00:30.000Z'],
  ])('%s in %s is %s', (text, zone, expected) => {
    expect(localDateTimeToInstant(text, zone)).toBe(expected);
  });

  it.each([
    '',
    '2026-09-30',
    '2026-02-30T10:00',
    '2026-13-01T10:00',
    '2026-09-30T24:00',
    'yesterday',
  ])('refuses %j', (text) => {
    expect(localDateTimeToInstant(text, 'Asia/Shanghai')).toBeUndefined();
  });
});

describe('instantToLocalDateTime', () => {
  it('shows the local wall time of the zone', () => {
    const instant = '2026-09-30T02:00:00.000Z' as IsoInstant;
    expect(instantToLocalDateTime(instant, 'Asia/Shanghai')).toBe('2026-09-30T10:00');
    expect(instantToLocalDateTime(instant, 'Europe/London')).toBe('2026-09-30T03:00');
  });

  it('round-trips with localDateTimeToInstant', () => {
    const text = '2026-02-13T17:45';
    const instant = localDateTimeToInstant(text, 'Asia/Shanghai');
    expect(instant).toBeDefined();
    expect(instantToLocalDateTime(instant as IsoInstant, 'Asia/Shanghai')).toBe(text);
  });
});
