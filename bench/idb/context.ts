/** What every measurement gets, and what it reports. */
import type { DeadlineContext } from '@shared/calendar/deadline';
import type { DeskDatabase } from '../../renderer/src/db/database';
import type { StoredDeskState } from '../../renderer/src/db/repos/settings';
import type { Stats } from './timing';

export interface BenchContext {
  readonly db: DeskDatabase;
  /** A plain IndexedDB connection to the same database, for the baselines. */
  readonly raw: IDBDatabase;
  readonly desk: StoredDeskState;
  readonly deadline: DeadlineContext;
  readonly warmup: number;
  readonly runs: number;
  readonly log: (message: string) => void;
}

export interface Measurement {
  readonly id: string;
  readonly label: string;
  /** The target for the app's median, when it sets one. */
  readonly targetMs?: number;
  readonly app: Stats;
  readonly baseline?: Stats;
  /** Whether the app and the baseline gave the same answers on every run. */
  readonly agree: boolean;
  /** What the app ran and what the baseline ran. */
  readonly appCall: string;
  readonly baselineCall: string;
  /** How big the answer was (rows, events, counts), for the reader. */
  readonly answer: string;
  /** A further figure for the reader, e.g. a possible fix timed on raw IndexedDB. */
  readonly note?: string;
  /** The longest task on the page's main thread while the app's side ran (longtask.ts). */
  readonly longestTaskMs?: number;
  /** How many tasks of 50 ms or more it ran meanwhile. */
  readonly longTasks?: number;
  /** The longest main-thread task over the baseline's runs (longtask.ts). */
  readonly baselineLongestTaskMs?: number;
}

export function sameIds(a: readonly { id: string }[], b: readonly { id: string }[]): boolean {
  return a.length === b.length && a.every((row, i) => row.id === b[i]?.id);
}
