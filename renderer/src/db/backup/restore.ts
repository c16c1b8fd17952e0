/**
 * Restoring a validated backup into a NEW database (never the current one): a bare Dexie at the
 * backup's own schema version is filled a page at a time, closed, and opened again as the desk's
 * database, so an older backup goes through the normal Dexie upgrade path. Only when that has
 * succeeded does the caller switch the desk to it (database.ts `deskDatabaseActivate`); on any
 * failure the new database is deleted and the current one was never touched.
 */
import Dexie from 'dexie';
import { DeskDatabase } from '../database';
import { recordDecode } from './binary';
import { BackupRefused, lineMayHoldFile, partChunks, partLines, type BackupValid } from './read';
import { schemaDeclareUpTo } from './tables';
import { backupFilePart, backupRefusal } from '@shared/backup/format';
import { backupRecordDerive } from '@shared/backup/records';

export interface RestoreIntoOptions {
  readonly pageSize?: number;
  readonly onProgress?: (progress: { table: string; records: number }) => void;
}

/** Fills database `name` (which must not exist) from `backup`; returns it opened at the current schema. */
export async function backupRestoreInto(
  backup: BackupValid,
  name: string,
  options: RestoreIntoOptions = {},
): Promise<DeskDatabase> {
  const pageSize = options.pageSize ?? 2000;
  const fileBytes = async (hash: string): Promise<Uint8Array> => {
    const entry = backup.entries.get(backupFilePart(hash));
    if (!entry) throw new BackupRefused(backupRefusal('fileMissing', hash));
    const chunks: Uint8Array[] = [];
    for await (const chunk of partChunks(backup.blob, entry)) chunks.push(chunk);
    const out = new Uint8Array(entry.size);
    let at = 0;
    for (const chunk of chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  };
  const bare = new Dexie(name);
  schemaDeclareUpTo(bare, backup.manifest.schemaVersion);
  try {
    await bare.open();
    for (const table of backup.manifest.tables) {
      const entry = backup.entries.get(table.part);
      if (!entry) throw new BackupRefused(backupRefusal('partMissing', table.part));
      const target = bare.table(table.name);
      let page: unknown[] = [];
      let count = 0;
      // One page is written while the next is parsed: IndexedDB works in its own thread, so the
      // parsing is not added to the writing's time. At most two pages are in memory.
      let writing: Promise<void> = Promise.resolve();
      const write = async () => {
        const full = page;
        page = [];
        await writing;
        writing = target.bulkAdd(full).then(() => {
          count += full.length;
          options.onProgress?.({ table: table.name, records: count });
        });
        // A failed write is thrown at the next page (or at the end), not left unhandled.
        writing.catch(() => undefined);
      };
      for await (const line of partLines(backup.blob, entry)) {
        // Most lines hold no file: they are taken as parsed, without walking every value.
        const record: unknown = backupRecordDerive(table.name, JSON.parse(line));
        page.push(lineMayHoldFile(line) ? await recordDecode(record, fileBytes) : record);
        if (page.length >= pageSize) await write();
      }
      if (page.length > 0) await write();
      await writing;
    }
    bare.close();
    // Opening at the current version runs the upgrades from the backup's version.
    const desk = new DeskDatabase(name);
    await desk.open();
    return desk;
  } catch (error) {
    bare.close();
    await Dexie.delete(name).catch(() => undefined);
    throw error;
  }
}
