import { describe, expect, it } from 'vitest';
import type { HlcStamp } from './brand';
import {
  hlcCompare,
  hlcFormat,
  hlcIsFarAhead,
  hlcMax,
  hlcNext,
  hlcParse,
  hlcReceive,
  isHlcStamp,
} from './hlc';

const T = Date.UTC(2026, 9, 9, 1, 30);
const DESK = '0192b2a4-3c80-7d5e-9f00-123456789abc';

function stamp(wallMs: number, counter: number, nodeId = 'a'): HlcStamp {
  return hlcFormat({ wallMs, counter, nodeId });
}

describe('hlc format', () => {
  it('pads the wall time to 15 digits and the counter to 5', () => {
    expect(stamp(T, 3, DESK)).toBe(`00${T}-00003-${DESK}`);
  });

  it('parses what it formats, node ids with dashes included', () => {
    expect(hlcParse(stamp(T, 42, DESK))).toEqual({ wallMs: T, counter: 42, nodeId: DESK });
  });

  it.each([
    '',
    '1792461000000-00000-a',
    '001792461000000-0000-a',
    '001792461000000-00000-',
    '001792461000000-00000-a b',
    'x01792461000000-00000-a',
  ])('rejects the malformed stamp %j', (s) => {
    expect(hlcParse(s)).toBeUndefined();
    expect(isHlcStamp(s)).toBe(false);
  });

  it.each([
    { wallMs: -1, counter: 0, nodeId: 'a' },
    { wallMs: 10 ** 15, counter: 0, nodeId: 'a' },
    { wallMs: 1.5, counter: 0, nodeId: 'a' },
    { wallMs: T, counter: 100_000, nodeId: 'a' },
    { wallMs: T, counter: 0, nodeId: '' },
    { wallMs: T, counter: 0, nodeId: 'desk a' },
  ])('refuses to format %j', (parts) => {
    expect(() => hlcFormat(parts)).toThrow(/hlc/);
  });

  it('sorts as strings in the order of (wall time, counter, node)', () => {
    const ordered = [
      stamp(9, 0),
      stamp(10, 0, 'a'),
      stamp(10, 0, 'b'),
      stamp(10, 1),
      stamp(10, 10),
      stamp(11, 0),
      stamp(T, 0),
    ];
    expect([...ordered].reverse().sort()).toEqual(ordered);
    for (let i = 1; i < ordered.length; i++) {
      const [a, b] = [ordered[i - 1], ordered[i]] as [HlcStamp, HlcStamp];
      expect(hlcCompare(a, b)).toBeLessThan(0);
      expect(hlcCompare(b, a)).toBeGreaterThan(0);
      expect(hlcMax(a, b)).toBe(b);
      expect(hlcMax(b, a)).toBe(b);
    }
    expect(hlcCompare(stamp(10, 0), stamp(10, 0))).toBe(0);
  });
});

describe('hlcNext', () => {
  it('starts at the wall clock', () => {
    expect(hlcNext(undefined, T, 'a')).toBe(stamp(T, 0));
  });

  it('follows the wall clock when it moves on', () => {
    expect(hlcNext(stamp(T, 7), T + 5, 'a')).toBe(stamp(T + 5, 0));
  });

  it('counts within one millisecond', () => {
    expect(hlcNext(stamp(T, 7), T, 'a')).toBe(stamp(T, 8));
  });

  it('never goes back when the wall clock does', () => {
    const walls = [T, T + 10, T - 60_000, T - 60_000, T + 5, T + 11, 0];
    let last: HlcStamp | undefined;
    const stamps: HlcStamp[] = [];
    for (const wall of walls) {
      last = hlcNext(last, wall, 'a');
      stamps.push(last);
    }
    expect(stamps).toEqual([
      stamp(T, 0),
      stamp(T + 10, 0),
      stamp(T + 10, 1),
      stamp(T + 10, 2),
      stamp(T + 10, 3),
      stamp(T + 11, 0),
      stamp(T + 11, 1),
    ]);
  });

  it('rolls a full counter into the next millisecond', () => {
    expect(hlcNext(stamp(T, 99_999), T, 'a')).toBe(stamp(T + 1, 0));
  });

  it('drops a fraction of a millisecond', () => {
    expect(hlcNext(undefined, T + 0.9, 'a')).toBe(stamp(T, 0));
  });
});

describe('hlcReceive', () => {
  it.each([
    {
      name: 'wall clock ahead of both',
      local: stamp(T, 3),
      remote: stamp(T + 1, 9, 'b'),
      wall: T + 5,
      expected: stamp(T + 5, 0),
    },
    {
      name: 'remote ahead',
      local: stamp(T, 3),
      remote: stamp(T + 9, 4, 'b'),
      wall: T + 5,
      expected: stamp(T + 9, 5),
    },
    {
      name: 'local ahead',
      local: stamp(T + 9, 3),
      remote: stamp(T, 4, 'b'),
      wall: T + 5,
      expected: stamp(T + 9, 4),
    },
    {
      name: 'local and remote tie',
      local: stamp(T + 9, 3),
      remote: stamp(T + 9, 7, 'b'),
      wall: T,
      expected: stamp(T + 9, 8),
    },
    {
      name: 'no local stamp yet',
      local: undefined,
      remote: stamp(T + 9, 7, 'b'),
      wall: T,
      expected: stamp(T + 9, 8),
    },
    {
      name: 'no local stamp, wall ahead',
      local: undefined,
      remote: stamp(T, 7, 'b'),
      wall: T + 1,
      expected: stamp(T + 1, 0),
    },
    {
      name: 'remote counter full',
      local: stamp(T, 0),
      remote: stamp(T + 9, 99_999, 'b'),
      wall: T,
      expected: stamp(T + 10, 0),
    },
  ])('$name', ({ local, remote, wall, expected }) => {
    const next = hlcReceive(local, remote, wall, 'a');
    expect(next).toBe(expected);
    expect(hlcCompare(next, remote)).toBeGreaterThan(0);
    if (local) {
      expect(hlcCompare(next, local)).toBeGreaterThan(0);
    }
  });

  it('orders an answer after the event it answers, across desks with skewed clocks', () => {
    // Desk b's clock is ten minutes behind desk a's.
    const onA = hlcNext(undefined, T, 'a');
    const seenByB = hlcReceive(undefined, onA, T - 600_000, 'b');
    const answerOnB = hlcNext(seenByB, T - 599_000, 'b');
    expect(hlcCompare(answerOnB, onA)).toBeGreaterThan(0);
  });
});

describe('hlcIsFarAhead', () => {
  const maxSkew = 5 * 60_000;
  it.each([
    { remote: stamp(T, 0), expected: false },
    { remote: stamp(T - 86_400_000, 0), expected: false },
    { remote: stamp(T + maxSkew, 99), expected: false },
    { remote: stamp(T + maxSkew + 1, 0), expected: true },
    { remote: stamp(T + 365 * 86_400_000, 0), expected: true },
    { remote: 'garbage' as HlcStamp, expected: true },
  ])('$remote -> $expected', ({ remote, expected }) => {
    expect(hlcIsFarAhead(remote, T, maxSkew)).toBe(expected);
  });
});
