/**
 * The IndexedDB benchmark page: `window.runDeskBench(options)` makes (or reuses) a desk database
 * of `cases` cases in this browser, times the app's queries against raw IndexedDB, and returns
 * the figures as JSON. Driven by bench/run-idb.mjs in Chromium.
 */
import { deadlineContextFromSettings } from '@shared/calendar/deadline';
import type { CaseStatus } from '@shared/model/entities';
import { openDeskDatabase } from '../../renderer/src/db/database';
import { deskState } from '../../renderer/src/db/repos/settings';
import { dataCheck, openSnapshotsRefold, type DataCheck } from './check';
import type { BenchContext, Measurement } from './context';
import { deskReady, type GeneratedDesk } from './desk-ready';
import { measureCaseOpen, measureIntake } from './measure-case';
import { measureRegisterExport } from './measure-export';
import { measureImport } from './measure-import';
import { measureReload } from './measure-reload';
import { measureQueueCounts } from './measure-queues';
import {
  measureFirstPage,
  measureRegisterCount,
  measureRegisterCountFiltered,
  measureSearch,
  measureSortedSearch,
  searchCases,
} from './measure-register';
import { measurePrint } from './measure-print';
import { measureStats } from './measure-stats';
import { randomSeeded } from './random';
import { rawOpen } from './raw';

export interface BenchOptions {
  readonly cases: number;
  readonly events: number;
  /** Make a new database even when a complete one is there. */
  readonly fresh: boolean;
  readonly warmup: number;
  readonly runs: number;
  /** Cases per write transaction while generating. */
  readonly batch: number;
  /**
   * Only these groups of measurements (page, search, sorted, case, intake, queues, counts, print,
   * export, import, stats, reload; `sorted`, the sorted searches, are part of `search`); all when
   * absent.
   */
  readonly only?: readonly string[];
  /** The register sizes the import group imports (each into a new desk of its own). */
  readonly importRows: readonly number[];
  /**
   * Measure this desk database of the page's origin as it is, instead of making or reusing
   * `desk-bench-<cases>` (e.g. the backup benchmark's desk, made by the same generator).
   */
  readonly database?: string;
}

export interface BenchReport {
  readonly startedAt: string;
  readonly userAgent: string;
  readonly cores: number;
  readonly database: string;
  readonly data: {
    readonly cases: number;
    readonly events: number;
    readonly customers: number;
    readonly outbox: number;
    readonly statuses: Readonly<Partial<Record<CaseStatus, number>>>;
  };
  /** This run's generation, or the one that made the database being reused. */
  readonly generation: GeneratedDesk;
  readonly dataCheck: DataCheck;
  /** Open cases re-derived from their events before measuring (`openSnapshotsRefold`). */
  readonly refold: { readonly open: number; readonly rewritten: number };
  readonly storageBytes?: number;
  readonly measurements: readonly Measurement[];
}

function log(message: string): void {
  console.log(`[bench] ${message}`);
}

/** A database named by `--database`: measured as it is, its generation not known here. */
async function databaseAsItIs(name: string): Promise<GeneratedDesk> {
  if (!(await indexedDB.databases()).some((info) => info.name === name)) {
    throw new Error(`no database ${name} in this profile and origin`);
  }
  const db = openDeskDatabase(name);
  const [cases, events, customers] = await Promise.all([
    db.cases.count(),
    db.events.count(),
    db.customers.count(),
  ]);
  db.close();
  log(`measuring ${name} as it is: ${cases} cases, ${events} events`);
  return {
    cases,
    events,
    customers,
    statuses: {},
    makeMs: 0,
    totalMs: 0,
    at: 'unknown (--database)',
    reused: true,
    schemaChanged: false,
  };
}

