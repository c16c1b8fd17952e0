/**
 * The work queues of the home screen (shared/register/queues.ts): counts from the case tallies plus two
 * small index ranges, and lists paged by key. Each queue's list walks an index range that holds
 * exactly the cases its predicate accepts (`workQueueHas`); the repository tests check the
 * counts and lists agree with it.
 *
 * Counts (Chromium's `count()` visits every entry of its range, so none walks a large one):
 * - by status, awaiting follow-up, my cases: the tallies (repos/tallies.ts);
 * - due soon: the `openDueAt` range from now until work resumes after the next working day's
 *   close (present only on open, non-exempt cases with a deadline, still waiting for a reply);
 * - overdue: the tallied cases with `openDueAt`, less those due from now on;
 * - late to dispatch, interim due soon and overdue: ranges of `dispatchOpenDueAt` and
 *   `interimOpenDueAt`, present only on the few cases that still owe that step.
 *
 * Lists:
 * - by status: `[status+receivedAt+id]`;
 * - overdue and due soon: `[openDueAt+id]`;
 * - awaiting follow-up: `[followUp.state+followUp.dueAt+id]`, then the few without a due time;
 * - my cases: `[receiverId+status+receivedAt+id]` over the open statuses;
 * - late to dispatch and interim: `dispatchOpenDueAt`, `interimOpenDueAt` (ties in id order).
 */
import { casesForViewer, type CaseViewer } from '@shared/access/mask';
import Dexie from 'dexie';
import type { CaseId, IsoInstant } from '@shared/kernel/brand';
import { CASE_STATUSES, type CaseEntity, type CaseStatus } from '@shared/model/entities';
import {
  dueSoonUntil,
  workQueueDef,
  type WorkQueueContext,
  type WorkQueueId,
} from '@shared/register/queues';
import { talliesOpenOf, talliesStatusCount } from '@shared/register/tallies';
import type { DeskDatabase } from '../database';
import { talliesReadWith } from './tallies';

const OPEN_STATUSES: readonly CaseStatus[] = CASE_STATUSES.filter((s) => s !== 'closed');

export type WorkQueueCounts = Readonly<Record<WorkQueueId, number>>;

/** How many cases each queue holds at `ctx.now`, for `ctx.operatorId`. */
export async function workQueueCounts(
  db: DeskDatabase,
  ctx: WorkQueueContext,
): Promise<WorkQueueCounts> {
  const { tallies, dueSoon, notYetDue, lateToDispatch, interimDueSoon, interimOverdue } =
    await queueCountsRead(db, ctx);
  const byStatus = (id: WorkQueueId) =>
    talliesStatusCount(tallies, workQueueDef(id).statuses ?? []);
  return {
    toDispatch: byStatus('toDispatch'),
    lateToDispatch,
    notAccepted: byStatus('notAccepted'),
    dueSoon,
    overdue: tallies.openWithDue - notYetDue,
    interimDueSoon,
    interimOverdue,
    awaitingFollowUp: tallies.followUpPending,
    escalated: byStatus('escalated'),
    mine: talliesOpenOf(tallies, ctx.operatorId),
  };
}

/** The tallies and the deadline ranges, read together (the tallies rebuilt first if missing). */
async function queueCountsRead(db: DeskDatabase, ctx: WorkQueueContext) {
  const { now } = ctx;
  return talliesReadWith(db, async (tallies) => {
    const soon = dueSoonUntil(now, ctx.deadline);
    const [dueSoon, notYetDue, lateToDispatch, interimDueSoon, interimOverdue] = await Promise.all([
      // From now until work resumes after the next working day's close: `dueWithinOneWorkingDay`.
      db.cases.where('openDueAt').between(now, soon, true, true).count(),
      db.cases.where('openDueAt').aboveOrEqual(now).count(),
      db.cases.where('dispatchOpenDueAt').below(now).count(),
      db.cases.where('interimOpenDueAt').between(now, soon, true, true).count(),
      db.cases.where('interimOpenDueAt').below(now).count(),
    ]);
    return { tallies, dueSoon, notYetDue, lateToDispatch, interimDueSoon, interimOverdue };
  });
}

