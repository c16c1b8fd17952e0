/**
 * A minimal desk over the sync protocol, for the load and fault tests and the benchmark (the
 * desk application's own sync engine runs in the browser on IndexedDB; this one keeps the same
 * rules in memory): an outbox the client empties only of what the server acknowledged, a pull
 * that stores each page together with its cursor (one assignment, as one IndexedDB transaction
 * would), and snapshots folded from the stored events with the desks' reducer.
 */
import { gzipSync } from 'node:zlib';
import type { CaseEntity, CaseEventEntity } from '@shared/model/entities';
import {
  PROTOCOL_VERSION,
  PULL_MAX_EVENTS,
  PUSH_MAX_EVENTS,
  type PullResponse,
  type PushResponse,
  type SyncErrorBody,
} from '@shared/sync/protocol';
import { caseFold } from '@shared/workflow/reducer';

/** A refusal the server answered with (the status and its body), as opposed to a lost request. */
export class SyncRefused extends Error {
  constructor(
    readonly status: number,
    readonly body: SyncErrorBody | undefined,
  ) {
    super(`HTTP ${status}: ${body?.error.message ?? 'no body'}`);
  }
}

/** POSTs a protocol request; gzips bodies over 4 KiB as a desk would. */
export async function postJson<T>(
  url: string,
  token: string,
  body: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<T> {
  const text = JSON.stringify({ protocol: PROTOCOL_VERSION, ...body });
  const zipped = text.length > 4096;
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'accept-encoding': 'gzip',
      ...(zipped ? { 'content-encoding': 'gzip' } : {}),
    },
    body: zipped ? gzipSync(text) : text,
    signal: signal ?? null,
  });
  const answer = await response.text();
  if (!response.ok) {
    let parsed: SyncErrorBody | undefined;
    try {
      parsed = JSON.parse(answer) as SyncErrorBody;
    } catch {
      parsed = undefined;
    }
    throw new SyncRefused(response.status, parsed);
  }
  return JSON.parse(answer) as T;
}

export interface PullHooks {
  /** Called with each page before it is stored: throwing here is a client stopped mid-pull. */
  readonly beforeStore?: (page: PullResponse, index: number) => void;
  /** Called with the cursor each request is sent with. */
  readonly onRequest?: (cursor: string | null) => void;
}

export interface PullResult {
  readonly pages: number;
  readonly events: number;
}

export class DeskClient {
  /** Events written here and not yet acknowledged, in the order they were written. */
  readonly outbox = new Map<string, CaseEventEntity>();
  /** Routing for the next push: cases this desk sends to other desks. */
  readonly routes = new Map<string, string[]>();
  /** Every event this desk holds (its own and pulled), by case, then by id. */
  readonly events = new Map<string, Map<string, CaseEventEntity>>();
  /** The server cursor stored with the last page. */
  cursor: string | null = null;
  /** Pulled events this desk already held (its own pushes come back; a re-sent page). */
  alreadyHeld = 0;

  constructor(
    readonly url: string,
    readonly token: string,
  ) {}

  #hold(event: CaseEventEntity): boolean {
    let ofCase = this.events.get(event.caseId);
    if (!ofCase) {
      ofCase = new Map();
      this.events.set(event.caseId, ofCase);
    }
    if (ofCase.has(event.id)) return false;
    ofCase.set(event.id, event);
    return true;
  }

  /** A local write: stored and queued in the outbox at once. */
  write(...events: readonly CaseEventEntity[]): void {
    for (const event of events) {
      this.#hold(event);
      this.outbox.set(event.id, event);
    }
  }

  /** Sends the case to other desks with the next push. */
  route(caseId: string, deskCodes: readonly string[]): void {
    this.routes.set(caseId, [...deskCodes]);
  }

  /** Pushes one batch from the head of the outbox; removes only the acknowledged ids. */
  async pushOnce(batchSize = PUSH_MAX_EVENTS, signal?: AbortSignal): Promise<number> {
    const batch = [...this.outbox.values()].slice(0, batchSize);
    const routes = [...this.routes].map(([caseId, deskCodes]) => ({ caseId, deskCodes }));
    if (batch.length === 0 && routes.length === 0) return 0;
    const answer = await postJson<PushResponse>(
      `${this.url}/v1/push`,
      this.token,
      { events: batch, routes },
      signal,
    );
    for (const id of answer.acknowledged) this.outbox.delete(id);
    for (const { caseId } of routes) this.routes.delete(caseId);
    return answer.acknowledged.length;
  }

  /** Pushes until the outbox is empty. */
  async push(batchSize = PUSH_MAX_EVENTS): Promise<number> {
    let sent = 0;
    while (this.outbox.size > 0 || this.routes.size > 0) {
      sent += await this.pushOnce(batchSize);
    }
    return sent;
  }

  /** Pulls every page after the stored cursor; each page is stored with its cursor at once. */
  async pull(limit = PULL_MAX_EVENTS, hooks: PullHooks = {}): Promise<PullResult> {
    let pages = 0;
    let events = 0;
    for (;;) {
      hooks.onRequest?.(this.cursor);
      let page: PullResponse;
      try {
        page = await postJson<PullResponse>(`${this.url}/v1/pull`, this.token, {
          cursor: this.cursor,
          limit,
        });
      } catch (error) {
        // A restored server: forget the cursor and pull everything again (events are by id).
        if (error instanceof SyncRefused && error.status === 409) {
          this.cursor = null;
          continue;
        }
        throw error;
      }
      hooks.beforeStore?.(page, pages);
      // The page and its cursor together (one IndexedDB transaction in the desk).
      for (const event of page.events) {
        const { originDeskCode: _, ...stored } = event;
        if (!this.#hold(stored as CaseEventEntity)) this.alreadyHeld += 1;
      }
      this.cursor = page.cursor;
      pages += 1;
      events += page.events.length;
      if (!page.more) return { pages, events };
    }
  }

  /** Push everything, then pull everything: one sync. */
  async sync(): Promise<void> {
    await this.push();
    await this.pull();
  }

  eventCount(): number {
    let n = 0;
    for (const ofCase of this.events.values()) n += ofCase.size;
    return n;
  }

  snapshot(caseId: string): CaseEntity | undefined {
    return caseFold([...(this.events.get(caseId)?.values() ?? [])]);
  }
}

/** Runs `fn` until it resolves, waiting a little longer after each failure (a desk's backoff). */
export async function withRetry<T>(
  fn: () => Promise<T>,
  options: { readonly attempts?: number; readonly firstDelayMs?: number } = {},
): Promise<{ readonly value: T; readonly failures: number }> {
  const attempts = options.attempts ?? 60;
  let delay = options.firstDelayMs ?? 50;
  for (let failures = 0; ; failures++) {
    try {
      return { value: await fn(), failures };
    } catch (error) {
      // A refusal is an answer, not a lost request: retrying would not change it.
      if (error instanceof SyncRefused || failures + 1 >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 1000);
    }
  }
}
