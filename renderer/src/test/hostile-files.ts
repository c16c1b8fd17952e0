/**
 * The hostile-file harness (issue 10 item 7): readers of files a clerk may be handed, each as
 * one adapter that takes the file's name and bytes, runs the application's own path from the
 * bytes to the database, and answers whether it was refused (with the words the clerk sees) or
 * written. The property every hostile input must keep: refused, with a message the locale has,
 * and every table's checksum (db/table-checksums.ts) unchanged.
 *
 * Adding a reader is one adapter and one line in `HOSTILE_READERS`.
 */
import Dexie from 'dexie';
import type { DeskRules } from '@shared/rules/rules';
import { importCheck } from '@shared/import/check';
import { importHeaderRecognise } from '@shared/import/fields';
import { cellText } from '@shared/import/values';
import { deadlineContextFromSettings } from '@shared/calendar/deadline';
import { casesImport, importExistingNumbers } from '../db/repos/import';
import type { StoredDeskState } from '../db/repos/settings';
import type { DeskSession } from '../db/session';
import { isDeskError } from '../db/errors';
import { tableRead } from '../export/table-read';
import { backupRead, BackupRefused } from '../db/backup/read';
import { backupRestoreInto } from '../db/backup/restore';

/** What a reader did with a file: refused it (and why, as a locale key) or wrote it. */
export type HostileOutcome =
  | { readonly outcome: 'refused'; readonly key: string }
  | { readonly outcome: 'written'; readonly count: number };

export interface HostileReader {
  readonly name: string;
  /** Runs the reader's whole path; never throws (a throw is a finding). */
  readonly attempt: (
    session: DeskSession,
    desk: StoredDeskState,
    fileName: string,
    bytes: Uint8Array,
  ) => Promise<HostileOutcome>;
}

function rulesOf(desk: StoredDeskState): DeskRules {
  return desk.rules;
}

/**
 * The register importer as the import screen runs it (features/import/useImport.ts): read,
 * recognise the header, check every row against the desk, and write only when every row passes.
 */
export async function registerImportAttempt(
  session: DeskSession,
  desk: StoredDeskState,
  fileName: string,
  bytes: Uint8Array,
): Promise<HostileOutcome> {
  const buffer = bytes.slice().buffer;
  const read = await tableRead(fileName, buffer);
  if (!read.ok) return { outcome: 'refused', key: `import.readProblems.${read.problem}` };
  const rules = rulesOf(desk);
  const header = importHeaderRecognise(
    read.rows.slice(0, 10).map((row) => row.map(cellText)),
    rules,
  );
  if (!header) return { outcome: 'refused', key: 'import.readProblems.noHeader' };
  const ctx = {
    rules,
    deadlineContext: deadlineContextFromSettings(desk.calendar),
    now: session.now(),
    existingNumbers: new Set<string>(),
    operatorName: session.operator.name,
  };
  const first = importCheck(read.rows, header.dataStartRow, header.mapping, ctx);
  const existing = await importExistingNumbers(
    session.db,
    first.accepted.map((c) => c.number),
  );
  const result = importCheck(read.rows, header.dataStartRow, header.mapping, {
    ...ctx,
    existingNumbers: existing,
  });
  const rejected = result.rejected[0]?.problems[0];
  if (rejected) return { outcome: 'refused', key: `import.problems.${rejected.code}` };
  if (result.accepted.length === 0) return { outcome: 'refused', key: 'import.readProblems.empty' };
  try {
    const done = await casesImport(session, {
      cases: result.accepted,
      channelId: rules.channels[0]?.id ?? 'other',
      fileName,
    });
    return { outcome: 'written', count: done.created };
  } catch (error) {
    if (isDeskError(error) && 'code' in error) {
      return { outcome: 'refused', key: `errors.${String(error.code)}` };
    }
    throw error;
  }
}

/**
 * The backup reader as a restore runs it (repos/backup.ts `backupRestoreFromFile`): the complete
 * check, then the fill of a NEW database (the current one is never written by a restore). A
 * backup that fills is 'written'; the scratch database is then dropped, so the desk's own tables
 * are what the property compares. A fill that fails (two records with one key) is a refusal in
 * the words the restore screen uses.
 */
export async function backupRestoreAttempt(
  _session: DeskSession,
  _desk: StoredDeskState,
  _fileName: string,
  bytes: Uint8Array,
): Promise<HostileOutcome> {
  const read = await backupRead(new Blob([bytes.slice()]));
  if (!read.ok) return { outcome: 'refused', key: `backup.refusals.${read.code}` };
  const name = `hostile-restore-${crypto.randomUUID()}`;
  try {
    const restored = await backupRestoreInto(read, name);
    const count = await restored.cases.count();
    restored.close();
    await Dexie.delete(name);
    return { outcome: 'written', count };
  } catch (error) {
    if (error instanceof BackupRefused) {
      return { outcome: 'refused', key: `backup.refusals.${error.refusal.code}` };
    }
    // IndexedDB's own refusals of a record (a key twice, a value it cannot store).
    if (error instanceof Dexie.DexieError)
      return { outcome: 'refused', key: 'backup.restore.failed' };
    throw error;
  }
}

export const HOSTILE_READERS: readonly HostileReader[] = [
  { name: 'register import', attempt: registerImportAttempt },
  { name: 'backup restore', attempt: backupRestoreAttempt },
];
