/**
 * The longest task the page's main thread ran while some work was going: what a clerk feels as a
 * freeze. Chromium reports tasks of 50 ms and more to a `longtask` PerformanceObserver; every
 * bench scenario that stands for a screen wraps its work in `withLongestTask`.
 */

export interface LongTaskFigures {
  /** The longest task in milliseconds (0 when none reached 50 ms). */
  readonly longestTaskMs: number;
  /** How many tasks of 50 ms or more ran. */
  readonly longTasks: number;
}

/** Runs `work` and reports, with its value, the long tasks the main thread ran meanwhile. */
export async function withLongestTask<T>(
  work: () => Promise<T>,
): Promise<{ value: T } & LongTaskFigures> {
  // A long task is reported to the observers there are when it ends: one still running (what
  // came before, e.g. a password hashed to set a desk up) would be counted as this work's.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const durations: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) durations.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  try {
    const value = await work();
    // Entries are delivered after the task ends: let the last one arrive before disconnecting.
    await new Promise((resolve) => setTimeout(resolve, 0));
    for (const entry of observer.takeRecords()) durations.push(entry.duration);
    return {
      value,
      longestTaskMs: Math.round(Math.max(0, ...durations)),
      longTasks: durations.length,
    };
  } finally {
    observer.disconnect();
  }
}
