/**
 * The desk's IndexedDB database (DESIGN.md "Data model"). Only repositories in `repos/` use it;
 * components go through them.
 *
 * Versions are append-only: never edit `SCHEMA_V1` once released. A change is a new file
 * (`schema-v2.ts`) listing only the tables that change, registered below as
 *
 *   this.version(2).stores(SCHEMA_V2).upgrade((tx) =>
 *     tx.table('cases').toCollection().modify((row) => { Object.assign(row, caseRowV2(row)); }));
 *
 * with the per-row transform a pure function in `shared/`, and a test next to it that seeds a
 * database at version 1 (a bare `new Dexie(name).version(1).stores(SCHEMA_V1)`), closes it,
 * reopens it with `DeskDatabase` and compares the rows. Version 1 has nothing to upgrade from.
 *
 * `tallies` and `dayCounts` hold derived counts of cases (shared/register/tallies.ts), kept by the middleware in
 * `tallies-middleware.ts` on every write of cases and rebuilt from the indexes when missing
 * (repos/tallies.ts): never sync, export or back it up.
 */
import Dexie, { type Table } from 'dexie';
import type { AuditId, CaseId, CustomerId, EventId, StaffId, UnitId } from '@shared/kernel/brand';
import type {
  AuditEntity,
  CaseEntity,
  CaseEventEntity,
  CustomerEntity,
  DraftEntity,
  FileChunkEntity,
  FileEntity,
  KnowledgeEntity,
  KnowledgeId,
  OutboxEntity,
  SettingsEntity,
  SettingsKey,
  StaffEntity,
  UnitEntity,
} from '@shared/model/entities';
import {
  talliesEmpty,
  talliesRow,
  type CaseTalliesEntity,
  type TALLIES_KEY,
} from '@shared/register/tallies';
import { DAY_COUNTS_MARKER, type DayCountEntity } from '@shared/register/day-counts';
import { auditChainAll } from '@shared/audit/chain';
import { isSyncQueuing } from '@shared/sync/outbox';
import type { CredentialEntity } from '@shared/access/credentials';
import { SCHEMA_V1 } from './schema-v1';
import { SCHEMA_V2 } from './schema-v2';
import { SCHEMA_V3 } from './schema-v3';
import { SCHEMA_V4 } from './schema-v4';
import { dayCountsBuild } from './repos/day-counts';
import { statsStampsMiddleware } from './stats-stamps-middleware';
import { talliesMiddleware } from './tallies-middleware';

export const DESK_DATABASE_NAME = 'complaint-desk';

// Ids are generated on the desk (UUIDv7) before every insert, so each table's key is required
// on insert: `Table<T, K>` rather than `EntityTable`, which would make the id optional.
export class DeskDatabase extends Dexie {
  declare readonly cases: Table<CaseEntity, CaseId>;
  declare readonly events: Table<CaseEventEntity, EventId>;
  declare readonly customers: Table<CustomerEntity, CustomerId>;
  declare readonly units: Table<UnitEntity, UnitId>;
  declare readonly staff: Table<StaffEntity, StaffId>;
  declare readonly settings: Table<SettingsEntity, SettingsKey>;
  declare readonly audit: Table<AuditEntity, AuditId>;
  declare readonly outbox: Table<OutboxEntity, EventId>;
  declare readonly knowledge: Table<KnowledgeEntity, KnowledgeId>;
  declare readonly drafts: Table<DraftEntity, string>;
  declare readonly tallies: Table<CaseTalliesEntity, typeof TALLIES_KEY>;
  /** The register's day counts (shared/register/day-counts.ts), kept by the tallies middleware. */
  declare readonly dayCounts: Table<DayCountEntity, [string, string, string]>;
  /** Password hashes and sign-in state, never in `staff` (repos/accounts.ts). */
  declare readonly credentials: Table<CredentialEntity, StaffId>;
  /** Attachments' contents by SHA-256 (repos/attachments.ts); never inside a case row. */
  declare readonly files: Table<FileEntity, string>;
  declare readonly fileChunks: Table<FileChunkEntity, [string, number]>;

