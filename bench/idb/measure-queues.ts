/** The home screen's work-queue counts: the app's `workQueueCounts` against raw index counts. */
import type { IsoInstant } from '@shared/kernel/brand';
import { CASE_STATUSES } from '@shared/model/entities';
import {
  dueSoonUntil,
  WORK_QUEUE_IDS,
  workQueueDef,
  type WorkQueueContext,
  type WorkQueueId,
} from '@shared/register/queues';
import { workQueueCounts } from '../../renderer/src/db/repos/queues';
import type { BenchContext, Measurement } from './context';
import { timePair } from './timing';

function countOf(store: IDBObjectStore, index: string, range: IDBKeyRange): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = store.index(index).count(range);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('count failed'));
  });
}

/** The same ranges as the repository, counted by hand in one transaction. */
async function rawQueueCounts(
  raw: IDBDatabase,
  ctx: WorkQueueContext,
): Promise<Record<WorkQueueId, number>> {
  const store = raw.transaction('cases', 'readonly').objectStore('cases');
  const byStatus = (id: WorkQueueId) =>
    Promise.all(
      (workQueueDef(id).statuses ?? []).map((s) => countOf(store, 'status', IDBKeyRange.only(s))),
    ).then((counts) => counts.reduce((sum, n) => sum + n, 0));
  const open = CASE_STATUSES.filter((s) => s !== 'closed');
  const [toDispatch, notAccepted, escalated, overdue, dueSoon, awaitingFollowUp, mine] =
    await Promise.all([
      byStatus('toDispatch'),
      byStatus('notAccepted'),
      byStatus('escalated'),
      countOf(store, 'openDueAt', IDBKeyRange.upperBound(ctx.now, true)),
      countOf(store, 'openDueAt', IDBKeyRange.bound(ctx.now, dueSoonUntil(ctx.now, ctx.deadline))),
      countOf(store, 'followUp.state', IDBKeyRange.only('pending')),
      Promise.all(
        open.map((s) =>
          countOf(
            store,
            '[receiverId+status+receivedAt+id]',
            IDBKeyRange.bound([ctx.operatorId, s], [ctx.operatorId, s, []]),
          ),
        ),
      ).then((counts) => counts.reduce((sum, n) => sum + n, 0)),
    ]);
  const soon = dueSoonUntil(ctx.now, ctx.deadline);
  const [lateToDispatch, interimDueSoon, interimOverdue] = await Promise.all([
    countOf(store, 'dispatchOpenDueAt', IDBKeyRange.upperBound(ctx.now, true)),
    countOf(store, 'interimOpenDueAt', IDBKeyRange.bound(ctx.now, soon)),
    countOf(store, 'interimOpenDueAt', IDBKeyRange.upperBound(ctx.now, true)),
  ]);
  return {
    toDispatch,
    notAccepted,
    dueSoon,
    overdue,
    awaitingFollowUp,
    escalated,
    mine,
    lateToDispatch,
    interimDueSoon,
    interimOverdue,
  };
}

export async function measureQueueCounts(ctx: BenchContext): Promise<Measurement> {
  // One instant for both, per run, so they count the same ranges.
  const nows: IsoInstant[] = [];
  const queueContext = (i: number): WorkQueueContext => {
    nows[i] ??= new Date().toISOString() as IsoInstant;
    return { now: nows[i], deadline: ctx.deadline, operatorId: ctx.desk.operator.id };
  };
  let answer = '';
  const result = await timePair({
    warmup: ctx.warmup,
    runs: ctx.runs,
    app: (i) => workQueueCounts(ctx.db, queueContext(i)),
    baseline: (i) => rawQueueCounts(ctx.raw, queueContext(i)),
    agree: (app, raw) => {
      answer = WORK_QUEUE_IDS.map((id) => `${id} ${app[id]}`).join(', ');
      return WORK_QUEUE_IDS.every((id) => app[id] === raw[id]);
    },
  });
  return {
    id: 'queueCounts',
    label: 'work-queue counts (7 queues)',
    targetMs: 100,
    ...result,
    appCall: 'workQueueCounts (queues.ts)',
    baselineCall: 'count() on the same index ranges, one transaction',
    answer,
  };
}
