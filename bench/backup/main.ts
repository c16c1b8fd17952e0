/**
 * The backup benchmark page: `window.runBackupBench(options)` makes (or reuses) a desk database of
 * `cases` cases with the IndexedDB benchmark's generator (bench/idb/desk-ready.ts: made once,
 * resumed when interrupted), then times, in this browser:
 *
 * - the app's backup (renderer/src/db/backup/write.ts) into a sink that keeps each chunk as a Blob
 *   (as the browser build's download path does), against dexie-export-import's `exportDB`;
 * - the app's restore: the complete check (`backupRead`) then the fill of a new database
 *   (`backupRestoreInto`), against dexie-export-import's `importInto` of its own export.
 *
 * Peak memory is the JavaScript heap (`performance.memory`, precise with
 * `--enable-precise-memory-info`), sampled every 25 ms and at every page the backup writes; Blob
 * bytes live outside it (Chromium's blob storage, on disk when large).
 */
import Dexie from 'dexie';
import { exportDB, importInto } from 'dexie-export-import';
import { openDeskDatabase } from '../../renderer/src/db/database';
import { backupRead } from '../../renderer/src/db/backup/read';
import { backupRestoreInto } from '../../renderer/src/db/backup/restore';
import {
  BACKUP_SKIPPED_TABLES,
  CURRENT_SCHEMA_VERSION,
  schemaDeclareUpTo,
} from '../../renderer/src/db/backup/tables';
import { backupWrite } from '../../renderer/src/db/backup/write';
import { deskReady } from '../idb/desk-ready';

export interface BackupBenchOptions {
  readonly cases: number;
  readonly events: number;
  readonly batch: number;
  readonly skipBaseline?: boolean;
  /** Leaves out Dexie's import, the restore's baseline (as long as the fill on a large desk). */
  readonly skipBaselineImport?: boolean;
  /** Stops the restore after its check (the fill takes minutes on a large desk). */
  readonly skipFill?: boolean;
}

export interface Timed {
  readonly label: string;
  readonly ms: number;
  readonly peakHeapMb: number;
  readonly startHeapMb: number;
  readonly bytes?: number;
  readonly note?: string;
}

export interface BackupBenchReport {
  readonly startedAt: string;
  readonly userAgent: string;
  readonly database: string;
  readonly counts: Record<string, number>;
  readonly generationMs?: number;
  readonly preciseMemory: boolean;
  readonly results: readonly Timed[];
}

interface MemoryInfo {
  readonly usedJSHeapSize: number;
}

function heap(): number {
  const memory = (performance as unknown as { memory?: MemoryInfo }).memory;
  return memory ? memory.usedJSHeapSize / 2 ** 20 : 0;
}

function log(message: string): void {
  console.log(`[bench] ${message}`);
}

/** Runs `work`, sampling the heap meanwhile; `sample` lets the work add samples of its own. */
async function timed<T>(
  label: string,
  work: (sample: () => void) => Promise<T>,
): Promise<{ value: T; timing: Omit<Timed, 'bytes' | 'note'> }> {
  // Let the collector settle what earlier steps left, so each step starts from its own floor.
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((resolve) => setTimeout(resolve, 500));
  const startHeapMb = heap();
  let peak = startHeapMb;
  const sample = () => {
    peak = Math.max(peak, heap());
  };
  const timer = setInterval(sample, 25);
  const started = performance.now();
  try {
    const value = await work(sample);
    const ms = performance.now() - started;
    sample();
    log(`${label}: ${(ms / 1000).toFixed(1)} s, heap peak ${peak.toFixed(0)} MB`);
    return { value, timing: { label, ms, peakHeapMb: peak, startHeapMb } };
  } finally {
    clearInterval(timer);
  }
}

