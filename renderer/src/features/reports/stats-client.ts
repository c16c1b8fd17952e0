/**
 * The UI thread's side of the statistics worker: one worker for the page, started on first use
 * and kept (its cache is what makes a second look at a period immediate). `statsRequest` sends
 * the pieces of a view and calls back as each arrives; a newer request supersedes it.
 */
import type { IsoInstant } from '@shared/kernel/brand';
import type { StatsUnit, StatsUnitResult } from './stats-engine';
import type { StatsFromWorker, StatsProblem, StatsToWorker } from './stats-protocol';

export interface StatsCallbacks {
  /**
   * A piece of the view: kept figures (`cached`), counted ones, or kept figures no longer valid
   * (`stale`), which the same piece, counted, follows.
   */
  readonly onUnit: (
    index: number,
    result: StatsUnitResult,
    cached: boolean,
    stale: boolean,
  ) => void;
  readonly onDone: () => void;
  readonly onFailed: (problem: StatsProblem) => void;
}

export interface StatsClient {
  /** Asks for the pieces of a view; returns a function that stops listening for them. */
  request(
    dbName: string,
    now: IsoInstant,
    units: readonly StatsUnit[],
    callbacks: StatsCallbacks,
  ): () => void;
  /** Counts and keeps these pieces at low priority, before anyone asks for them. */
  warm(dbName: string, now: IsoInstant, units: readonly StatsUnit[]): void;
  /** Stops the worker (what it kept in memory goes with it; the database keeps the rest). */
  dispose(): void;
}

function workerCreate(): Worker {
  return new Worker(new URL('./stats.worker.ts', import.meta.url), { type: 'module' });
}

/** A client with a worker of its own, started on the first request. */
export function statsClientCreate(create: () => Worker = workerCreate): StatsClient {
  let worker: Worker | undefined;
  let nextRequest = 1;
  const pending = new Map<number, StatsCallbacks>();

  const start = (): Worker => {
    const created = create();
    created.onmessage = (event: MessageEvent<StatsFromWorker>) => {
      const message = event.data;
      const callbacks = pending.get(message.request);
      if (!callbacks) return;
      switch (message.type) {
        case 'unit':
          callbacks.onUnit(message.index, message.result, message.cached, message.stale);
          break;
        case 'done':
          pending.delete(message.request);
          callbacks.onDone();
          break;
        case 'failed':
          pending.delete(message.request);
          callbacks.onFailed(message.problem);
          break;
      }
    };
    created.onerror = (event) => {
      // The worker could not start or threw outside a request: every waiting view fails.
      console.error('statistics worker failed', event.message);
      for (const callbacks of pending.values()) callbacks.onFailed('failed');
      pending.clear();
      created.terminate();
      worker = undefined;
    };
    return created;
  };

  return {
    request(dbName, now, units, callbacks) {
      worker ??= start();
      const request = nextRequest++;
      pending.set(request, callbacks);
      const message: StatsToWorker = { type: 'compute', request, dbName, now, units };
      worker.postMessage(message);
      return () => {
        pending.delete(request);
      };
    },
    warm(dbName, now, units) {
      worker ??= start();
      const message: StatsToWorker = { type: 'warm', request: nextRequest++, dbName, now, units };
      worker.postMessage(message);
    },
    dispose() {
      worker?.terminate();
      worker = undefined;
      pending.clear();
    },
  };
}

let shared: StatsClient | undefined;

/** The page's statistics client: one worker, kept, so figures counted once serve later visits. */
export function statsRequest(
  dbName: string,
  now: IsoInstant,
  units: readonly StatsUnit[],
  callbacks: StatsCallbacks,
): () => void {
  shared ??= statsClientCreate();
  return shared.request(dbName, now, units, callbacks);
}

/** Asks the page's statistics worker to count and keep these pieces before they are asked for. */
export function statsWarm(dbName: string, now: IsoInstant, units: readonly StatsUnit[]): void {
  shared ??= statsClientCreate();
  shared.warm(dbName, now, units);
}