/**
 * Where a page stopped: the sort key of the last case (received time, handling due time or
 * follow-up due time, by the queue's order) and its id. `at` is absent in the follow-up
 * queue's tail of cases without a follow-up due time.
 */
export interface WorkQueueCursor {
  readonly at?: IsoInstant;
  readonly id: CaseId;
}

export interface WorkQueuePage {
  readonly items: CaseEntity[];
  /** Absent on the last page. */
  readonly next?: WorkQueueCursor;
}

export interface WorkQueuePageQuery {
  /** Who reads the queue: what they may not read comes masked (shared/access/mask.ts). */
  readonly viewer: CaseViewer;
  readonly limit: number;
  readonly after?: WorkQueueCursor;
}

/**
 * One page of a queue, in the queue's order, continuing after `query.after`, as the viewer may
 * see it (a confidential case stays in the queue and its count, masked).
 */
export async function workQueuePage(
  db: DeskDatabase,
  id: WorkQueueId,
  ctx: WorkQueueContext,
  query: WorkQueuePageQuery,
): Promise<WorkQueuePage> {
  const page = await workQueuePageStored(db, id, ctx, query);
  return { ...page, items: casesForViewer(page.items, query.viewer) };
}

async function workQueuePageStored(
  db: DeskDatabase,
  id: WorkQueueId,
  ctx: WorkQueueContext,
  query: WorkQueuePageQuery,
): Promise<WorkQueuePage> {
  const def = workQueueDef(id);
  switch (def.order) {
    case 'newestReceived': {
      const prefixes =
        id === 'mine'
          ? OPEN_STATUSES.map((status) => [ctx.operatorId, status])
          : (def.statuses ?? []).map((status) => [status]);
      const index = id === 'mine' ? '[receiverId+status+receivedAt+id]' : '[status+receivedAt+id]';
      return newestReceivedPage(db, index, prefixes, query);
    }
    case 'earliestDue':
      return earliestDuePage(db, id === 'overdue' ? 'overdue' : 'dueSoon', ctx, query);
    case 'earliestFollowUp':
      return earliestFollowUpPage(db, query);
    case 'earliestDispatch':
      return dueIndexPage(db, 'dispatchOpenDueAt', Dexie.minKey, ctx.now, false, query);
    case 'earliestInterim':
      return id === 'interimOverdue'
        ? dueIndexPage(db, 'interimOpenDueAt', Dexie.minKey, ctx.now, false, query)
        : dueIndexPage(
            db,
            'interimOpenDueAt',
            ctx.now,
            dueSoonUntil(ctx.now, ctx.deadline),
            true,
            query,
          );
  }
}

/**
 * Earliest due first over a plain index of due times (`dispatchOpenDueAt`, `interimOpenDueAt`)
 * from `lower` (included) to `upper`; equal due times come in id order (IndexedDB's order of
 * primary keys under one index key), so the cursor skips what the last page showed.
 */
async function dueIndexPage(
  db: DeskDatabase,
  index: 'dispatchOpenDueAt' | 'interimOpenDueAt',
  lower: IsoInstant | typeof Dexie.minKey,
  upper: IsoInstant,
  includeUpper: boolean,
  query: WorkQueuePageQuery,
): Promise<WorkQueuePage> {
  const { after, limit } = query;
  const rows = await db.cases
    .where(index)
    .between(after?.at ?? lower, upper, true, includeUpper)
    .filter((row) => !after || row[index] !== after.at || row.id > after.id)
    .limit(limit + 1)
    .toArray();
  return pageOf(rows, limit, (row) => ({ at: row[index], id: row.id }));
}

