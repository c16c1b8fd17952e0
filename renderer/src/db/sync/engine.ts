/**
 * The sync engine (DESIGN.md "Sync"): one round pushes the outbox in batches (deleting only the
 * acknowledged ids), uploads the files the server lacks, then pulls pages after the stored
 * cursor, each page stored with its cursor in one transaction (repos/sync.ts). In the
 * background it runs after a local change (debounced), on a timer and when the network comes
 * back, with exponential backoff and jitter after a failure; it stops on failures a retry will
 * not cure (a refused token, a clock far ahead) until the settings change.
 *
 * A head office only pulls: it has no outbox of its own to push (its session writes no case).
 * A desk keeps an outbox only while set to sync (shared/sync/outbox.ts); the events it wrote
 * before are queued, in slices, at the start of its next push.
 */
import { PULL_DEFAULT_EVENTS, PUSH_MAX_EVENTS } from '@shared/sync/protocol';
import {
  syncBackoffMs,
  syncFailureStops,
  syncRoutesFor,
  syncStatusOf,
  type SyncFailure,
  type SyncSettings,
  type SyncStatus,
} from '@shared/sync/desk-sync';
import { SYNC_BACKLOG_SLICE } from '@shared/sync/outbox';
import type { IsoInstant } from '@shared/kernel/brand';
import type { DeskDatabase } from '../database';
import {
  syncCursorForget,
  syncCursorGet,
  syncFileBytes,
  syncFileFetcherSet,
  syncFilesHeld,
  syncOutboxAcknowledge,
  syncOutboxBatch,
  syncOutboxCount,
  syncPulledPageStore,
} from '../repos/sync';
import { outboxBacklogQueueSlice } from '../repos/outbox';
import { SyncRequestError, type SyncTransport } from './transport';

/** What one round did. */
export interface SyncRoundResult {
  readonly pushed: number;
  readonly uploaded: number;
  readonly pulled: number;
  readonly pages: number;
  /** The server's epoch changed during the round: the cursor was forgotten and pulled again. */
  readonly epochReset: boolean;
}

export interface SyncEngineOptions {
  readonly db: DeskDatabase;
  readonly settings: SyncSettings;
  readonly transport: SyncTransport;
  readonly now?: () => IsoInstant;
  /** Events per pull page (default the protocol's). */
  readonly pullLimit?: number;
  /** Events per push (default and at most `PUSH_MAX_EVENTS`). */
  readonly pushLimit?: number;
  /** Background timings (tests shorten them). */
  readonly debounceMs?: number;
  readonly intervalMs?: number;
  readonly random?: () => number;
}

function systemNow(): IsoInstant {
  return new Date().toISOString() as IsoInstant;
}

export class SyncEngine {
  private readonly db: DeskDatabase;
  private readonly settings: SyncSettings;
  private readonly transport: SyncTransport;
  private readonly now: () => IsoInstant;
  private readonly pullLimit: number;
  private readonly pushLimit: number;
  private readonly debounceMs: number;
  private readonly intervalMs: number;
  private readonly random: () => number;

  private failure: SyncFailure | undefined;
  private failures = 0;
  private lastSyncedAt: string | undefined;
  private pending = 0;
  private running: Promise<SyncRoundResult> | undefined;
  private again = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = true;
  private readonly listeners = new Set<(status: SyncStatus) => void>();
  private readonly onOnline = () => this.soon(0);

  constructor(options: SyncEngineOptions) {
    this.db = options.db;
    this.settings = options.settings;
    this.transport = options.transport;
    this.now = options.now ?? systemNow;
    this.pullLimit = options.pullLimit ?? PULL_DEFAULT_EVENTS;
    this.pushLimit = Math.min(options.pushLimit ?? PUSH_MAX_EVENTS, PUSH_MAX_EVENTS);
    this.debounceMs = options.debounceMs ?? 1_500;
    this.intervalMs = options.intervalMs ?? 60_000;
    this.random = options.random ?? Math.random;
  }

  /** The status the top bar shows. */
  status(): SyncStatus {
    return syncStatusOf({
      enabled: this.settings.enabled,
      pending: this.pending,
      ...(this.failure ? { failure: this.failure } : {}),
      ...(this.lastSyncedAt ? { lastSyncedAt: this.lastSyncedAt } : {}),
    });
  }

