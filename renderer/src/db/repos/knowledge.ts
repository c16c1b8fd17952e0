/**
 * The knowledge base (知识库): standard answers searched from intake, added by hand or from a
 * closed case. Entries are deactivated, never deleted (a case may have been answered from one).
 * Search uses the same Chinese pieces as the cases (shared/register/search.ts).
 */
import type { AuditId, CaseId } from '@shared/kernel/brand';
import type { CaseEventEntity, KnowledgeEntity, KnowledgeId } from '@shared/model/entities';
import { newId } from '@shared/kernel/ids';
import {
  knowledgeCheck,
  knowledgeDraftFromCase,
  knowledgeFieldsOf,
  knowledgeRank,
  knowledgeSearchTexts,
  type KnowledgeDraft,
  type KnowledgeError,
} from '@shared/intake/knowledge';
import { searchMatches, searchQueryTerms } from '@shared/register/search';
import type { CasePayloadOf } from '@shared/workflow/events';
import { viewerReadsCase, type CaseViewer } from '@shared/access/mask';
import type { DeskDatabase } from '../database';
import { StorageError } from '../errors';
import { sessionStamp, type DeskSession, type WriteStamp } from '../session';
import { ChangeRefusedError, withRefusals } from './refused';
import { auditRecord } from './audit';
import { sessionRequire } from '../access';

/** Why a knowledge change was refused: a field's problem, or a case that is not closed. */
export type KnowledgeRefusal =
  | KnowledgeError
  | { readonly code: 'caseNotClosed' }
  /** A confidential case's answer never enters the knowledge base every clerk reads. */
  | { readonly code: 'caseConfidential' };

export interface KnowledgeQuery {
  /** Words to find (Chinese needs no spaces); empty lists the latest entries. */
  readonly text: string;
  readonly limit: number;
  /** Deactivated entries too (the knowledge page can show them; intake never does). */
  readonly includeInactive?: boolean;
  /** Who reads: an entry taken from a confidential case they may not read is left out. */
  readonly viewer: CaseViewer;
}

/** The entries without those whose source case is withheld from the viewer. */
async function knowledgeForViewer(
  db: DeskDatabase,
  entries: KnowledgeEntity[],
  viewer: CaseViewer,
): Promise<KnowledgeEntity[]> {
  const ids = [...new Set(entries.flatMap((e) => (e.sourceCaseId ? [e.sourceCaseId] : [])))];
  if (ids.length === 0) return entries;
  const sources = await db.cases.bulkGet(ids);
  const withheld = new Set(
    sources.flatMap((c) => (c && !viewerReadsCase(c, viewer) ? [c.id] : [])),
  );
  return entries.filter((e) => e.sourceCaseId === undefined || !withheld.has(e.sourceCaseId));
}

function newestFirst(a: KnowledgeEntity, b: KnowledgeEntity): number {
  return a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0;
}

/**
 * Entries holding every word of the query (question or answer), those whose question holds it
 * first, then the most recently updated; without a query, the most recently updated.
 */
export async function knowledgeSearch(
  db: DeskDatabase,
  query: KnowledgeQuery,
): Promise<KnowledgeEntity[]> {
  const wanted = (entry: KnowledgeEntity) => query.includeInactive === true || entry.active;
  const pieces = searchQueryTerms(query.text);
  return db.transaction('r', [db.knowledge, db.cases], async () => {
    if (pieces.length === 0) {
      const latest = await db.knowledge
        .orderBy('updatedAt')
        .reverse()
        .filter(wanted)
        .limit(query.limit)
        .toArray();
      return knowledgeForViewer(db, latest, query.viewer);
    }
    // Start from the rarest piece: the fewest rows to read and check.
    const counts = await Promise.all(
      pieces.map((piece) => db.knowledge.where('searchTerms').equals(piece).count()),
    );
    const rarest = pieces[counts.indexOf(Math.min(...counts))] ?? '';
    const found = await db.knowledge
      .where('searchTerms')
      .equals(rarest)
      .filter((entry) => {
        const terms = new Set(entry.searchTerms);
        return (
          wanted(entry) &&
          pieces.every((piece) => terms.has(piece)) &&
          searchMatches(knowledgeSearchTexts(entry), query.text)
        );
      })
      .toArray();
    return knowledgeRank(await knowledgeForViewer(db, found, query.viewer), query.text).slice(
      0,
      query.limit,
    );
  });
}

export async function knowledgeGet(
  db: DeskDatabase,
  id: KnowledgeId,
): Promise<KnowledgeEntity | undefined> {
  return db.knowledge.get(id);
}

/** The entries added from one case, newest first. */
export async function knowledgeOfCase(
  db: DeskDatabase,
  caseId: CaseId,
): Promise<KnowledgeEntity[]> {
  const entries = await db.knowledge.where('sourceCaseId').equals(caseId).toArray();
  return entries.sort(newestFirst);
}