/** Newest received first, then the larger id: the register's order. */
function newestFirst(a: CaseEntity, b: CaseEntity): number {
  if (a.receivedAt !== b.receivedAt) return a.receivedAt > b.receivedAt ? -1 : 1;
  return a.id === b.id ? 0 : a.id > b.id ? -1 : 1;
}

/** Rows in order, one more than asked: the extra one says there is a next page. */
function pageOf(
  rows: CaseEntity[],
  limit: number,
  cursorOf: (row: CaseEntity) => WorkQueueCursor,
): WorkQueuePage {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return rows.length > limit && last ? { items, next: cursorOf(last) } : { items };
}

/**
 * Walks one compound index ending in `receivedAt+id` backwards under each prefix (a status, or
 * the operator and a status) and merges the streams: each gives at most a page, so the merge
 * reads at most `prefixes x (limit + 1)` rows.
 */
async function newestReceivedPage(
  db: DeskDatabase,
  index: string,
  prefixes: readonly string[][],
  query: WorkQueuePageQuery,
): Promise<WorkQueuePage> {
  const { after, limit } = query;
  const streams = await db.transaction('r', db.cases, () =>
    Promise.all(
      prefixes.map((prefix) =>
        db.cases
          .where(index)
          .between(
            [...prefix, Dexie.minKey],
            after?.at ? [...prefix, after.at, after.id] : [...prefix, Dexie.maxKey],
            true,
            !after,
          )
          .reverse()
          .limit(limit + 1)
          .toArray(),
      ),
    ),
  );
  const rows = streams
    .flat()
    .sort(newestFirst)
    .slice(0, limit + 1);
  return pageOf(rows, limit, (row) => ({ at: row.receivedAt, id: row.id }));
}

/** The overdue (due before now) or due-soon (now to the next close) cases, earliest due first. */
async function earliestDuePage(
  db: DeskDatabase,
  which: 'overdue' | 'dueSoon',
  ctx: WorkQueueContext,
  query: WorkQueuePageQuery,
): Promise<WorkQueuePage> {
  const { after, limit } = query;
  // `[t]` sorts before every `[t, id]`: as a lower bound it includes due time t, as an upper
  // bound it excludes it.
  const lower = after?.at ? [after.at, after.id] : which === 'overdue' ? [Dexie.minKey] : [ctx.now];
  const upper =
    which === 'overdue' ? [ctx.now] : [dueSoonUntil(ctx.now, ctx.deadline), Dexie.maxKey];
  const rows = await db.cases
    .where('[openDueAt+id]')
    .between(lower, upper, !after, false)
    .limit(limit + 1)
    .toArray();
  return pageOf(rows, limit, (row) => ({ at: row.openDueAt, id: row.id }));
}

/**
 * Pending follow-ups, earliest due first, then those without a follow-up due time (rules
 * without a follow-up deadline) in id order.
 */
async function earliestFollowUpPage(
  db: DeskDatabase,
  query: WorkQueuePageQuery,
): Promise<WorkQueuePage> {
  const { after, limit } = query;
  return db.transaction('r', db.cases, async () => {
    const dated =
      after && after.at === undefined
        ? []
        : await db.cases
            .where('[followUp.state+followUp.dueAt+id]')
            .between(
              after?.at ? ['pending', after.at, after.id] : ['pending', Dexie.minKey],
              ['pending', Dexie.maxKey],
              !after,
              false,
            )
            .limit(limit + 1)
            .toArray();
    const undated =
      dated.length > limit
        ? []
        : await db.cases
            .where('followUp.state')
            .equals('pending')
            .filter(
              (row) =>
                row.followUp.dueAt === undefined &&
                (after?.at !== undefined || after === undefined || row.id > after.id),
            )
            .limit(limit + 1 - dated.length)
            .toArray();
    return pageOf([...dated, ...undated], limit, (row) => ({
      at: row.followUp.dueAt,
      id: row.id,
    }));
  });
}