async function runBackupBench(options: BackupBenchOptions): Promise<BackupBenchReport> {
  const startedAt = new Date().toISOString();
  await navigator.storage.persist();
  const name = `desk-backup-bench-${options.cases}-${options.events}`;
  // Made once and kept in the profile; an interrupted generation goes on where it stopped.
  const generation = await deskReady(name, options);
  const generationMs = generation.reused ? undefined : generation.totalMs;
  const db = openDeskDatabase(name);
  await db.open();
  const counts: Record<string, number> = {};
  for (const table of db.tables) counts[table.name] = await table.count();
  const results: Timed[] = [];

  // The app's backup, streamed page by page.
  const parts: Blob[] = [];
  let written = 0;
  const backup = await timed('app backup (stream, zip + NDJSON + SHA-256)', (sample) =>
    backupWrite(
      db,
      {
        async write(chunk) {
          written += chunk.length;
          parts.push(new Blob([chunk.slice().buffer]));
        },
      },
      {
        app: { name: 'bench', version: '0' },
        reason: 'manual',
        now: () => new Date(),
        onProgress: sample,
      },
    ),
  );
  const backupBlob = new Blob(parts, { type: 'application/zip' });
  parts.length = 0;
  results.push({ ...backup.timing, bytes: written });

  // Dexie's own export of the same tables, the baseline; its import is the restore's, at the end
  // (on a large desk it takes as long as the fill, so it can be left out).
  let exported: Blob | undefined;
  if (!options.skipBaseline) {
    const exporting = await timed('baseline: dexie-export-import exportDB', () => exportDB(db));
    exported = exporting.value;
    results.push({ ...exporting.timing, bytes: exported.size });
  }

  // Restore: the complete check, then the fill of a new database (and Dexie's open/upgrade).
  const check = await timed('app restore, 1: complete check (backupRead)', () =>
    backupRead(backupBlob),
  );
  if (!check.value.ok) throw new Error(`the bench's own backup was refused: ${check.value.detail}`);
  results.push(check.timing);
  if (!options.skipFill) {
    const restoredName = `${name}-restored`;
    await Dexie.delete(restoredName);
    const valid = check.value;
    // Each table's share of the fill, logged when the next table begins (where the time goes).
    let current = '';
    let tableStarted = performance.now();
    const restore = await timed('app restore, 2: fill a new database (backupRestoreInto)', () =>
      backupRestoreInto(valid, restoredName, {
        onProgress: ({ table, records }) => {
          const seconds = ((performance.now() - tableStarted) / 1000).toFixed(1);
          if (table === current) {
            // A large table's pace, every 50,000 records.
            if (records % 50_000 === 0) log(`  fill ${table}: ${records} records, ${seconds} s`);
            return;
          }
          if (current) log(`  fill ${current}: ${seconds} s`);
          current = table;
          tableStarted = performance.now();
        },
      }),
    );
    const restoredCounts: Record<string, number> = {};
    for (const table of restore.value.tables) restoredCounts[table.name] = await table.count();
    restore.value.close();
    // Derived tables are not in a backup: the desk counts them again when it first reads them.
    const same = Object.entries(counts).every(
      ([table, count]) => BACKUP_SKIPPED_TABLES.includes(table) || restoredCounts[table] === count,
    );
    results.push({
      ...restore.timing,
      note: same
        ? 'every table restored with its count'
        : `counts differ: ${JSON.stringify(restoredCounts)}`,
    });
    await Dexie.delete(restoredName);
  }

  if (exported && !options.skipBaselineImport) {
    const blob = exported;
    const importName = `${name}-imported`;
    await Dexie.delete(importName);
    const target = new Dexie(importName);
    schemaDeclareUpTo(target, CURRENT_SCHEMA_VERSION);
    await target.open();
    const imported = await timed('baseline: dexie-export-import importInto', () =>
      importInto(target, blob, { acceptNameDiff: true, acceptVersionDiff: true }),
    );
    results.push(imported.timing);
    target.close();
    await Dexie.delete(importName);
  }
  db.close();
  return {
    startedAt,
    userAgent: navigator.userAgent,
    database: name,
    counts,
    ...(generationMs === undefined ? {} : { generationMs }),
    preciseMemory: (performance as unknown as { memory?: MemoryInfo }).memory !== undefined,
    results,
  };
}

declare global {
  interface Window {
    runBackupBench: typeof runBackupBench;
  }
}
window.runBackupBench = runBackupBench;
