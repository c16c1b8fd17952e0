/**
 * Whether two lists of printed documents would print the same pages: a live query that reads
 * the same cases again builds equal documents in new objects, and laying out a month's
 * register again for nothing costs seconds. Images are compared by identity (their bytes are
 * not read); everything else by value.
 */
import type { PrintDocument } from './model';

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (a instanceof Blob || b instanceof Blob) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  return keys.every((key) => Object.hasOwn(right, key) && same(left[key], right[key]));
}

export function printDocumentsSame(
  a: readonly PrintDocument[],
  b: readonly PrintDocument[],
): boolean {
  return same(a, b);
}
