/** Timing: warm-up runs, then timed runs of the app's query and its raw baseline, interleaved. */
import { withLongestTask } from './longtask';

export interface Stats {
  readonly runs: number;
  readonly median: number;
  readonly p95: number;
  readonly min: number;
  readonly max: number;
  readonly samples: readonly number[];
}

/** Median and nearest-rank 95th percentile, in milliseconds rounded to 0.01. */
export function statsOf(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) throw new Error('statsOf: no samples');
  const at = (i: number) => sorted[Math.min(n - 1, Math.max(0, i))] ?? Number.NaN;
  const median = n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return {
    runs: n,
    median: round(median),
    p95: round(at(Math.ceil(0.95 * n) - 1)),
    min: round(at(0)),
    max: round(at(n - 1)),
    samples: samples.map(round),
  };
}

export interface PairOptions<A, B> {
  readonly warmup: number;
  readonly runs: number;
  /** The app's code path; `i` lets a run pick its own input (another case, another query). */
  readonly app: (i: number) => Promise<A>;
  readonly baseline: (i: number) => Promise<B>;
  /** Whether the two answered the same (checked on every run, reported once). */
  readonly agree?: (app: A, baseline: B) => boolean;
  /**
   * Time the timed runs may take (both sides): a slow query gets fewer runs, never fewer than
   * `MIN_RUNS`, so the whole bench stays within minutes.
   */
  readonly budgetMs?: number;
  /** Untimed, after each run of either side: waits for work a run leaves going (index writes). */
  readonly settle?: (side: 'app' | 'baseline', i: number) => Promise<void>;
}

export const MIN_RUNS = 5;
const DEFAULT_BUDGET_MS = 45_000;

export interface PairResult {
  readonly app: Stats;
  readonly baseline: Stats;
  /** False when, on some run, the app and the baseline gave different answers. */
  readonly agree: boolean;
  /** The longest main-thread task over the app's timed runs (0: none reached 50 ms). */
  readonly longestTaskMs: number;
  /** How many tasks of 50 ms or more the app's timed runs ran. */
  readonly longTasks: number;
  /** The longest main-thread task over the baseline's timed runs. */
  readonly baselineLongestTaskMs: number;
}

interface Timed<T> {
  readonly ms: number;
  readonly value: T;
  readonly longestTaskMs: number;
  readonly longTasks: number;
}

/** One run, timed, with the long tasks the main thread ran meanwhile (not timed: their wait). */
async function timed<T>(run: () => Promise<T>): Promise<Timed<T>> {
  const watched = await withLongestTask(async () => {
    const start = performance.now();
    const value = await run();
    return { ms: performance.now() - start, value };
  });
  return { ...watched.value, longestTaskMs: watched.longestTaskMs, longTasks: watched.longTasks };
}

/** Runs both in turn, alternating which goes first so neither always finds a warmer cache. */
export async function timePair<A, B>(options: PairOptions<A, B>): Promise<PairResult> {
  const appMs: number[] = [];
  const baselineMs: number[] = [];
  const tasks = { app: 0, count: 0, baseline: 0 };
  let agree = true;
  let runs = options.runs;
  for (let i = 0; i < options.warmup + runs; i++) {
    let app: Timed<A>;
    let baseline: Timed<B>;
    const settle = async (side: 'app' | 'baseline') => options.settle?.(side, i);
    if (i % 2 === 0) {
      app = await timed(() => options.app(i));
      await settle('app');
      baseline = await timed(() => options.baseline(i));
      await settle('baseline');
    } else {
      baseline = await timed(() => options.baseline(i));
      await settle('baseline');
      app = await timed(() => options.app(i));
      await settle('app');
    }
    if (options.agree && !options.agree(app.value, baseline.value)) agree = false;
    if (i === options.warmup - 1) {
      const perRun = app.ms + baseline.ms;
      const affordable = Math.floor((options.budgetMs ?? DEFAULT_BUDGET_MS) / Math.max(perRun, 1));
      runs = Math.max(Math.min(options.runs, MIN_RUNS), Math.min(options.runs, affordable));
    }
    if (i >= options.warmup) {
      appMs.push(app.ms);
      baselineMs.push(baseline.ms);
      tasks.app = Math.max(tasks.app, app.longestTaskMs);
      tasks.count += app.longTasks;
      tasks.baseline = Math.max(tasks.baseline, baseline.longestTaskMs);
    }
  }
  return {
    app: statsOf(appMs),
    baseline: statsOf(baselineMs),
    agree,
    longestTaskMs: tasks.app,
    longTasks: tasks.count,
    baselineLongestTaskMs: tasks.baseline,
  };
}
