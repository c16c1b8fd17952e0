/**
 * The statistics of the reports screen (issue 13): a month, a quarter and a year, counted by the
 * statistics worker (features/reports/stats-client.ts) as the screen asks for them, against the
 * straightforward way measured in the same run (read every case of the period on the page's main
 * thread and count there), each with the longest main-thread task while it ran.
 *
 * - first view: a new worker each run and nothing kept in the database (cleared before each
 *   run), as on the first visit to a period never counted;
 * - first view after a reload: a new worker each run (a new page), the figures kept in the
 *   database by an earlier count (db/repos/stats-kept.ts): a check of the change stamps, then
 *   the kept rows;
 * - switch: the period asked for again from a worker that counted it (kept in its memory).
 */
import type { IsoInstant } from '@shared/kernel/brand';
import { statsFiguresSum } from '@shared/stats/combine';
import type { ReportFigures } from '@shared/stats/figures';
import {
  periodInstantRange,
  periodOfMonth,
  periodOfQuarter,
  periodOfReportYear,
  type DateRange,
} from '@shared/stats/period';
import { statsQuarterly } from '@shared/stats/quarterly';
import { statsReport } from '@shared/stats/report';
import { statsCasesOfRange } from '../../renderer/src/db/repos/stats';
import { statsKeptClear } from '../../renderer/src/db/repos/stats-kept';
import {
  statsClientCreate,
  type StatsClient,
} from '../../renderer/src/features/reports/stats-client';
import {
  statsEngineCreate,
  type StatsUnit,
  type StatsUnitResult,
} from '../../renderer/src/features/reports/stats-engine';
import type { BenchContext, Measurement } from './context';
import { withLongestTask } from './longtask';
import { timePair } from './timing';

type Scope = 'month' | 'quarter' | 'year';
type Kind = 'first' | 'reload' | 'switch';

const LABELS: Readonly<Record<Kind, string>> = {
  first: 'first view (nothing kept)',
  reload: 'first view after a reload (kept in the database)',
  switch: 'switch (kept in memory)',
};

/** The periods measured: November 2026's report period, Q4 2026 and 2025 (a full year of data). */
function periodOf(scope: Scope, ctx: BenchContext): { units: StatsUnit[]; range: DateRange } {
  const startDay = ctx.desk.rules.reportPeriodStartDay;
  switch (scope) {
    case 'month':
      return {
        units: [{ kind: 'month', year: 2026, month: 10, mode: 'report' }],
        range: periodOfMonth(2026, 10, startDay),
      };
    case 'quarter':
      return {
        units: [{ kind: 'quarter', year: 2026, quarter: 3, mode: 'report' }],
        range: periodOfQuarter(2026, 3, startDay),
      };
    case 'year': {
      const year = periodOfReportYear(2025, startDay);
      return {
        units: year.months.map((m) => ({
          kind: 'month' as const,
          year: m.year,
          month: m.month,
          mode: 'report' as const,
        })),
        range: year,
      };
    }
  }
}

/** Asks the worker for the units and waits for all of them, as the screen does. */
function ask(
  client: StatsClient,
  dbName: string,
  now: IsoInstant,
  units: readonly StatsUnit[],
): Promise<{ results: StatsUnitResult[]; cached: number }> {
  return new Promise((resolve, reject) => {
    const results: StatsUnitResult[] = [];
    let cached = 0;
    client.request(dbName, now, units, {
      onUnit(index, result, wasCached, stale) {
        // Stale kept figures come first and the counted ones after: only the last one counts.
        results[index] = result;
        if (wasCached && !stale) cached += 1;
      },
      onDone: () => resolve({ results, cached }),
      onFailed: (problem) => reject(new Error(`statistics failed: ${problem}`)),
    });
  });
}

/** The view's headline figures from the worker's pieces (a year sums its months). */
function figuresOf(results: readonly StatsUnitResult[], range: DateRange): ReportFigures {
  const months = results.flatMap((r) => (r.kind === 'month' ? [r.figures] : []));
  const quarter = results.find((r) => r.kind === 'quarter');
  if (quarter?.kind === 'quarter') return quarter.quarterly.total;
  return months.length === 1 && months[0] ? months[0] : statsFiguresSum(months, range);
}

