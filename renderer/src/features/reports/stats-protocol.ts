/**
 * What the reports screen asks of the statistics worker (stats.worker.ts) and what it answers.
 *
 *   UI -> worker: `compute`: the pieces of a view, in the order they should come;
 *                 `warm`: pieces to count and keep at low priority, before anyone asks (after
 *                 the desk starts), skipping those whose kept figures are still valid;
 *   worker -> UI: `unit` for each piece as it is ready (valid kept figures at once), then `done`;
 *                 or `failed`. Kept figures no longer valid come first as a `unit` marked
 *                 `stale` (to show as being updated), and the piece comes again when counted.
 *                 A newer `compute` makes the worker drop what is left of the older one after
 *                 the piece it is counting (which it keeps for later).
 */
import type { IsoInstant } from '@shared/kernel/brand';
import type { StatsUnit, StatsUnitResult } from './stats-engine';

export type StatsProblem = 'noDesk' | 'failed';

export type StatsToWorker = {
  readonly type: 'compute' | 'warm';
  readonly request: number;
  /** The desk's database (the worker opens it itself). */
  readonly dbName: string;
  /** The time of the figures: "overdue" is measured against it. */
  readonly now: IsoInstant;
  readonly units: readonly StatsUnit[];
};

export type StatsFromWorker =
  | {
      readonly type: 'unit';
      readonly request: number;
      readonly index: number;
      readonly result: StatsUnitResult;
      /** Kept figures, nothing counted. */
      readonly cached: boolean;
      /** Kept figures no longer valid: the piece is being counted and comes again. */
      readonly stale: boolean;
    }
  | { readonly type: 'done'; readonly request: number }
  | { readonly type: 'failed'; readonly request: number; readonly problem: StatsProblem };
