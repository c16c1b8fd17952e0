/**
 * Backups and restores of the desk's database: the one place the screens and the start-up call
 * (and the one function an access rule gates: `backupRestoreFromFile`). The format is
 * docs/backup-format.md; writing and reading are in db/backup/.
 */
import Dexie from 'dexie';
import type { IsoInstant, StaffId } from '@shared/kernel/brand';
import { newId } from '@shared/kernel/ids';
import { localMomentOf } from '@shared/calendar/local-time';
import {
  backupFileName,
  type BackupManifest,
  type BackupReason,
  type BackupRefusal,
} from '@shared/backup/format';
import type { BridgeFailureReason, DeskBridge } from '@shared/platform/bridge';
import {
  DESK_DATABASE_NAME,
  DeskDatabase,
  deskDatabaseActivate,
  deskDatabaseActiveName,
  deskDatabaseLeftoverDone,
  deskDatabaseLeftoverNote,
  deskDatabaseLeftovers,
} from '../database';
import { backupRead, type BackupReadOptions, type BackupValid } from '../backup/read';
import { backupRestoreInto } from '../backup/restore';
import { CURRENT_SCHEMA_VERSION } from '../backup/tables';
import { DEFAULT_TIME_ZONE } from '@shared/calendar/deadline';
import { backupWrite, type BackupSink } from '../backup/write';
import { sessionRequire } from '../access';
import type { DeskSession } from '../session';
import { auditRecord, type AuditInput } from './audit';

export type BackupMakeResult =
  | { readonly status: 'saved'; readonly path: string; readonly manifest: BackupManifest }
  | { readonly status: 'cancelled' }
  | {
      readonly status: 'failed';
      readonly reason: BridgeFailureReason | 'read-failed';
      readonly detail?: string;
    };

export interface BackupMakeRequest {
  readonly reason: BackupReason;
  readonly actorId: StaffId;
  readonly app: { readonly name: string; readonly version: string };
  readonly timeZone: string;
  readonly now: () => IsoInstant;
  readonly onProgress?: (progress: { table: string; records: number }) => void;
}

