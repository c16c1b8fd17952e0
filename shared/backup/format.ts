/**
 * The backup file (docs/backup-format.md): a zip holding one newline-delimited JSON part per
 * table (`tables/<table>.ndjson`, one record a line, in primary-key order), the bytes of every
 * binary value as a file named by its SHA-256 (`files/<sha256>`), and `manifest.json`, written
 * last because it carries the counts and checksums of the parts before it.
 *
 * Pure: the manifest's schema, the names of the parts, and the checks a reader makes before
 * anything is touched. The Dexie side is renderer/src/db/backup/.
 */
import { z } from 'zod';

export const BACKUP_FORMAT = 'complaint-desk-backup';
/**
 * 2: a case's search pieces are written as `"$derived"` when the restore can make them again
 * (records.ts `backupRecordLean`). A reader of format 1 refuses a format 2 file as `newerFormat`;
 * this reader reads both.
 */
export const BACKUP_FORMAT_VERSION = 2;
export const BACKUP_MANIFEST_PART = 'manifest.json';
export const BACKUP_FILE_EXTENSION = '.deskbackup.zip';

const SHA256_HEX = /^[0-9a-f]{64}$/;
export const TABLE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

export function backupTablePart(table: string): string {
  return `tables/${table}.ndjson`;
}

export function backupFilePart(sha256: string): string {
  return `files/${sha256}`;
}

/** The table a part holds, or the hash a file part is named by; undefined for anything else. */
export function backupPartKind(
  name: string,
):
  | { kind: 'table'; table: string }
  | { kind: 'file'; sha256: string }
  | { kind: 'manifest' }
  | undefined {
  if (name === BACKUP_MANIFEST_PART) return { kind: 'manifest' };
  const table = /^tables\/([^/]+)\.ndjson$/.exec(name)?.[1];
  if (table !== undefined && TABLE_NAME.test(table)) return { kind: 'table', table };
  const file = /^files\/([0-9a-f]{64})$/.exec(name)?.[1];
  if (file !== undefined) return { kind: 'file', sha256: file };
  return undefined;
}

export const BACKUP_REASONS = ['manual', 'daily', 'beforeUpgrade', 'beforeRestore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

const tableEntrySchema = z.strictObject({
  name: z.string().regex(TABLE_NAME),
  part: z.string(),
  count: z.int().nonnegative(),
  /** SHA-256 of the part's bytes (UTF-8 NDJSON, as stored uncompressed). */
  sha256: z.string().regex(SHA256_HEX),
  bytes: z.int().nonnegative(),
});

export const backupManifestSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.int().positive(),
  app: z.strictObject({ name: z.string(), version: z.string() }),
  /** The Dexie version of the database the backup was read from. */
  schemaVersion: z.int().positive(),
  desk: z
    .strictObject({
      deskId: z.string(),
      organisationName: z.string(),
      deskName: z.string(),
      deskCode: z.string().optional(),
    })
    .nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  reason: z.enum(BACKUP_REASONS),
  tables: z.array(tableEntrySchema),
  files: z.strictObject({ count: z.int().nonnegative(), bytes: z.int().nonnegative() }),
});

export type BackupManifest = z.infer<typeof backupManifestSchema>;
export type BackupTableEntry = z.infer<typeof tableEntrySchema>;

/**
 * Why a backup is refused. Codes only: the screens word them (features/backup/locale.ts); the
 * `detail` says where (a part, a line) for the log and the message.
 */
export const BACKUP_REFUSALS = [
  'notZip',
  'noManifest',
  'badManifest',
  'otherFormat',
  'newerFormat',
  'newerSchema',
  'unknownSchema',
  'tablesMismatch',
  'partMissing',
  'unexpectedPart',
  'checksumMismatch',
  'countMismatch',
  'badRecord',
  'fileMissing',
  'fileDamaged',
  'damaged',
] as const;
export type BackupRefusalCode = (typeof BACKUP_REFUSALS)[number];

export interface BackupRefusal {
  readonly ok: false;
  readonly code: BackupRefusalCode;
  readonly detail: string;
}

