/**
 * The outbox (DESIGN.md "Sync"): events wait there to be pushed, but only on a desk set to sync
 * (`isSyncQueuing`, shared/sync/outbox.ts). Every writer of events calls `outboxQueue` inside its
 * own write transaction, which must list `db.settings` and `db.outbox`: the rule is read there,
 * so an event is queued exactly when the desk syncs at the moment it is written. The events a
 * desk wrote before it started syncing are queued afterwards, in slices, by
 * `outboxBacklogQueueSlice` (the engine runs it before each push).
 */
import type { IsoInstant } from '@shared/kernel/brand';
import type { CaseEventEntity, OutboxEntity } from '@shared/model/entities';
import {
  isSyncBacklogPending,
  isSyncQueuing,
  outboxRowsOf,
  syncBacklogAfter,
  type SyncBacklog,
} from '@shared/sync/outbox';
import type { DeskDatabase } from '../database';
import { settingsGet } from './settings';

/** Whether this desk queues events for sync; call inside a transaction over `db.settings`. */
export async function outboxIsQueuing(db: DeskDatabase): Promise<boolean> {
  return isSyncQueuing(await settingsGet(db, 'sync'));
}

/**
 * Queues the given events for sync if the desk syncs (`queuing`, when the caller read it
 * already in this transaction). `replace` puts rather than adds: for events whose row may be
 * left over (a restore of events deleted outside the desk). Returns how many rows it wrote.
 */
export async function outboxQueue(
  db: DeskDatabase,
  events: readonly Pick<CaseEventEntity, 'id' | 'caseId' | 'hlc'>[],
  queuedAt: IsoInstant,
  options: { readonly queuing?: boolean; readonly replace?: boolean } = {},
): Promise<number> {
  if (events.length === 0) return 0;
  const queuing = options.queuing ?? (await outboxIsQueuing(db));
  if (!queuing) return 0;
  const rows: OutboxEntity[] = outboxRowsOf(events, queuedAt);
  if (options.replace) await db.outbox.bulkPut(rows);
  else await db.outbox.bulkAdd(rows);
  return rows.length;
}

/** How far the events written before the desk started syncing are queued (absent: nothing to do). */
export async function outboxBacklogGet(db: DeskDatabase): Promise<SyncBacklog | undefined> {
  return settingsGet(db, 'syncBacklog');
}

/**
 * Queues the next `limit` events of the backlog, in key order after the last one queued, in one
 * transaction with the backlog's progress, so an interrupted backlog resumes where it stopped.
 * `bulkPut`: a slice repeated after an interruption queues each event once. Returns
 * how many events the slice held and whether the backlog is done (or there was none, or the
 * desk no longer syncs).
 */
export async function outboxBacklogQueueSlice(
  db: DeskDatabase,
  limit: number,
  now: IsoInstant,
): Promise<{ readonly queued: number; readonly done: boolean }> {
  return db.transaction('rw', [db.events, db.outbox, db.settings], async () => {
    const [backlog, sync] = await Promise.all([
      settingsGet(db, 'syncBacklog'),
      settingsGet(db, 'sync'),
    ]);
    if (!backlog || !isSyncBacklogPending(backlog) || !isSyncQueuing(sync)) {
      return { queued: 0, done: true };
    }
    const events =
      backlog.queuedUpTo === null
        ? await db.events.orderBy(':id').limit(limit).toArray()
        : await db.events.where(':id').above(backlog.queuedUpTo).limit(limit).toArray();
    // Rows a writer queued since the desk joined keep their own time.
    const queued = await db.outbox.bulkGet(events.map((event) => event.id));
    const fresh = events.filter((_, i) => queued[i] === undefined);
    if (fresh.length > 0) await db.outbox.bulkPut(outboxRowsOf(fresh, now));
    const next = syncBacklogAfter(backlog, events[events.length - 1]?.id, events.length, limit);
    await db.settings.put({ key: 'syncBacklog', value: next, updatedAt: now });
    return { queued: events.length, done: next.done };
  });
}
