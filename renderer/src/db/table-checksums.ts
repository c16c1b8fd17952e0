/**
 * A checksum of every table of the database, to prove that a refused write left it byte for
 * byte as it was (the hostile-file tests and the storage-fault tests compare them before and
 * after). The tables are enumerated from `db.tables`, so a table added later is covered without
 * touching this file.
 *
 * Each row is written out canonically (object keys sorted, every value tagged with its type, so
 * `1` and `"1"`, a Date and its ISO text, an ArrayBuffer and an array of numbers all differ) in
 * primary-key order, and the whole table is hashed with SHA-256 (@noble/hashes, streaming).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type Dexie from 'dexie';

/** Table name → `rows:<count> sha256:<hex>`. */
export type TableChecksums = Readonly<Record<string, string>>;

function canonical(value: unknown, seen: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'undefined':
      return 'u';
    case 'string':
      return `s${JSON.stringify(value)}`;
    case 'number':
      // -0 and NaN survive IndexedDB's structured clone; JSON would fold them.
      return `n${Object.is(value, -0) ? '-0' : String(value)}`;
    case 'boolean':
      return value ? 't' : 'f';
    case 'bigint':
      return `b${value.toString()}`;
    case 'object':
      break;
    default:
      return `?${typeof value}`;
  }
  const object = value as object;
  if (seen.has(object)) return 'cycle';
  seen.add(object);
  try {
    if (object instanceof Date)
      return `d${Number.isNaN(object.getTime()) ? 'NaN' : object.toISOString()}`;
    if (object instanceof ArrayBuffer) return `ab${bytesToHex(new Uint8Array(object))}`;
    if (ArrayBuffer.isView(object)) {
      const bytes = new Uint8Array(object.buffer, object.byteOffset, object.byteLength);
      return `${object.constructor.name}${bytesToHex(bytes)}`;
    }
    if (typeof Blob !== 'undefined' && object instanceof Blob) {
      // Blob bytes cannot be read synchronously; size and type stand for them (the attachment
      // tables key blobs by the SHA-256 of their bytes, which is in the row).
      return `blob${object.size}:${JSON.stringify(object.type)}`;
    }
    if (Array.isArray(object)) return `[${object.map((v) => canonical(v, seen)).join(',')}]`;
    if (object instanceof Map) {
      const entries = [...object.entries()].map(
        ([k, v]) => `${canonical(k, seen)}:${canonical(v, seen)}`,
      );
      return `map{${entries.sort().join(',')}}`;
    }
    if (object instanceof Set) {
      return `set{${[...object]
        .map((v) => canonical(v, seen))
        .sort()
        .join(',')}}`;
    }
    const record = object as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(record[k], seen)}`).join(',')}}`;
  } finally {
    seen.delete(object);
  }
}

/** One row, canonically; exported for its test. */
export function canonicalRow(row: unknown): string {
  return canonical(row, new Set());
}

/** The checksum of every table of `db`, read in one read-only transaction. */
export async function tableChecksums(db: Dexie): Promise<TableChecksums> {
  const tables = [...db.tables].sort((a, b) => a.name.localeCompare(b.name));
  return db.transaction('r', tables, async () => {
    const sums: Record<string, string> = {};
    for (const table of tables) {
      const hash = sha256.create();
      let count = 0;
      // Primary-key order; each row on its own line, its key first.
      await table.toCollection().each((row, cursor) => {
        hash.update(
          utf8ToBytes(`${canonical(cursor.primaryKey, new Set())}\t${canonicalRow(row)}\n`),
        );
        count += 1;
      });
      sums[table.name] = `rows:${count} sha256:${bytesToHex(hash.digest())}`;
    }
    return sums;
  });
}
