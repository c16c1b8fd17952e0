/**
 * Matters (DOMAIN.md section 2): linking the reports of one matter and unlinking them. Each
 * link or unlink appends its events to every case it changes in ONE transaction, through the
 * same append as every other event (`caseAppendInTransaction`): either all cases change or none.
 */
import Dexie from 'dexie';
import type { CaseId } from '@shared/kernel/brand';
import type { CaseEntity } from '@shared/model/entities';
import {
  matterLinkPlan,
  matterUnlinkPlan,
  type MatterPlan,
  type MatterRefusalCode,
} from '@shared/workflow/matters';
import { casesForViewer, viewerReadsCase } from '@shared/access/mask';
import type { RegisterViewer } from '@shared/register/query';
import type { DeskDatabase } from '../database';
import { StorageError, isDeskError, storageErrorFrom } from '../errors';
import { sessionStamp, type DeskSession } from '../session';
import { caseAppendInTransaction, caseAppendTables, caseByNumber, casesSearch } from './cases';

/** A link or unlink the matter rules refuse (the cases are unchanged). */
export class MatterError extends Error {
  override readonly name = 'MatterError';
  readonly code: MatterRefusalCode;

  constructor(code: MatterRefusalCode) {
    super(`Matter change refused: ${code}`);
    this.code = code;
  }
}

/** The cases of a matter, earliest received first, as the viewer may see them. */
export async function matterCases(
  db: DeskDatabase,
  matterId: CaseId,
  viewer: RegisterViewer,
): Promise<CaseEntity[]> {
  return casesForViewer(await matterRows(db, matterId), viewer);
}

/** The stored cases of a matter, for the writes that plan on them. */
async function matterRows(db: DeskDatabase, matterId: CaseId): Promise<CaseEntity[]> {
  return db.cases
    .where('[matterId+receivedAt+id]')
    .between([matterId, Dexie.minKey], [matterId, Dexie.maxKey])
    .toArray();
}

async function caseOrThrow(db: DeskDatabase, id: CaseId): Promise<CaseEntity> {
  const found = await db.cases.get(id);
  if (!found) throw new StorageError('notFound', { message: `No case ${id}` });
  return found;
}

async function planWrite(session: DeskSession, decide: () => Promise<MatterPlan>): Promise<void> {
  const { db } = session;
  // One instant for every event of the change.
  const stamp = sessionStamp(session);
  try {
    await db.transaction('rw', caseAppendTables(db), async () => {
      const plan = await decide();
      if (!plan.ok) throw new MatterError(plan.code);
      for (const step of plan.steps) {
        await caseAppendInTransaction(db, stamp, step.caseId, step.type, step.payload);
      }
    });
  } catch (error) {
    throw error instanceof MatterError || isDeskError(error) ? error : storageErrorFrom(error);
  }
}

/**
 * Links two cases as one matter: both matters become one, under the earlier first case, and
 * each case that changes gets a `case/linked` event. Throws `MatterError` ('selfLink',
 * 'alreadyLinked') or `StorageError('notFound')`; nothing is written then.
 */
export async function matterLink(
  session: DeskSession,
  caseId: CaseId,
  otherCaseId: CaseId,
): Promise<void> {
  const { db } = session;
  await planWrite(session, async () => {
    const a = await caseOrThrow(db, caseId);
    const b = await caseOrThrow(db, otherCaseId);
    const [aMatter, bMatter] = await Promise.all([
      matterRows(db, a.matterId),
      matterRows(db, b.matterId),
    ]);
    return matterLinkPlan(a, aMatter, b, bMatter);
  });
}

/**
 * Takes a case out of its matter (`case/unlinked` on it and on the root of what remains; see
 * `matterUnlinkPlan`). Throws `MatterError('notLinked')` for a case that is alone.
 */
export async function matterUnlink(session: DeskSession, caseId: CaseId): Promise<void> {
  const { db } = session;
  await planWrite(session, async () => {
    const x = await caseOrThrow(db, caseId);
    return matterUnlinkPlan(x, await matterRows(db, x.matterId));
  });
}

/**
 * Cases a clerk may link a case to, found by number (exactly) or by text, newest first, without
 * the cases of `exceptMatterId` (already linked) and the confidential cases the viewer may not
 * read.
 */
export async function matterLinkCandidates(
  db: DeskDatabase,
  query: string,
  exceptMatterId: CaseId,
  viewer: RegisterViewer,
  limit: number,
): Promise<CaseEntity[]> {
  const text = query.trim();
  if (text === '') return [];
  const [byNumber, byText] = await Promise.all([
    caseByNumber(db, text),
    casesSearch(db, text, limit + 1),
  ]);
  const found = [...(byNumber ? [byNumber] : []), ...byText.items];
  const seen = new Set<CaseId>();
  return found
    .filter((row) => {
      // A confidential case the clerk may not read is not offered: its subject would show.
      if (row.matterId === exceptMatterId || seen.has(row.id)) return false;
      if (!viewerReadsCase(row, viewer)) return false;
      seen.add(row.id);
      return true;
    })
    .slice(0, limit);
}
