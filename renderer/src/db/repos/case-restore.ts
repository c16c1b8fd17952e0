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
import type { CaseEntity, CaseEventEntity, OutboxEntity } from '@shared/model/entities';
import { searchTermsOf, searchTextsOf } from '@shared/register/search';
import { caseEventCompare, caseFold } from '@shared/workflow/reducer';
import { sessionRequire } from '../access';
import type { DeskDatabase } from '../database';
import { StorageError, withStorageErrors } from '../errors';
import type { DeskSession } from '../session';
import { partLines, recordParse, type BackupValid } from '../backup/read';
import { auditRecord } from './audit';

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
    if (mayMatch(line)) yield recordParse(line, `${table} line ${n}`);
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
  const sought = number.trim();
  if (!sought) return undefined;
  // The number as it appears inside the line's JSON.
  const quoted = JSON.stringify(sought);
  let found: CaseEntity | undefined;
  for await (const record of tableRecords(backup, 'cases', (line) => line.includes(quoted))) {
    if ((record as CaseEntity).number === sought) {
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
    db.transaction('rw', [db.cases, db.events, db.outbox, db.audit], async () => {
      const current = await db.cases.get(found.case.id);
      const missing = await missingOf(db, found);
      if (missing.length === 0 && current) return { case: current, appended: 0, recreated: false };
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
      await db.outbox.bulkPut(
        missing.map((event): OutboxEntity => ({
          id: event.id,
          caseId: event.caseId,
          hlc: event.hlc,
          queuedAt: now,
        })),
      );
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
    }),
  );
}
