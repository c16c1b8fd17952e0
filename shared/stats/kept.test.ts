import { describe, expect, it } from 'vitest';
import {
  STATS_KEPT_VERSION,
  isStatsKeptKey,
  statsKeptDataKey,
  statsKeptEvicted,
  statsKeptFromRow,
  statsKeptRow,
  statsKeptSettingsOf,
  statsKeptStateOf,
  statsKeptUsedKey,
  type StatsKept,
} from './kept';
import { EMPTY_FOLLOW_UP, EMPTY_TIMELINESS, type ReportFigures } from './figures';
import type { IsoDate, IsoInstant } from '../kernel/brand';

const FIGURES: ReportFigures = {
  range: { first: '2026-10-25' as IsoDate, last: '2026-11-24' as IsoDate },
  asOf: '2026-11-26T01:00:00.000Z' as IsoInstant,
  matters: 3,
  reports: 4,
  validComplaints: 2,
  invalidComplaints: 0,
  requests: 1,
  byKind: { complaint: 2, request: 1 },
  byCategory: { 'complaint/lift': 2, 'request/': 1 },
  byLevel: {},
  byFinalCause: { '': 3 },
  timeliness: { ...EMPTY_TIMELINESS, openInTime: 3 },
  followUp: EMPTY_FOLLOW_UP,
  byUnit: { '': { matters: 3, timeliness: EMPTY_TIMELINESS, followUp: EMPTY_FOLLOW_UP } },
  byHandler: {},
  notable: [
    {
      number: '2611-0001',
      subject: '电梯异响',
      kindId: 'complaint',
      receivedAt: '2026-11-03T02:00:00.000Z' as IsoInstant,
      status: 'accepted',
      major: false,
      overdue: true,
      // An optional field left out is not written as undefined.
    },
  ],
};

const KEPT: StatsKept = {
  settings: 'abc',
  stampKeys: ['changes:2026-11-03', 'changes:all'],
  stamps: ['0193-a', null],
  validUntil: 2_000,
  result: { kind: 'month', figures: FIGURES },
};

describe('kept figures', () => {
  it.each([
    ['the same settings, stamps and a clock before valid-until', {}, 'valid'],
    ['a stamp never written is still never written', { stamps: ['0193-a', undefined] }, 'valid'],
    ['a case of one of the days changed', { stamps: ['0193-b', null] }, 'stale'],
    ['a delete somewhere (changes:all)', { stamps: ['0193-a', '0193-c'] }, 'stale'],
    ['the clock reached valid-until', { nowMs: 2_000 }, 'stale'],
    ['other rules or another calendar', { settings: 'abd' }, 'otherSettings'],
  ] as const)('%s: %s', (_, change, state) => {
    const current = { settings: 'abc', nowMs: 1_999, stamps: ['0193-a', null], ...change };
    expect(statsKeptStateOf(KEPT, current)).toBe(state);
  });

  it('without a valid-until time, are not made stale by the clock', () => {
    const current = { settings: 'abc', nowMs: Number.MAX_SAFE_INTEGER, stamps: KEPT.stamps };
    expect(statsKeptStateOf({ ...KEPT, validUntil: null }, current)).toBe('valid');
  });

  it('survive a JSON and a structured-clone round trip of their row unchanged', () => {
    const row = statsKeptRow('month:2026-11:report', KEPT);
    expect(row.key).toBe('figures:data:month:2026-11:report');
    expect(statsKeptFromRow(structuredClone(row))).toStrictEqual(KEPT);
    // JSON drops undefined fields and has no Infinity: the row holds neither.
    expect(statsKeptFromRow(JSON.parse(JSON.stringify(row)))).toStrictEqual(KEPT);
    const forever = statsKeptRow('perPerson:2026', { ...KEPT, validUntil: null });
    expect(statsKeptFromRow(JSON.parse(JSON.stringify(forever)))?.validUntil).toBeNull();
  });

  it.each([
    ['another version', { version: STATS_KEPT_VERSION + 1 }],
    ['stamps that do not match their keys', { stamps: ['0193-a'] }],
    ['a stamp of another type', { stamps: ['0193-a', 3] }],
    ['no result', { result: undefined }],
    ['a result of an unknown kind', { result: { kind: 'week' } }],
    ['no settings', { settings: undefined }],
  ])('are refused when read with %s', (_, change) => {
    expect(statsKeptFromRow({ ...statsKeptRow('u', KEPT), ...change })).toBeUndefined();
  });

  it('live under their own prefix in the tallies table, apart from tallies and stamps', () => {
    expect(isStatsKeptKey(statsKeptDataKey('month:2026-11:report'))).toBe(true);
    expect(isStatsKeptKey(statsKeptUsedKey('month:2026-11:report'))).toBe(true);
    expect(isStatsKeptKey('cases')).toBe(false);
    expect(isStatsKeptKey('changes:2026-11-03')).toBe(false);
  });

  it('evict the least recently used beyond the limit', () => {
    const used = [
      { unit: 'a', usedAt: 30 },
      { unit: 'b', usedAt: 10 },
      { unit: 'c', usedAt: 20 },
    ];
    expect(statsKeptEvicted(used, 3)).toEqual([]);
    expect(statsKeptEvicted(used, 1)).toEqual(['b', 'c']);
  });

  it('key the settings by a digest that changes with them', () => {
    const a = statsKeptSettingsOf({ startDay: 25 }, { holidays: [] });
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(statsKeptSettingsOf({ startDay: 25 }, { holidays: [] })).toBe(a);
    expect(statsKeptSettingsOf({ startDay: 1 }, { holidays: [] })).not.toBe(a);
  });
});