async function knowledgeWrite(
  db: DeskDatabase,
  draft: KnowledgeDraft,
  by: WriteStamp,
  sourceCaseId: CaseId | undefined,
): Promise<KnowledgeEntity> {
  const entry: KnowledgeEntity = {
    ...knowledgeFieldsOf(draft),
    id: newId<KnowledgeId>(by.wallMs),
    ...(sourceCaseId ? { sourceCaseId } : {}),
    active: true,
    createdAt: by.at,
    updatedAt: by.at,
    createdById: by.actorId,
  };
  await db.knowledge.add(entry);
  await auditRecord(db, {
    id: newId<AuditId>(by.wallMs),
    at: by.at,
    actorId: by.actorId,
    action: 'knowledge.added',
    target: entry.id,
    detail: sourceCaseId ? `case ${sourceCaseId}` : entry.question.slice(0, 60),
  });
  return entry;
}

/** Adds an entry and its audit entry. Throws `ChangeRefusedError<KnowledgeRefusal>` when invalid. */
export async function knowledgeAdd(
  session: DeskSession,
  draft: KnowledgeDraft,
): Promise<KnowledgeEntity> {
  const { db } = session;
  sessionRequire(session, 'knowledge.edit');
  const by = sessionStamp(session);
  const problems = knowledgeCheck(draft);
  if (problems.length > 0) throw new ChangeRefusedError<KnowledgeRefusal>(problems);
  return withRefusals(() =>
    db.transaction('rw', [db.knowledge, db.audit], () => knowledgeWrite(db, draft, by, undefined)),
  );
}

/**
 * Adds the answer of a closed case (its `sourceCaseId` links back to it). Throws
 * `ChangeRefusedError<KnowledgeRefusal>` for an invalid draft or a case that is not closed.
 */
export async function knowledgeAddFromCase(
  session: DeskSession,
  caseId: CaseId,
  draft: KnowledgeDraft,
): Promise<KnowledgeEntity> {
  const { db } = session;
  sessionRequire(session, 'knowledge.edit');
  const by = sessionStamp(session);
  const problems = knowledgeCheck(draft);
  if (problems.length > 0) throw new ChangeRefusedError<KnowledgeRefusal>(problems);
  return withRefusals(() =>
    db.transaction('rw', [db.cases, db.knowledge, db.audit], async () => {
      const source = await db.cases.get(caseId);
      if (!source) throw new StorageError('notFound', { message: `No case ${caseId}` });
      if (source.flags.includes('confidential')) {
        throw new ChangeRefusedError<KnowledgeRefusal>([{ code: 'caseConfidential' }]);
      }
      if (source.status !== 'closed') {
        throw new ChangeRefusedError<KnowledgeRefusal>([{ code: 'caseNotClosed' }]);
      }
      return knowledgeWrite(db, draft, by, caseId);
    }),
  );
}

/** The entry a closed case proposes (subject, and the reply or else the closing summary). */
export async function knowledgeCaseDraft(
  db: DeskDatabase,
  caseId: CaseId,
): Promise<KnowledgeDraft | undefined> {
  return db.transaction('r', [db.cases, db.events], async () => {
    const source = await db.cases.get(caseId);
    // A confidential case proposes nothing (see `knowledgeAddFromCase`).
    if (!source || source.flags.includes('confidential')) return undefined;
    const closings = (await db.events
      .where('caseId')
      .equals(caseId)
      .filter((event) => event.type === 'case/closed')
      .toArray()) as CaseEventEntity[];
    closings.sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
    const last = closings.at(-1);
    const summary = last ? (last.payload as CasePayloadOf<'case/closed'>).summary : undefined;
    return knowledgeDraftFromCase(source, summary);
  });
}

/**
 * Changes an entry's texts and kind (`draft`) and/or deactivates or reactivates it, with an
 * audit entry. Throws `ChangeRefusedError<KnowledgeRefusal>` for an invalid draft.
 */
export async function knowledgeUpdate(
  session: DeskSession,
  id: KnowledgeId,
  changes: { readonly draft?: KnowledgeDraft; readonly active?: boolean },
): Promise<KnowledgeEntity> {
  const { db } = session;
  sessionRequire(session, 'knowledge.edit');
  const by = sessionStamp(session);
  const problems = changes.draft ? knowledgeCheck(changes.draft) : [];
  if (problems.length > 0) throw new ChangeRefusedError<KnowledgeRefusal>(problems);
  return withRefusals(() =>
    db.transaction('rw', [db.knowledge, db.audit], async () => {
      const current = await db.knowledge.get(id);
      if (!current) throw new StorageError('notFound', { message: `No knowledge entry ${id}` });
      const { kindId: _kindId, categoryId: _categoryId, ...kept } = current;
      const next: KnowledgeEntity = {
        ...(changes.draft ? { ...kept, ...knowledgeFieldsOf(changes.draft) } : current),
        ...(changes.active === undefined ? {} : { active: changes.active }),
        updatedAt: by.at,
      };
      await db.knowledge.put(next);
      await auditRecord(db, {
        id: newId<AuditId>(by.wallMs),
        at: by.at,
        actorId: by.actorId,
        action: 'knowledge.changed',
        target: id,
        detail: Object.keys(changes).join(','),
      });
      return next;
    }),
  );
}
