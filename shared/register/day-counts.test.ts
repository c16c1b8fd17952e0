import { describe, expect, it } from 'vitest';
import type { IsoInstant } from '../kernel/brand';
import {
  countDeltas,
  countRange,
  dayCountsOf,
  isCountChange,
  type CountedCase,
} from './day-counts';

const at = (s: string) => s as IsoInstant;

describe('countRange', () => {
  it('splits a range of local days into whole UTC days and the hours at either end', () => {
    // 1 to 30 November in Shanghai (UTC+8).
    expect(countRange(at('2026-10-31T16:00:00.000Z'), at('2026-11-30T16:00:00.000Z'))).toEqual({
      days: ['2026-11-01', '2026-11-30'],
      edges: [
        ['2026-10-31T16:00:00.000Z', '2026-11-01T00:00:00.000Z'],
        ['2026-11-30T00:00:00.000Z', '2026-11-30T16:00:00.000Z'],
      ],
    });
  });

  it('reads no edge at a UTC midnight, and open ends reach every day', () => {
    expect(countRange(at('2026-11-01T00:00:00.000Z'), undefined)).toEqual({
      days: ['2026-11-01', '~'],
      edges: [],
    });
    expect(countRange(undefined, at('2026-11-03T00:00:00.000Z'))).toEqual({
      days: ['0', '2026-11-03'],
      edges: [],
    });
    expect(countRange(undefined, undefined)).toEqual({ days: 'every', edges: [] });
  });

  it('reads the cases of a range shorter than a whole day, and nothing of an empty one', () => {
    expect(countRange(at('2026-11-03T16:00:00.000Z'), at('2026-11-04T16:00:00.000Z'))).toEqual({
      edges: [['2026-11-03T16:00:00.000Z', '2026-11-04T16:00:00.000Z']],
    });
    expect(countRange(at('2026-11-04T16:00:00.000Z'), at('2026-11-04T16:00:00.000Z'))).toEqual({
      edges: [],
    });
  });
});

describe('day counts of cases', () => {
  const a: CountedCase = {
    status: 'accepted',
    receivedAt: '2026-11-03T02:00:00.000Z' as IsoInstant,
    kindId: 'complaint',
    levelId: 'general',
    channelId: 'phone',
    unitId: 'u1' as CountedCase['unitId'],
    categoryId: 'lift',
    handlerName: ' 李强 ',
  };

  it('count every case, and each filter value it has, per day and status and on every day', () => {
    const facets = [
      '*',
      'kindId=complaint',
      'levelId=general',
      'channelId=phone',
      'unitId=u1',
      'categoryId=lift',
    ];
    const rows = (status: string, handler: boolean) =>
      [...facets, ...(handler ? ['handlerName=李强'] : [])].flatMap((facet) => [
        { facet, day: '2026-11-03', status, n: 1 },
        { facet, day: '*', status, n: 1 },
      ]);
    expect(dayCountsOf([a, { ...a, status: 'closed', handlerName: '' }])).toEqual([
      ...rows('accepted', true),
      ...rows('closed', false),
    ]);
    expect(
      dayCountsOf([a, { ...a, receivedAt: '2026-11-04T02:00:00.000Z' as IsoInstant }]),
    ).toContainEqual({ facet: 'kindId=complaint', day: '*', status: 'accepted', n: 2 });
  });

  it('move only the rows a change moves', () => {
    expect(isCountChange(a, { ...a })).toBe(false);
    expect(countDeltas([[a, { ...a }]])).toEqual([]);
    expect(countDeltas([[a, { ...a, unitId: 'u2' as CountedCase['unitId'] }]])).toEqual([
      { key: ['unitId=u1', '2026-11-03', 'accepted'], delta: -1 },
      { key: ['unitId=u1', '*', 'accepted'], delta: -1 },
      { key: ['unitId=u2', '2026-11-03', 'accepted'], delta: 1 },
      { key: ['unitId=u2', '*', 'accepted'], delta: 1 },
    ]);
    expect(
      countDeltas([
        [undefined, a],
        [a, undefined],
      ]),
    ).toEqual([]);
  });
});
