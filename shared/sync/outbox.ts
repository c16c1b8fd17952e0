/**
 * Whether a desk queues its events for sync, and how a desk that starts syncing queues the
 * history it already holds (DESIGN.md "Sync"). Most desks work alone: an outbox row per event
 * that nobody will ever push costs a record and three index entries per event (README
 * "Writing many cases"), so a desk keeps an outbox only once it is set to sync. The repositories
 * (renderer/src/db/repos/outbox.ts) read the rule inside each write transaction.
 */
import type { CaseId, EventId, HlcStamp, IsoInstant } from '../kernel/brand';
import type { OutboxEntity } from '../model/entities';
import type { SyncSettings } from './desk-sync';

/**
 * True when the desk queues its events for a server: its sync settings name a server and the
 * desk pushes (a head office only pulls). A desk whose sync is switched off but still
 * configured keeps queuing, so switching it on again pushes what was written meanwhile.
 */
export function isSyncQueuing(
  settings: Pick<SyncSettings, 'address' | 'kind'> | undefined,
): boolean {
  return settings !== undefined && settings.kind === 'desk' && settings.address.trim() !== '';
}

/**
 * How far the queuing of the events written before the desk started syncing has come
 * (settings key `syncBacklog`): every event with a key up to `queuedUpTo` has its outbox row.
 * Absent: nothing to queue (a desk that has always synced, or never).
 */
export interface SyncBacklog {
  /** The last event id queued, in key order; null before the first slice. */
  readonly queuedUpTo: EventId | null;
  readonly done: boolean;
}

/** The backlog of a desk that has just become a syncing desk: every event still to queue. */
export const SYNC_BACKLOG_START: SyncBacklog = { queuedUpTo: null, done: false };

/** Events queued per transaction: small enough that the desk stays responsive meanwhile. */
export const SYNC_BACKLOG_SLICE = 2_000;

/**
 * What a change of sync settings does to the backlog: a desk that starts queuing (it did not
 * before) queues its whole history once; otherwise the backlog stays as it is.
 */
export function syncBacklogOnSettings(
  before: Pick<SyncSettings, 'address' | 'kind'> | undefined,
  next: Pick<SyncSettings, 'address' | 'kind'>,
): 'start' | 'keep' {
  return !isSyncQueuing(before) && isSyncQueuing(next) ? 'start' : 'keep';
}

/**
 * The backlog after one slice: `lastId` is the last event id of the slice (undefined when the
 * slice was empty), `count` how many it held; a slice shorter than `limit` was the last.
 */
export function syncBacklogAfter(
  backlog: SyncBacklog,
  lastId: EventId | undefined,
  count: number,
  limit: number,
): SyncBacklog {
  return { queuedUpTo: lastId ?? backlog.queuedUpTo, done: count < limit };
}

/** True while events written before the desk started syncing still wait to be queued. */
export function isSyncBacklogPending(backlog: SyncBacklog | undefined): boolean {
  return backlog !== undefined && !backlog.done;
}

/** The outbox rows of events queued at `queuedAt`. */
export function outboxRowsOf(
  events: readonly { readonly id: EventId; readonly caseId: CaseId; readonly hlc: HlcStamp }[],
  queuedAt: IsoInstant,
): OutboxEntity[] {
  return events.map((event) => ({
    id: event.id,
    caseId: event.caseId,
    hlc: event.hlc,
    queuedAt,
  }));
}