/** The straightforward way: every case of the period read on this thread, counted here. */
async function straightforward(
  ctx: BenchContext,
  scope: Scope,
  range: DateRange,
  now: IsoInstant,
): Promise<ReportFigures> {
  const deadlineContext = ctx.deadline;
  const cases = await statsCasesOfRange(
    ctx.db,
    periodInstantRange(range, deadlineContext.timeZone),
  );
  const input = { cases, rules: ctx.desk.rules, deadlineContext, asOf: now };
  if (scope === 'quarter') {
    const startDay = ctx.desk.rules.reportPeriodStartDay;
    return statsQuarterly({ ...input, quarter: periodOfQuarter(2026, 3, startDay) }).total;
  }
  return statsReport({ ...input, range });
}

interface Longest {
  readonly app: number[];
  readonly baseline: number[];
}

const max = (values: readonly number[]) => Math.max(0, ...values);
const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : (sorted[Math.floor((sorted.length - 1) / 2)] ?? 0);
};

/** The same figures: the worker's and the straightforward count agree on what a screen shows. */
function agreeOn(a: ReportFigures, b: ReportFigures): boolean {
  return (
    a.matters === b.matters &&
    a.reports === b.reports &&
    a.validComplaints === b.validComplaints &&
    a.requests === b.requests &&
    JSON.stringify(a.timeliness) === JSON.stringify(b.timeliness) &&
    JSON.stringify(a.followUp) === JSON.stringify(b.followUp)
  );
}

async function measureOne(ctx: BenchContext, scope: Scope, kind: Kind): Promise<Measurement> {
  const { units, range } = periodOf(scope, ctx);
  const dbName = ctx.db.name;
  const now = new Date().toISOString() as IsoInstant;
  const longest: Longest = { app: [], baseline: [] };
  let warm: StatsClient | undefined;
  await statsKeptClear(ctx.db);
  if (kind === 'reload') {
    // An earlier page counted the period and kept its figures in the database.
    const engine = statsEngineCreate(ctx.db);
    for (const unit of units) await engine.compute(unit, now);
    await engine.idle();
  }
  if (kind === 'switch') {
    warm = statsClientCreate();
    await ask(warm, dbName, now, units);
  }
  let answer = '';
  let cachedPieces = 0;
  const runs = Math.min(ctx.runs, scope === 'year' ? 5 : 7);
  const result = await timePair({
    warmup: 1,
    runs,
    budgetMs: 90_000,
    app: async () => {
      const client = warm ?? statsClientCreate();
      try {
        const run = await withLongestTask(() => ask(client, dbName, now, units));
        longest.app.push(run.longestTaskMs);
        cachedPieces = run.value.cached;
        return figuresOf(run.value.results, range);
      } finally {
        if (!warm) client.dispose();
      }
    },
    baseline: async () => {
      const run = await withLongestTask(() => straightforward(ctx, scope, range, now));
      longest.baseline.push(run.longestTaskMs);
      return run.value;
    },
    // Untimed: a first view starts with nothing kept, whatever the run before left.
    settle: async () => {
      if (kind === 'first') await statsKeptClear(ctx.db);
    },
    agree: (app, baseline) => {
      answer = `${range.first} to ${range.last}: ${app.matters} matters, ${app.reports} reports`;
      return agreeOn(app, baseline);
    },
  });
  warm?.dispose();
  const label = `statistics of a ${scope}, ${LABELS[kind]}`;
  return {
    id: `stats-${scope}-${kind}`,
    label,
    targetMs: kind === 'switch' ? 500 : 1000,
    ...result,
    appCall:
      `the statistics worker (stats-client.ts, ${units.length} piece${units.length > 1 ? 's' : ''}` +
      `${scope === 'year' ? ': the twelve months, summed' : ''}` +
      `${kind === 'switch' ? '' : ', a new worker each run'}` +
      `${kind === 'first' ? ', nothing kept' : `, kept figures valid: ${cachedPieces} of ${units.length} pieces`})`,
    baselineCall: `statsCasesOfRange and ${scope === 'quarter' ? 'statsQuarterly' : 'statsReport'} on the main thread`,
    answer,
    note:
      `longest main-thread task: app ${max(longest.app)} ms (median ${median(longest.app)} ms), ` +
      `baseline ${max(longest.baseline)} ms (median ${median(longest.baseline)} ms)`,
    longestTaskMs: max(longest.app),
    baselineLongestTaskMs: max(longest.baseline),
  };
}

/** The `stats` group: each scope's first view, first view after a reload, and switch. */
export async function measureStats(
  ctx: BenchContext,
  step: (measure: () => Promise<Measurement>) => Promise<void>,
): Promise<void> {
  for (const scope of ['month', 'quarter', 'year'] as const) {
    await step(() => measureOne(ctx, scope, 'first'));
    await step(() => measureOne(ctx, scope, 'reload'));
    await step(() => measureOne(ctx, scope, 'switch'));
  }
}
