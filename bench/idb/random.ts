/** A seeded random source, so every generated desk has the same shape (ids still differ). */
export interface Random {
  /** A number in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** Whether an event of probability `p` happens. */
  chance(p: number): boolean;
  /** An item drawn with the given relative weights. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** 16 random bytes (for UUIDv7 ids). */
  bytes16(): Uint8Array;
}

/** mulberry32: small, fast and good enough for test data. */
export function randomSeeded(seed: number): Random {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random: Random = {
    bytes16: () => {
      const bytes = new Uint8Array(16);
      const words = new Uint32Array(bytes.buffer);
      for (let i = 0; i < 4; i++) words[i] = Math.floor(next() * 4294967296);
      return bytes;
    },
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('random.pick: empty list');
      return item;
    },
    chance: (p) => next() < p,
    weighted: (items) => {
      const total = items.reduce((sum, [, weight]) => sum + weight, 0);
      let r = next() * total;
      for (const [item, weight] of items) {
        r -= weight;
        if (r < 0) return item;
      }
      const last = items[items.length - 1];
      if (last === undefined) throw new Error('random.weighted: empty list');
      return last[0];
    },
  };
  return random;
}