async function runDeskBench(options: BenchOptions): Promise<BenchReport> {
  const startedAt = new Date().toISOString();
  await navigator.storage.persist();
  const name = options.database ?? `desk-bench-${options.cases}`;
  const generation = options.database ? await databaseAsItIs(name) : await deskReady(name, options);
  const db = openDeskDatabase(name);
  const desk = await deskState(db);
  if (!desk) throw new Error('the bench database has no desk');
  const refold = await openSnapshotsRefold(db);
  log(
    `open cases re-derived from their events: ${refold.open}, snapshots rewritten: ${refold.rewritten}`,
  );
  const check = await dataCheck(db, 200, randomSeeded(11));
  log(
    `data check: ${check.sampled} cases sampled, ${check.mismatches.length} differ from their events`,
  );
  const raw = await rawOpen(name);
  const ctx: BenchContext = {
    db,
    raw,
    desk,
    deadline: deadlineContextFromSettings(desk.calendar),
    warmup: options.warmup,
    runs: options.runs,
    log,
  };
  const measurements: Measurement[] = [];
  const step = async (measure: () => Promise<Measurement>) => {
    const m = await measure();
    measurements.push(m);
    log(
      `${m.label}: median ${m.app.median} ms (baseline ${m.baseline?.median ?? '-'} ms), longest task ${m.longestTaskMs ?? '-'} ms`,
    );
  };
  const wants = (group: string) => !options.only || options.only.includes(group);
  if (wants('page')) {
    for (const status of ['accepted', 'closed'] as const)
      await step(() => measureFirstPage(ctx, status));
  }
  if (wants('search')) {
    for (const search of await searchCases(ctx)) await step(() => measureSearch(ctx, search));
  }
  if (wants('search') || options.only?.includes('sorted')) {
    for (const sort of ['deadlineAsc', 'numberAsc'] as const) {
      await step(() => measureSortedSearch(ctx, sort));
    }
  }
  if (wants('case')) await step(() => measureCaseOpen(ctx, randomSeeded(7)));
  if (wants('intake')) await step(() => measureIntake(ctx));
  if (wants('queues')) await step(() => measureQueueCounts(ctx));
  if (wants('counts')) {
    for (const status of ['accepted', 'closed'] as const)
      await step(() => measureRegisterCount(ctx, status));
    await step(() => measureRegisterCount(ctx, undefined));
    await step(() => measureRegisterCountFiltered(ctx, 'category'));
    await step(() => measureRegisterCountFiltered(ctx, 'dates'));
    await step(() => measureRegisterCountFiltered(ctx, 'kind'));
    await step(() => measureRegisterCountFiltered(ctx, 'month'));
    await step(() => measureRegisterCountFiltered(ctx, 'kindMonth'));
    await step(() => measureRegisterCountFiltered(ctx, 'search'));
  }

  if (wants('print')) {
    for (const m of await measurePrint(ctx)) {
      measurements.push(m);
      log(`${m.label}: median ${m.app.median} ms (baseline ${m.baseline?.median ?? '-'} ms)`);
    }
  }
  if (wants('export')) await step(() => measureRegisterExport(ctx));
  if (wants('import')) {
    for (const rows of options.importRows) {
      for (const m of await measureImport(rows, log)) {
        measurements.push(m);
        log(`${m.label}: ${m.app.median} ms, longest task ${m.longestTaskMs ?? '-'} ms`);
      }
    }
  }

  if (wants('stats')) await measureStats(ctx, step);
  if (wants('reload')) await step(() => measureReload(ctx));

  const [cases, events, customers, outbox] = await Promise.all([
    db.cases.count(),
    db.events.count(),
    db.customers.count(),
    db.outbox.count(),
  ]);
  const estimate = await navigator.storage.estimate();
  raw.close();
  db.close();
  return {
    startedAt,
    userAgent: navigator.userAgent,
    cores: navigator.hardwareConcurrency,
    database: name,
    data: { cases, events, customers, outbox, statuses: generation.statuses },
    generation,
    refold,
    dataCheck: check,
    storageBytes: estimate.usage,
    measurements,
  };
}

declare global {
  interface Window {
    runDeskBench: typeof runDeskBench;
  }
}

window.runDeskBench = runDeskBench;
document.title = 'desk bench: ready';
