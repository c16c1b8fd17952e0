/**
 * What the printed forms read, and the record every print leaves (DOMAIN.md section 8: the
 * audit log holds who printed what, when; a case form also appends `case/printed` to its case).
 */
import Dexie from 'dexie';
import {
  caseForViewer,
  caseIsMasked,
  casesForViewer,
  eventsForViewer,
  type CaseViewer,
} from '@shared/access/mask';
import type { AuditId, CaseId, IsoInstant } from '@shared/kernel/brand';
import type { AuditEntity, CaseEntity, CaseEventEntity } from '@shared/model/entities';
import { newId } from '@shared/kernel/ids';
import { isCaseForm, type PrintFormId } from '@shared/paper/forms';
import { printSettingsRestore, type PrintSettings } from '@shared/paper/settings';
import type { DeskDatabase } from '../database';
import { StorageError, withStorageErrors } from '../errors';
import { sessionStamp, type DeskSession } from '../session';
import { caseAllowedEvents } from '@shared/workflow/reducer';
import { caseAppendInTransaction, caseEvents } from './cases';
import { attachmentsAnnex, type AttachmentsAnnex } from './attachments';
import { settingsGet } from './settings';
import { auditRecord, type AuditInput } from './audit';
import { sessionRequire } from '../access';

export interface CaseWithEvents {
  readonly item: CaseEntity;
  readonly events: readonly CaseEventEntity[];
  /** The images the handling record prints in its annex (loaded for that form only). */
  readonly annex?: AttachmentsAnnex;
}

/** The desk's print options with every default filled in. */
export async function printSettingsLoad(db: DeskDatabase): Promise<PrintSettings> {
  return printSettingsRestore(await settingsGet(db, 'print'));
}

/** Cases received in `[start, end)`, oldest first: the rows of the register, in its order. */
export async function printRegisterCases(
  db: DeskDatabase,
  start: IsoInstant,
  end: IsoInstant,
  viewer: CaseViewer,
): Promise<CaseEntity[]> {
  const rows = await db.cases
    .where('[receivedAt+id]')
    .between([start, Dexie.minKey], [end, Dexie.minKey], true, false)
    .toArray();
  return casesForViewer(rows, viewer);
}

/** The first part `printRegisterCasesInParts` reads: more than a register page holds. */
export const REGISTER_FIRST_PART = 30;
/** The later parts: each read and built in a few tens of milliseconds. */
export const REGISTER_PART = 150;

/**
 * The cases of `printRegisterCases`, read a part at a time, oldest first: each part is one
 * request, so no single task of the UI thread receives a month of cases, and the first part is
 * small, so the first page of the register can be laid out before the rest is read. `onPart`
 * gets each part (as the viewer may see it) and how many cases the range held when reading
 * began; `stop` ends the reading early (the result is then incomplete). Resolves with every case
 * read.
 */
export async function printRegisterCasesInParts(
  db: DeskDatabase,
  start: IsoInstant,
  end: IsoInstant,
  viewer: CaseViewer,
  onPart: (part: readonly CaseEntity[], count: number) => void,
  stop: () => boolean = () => false,
): Promise<CaseEntity[]> {
  const index = db.cases.where('[receivedAt+id]');
  const [count, first] = await Promise.all([
    index.between([start, Dexie.minKey], [end, Dexie.minKey], true, false).count(),
    index
      .between([start, Dexie.minKey], [end, Dexie.minKey], true, false)
      .limit(REGISTER_FIRST_PART)
      .toArray(),
  ]);
  const all: CaseEntity[] = [];
  let part = first;
  let size = REGISTER_FIRST_PART;
  for (;;) {
    const shown = casesForViewer(part, viewer);
    all.push(...shown);
    onPart(shown, count);
    const last = part[part.length - 1];
    // A short part is the last one.
    if (!last || part.length < size || stop()) return all;
    size = REGISTER_PART;
    part = await index
      .between([last.receivedAt, last.id], [end, Dexie.minKey], false, false)
      .limit(REGISTER_PART)
      .toArray();
  }
}

/**
 * The cases asked for, each with its history, in the order asked, as the viewer may see them
 * (a masked case comes without its history); unknown ids are skipped.
 * `withAnnex`: with the images of each case's annex (the handling record).
 */
