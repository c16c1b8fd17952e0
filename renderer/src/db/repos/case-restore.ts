/**
 * Restoring ONE case from a backup (issue 10: a clerk deleted or damaged it), for an
 * administrator. Never an overwrite: the backup is checked completely first (as a full restore
 * checks it, `backupRead`), the case and its events are found in it by number, and the events the
 * desk lacks (by id) are appended to the current case, or the case is recreated from them when it
 * is gone. The case's snapshot is then folded again from all its events, the appended events are
 * queued for sync, and the audit log says who restored what from which backup, in the same
 * transaction.
 */
import type { IsoInstant } from '@shared/kernel/brand';
import type { BackupRefusal } from '@shared/backup/format';
import { backupRecordDerive } from '@shared/backup/records';
import { importNumberNormalise } from '@shared/import/check';
import type { CaseEntity, CaseEventEntity } from '@shared/model/entities';
import { TALLIES_KEY } from '@shared/register/tallies';
import { searchTermsOf, searchTextsOf } from '@shared/register/search';
import { caseEventCompare, caseFold } from '@shared/workflow/reducer';
import { sessionMay, sessionRequire } from '../access';
import type { DeskDatabase } from '../database';
import { StorageError, withStorageErrors } from '../errors';
import type { DeskSession } from '../session';
import {
  backupRead,
  partLines,
  recordParse,
  type BackupReadOptions,
  type BackupValid,
} from '../backup/read';
import { auditRecord } from './audit';
import { outboxQueue } from './outbox';

/** A case as a backup holds it: its snapshot and every event it had then. */
export interface BackupCase {
  readonly case: CaseEntity;
  readonly events: readonly CaseEventEntity[];
}

/** What restoring a case from a backup would do to the desk as it is now. */
export interface CaseRestorePlan {
  readonly found: BackupCase;
  /** The case on the desk now; undefined when it is gone (it would be recreated). */
  readonly current?: CaseEntity;
  /** The backup's events the desk does not have, oldest first. */
  readonly missing: readonly CaseEventEntity[];
}

async function* tableRecords(
  backup: BackupValid,
  table: string,
  mayMatch: (line: string) => boolean,
): AsyncGenerator<unknown> {
  const part = backup.manifest.tables.find((t) => t.name === table)?.part;
  const entry = part ? backup.entries.get(part) : undefined;
  if (!entry) return;
  let n = 0;
  for await (const line of partLines(backup.blob, entry)) {
    n++;
    // Only lines that can be the one sought are parsed: a backup has hundreds of thousands.
    if (mayMatch(line)) yield backupRecordDerive(table, recordParse(line, `${table} line ${n}`));
  }
}

/**
 * The case numbered `number` in a checked backup, with its events; undefined when the backup has
 * no such case. Reads the backup's parts as a stream (a large backup is never held whole).
 */
export async function backupCaseFind(
  backup: BackupValid,
  number: string,
): Promise<BackupCase | undefined> {
  const typed = number.trim();
  if (!typed) return undefined;
  // A number typed in full-width forms or lower case is the same number (as the import takes it).
  const sought = importNumberNormalise(typed);
  // The number as it may appear inside the line's JSON.
  const quoted = [JSON.stringify(typed), JSON.stringify(sought)];
  let found: CaseEntity | undefined;
  for await (const record of tableRecords(backup, 'cases', (line) =>
    quoted.some((q) => line.includes(q)),
  )) {
    const candidate = (record as CaseEntity).number;
    if (candidate === typed || importNumberNormalise(String(candidate)) === sought) {
      found = record as CaseEntity;
      break;
    }
  }
  if (!found) return undefined;
  const id = found.id;
  const events: CaseEventEntity[] = [];
  for await (const record of tableRecords(backup, 'events', (line) => line.includes(id))) {
    if ((record as CaseEventEntity).caseId === id) events.push(record as CaseEventEntity);
  }
  events.sort(caseEventCompare);
  return { case: found, events };
}

async function missingOf(db: DeskDatabase, found: BackupCase): Promise<CaseEventEntity[]> {
  const have = new Set(
    (await db.events.where('caseId').equals(found.case.id).primaryKeys()).map(String),
  );
  return found.events.filter((event) => !have.has(event.id));
}

/** Compares a case found in a backup with the desk's: what a restore of it would append. */
export async function caseRestorePlan(
  session: DeskSession,
  found: BackupCase,
): Promise<CaseRestorePlan> {
  sessionRequire(session, 'restoreCase');
  const { db } = session;
  return db.transaction('r', [db.cases, db.events], async () => {
    const current = await db.cases.get(found.case.id);
    const missing = await missingOf(db, found);
    return { found, ...(current ? { current } : {}), missing };
  });
}