export function backupRefusal(code: BackupRefusalCode, detail: string): BackupRefusal {
  return { ok: false, code, detail };
}

/**
 * The checks of the manifest against the reader's database: the format, the schema version
 * (newer refused; older accepted when its tables are the ones that version had), and the list of
 * tables. `tablesOfVersion` gives the tables a schema version holds (minus derived ones).
 */
export function backupManifestCheck(
  raw: unknown,
  current: { readonly schemaVersion: number; readonly appVersion: string },
  tablesOfVersion: (version: number) => readonly string[] | undefined,
): { ok: true; manifest: BackupManifest } | BackupRefusal {
  const parsed = backupManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const looksLikeOther =
      typeof raw === 'object' &&
      raw !== null &&
      (raw as { format?: unknown }).format !== BACKUP_FORMAT;
    if (looksLikeOther)
      return backupRefusal('otherFormat', String((raw as { format?: unknown }).format));
    return backupRefusal('badManifest', z.prettifyError(parsed.error));
  }
  const manifest = parsed.data;
  if (manifest.formatVersion > BACKUP_FORMAT_VERSION) {
    return backupRefusal(
      'newerFormat',
      `format ${manifest.formatVersion} (app ${manifest.app.version})`,
    );
  }
  if (manifest.schemaVersion > current.schemaVersion) {
    return backupRefusal(
      'newerSchema',
      `schema ${manifest.schemaVersion} (app ${manifest.app.version}); this desk: schema ${current.schemaVersion} (app ${current.appVersion})`,
    );
  }
  const expected = tablesOfVersion(manifest.schemaVersion);
  if (!expected) return backupRefusal('unknownSchema', `schema ${manifest.schemaVersion}`);
  const names = manifest.tables.map((t) => t.name);
  const missing = expected.filter((t) => !names.includes(t));
  const extra = names.filter((t) => !expected.includes(t));
  const twice = names.filter((t, i) => names.indexOf(t) !== i);
  if (missing.length > 0 || extra.length > 0 || twice.length > 0) {
    return backupRefusal(
      'tablesMismatch',
      [
        missing.length > 0 ? `missing: ${missing.join(', ')}` : '',
        extra.length > 0 ? `unknown: ${extra.join(', ')}` : '',
        twice.length > 0 ? `twice: ${twice.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('; '),
    );
  }
  const misnamed = manifest.tables.find((t) => t.part !== backupTablePart(t.name));
  if (misnamed) return backupRefusal('badManifest', `part of ${misnamed.name}: ${misnamed.part}`);
  return { ok: true, manifest };
}

/** `投诉受理台备份-<desk>-20261205-134501.deskbackup.zip`; the time is the desk's local time. */
export function backupFileName(deskLabel: string, localStamp: string): string {
  const safe = deskLabel.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 40) || 'desk';
  return `desk-backup-${safe}-${localStamp}${BACKUP_FILE_EXTENSION}`;
}

/** The stamp in a backup's file name, back to a sortable key, or undefined if it has none. */
export function backupFileStamp(fileName: string): string | undefined {
  const match = /-(\d{8})-(\d{6})\.deskbackup\.zip$/.exec(fileName);
  return match ? `${match[1]}-${match[2]}` : undefined;
}

/**
 * How far a restore's fill has come: the records of the tables written before `at.table` (in the
 * manifest's order, the order they are filled in) plus the records of `at.table` so far, of all
 * the backup's records.
 */
export function backupFillProgress(
  tables: readonly Pick<BackupTableEntry, 'name' | 'count'>[],
  at: { readonly table: string; readonly records: number },
): { readonly done: number; readonly total: number } {
  const total = tables.reduce((sum, t) => sum + t.count, 0);
  const index = tables.findIndex((t) => t.name === at.table);
  if (index < 0) return { done: 0, total };
  const before = tables.slice(0, index).reduce((sum, t) => sum + t.count, 0);
  return { done: Math.min(total, before + at.records), total };
}
