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

/** A document with its tables' rows left out: what must stay the same as rows are added. */
function frameOf(doc: PrintDocument): PrintDocument {
  return {
    ...doc,
    sections: doc.sections.map((section) =>
      section.type === 'table' ? { ...section, rows: [] } : section,
    ),
  };
}

/**
 * Whether `next` is `previous` with more rows at the end of its tables (a register read a part
 * at a time): everything else the same, and each table's rows those of `previous` (the same
 * objects, as the parts are joined) followed by others. The pages laid out so far then stand,
 * but for the last page of a table that grows.
 */
export function printDocumentContinues(previous: PrintDocument, next: PrintDocument): boolean {
  if (previous.sections.length !== next.sections.length) return false;
  const rowsContinue = previous.sections.every((section, index) => {
    const other = next.sections[index];
    if (section.type !== 'table') return true;
    if (other?.type !== 'table' || other.rows.length < section.rows.length) return false;
    return section.rows.every((row, i) => other.rows[i] === row);
  });
  return rowsContinue && same(frameOf(previous), frameOf(next));
}