/** Whether the session's operator may restore a case from a backup (the screens offer it then). */
export function caseRestoreMay(session: DeskSession): boolean {
  return sessionMay(session, 'restoreCase');
}

/** What checking a backup for one case found: the plan, or why there is nothing to restore. */
export type CaseRestoreCheck =
  | { readonly ok: true; readonly backup: BackupValid; readonly plan: CaseRestorePlan }
  /** The file is not a sound backup this desk can read (as a full restore would refuse it). */
  | { readonly ok: false; readonly reason: 'refused'; readonly refusal: BackupRefusal }
  /** A backup of another desk (or of a desk not set up): its cases are not this desk's. */
  | { readonly ok: false; readonly reason: 'otherDesk'; readonly backupDesk: string }
  /** The backup holds no case of that number. */
  | { readonly ok: false; readonly reason: 'notInBackup'; readonly number: string }
  /** The case is gone here and its backup holds no registration to recreate it from. */
  | { readonly ok: false; readonly reason: 'noRegistration'; readonly number: string };

/**
 * Checks `file` completely (as a full restore does, `backupRead`: manifest, every checksum,
 * every record, the schema version), makes sure it is a backup of this desk, finds the case
 * numbered `number` in it and compares it with the desk: what the screen previews before the
 * administrator confirms. Writes nothing. Refused (`AccessDeniedError`) to anyone else.
 */
export async function caseRestoreCheck(
  session: DeskSession,
  file: Blob,
  number: string,
  options: BackupReadOptions = {},
): Promise<CaseRestoreCheck> {
  sessionRequire(session, 'restoreCase');
  const backup = await backupRead(file, options);
  if (!backup.ok) return { ok: false, reason: 'refused', refusal: backup };
  const desk = backup.manifest.desk;
  if (desk?.deskId !== session.desk.deskId) {
    return {
      ok: false,
      reason: 'otherDesk',
      backupDesk: desk ? `${desk.organisationName} · ${desk.deskName}` : '',
    };
  }
  const found = await backupCaseFind(backup, number);
  if (!found) return { ok: false, reason: 'notInBackup', number: number.trim() };
  const plan = await caseRestorePlan(session, found);
  if (!plan.current && !caseFold(found.events)) {
    return { ok: false, reason: 'noRegistration', number: found.case.number };
  }
  return { ok: true, backup, plan };
}

export interface CaseRestoreResult {
  readonly case: CaseEntity;
  readonly appended: number;
  readonly recreated: boolean;
}

/**
 * Appends the backup's events the case lacks (read again inside the transaction, so a step saved
 * meanwhile is not doubled), folds the case anew from all its events, queues the appended events
 * for sync and records the restore in the audit log; all in one transaction. A case whose backup
 * holds no registration cannot be recreated (`StorageError('notFound')`); nothing is written then.
 */
export async function caseRestoreFromBackup(
  session: DeskSession,
  found: BackupCase,
  backupCreatedAt: string,
): Promise<CaseRestoreResult> {
  sessionRequire(session, 'restoreCase');
  const { db } = session;
  const now = session.now();
  return withStorageErrors(() =>
    db.transaction(
      'rw',
      [db.cases, db.events, db.outbox, db.settings, db.audit, db.tallies],
      async () => {
        const current = await db.cases.get(found.case.id);
        const missing = await missingOf(db, found);
        if (missing.length === 0 && current)
          return { case: current, appended: 0, recreated: false };
        const existing = await db.events.where('caseId').equals(found.case.id).toArray();
        const folded = caseFold([...existing, ...missing]);
        if (!folded) {
          throw new StorageError('notFound', {
            message: `The backup holds no registration of case ${found.case.number}`,
          });
        }
        const { searchPending: _pending, ...row } = folded;
        const next: CaseEntity = {
          ...row,
          ...(current?.originDeskCode ? { originDeskCode: current.originDeskCode } : {}),
          searchTerms: searchTermsOf(searchTextsOf(folded)),
        };
        await db.events.bulkAdd(missing as CaseEventEntity[]);
        await db.cases.put(next);
        // A row may be left over from events deleted outside the desk: put, not add.
        await outboxQueue(db, missing as CaseEventEntity[], now as IsoInstant, { replace: true });
        // A case deleted outside the desk's code (in the browser's storage) left the counts
        // counting it: recreated, they are counted again from the indexes when next read.
        if (!current) await db.tallies.delete(TALLIES_KEY);
        await auditRecord(db, {
          at: now as IsoInstant,
          actorId: session.operator.id,
          action: 'case.restoredFromBackup',
          target: found.case.number,
          detail:
            `${current ? 'appended' : 'recreated'} ${missing.length}; backup ${backupCreatedAt}; ${missing
              .map((event) => event.id)
              .join(', ')}`.slice(0, 2000),
        });
        return { case: next, appended: missing.length, recreated: !current };
      },
    ),
  );
}
