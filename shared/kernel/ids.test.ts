import { describe, expect, it } from 'vitest';
import type { CaseId } from './brand';
import { isUuidV7, newId, uuidV7Time } from './ids';

const T = Date.UTC(2026, 9, 9, 1, 30);

function bytes(fill: number): Uint8Array {
  return new Uint8Array(16).fill(fill);
}

describe('newId', () => {
  it('makes a lower-case UUIDv7 that holds the time', () => {
    const id = newId<CaseId>(T);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(isUuidV7(id)).toBe(true);
    expect(uuidV7Time(id)).toBe(T);
  });

  it('sorts ids of later milliseconds after earlier ones, whatever the random bytes', () => {
    const times = [0, 1, T - 1000, T, T + 1, T + 86_400_000, 2 ** 48 - 1];
    const ids = times.map((ms, i) => newId(ms, bytes(i % 2 === 0 ? 0xff : 0x00)));
    expect([...ids].sort()).toEqual(ids);
  });

  it('gives different ids in the same millisecond', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newId(T)));
    expect(ids.size).toBe(1000);
  });

  it('is deterministic when given the random bytes', () => {
    expect(newId(T, bytes(7))).toBe(newId(T, bytes(7)));
    expect(newId(T, bytes(7))).not.toBe(newId(T, bytes(8)));
  });

  it('drops a fraction of a millisecond', () => {
    expect(uuidV7Time(newId(T + 0.75))).toBe(T);
  });

  it.each([-1, 2 ** 48, Number.NaN, Number.POSITIVE_INFINITY])('refuses the time %s', (ms) => {
    expect(() => newId(ms)).toThrow(/out of range/);
  });

  it('refuses fewer than 16 random bytes', () => {
    expect(() => newId(T, new Uint8Array(15))).toThrow(/16 bytes/);
  });
});

describe('isUuidV7', () => {
  it.each([
    ['', false],
    ['not-a-uuid', false],
    // version 4
    ['0192b2a4-3c80-4d5e-9f00-123456789abc', false],
    // wrong variant
    ['0192b2a4-3c80-7d5e-cf00-123456789abc', false],
    // upper case is not what newId makes
    ['0192B2A4-3C80-7D5E-9F00-123456789ABC', false],
    ['0192b2a4-3c80-7d5e-9f00-123456789abc', true],
  ])('%j -> %s', (s, expected) => {
    expect(isUuidV7(s)).toBe(expected);
  });

  it('has no time for what is not a UUIDv7', () => {
    expect(uuidV7Time('nope')).toBeUndefined();
  });
});