/** The file name of a backup made now: the desk's name and its local time. */
export function backupFileNameFor(deskLabel: string, at: IsoInstant, timeZone: string): string {
  const moment = localMomentOf(Date.parse(at), timeZone);
  const seconds = Math.floor(moment.msOfDay / 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(Math.floor(seconds / 3600))}${pad(Math.floor(seconds / 60) % 60)}${pad(seconds % 60)}`;
  return backupFileName(deskLabel, `${moment.date.replace(/-/g, '')}-${time}`);
}

/**
 * Makes a backup of `db` through the bridge (a file in the backup folder, a picked file or a
 * download) and records it in the audit log. Any failure drops the partial file.
 */
export async function backupMake(
  db: Dexie,
  bridge: Pick<DeskBridge, 'backupBegin' | 'backupWrite' | 'backupFinish' | 'backupCancel'>,
  request: BackupMakeRequest,
): Promise<BackupMakeResult> {
  const identity = (await db.table('settings').get('identity')) as
    { value?: { deskName?: string; deskCode?: string } } | undefined;
  const at = request.now();
  const fileName = backupFileNameFor(
    identity?.value?.deskCode ?? identity?.value?.deskName ?? 'desk',
    at,
    request.timeZone,
  );
  const begun = await bridge.backupBegin({ fileName, automatic: request.reason !== 'manual' });
  if (begun.status !== 'started') return begun;
  const token = begun.token;
  const sink: BackupSink = {
    async write(chunk) {
      const written = await bridge.backupWrite(token, chunk);
      if (written.status !== 'written') throw new SinkFailed(written.reason);
    },
  };
  let manifest: BackupManifest;
  try {
    manifest = await backupWrite(db, sink, {
      app: request.app,
      reason: request.reason,
      now: () => new Date(at),
      ...(request.onProgress ? { onProgress: request.onProgress } : {}),
    });
  } catch (error) {
    await bridge.backupCancel(token).catch(() => undefined);
    if (error instanceof SinkFailed) return { status: 'failed', reason: error.reason };
    return {
      status: 'failed',
      reason: 'read-failed',
      detail: error instanceof Error ? error.message : String(error),
    };
  }
  const saved = await bridge.backupFinish(token);
  if (saved.status !== 'saved') return saved;
  const entry: AuditInput = {
    at,
    actorId: request.actorId,
    action: 'backup.made',
    target: saved.path,
    detail: `${request.reason}; ${manifest.tables.map((t) => `${t.name} ${t.count}`).join(', ')}`,
  };
  if (db instanceof DeskDatabase) await auditRecord(db, entry);
  // A database about to be upgraded is open on its old schema only: its audit row is plain.
  else await db.table('audit').add({ id: newId(Date.parse(at)), ...entry });
  return { status: 'saved', path: saved.path, manifest };
}

class SinkFailed extends Error {
  constructor(readonly reason: BridgeFailureReason) {
    super(reason);
  }
}

/**
 * The latest backup known to this desk: the newest one it made, or the one it was restored from
 * (a restored desk's log ends before its backup was recorded), whichever is newer.
 */
export async function backupLast(
  db: DeskDatabase,
): Promise<{ readonly at: IsoInstant; readonly path?: string } | undefined> {
  // Audit ids are UUIDv7: the last key among the entries of an action is the newest.
  const [made, restored] = await Promise.all([
    db.audit.where('action').equals('backup.made').last(),
    db.audit.where('action').equals('backup.restored').last(),
  ]);
  const restoredAt =
    restored?.target && !Number.isNaN(Date.parse(restored.target)) ? restored.target : undefined;
  if (made && (!restoredAt || Date.parse(made.at) >= Date.parse(restoredAt))) {
    return { at: made.at, ...(made.target ? { path: made.target } : {}) };
  }
  return restoredAt ? { at: restoredAt as IsoInstant } : undefined;
}

/** Checks a backup file completely without touching anything (what the screen shows first). */
export async function backupCheck(
  file: Blob,
  options: BackupReadOptions = {},
): Promise<BackupValid | BackupRefusal> {
  return backupRead(file, options);
}

export type BackupRestoreResult =
  | { readonly status: 'restored'; readonly manifest: BackupManifest; readonly database: string }
  | { readonly status: 'refused'; readonly refusal: BackupRefusal }
  | { readonly status: 'safetyBackupFailed'; readonly result: BackupMakeResult }
  | { readonly status: 'failed'; readonly detail: string };

export interface BackupRestoreRequest {
  /**
   * Makes the backup of the current database first; nothing is restored unless it is saved.
   * `'empty'`: the desk holds nothing yet (restoring onto a new machine), so there is nothing to keep.
   */
  readonly safetyBackup: () => Promise<BackupMakeResult | 'empty'>;
  readonly readOptions?: BackupReadOptions;
  readonly onProgress?: (progress: { table: string; records: number }) => void;
}

/**
 * Restores the desk from a backup file: checks it completely; makes a backup of the current
 * database; fills a new database from the file (an older schema is upgraded by Dexie); records
 * the restore in the new database's audit log; then switches the desk to the new database in one
 * step and deletes the old one. The caller reloads the application. Until the switch nothing of
 * the current database has changed; on failure the new database is removed.
 */
export async function backupRestoreFromFile(
  session: DeskSession | null,
  current: DeskDatabase,
  file: Blob,
  request: BackupRestoreRequest,
): Promise<BackupRestoreResult> {
  // On a desk that is set up only an administrator replaces its data (`restore`); the set-up
  // screen (no session yet) restores onto an empty desk.
  if (session) sessionRequire(session, 'restore');
  const checked = await backupRead(file, request.readOptions);
  if (!checked.ok) return { status: 'refused', refusal: checked };
  const safety = await request.safetyBackup();
  if (safety !== 'empty' && safety.status !== 'saved') {
    return { status: 'safetyBackupFailed', result: safety };
  }
  const name = `${DESK_DATABASE_NAME}~${newId<string>(Date.now())}`;
  // A fill of a large desk takes minutes: a window closed meanwhile leaves the new database half
  // filled, and the next start removes it (noted here, struck off once it is the desk's).
  return restoreLockHeld(async (): Promise<BackupRestoreResult> => {
    deskDatabaseLeftoverNote(name);
    let restored: DeskDatabase;
    try {
      restored = await backupRestoreInto(
        checked,
        name,
        request.onProgress ? { onProgress: request.onProgress } : {},
      );
    } catch (error) {
      // backupRestoreInto has removed the new database.
      deskDatabaseLeftoverDone(name);
      return { status: 'failed', detail: error instanceof Error ? error.message : String(error) };
    }
    try {
      const at = (session?.now() ?? new Date().toISOString()) as IsoInstant;
      await auditRecord(restored, {
        at,
        actorId: session?.operator.id ?? ('' as StaffId),
        action: 'backup.restored',
        target: checked.manifest.createdAt,
        detail: `${checked.manifest.desk?.deskName ?? ''}; schema ${checked.manifest.schemaVersion}; ${checked.manifest.tables
          .map((t) => `${t.name} ${t.count}`)
          .join(', ')}`,
      });
      restored.close();
      deskDatabaseActivate(name);
    } catch (error) {
      restored.close();
      await Dexie.delete(name).catch(() => undefined);
      deskDatabaseLeftoverDone(name);
      return { status: 'failed', detail: error instanceof Error ? error.message : String(error) };
    }
    // The switch is made: the old database is only a leftover now (removed at the next start if
    // this delete does not finish).
    const old = current.name;
    deskDatabaseLeftoverNote(old);
    deskDatabaseLeftoverDone(name);
    current.close();
    await Dexie.delete(old)
      .then(() => deskDatabaseLeftoverDone(old))
      .catch(() => undefined);
    return { status: 'restored', manifest: checked.manifest, database: name };
  });
}

/** Held while a restore fills and switches to its new database, in whichever window runs it. */
const RESTORE_LOCK = 'complaint-desk.restore';

/** The Web Locks API where the platform has it (Chromium, Electron); absent in some test runtimes. */
function webLocks(): LockManager | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.locks;
}

/** Runs `work` holding the restore lock (waiting for another window's restore to end). */
function restoreLockHeld<T>(work: () => Promise<T>): Promise<T> {
  const locks = webLocks();
  // The lock's callback returns `work`'s promise, which `request` resolves to `work`'s value.
  return locks ? (locks.request(RESTORE_LOCK, work) as Promise<T>) : work();
}

/**
 * Removes the databases noted as leftovers (see database.ts `DESK_DATABASE_LEFTOVERS_KEY`): the
 * half-filled database of a restore whose window was closed, a replaced database whose delete did
 * not finish. Never the desk's own database, and nothing while a restore runs in another window
 * (its new database is noted while it fills). Returns the names removed.
 */
export async function deskDatabaseLeftoversRemove(): Promise<string[]> {
  const remove = async (): Promise<string[]> => {
    const active = deskDatabaseActiveName();
    const removed: string[] = [];
    for (const name of deskDatabaseLeftovers()) {
      if (name !== active) {
        await Dexie.delete(name);
        removed.push(name);
      }
      deskDatabaseLeftoverDone(name);
    }
    return removed;
  };
  const locks = webLocks();
  if (!locks) return remove();
  return locks.request(RESTORE_LOCK, { ifAvailable: true }, (lock) =>
    lock ? remove() : Promise.resolve([]),
  );
}

/**
 * Before Dexie upgrades the desk's database to a newer schema, a backup of it as it is (the
 * issue's "before every schema upgrade"): opened without a schema, Dexie reads the stored
 * version and tables; when that version is older than the application's, the backup is made
 * (into the backup folder on the desktop, as a download in a browser) before anything opens the
 * database at the new version.
 */
export async function backupBeforeUpgrade(
  name: string,
  bridge: Pick<DeskBridge, 'backupBegin' | 'backupWrite' | 'backupFinish' | 'backupCancel'>,
  app: { readonly name: string; readonly version: string },
): Promise<BackupMakeResult | 'notNeeded'> {
  if (!(await Dexie.exists(name))) return 'notNeeded';
  const old = new Dexie(name);
  await old.open();
  try {
    if (old.verno >= CURRENT_SCHEMA_VERSION) return 'notNeeded';
    const setting = async (key: string): Promise<unknown> =>
      ((await old.table('settings').get(key)) as { value?: unknown } | undefined)?.value;
    const calendar = (await setting('calendar')) as { timeZone?: string } | undefined;
    return await backupMake(old, bridge, {
      reason: 'beforeUpgrade',
      actorId: String((await setting('currentOperatorId')) ?? '') as StaffId,
      app,
      timeZone: calendar?.timeZone || DEFAULT_TIME_ZONE,
      now: () => new Date().toISOString() as IsoInstant,
    });
  } finally {
    old.close();
  }
}