  constructor(name: string = DESK_DATABASE_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    // Entries written before the chain existed are chained in the order they happened.
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade(async (tx) => {
        const audit = tx.table<AuditEntity, AuditId>('audit');
        const rows = await audit.toArray();
        if (rows.length === 0) return;
        await audit.clear();
        await audit.bulkAdd(auditChainAll(rows));
      });
    // The register's day counts, built from the cases already stored (repos/day-counts.ts).
    this.version(3)
      .stores(SCHEMA_V3)
      .upgrade((tx) => dayCountsBuild(tx.table('cases'), tx.table('dayCounts')));
    // A desk that does not sync drops the outbox rows nobody would push (schema-v4.ts).
    this.version(4)
      .stores(SCHEMA_V4)
      .upgrade(async (tx) => {
        const sync = await tx.table<SettingsEntity<'sync'>, SettingsKey>('settings').get('sync');
        if (!isSyncQueuing(sync?.value)) await tx.table('outbox').clear();
      });
    this.use(talliesMiddleware());
    // The statistics cache's change stamps, with every write of cases (stats-stamps-middleware.ts).
    this.use(statsStampsMiddleware());
    // A new database has no cases: its tallies are known. One written before tallies existed
    // gets the table without a row, and the first read counts it.
    this.on('populate', async (tx) => {
      await tx.table<CaseTalliesEntity>('tallies').add(talliesRow(talliesEmpty()));
      await tx.table<DayCountEntity>('dayCounts').add(DAY_COUNTS_MARKER);
    });
  }
}

/** A database handle (opened lazily by Dexie on first use); tests pass a fresh name. */
export function openDeskDatabase(name: string = DESK_DATABASE_NAME): DeskDatabase {
  return new DeskDatabase(name);
}

/**
 * Which IndexedDB database is the desk's: a restore builds a new database beside the current one
 * and, once it is complete, switches this one pointer to it (a single synchronous write), so the
 * desk never opens a half-filled database. Absent: the original name.
 */
export const DESK_DATABASE_POINTER_KEY = 'complaint-desk.database';

function pointerStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    // Storage access can throw in a sandboxed frame; the desk then keeps the original name.
    return undefined;
  }
}

/** The name of the desk's current database. */
export function deskDatabaseActiveName(): string {
  return pointerStorage()?.getItem(DESK_DATABASE_POINTER_KEY) ?? DESK_DATABASE_NAME;
}

/** Makes `name` the desk's database from the next start on. */
export function deskDatabaseActivate(name: string): void {
  const storage = pointerStorage();
  if (!storage) throw new Error('No storage for the database pointer');
  if (name === DESK_DATABASE_NAME) storage.removeItem(DESK_DATABASE_POINTER_KEY);
  else storage.setItem(DESK_DATABASE_POINTER_KEY, name);
}

/**
 * Databases that must not outlive what made them: a restore's new database while it is filled,
 * and the replaced one until it is deleted. Noted before the work and struck off after it, so a
 * window closed in between leaves a note, and the next start removes what it names
 * (repos/backup.ts `deskDatabaseLeftoversRemove`). A database nobody noted is never removed.
 */
export const DESK_DATABASE_LEFTOVERS_KEY = 'complaint-desk.leftovers';

/** The databases noted as leftovers (a damaged note reads as none). */
export function deskDatabaseLeftovers(): string[] {
  const text = pointerStorage()?.getItem(DESK_DATABASE_LEFTOVERS_KEY);
  if (!text) return [];
  try {
    const names: unknown = JSON.parse(text);
    return Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : [];
  } catch {
    return [];
  }
}

function leftoversStore(names: readonly string[]): void {
  const storage = pointerStorage();
  if (!storage) return;
  if (names.length === 0) storage.removeItem(DESK_DATABASE_LEFTOVERS_KEY);
  else storage.setItem(DESK_DATABASE_LEFTOVERS_KEY, JSON.stringify(names));
}

/** Notes `name` as a leftover until `deskDatabaseLeftoverDone(name)`. */
export function deskDatabaseLeftoverNote(name: string): void {
  const names = deskDatabaseLeftovers();
  if (!names.includes(name)) leftoversStore([...names, name]);
}

/** Strikes `name` off the leftovers: it was removed, or it became the desk's database. */
export function deskDatabaseLeftoverDone(name: string): void {
  leftoversStore(deskDatabaseLeftovers().filter((n) => n !== name));
}

let deskDatabase: DeskDatabase | undefined;

/** The application's one database, created on first call. */
export function getDeskDatabase(): DeskDatabase {
  deskDatabase ??= openDeskDatabase(deskDatabaseActiveName());
  return deskDatabase;
}
