/**
 * Writing a backup as a stream (docs/backup-format.md): each table is read a page at a time in
 * primary-key order, each page's lines are deflated into the zip and handed to the sink before
 * the next page is read, so a desk of 100,000 cases and 500,000 events is never held whole. The
 * SHA-256 of each part is computed as its bytes go by; the manifest, written last, carries them.
 * Derived values the restore can make again (a case's search pieces) are written as `"$derived"`
 * (shared/backup/records.ts `backupRecordLean`, format 2).
 *
 * Pages are read in separate transactions (an IndexedDB transaction cannot stay open while the
 * sink writes to disk): a step saved while a backup runs may or may not be in it, whole.
 */
import type Dexie from 'dexie';
import type { IndexableType, Table } from 'dexie';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_MANIFEST_PART,
  backupFilePart,
  backupTablePart,
  type BackupManifest,
  type BackupReason,
  type BackupTableEntry,
} from '@shared/backup/format';
import { backupRecordLean } from '@shared/backup/records';
import { hasBinary, recordEncode } from './binary';
import { sha256Stream } from './hash';
import { backupTablesOf } from './tables';

/** Where the bytes go: a file on disk (Electron), a File System Access stream, a download. */
export interface BackupSink {
  write(chunk: Uint8Array): Promise<void>;
}

export interface BackupWriteOptions {
  readonly app: { readonly name: string; readonly version: string };
  readonly reason: BackupReason;
  readonly now: () => Date;
  /** Records per page (memory is about a page of lines plus the zip's buffers). */
  readonly pageSize?: number;
  /** Deflate level: 1 is about three times faster than 6 for 10-20 % more bytes. */
  readonly level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  readonly onProgress?: (progress: { table: string; records: number }) => void;
}

const encoder = new TextEncoder();

/** One record's line: its JSON with binary values as references, and a newline. */
export function backupLine(record: unknown): string {
  return `${JSON.stringify(record)}\n`;
}

function keyOf(record: unknown, keyPath: string | string[] | null): IndexableType {
  const get = (path: string): IndexableType =>
    path
      .split('.')
      .reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], record) as IndexableType;
  if (keyPath === null) throw new Error('backup: a table without a key path');
  // A compound key is an array of its parts; Dexie types arrays of keys narrowly.
  return Array.isArray(keyPath) ? (keyPath.map(get) as unknown as IndexableType) : get(keyPath);
}

/**
 * Pages of a table in primary-key order, each read in its own short transaction. The next page
 * is asked for before a page is handed on: IndexedDB reads it in its own thread while the caller
 * encodes, hashes and deflates this one (at most two pages are held).
 */
export async function* tablePages(table: Table, pageSize: number): AsyncGenerator<unknown[]> {
  const keyPath = table.schema.primKey.keyPath ?? null;
  const read = (last: IndexableType | undefined): Promise<unknown[]> =>
    last === undefined
      ? table.orderBy(':id').limit(pageSize).toArray()
      : table.where(':id').above(last).limit(pageSize).toArray();
  let next = read(undefined);
  for (;;) {
    const page = await next;
    if (page.length === 0) return;
    if (page.length < pageSize) {
      yield page;
      return;
    }
    next = read(keyOf(page[page.length - 1], keyPath));
    // A failed read is thrown at the next await of it, not left unhandled meanwhile.
    next.catch(() => undefined);
    yield page;
  }
}

/** Writes the backup of `db` to `sink`; resolves with its manifest once the last byte is written. */
export async function backupWrite(
  db: Dexie,
  sink: BackupSink,
  options: BackupWriteOptions,
): Promise<BackupManifest> {
  const pageSize = options.pageSize ?? 1000;
  const level = options.level ?? 1;
  const queue: Uint8Array[] = [];
  let zipError: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) zipError = error;
    else queue.push(chunk);
  });
  // The sink writes one batch while the next page is read and deflated; at most one batch waits.
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    if (zipError) throw zipError;
    // Taken in one piece so the zip's callback may keep pushing while we write.
    const chunks = queue.splice(0, queue.length);
    // A failed write is thrown here, at the next flush.
    await writing;
    writing = (async () => {
      for (const chunk of chunks) await sink.write(chunk);
    })();
    writing.catch(() => undefined);
  };

  try {
    const tables: BackupTableEntry[] = [];
    const filesWritten = new Set<string>();
    const filesReferenced = new Set<string>();
    let fileBytes = 0;

    for (const table of backupTablesOf(db)) {
      const part = backupTablePart(table.name);
      const entry = new ZipDeflate(part, { level });
      zip.add(entry);
      const hash = await sha256Stream();
      let count = 0;
      let bytes = 0;
      let binary = false;
      for await (const page of tablePages(table, pageSize)) {
        let text = '';
        for (const record of page) {
          // Most records hold no bytes: written as they are, without an await each.
          if (!hasBinary(record)) {
            text += backupLine(backupRecordLean(table.name, record));
            continue;
          }
          const encoded = await recordEncode(record, (fileHash) => {
            binary = true;
            filesReferenced.add(fileHash);
          });
          text += backupLine(encoded);
        }
        const chunk = encoder.encode(text);
        hash.update(chunk);
        entry.push(chunk);
        count += page.length;
        bytes += chunk.length;
        await flush();
        options.onProgress?.({ table: table.name, records: count });
      }
      entry.push(new Uint8Array(0), true);
      await flush();
      tables.push({ name: table.name, part, count, sha256: hash.hex(), bytes });

      // The bytes of the table's binary values, one file each, in a second pass (a zip entry
      // cannot start while the table's part is still open without buffering it whole).
      if (binary) {
        for await (const page of tablePages(table, pageSize)) {
          for (const record of page) {
            await recordEncode(record, async (fileHash, fileData) => {
              if (filesWritten.has(fileHash)) return;
              filesWritten.add(fileHash);
              fileBytes += fileData.length;
              // Attachments are photos and PDFs, already compressed: stored as they are.
              const file = new ZipPassThrough(backupFilePart(fileHash));
              zip.add(file);
              file.push(fileData, true);
              await flush();
            });
          }
        }
      }
    }
    const missing = [...filesReferenced].filter((h) => !filesWritten.has(h));
    if (missing.length > 0) {
      // A record was deleted between the two passes: the file would not restore.
      throw new Error(
        `backup: ${missing.length} attachment(s) changed during the backup; try again`,
      );
    }

    const identity = await db
      .table('settings')
      .get('identity')
      .then((row: { value?: Record<string, unknown> } | undefined) => row?.value)
      .catch(() => undefined);
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      app: { name: options.app.name, version: options.app.version },
      schemaVersion: db.verno,
      desk: identity
        ? {
            deskId: String(identity.deskId),
            organisationName: String(identity.organisationName ?? ''),
            deskName: String(identity.deskName ?? ''),
            ...(typeof identity.deskCode === 'string' ? { deskCode: identity.deskCode } : {}),
          }
        : null,
      createdAt: options.now().toISOString(),
      reason: options.reason,
      tables,
      files: { count: filesWritten.size, bytes: fileBytes },
    };
    const manifestEntry = new ZipDeflate(BACKUP_MANIFEST_PART, { level: 6 });
    zip.add(manifestEntry);
    manifestEntry.push(encoder.encode(JSON.stringify(manifest, null, 2)), true);
    zip.end();
    await flush();
    await writing;
    return manifest;
  } catch (error) {
    // The sink's last write ends before the caller drops the partial file.
    await writing.catch(() => undefined);
    throw error;
  }
}
