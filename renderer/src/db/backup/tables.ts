/**
 * Which tables a backup holds, read from the Dexie schema (never a hand list), and the stores of
 * each schema version, so a restore can build a database at the backup's own version and let
 * Dexie upgrade it the normal way.
 */
import type Dexie from 'dexie';
import type { Table } from 'dexie';
import { SCHEMA_V1 } from '../schema-v1';
import { SCHEMA_V2 } from '../schema-v2';
import { SCHEMA_V3 } from '../schema-v3';
import { SCHEMA_V4 } from '../schema-v4';

/** Derived tables: rebuilt after a restore, never backed up. */
export const BACKUP_SKIPPED_TABLES: readonly string[] = ['tallies', 'dayCounts'];

/** The stores each version declares (Dexie keeps a table unchanged unless a version lists it). */
export const SCHEMA_VERSIONS: readonly (Readonly<Record<string, string>> | undefined)[] = [
  undefined,
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
];

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS.length - 1;

/** The tables of a schema version, minus derived ones; undefined for a version we do not know. */
export function backupTablesOfVersion(version: number): readonly string[] | undefined {
  if (!Number.isInteger(version) || version < 1 || version > CURRENT_SCHEMA_VERSION)
    return undefined;
  const names = new Set<string>();
  for (let v = 1; v <= version; v++) {
    for (const name of Object.keys(SCHEMA_VERSIONS[v] ?? {})) names.add(name);
  }
  return [...names].filter((name) => !BACKUP_SKIPPED_TABLES.includes(name));
}

/** The tables of an open database to back up, in the schema's order. */
export function backupTablesOf(db: Dexie): Table[] {
  return db.tables.filter((table) => !BACKUP_SKIPPED_TABLES.includes(table.name));
}

/** Declares versions 1..`version` on a bare Dexie (no middleware, no populate). */
export function schemaDeclareUpTo(db: Dexie, version: number): void {
  for (let v = 1; v <= version; v++) {
    const stores = SCHEMA_VERSIONS[v];
    if (stores) db.version(v).stores({ ...stores });
  }
}
