import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseId, IsoInstant } from '../kernel/brand';
import { instantFromMs } from '../calendar/local-time';
import type { CaseEntity } from '../model/entities';
import { PROPERTY_PRESET } from '../rules/presets/property';
import { periodInstantRange, periodOfMonth, periodOfQuarter } from './period';
import { statsQuarterly } from './quarterly';
import { statsReport } from './report';
import {
  STATS_STAMP_ALL,
  STATS_STAMP_LINKED,
  statsStampKeyOf,
  statsStampKeysOfCase,
  statsStampKeysOfRange,
  statsStampKeysOfRead,
  statsValidUntil,
} from './stamps';
import { FIXTURE_CTX, FIXTURE_TZ, shanghai, statsFixture } from './test-fixture';

const november = periodOfMonth(2026, 11, 25);
const novemberInstants = periodInstantRange(november, FIXTURE_TZ);
const at = (s: string) => s as IsoInstant;
const id = (s: string) => s as CaseId;

describe('change stamp keys', () => {
  it('keys a case by the UTC day it was received', () => {
    expect(statsStampKeyOf(at('2026-11-03T23:59:59.999Z'))).toBe('changes:2026-11-03');
    // 08:00 in Shanghai on 4 November is still 3 November in UTC.
    expect(statsStampKeyOf(shanghai('2026-11-04T07:59'))).toBe('changes:2026-11-03');
  });

  it('lists every UTC day a period touches, its partial first and last days included', () => {
    const keys = statsStampKeysOfRange(novemberInstants);
    // 2026-10-24T16:00Z to 2026-11-24T16:00Z: 31 local days over 32 UTC days.
    expect(keys).toHaveLength(32);
    expect(keys[0]).toBe('changes:2026-10-24');
    expect(keys.at(-1)).toBe('changes:2026-11-24');
    expect(
      statsStampKeysOfRange({
        from: at('2026-11-03T00:00:00.000Z'),
        to: at('2026-11-04T00:00:00.000Z'),
      }),
    ).toEqual(['changes:2026-11-03']);
  });

  it('stamps a linked report under its day and the linked stamp', () => {
    const lead = { id: id('a'), matterId: id('a'), receivedAt: at('2026-11-03T02:00:00.000Z') };
    expect(statsStampKeysOfCase(lead)).toEqual(['changes:2026-11-03']);
    expect(statsStampKeysOfCase({ ...lead, id: id('b') })).toEqual([
      'changes:2026-11-03',
      STATS_STAMP_LINKED,
    ]);
  });

  it('makes a read depend on its days, the days of earlier reports read, and linking', () => {
    const inside = { id: id('b'), matterId: id('a'), receivedAt: at('2026-11-03T02:00:00.000Z') };
    const earlier = { id: id('a'), matterId: id('a'), receivedAt: at('2026-09-01T02:00:00.000Z') };
    const keys = statsStampKeysOfRead(novemberInstants, [inside, earlier]);
    expect(keys).toContain('changes:2026-09-01');
    expect(keys).toContain(STATS_STAMP_LINKED);
    expect(keys).toContain(STATS_STAMP_ALL);
    expect(keys).toHaveLength(32 + 3);
    // Without linked reports nothing outside the days of the period counts.
    expect(statsStampKeysOfRead(novemberInstants, [{ ...inside, matterId: id('b') }])).toEqual(
      [...statsStampKeysOfRange(novemberInstants), STATS_STAMP_ALL].sort(),
    );
  });
});

describe('statsValidUntil', () => {
  const cases = statsFixture();
  const quarter = periodOfQuarter(2026, 4, 25);
  const input = { cases, rules: PROPERTY_PRESET, deadlineContext: FIXTURE_CTX };
  const month = (asOf: IsoInstant) => statsReport({ ...input, range: november, asOf });
  const quarterly = (asOf: IsoInstant) => statsQuarterly({ ...input, quarter, asOf });
  /** The figures without the time they were counted at. */
  const timeless = (value: unknown) =>
    JSON.parse(
      JSON.stringify(value, (key, v: unknown) => (key === 'asOf' ? undefined : v)),
    ) as unknown;

  it('is the next local midnight at the latest', () => {
    expect(statsValidUntil([], shanghai('2026-11-25T09:00'), FIXTURE_TZ)).toBe(
      shanghai('2026-11-26T00:00'),
    );
  });

  it('stops at the first owed deadline still to pass', () => {
    const open: Pick<CaseEntity, 'openDueAt' | 'dispatchOpenDueAt' | 'interimOpenDueAt'>[] = [
      { openDueAt: shanghai('2026-11-25T08:00') },
      { dispatchOpenDueAt: shanghai('2026-11-25T17:30') },
      { interimOpenDueAt: shanghai('2026-11-25T12:00') },
    ];
    expect(statsValidUntil(open, shanghai('2026-11-25T09:00'), FIXTURE_TZ)).toBe(
      shanghai('2026-11-25T12:00'),
    );
  });

  it('keeps the figures the same until then (month and quarter), and they change after a deadline passes', () => {
    const start = Date.parse(shanghai('2026-10-25T00:00'));
    const end = Date.parse(shanghai('2026-12-20T00:00'));
    fc.assert(
      fc.property(
        fc.integer({ min: start, max: end }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (asOfMs, fraction) => {
          const asOf = instantFromMs(asOfMs);
          const until = Date.parse(statsValidUntil(cases, asOf, FIXTURE_TZ));
          expect(until).toBeGreaterThan(asOfMs - 1);
          const later = instantFromMs(asOfMs + Math.floor((until - 1 - asOfMs) * fraction));
          expect(timeless(month(later))).toEqual(timeless(month(asOf)));
          expect(timeless(quarterly(later))).toEqual(timeless(quarterly(asOf)));
        },
      ),
      // Each run counts a month and a quarter twice: a few runs over random instants suffice.
      { numRuns: 6 },
    );
    // The bound is not vacuous: just past an open matter's deadline its month counts it overdue.
    const due = cases.map((c) => c.openDueAt).find((d) => d !== undefined);
    expect(due).toBeDefined();
    if (!due) return;
    const before = instantFromMs(Date.parse(due) - 60_000);
    expect(statsValidUntil(cases, before, FIXTURE_TZ) <= due).toBe(true);
    expect(month(instantFromMs(Date.parse(due) + 1)).timeliness.openOverdue).toBeGreaterThan(
      month(before).timeliness.openOverdue,
    );
  }, 120_000);
});