export async function printCasesWithEvents(
  db: DeskDatabase,
  ids: readonly CaseId[],
  viewer: CaseViewer,
  options: { readonly withAnnex?: boolean } = {},
): Promise<CaseWithEvents[]> {
  const tables = [db.cases, db.events, db.settings, db.files, db.fileChunks];
  return db.transaction('r', tables, async () => {
    const items = await db.cases.bulkGet([...ids]);
    const found = items.filter((item): item is CaseEntity => item !== undefined);
    return Promise.all(
      found.map(async (item) => {
        const shown = caseForViewer(item, viewer);
        const events = eventsForViewer(item, await caseEvents(db, item.id), viewer);
        const annex =
          options.withAnnex && !caseIsMasked(shown) ? await attachmentsAnnex(db, item) : undefined;
        return annex ? { item: shown, events, annex } : { item: shown, events };
      }),
    );
  });
}

/**
 * The cases dispatched in `[start, end)` (a day's dispatch sheets), in the order they were
 * dispatched; a case dispatched twice that day appears once.
 */
export async function printDispatchedCaseIds(
  db: DeskDatabase,
  start: IsoInstant,
  end: IsoInstant,
): Promise<CaseId[]> {
  const events = await db.events
    .where('at')
    .between(start, end, true, false)
    .filter((event) => event.type === 'case/dispatched')
    .sortBy('at');
  return [...new Set(events.map((event) => event.caseId))];
}

/**
 * The follow-ups to make by the end of a day (`end`, exclusive): pending follow-ups due before
 * it, overdue ones included, or with no due time, of cases the workflow lets be followed up
 * now (not one taken back into handling after an escalation); the earliest due first.
 */
export async function printFollowUpsDue(
  db: DeskDatabase,
  end: IsoInstant,
  viewer: CaseViewer,
): Promise<CaseEntity[]> {
  const pending = await db.cases.where('followUp.state').equals('pending').toArray();
  const due = pending
    .filter((c) => c.followUp.dueAt === undefined || c.followUp.dueAt < end)
    .filter((c) => caseAllowedEvents(c).includes('case/followedUp'))
    .sort(
      (a, b) =>
        (a.followUp.dueAt ?? '').localeCompare(b.followUp.dueAt ?? '') ||
        a.receivedAt.localeCompare(b.receivedAt),
    );
  return casesForViewer(due, viewer);
}

export interface PrintRecordInput {
  readonly form: PrintFormId;
  /** The cases of a case form (one per sheet printed); empty for a list form. */
  readonly caseIds: readonly CaseId[];
  /** What a list form covered, e.g. `2026-09-01..2026-09-30`; for the audit entry. */
  readonly detail?: string;
  /** `print` or `pdf`: how it left the desk. */
  readonly output: 'print' | 'pdf';
}

/**
 * Records a print by the session's operator, now, in one transaction: an audit entry per case form (`case.printed`) with a
 * `case/printed` event on its case, or one `register.printed` entry for a list form. Throws
 * `StorageError('notFound')` if a case has gone; then nothing is recorded.
 */
export async function printRecord(session: DeskSession, input: PrintRecordInput): Promise<void> {
  const { db } = session;
  sessionRequire(session, 'print');
  const stamp = sessionStamp(session);
  const detail = [input.form, input.output, input.detail].filter(Boolean).join(' ');
  const entry = (action: AuditEntity['action'], target: string): AuditInput => ({
    id: newId<AuditId>(stamp.wallMs),
    at: stamp.at,
    actorId: stamp.actorId,
    action,
    target,
    detail,
  });
  await withStorageErrors(() =>
    db.transaction('rw', [db.cases, db.events, db.settings, db.outbox, db.audit], async () => {
      if (!isCaseForm(input.form)) {
        await auditRecord(db, entry('register.printed', input.form));
        return;
      }
      if (input.caseIds.length === 0) {
        throw new StorageError('notFound', { message: 'No case to record the print on' });
      }
      for (const caseId of input.caseIds) {
        // Runs inside this transaction (its tables are a subset), so all cases or none.
        await caseAppendInTransaction(db, stamp, caseId, 'case/printed', { form: input.form });
        await auditRecord(db, entry('case.printed', caseId));
      }
    }),
  );
}