  subscribe(listener: (status: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    listener(this.status());
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    const status = this.status();
    for (const listener of this.listeners) listener(status);
  }

  /** Counts the outbox again (after a local change) and tells the listeners. */
  async refreshPending(): Promise<void> {
    this.pending = await syncOutboxCount(this.db);
    this.emit();
  }

  /**
   * One round: push everything waiting, upload missing files, pull until no more. Rounds never
   * overlap: asked while one runs, it runs once more after it. Throws `SyncRequestError`.
   */
  async syncNow(): Promise<SyncRoundResult> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.round().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async round(): Promise<SyncRoundResult> {
    try {
      const result = await this.roundOnce();
      this.failure = undefined;
      this.failures = 0;
      this.lastSyncedAt = this.now();
      return result;
    } catch (error) {
      if (error instanceof SyncRequestError) this.failure = error.failure;
      else this.failure = { code: 'server', detail: String(error) };
      this.failures += 1;
      throw error;
    } finally {
      this.pending = await syncOutboxCount(this.db).catch(() => this.pending);
      this.emit();
    }
  }

  private async roundOnce(): Promise<SyncRoundResult> {
    const push = this.settings.kind === 'desk' ? await this.pushAll() : { pushed: 0, uploaded: 0 };
    const pull = await this.pullAll();
    return { ...push, ...pull };
  }

  /**
   * Queues the events written before the desk started syncing, a slice per transaction, so a
   * backlog interrupted by a closed window finishes before the next push.
   */
  private async queueBacklog(): Promise<void> {
    for (;;) {
      const slice = await outboxBacklogQueueSlice(this.db, SYNC_BACKLOG_SLICE, this.now());
      if (slice.queued > 0) {
        this.pending = await syncOutboxCount(this.db);
        this.emit();
      }
      if (slice.done) return;
    }
  }

  /** Pushes the outbox in batches until it is empty or a batch is not fully acknowledged. */
  private async pushAll(): Promise<{ pushed: number; uploaded: number }> {
    await this.queueBacklog();
    let pushed = 0;
    let uploaded = 0;
    const units = await this.db.units.toArray();
    const ownCode = this.settings.desk?.code;
    for (;;) {
      const events = await syncOutboxBatch(this.db, this.pushLimit);
      if (events.length === 0) break;
      const routes = syncRoutesFor(events, units, ownCode);
      const response = await this.transport.push(events, routes);
      const deleted = await syncOutboxAcknowledge(this.db, response.acknowledged);
      pushed += deleted;
      this.pending = await syncOutboxCount(this.db);
      this.emit();
      uploaded += await this.uploadMissing(events);
      // Nothing of this batch acknowledged: pushing it again now would loop.
      if (deleted === 0) break;
    }
    return { pushed, uploaded };
  }

  /** Uploads the files the pushed events name that the server lacks. */
  private async uploadMissing(events: Parameters<typeof syncFilesHeld>[1]): Promise<number> {
    const held = await syncFilesHeld(this.db, events);
    if (held.length === 0) return 0;
    const { missing } = await this.transport.filesMissing(held);
    let uploaded = 0;
    for (const hash of missing) {
      const bytes = await syncFileBytes(this.db, hash);
      if (!bytes) continue;
      await this.transport.filePut(hash, bytes);
      uploaded += 1;
    }
    return uploaded;
  }

  /** Pulls pages after the stored cursor until the server has no more. */
  private async pullAll(): Promise<{ pulled: number; pages: number; epochReset: boolean }> {
    let pulled = 0;
    let pages = 0;
    let epochReset = false;
    let cursor = await syncCursorGet(this.db);
    for (;;) {
      let page;
      try {
        page = await this.transport.pull(cursor, this.pullLimit);
      } catch (error) {
        // A restored or reset server: forget the cursor and pull everything again (once a round).
        if (
          error instanceof SyncRequestError &&
          error.failure.code === 'epochChanged' &&
          !epochReset
        ) {
          epochReset = true;
          await syncCursorForget(this.db);
          cursor = null;
          continue;
        }
        throw error;
      }
      const stored = await syncPulledPageStore(this.db, page.events, page.cursor, this.now());
      pulled += stored.added;
      pages += 1;
      cursor = page.cursor;
      if (!page.more) break;
    }
    return { pulled, pages, epochReset };
  }

  /** Starts the background: a first round now, then on changes, the timer and `online`. */
  start(): void {
    if (!this.settings.enabled || !this.stopped) return;
    this.stopped = false;
    syncFileFetcherSet(this.db, (hash) => this.transport.fileGet(hash));
    if (typeof window !== 'undefined') window.addEventListener('online', this.onOnline);
    void this.refreshPending();
    this.soon(0);
  }

  stop(): void {
    this.stopped = true;
    syncFileFetcherSet(this.db, undefined);
    if (typeof window !== 'undefined') window.removeEventListener('online', this.onOnline);
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** A local change was written: count it and sync after a short pause (changes come in bursts). */
  changed(): void {
    void this.refreshPending();
    this.soon(this.debounceMs);
  }

  private soon(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delayMs);
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    try {
      await this.syncNow();
      if (this.again) {
        this.again = false;
        this.soon(0);
        return;
      }
      this.soon(this.intervalMs);
    } catch {
      const failure = this.failure;
      // A refused token or a clock far ahead: trying again changes nothing; the status says why.
      if (failure && syncFailureStops(failure.code)) return;
      this.soon(syncBackoffMs(this.failures, this.random()));
    }
  }
}
