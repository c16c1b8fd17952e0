/**
 * The print preview of a month's register (about 2,000 cases): how soon the first page is known
 * and how long the whole layout takes, through the app's own path (the cases of the range, the
 * register document, the layout in slices that the preview runs), against the straightforward
 * way the preview used before (every row measured at once, then paginated), with the longest
 * task the UI thread ran meanwhile.
 */
import type { IsoDate, IsoInstant } from '@shared/kernel/brand';
import { localDateOf } from '@shared/calendar/deadline';
import { printContentBox } from '@shared/paper/forms';
import { printSettingsRestore } from '@shared/paper/settings';
import { i18nStart } from '../../renderer/src/app/i18n';
import { printRegisterCases } from '../../renderer/src/db/repos/print';
import type { FormContext } from '../../renderer/src/paper/forms/common';
import { registerDocument } from '../../renderer/src/paper/forms/register';
import {
  printPaginate,
  printPaginateInSlices,
  type PaginateWords,
} from '../../renderer/src/paper/measure';
import type { PrintDocument } from '../../renderer/src/paper/model';
import '../../renderer/src/paper/print-forms.css';
import type { BenchContext, Measurement } from './context';
import { withLongestTask } from './longtask';
import { statsOf } from './timing';

/** The newest `count` cases' range: its first and last instants and dates. */
async function newestRange(ctx: BenchContext, count: number) {
  const newest = await ctx.db.cases.orderBy('[receivedAt+id]').reverse().limit(count).toArray();
  const last = newest[0];
  const first = newest[newest.length - 1];
  if (!first || !last) throw new Error('no cases to print');
  const zone = ctx.deadline.timeZone;
  return {
    start: first.receivedAt,
    end: new Date(Date.parse(last.receivedAt) + 1).toISOString() as IsoInstant,
    from: localDateOf(first.receivedAt, zone),
    to: localDateOf(last.receivedAt, zone),
  };
}

interface Run {
  /** Reading the cases and building the document, before any layout. */
  readonly documentMs: number;
  readonly firstPageMs: number;
  readonly allMs: number;
  readonly pages: number;
  readonly longestTaskMs: number;
}

export async function measurePrint(ctx: BenchContext, count = 2000): Promise<Measurement[]> {
  const i18n = await i18nStart(ctx.desk.locale);
  const words: PaginateWords = {
    continued: i18n.t('printForms.continued'),
    pageOf: (page, pages) => i18n.t('printForms.pageOf', { page, pages }),
  };
  const settings = printSettingsRestore(undefined);
  const range = await newestRange(ctx, count);
  const viewer = ctx.desk.operator;
  const form: FormContext = {
    t: (key, options) => i18n.t(key, options ?? {}),
    locale: ctx.desk.locale,
    rules: ctx.desk.rules,
    timeZone: ctx.deadline.timeZone,
    settings,
    organisation: ctx.desk.identity.organisationName,
    printedAt: new Date().toISOString() as IsoInstant,
    deadlineContext: ctx.deadline,
  };
  const load = async (): Promise<PrintDocument> => {
    const cases = await printRegisterCases(ctx.db, range.start, range.end, viewer);
    return registerDocument(form, cases, { from: range.from as IsoDate, to: range.to as IsoDate });
  };
  const boxOf = (doc: PrintDocument) => printContentBox(doc.orientation, settings.margins);
  const pagesOf = (docs: readonly { pages: readonly unknown[] }[]) =>
    docs.reduce((sum, doc) => sum + doc.pages.length, 0);

  // The app: first page as soon as `onProgress` has one, the rest in slices.
  const app = async (): Promise<Run> => {
    const start = performance.now();
    let firstPageMs = 0;
    let documentMs = 0;
    const result = await withLongestTask(async () => {
      const doc = await load();
      documentMs = performance.now() - start;
      const laid = await printPaginateInSlices([doc], boxOf, words, {
        onProgress: (documents) => {
          if (!firstPageMs && pagesOf(documents) > 0) firstPageMs = performance.now() - start;
        },
      });
      return laid;
    });
    const allMs = performance.now() - start;
    return {
      documentMs,
      firstPageMs: firstPageMs || allMs,
      allMs,
      pages: pagesOf(result.value),
      longestTaskMs: result.longestTaskMs,
    };
  };
  // The straightforward way: measure every row in one layout, then paginate.
  const baseline = async (): Promise<Run> => {
    const start = performance.now();
    const result = await withLongestTask(async () => printPaginate([await load()], boxOf, words));
    const allMs = performance.now() - start;
    return {
      documentMs: 0,
      firstPageMs: allMs,
      allMs,
      pages: pagesOf(result.value),
      longestTaskMs: result.longestTaskMs,
    };
  };

  const runs = Math.max(3, Math.min(ctx.runs, 5));
  const appRuns: Run[] = [];
  const baseRuns: Run[] = [];
  for (let i = 0; i < 1 + runs; i++) {
    // Alternating which goes first, the first pair a warm-up.
    const pair = i % 2 === 0 ? [await app(), await baseline()] : [await baseline(), await app()];
    const [a, b] = i % 2 === 0 ? pair : [pair[1], pair[0]];
    if (i > 0 && a && b) {
      appRuns.push(a);
      baseRuns.push(b);
    }
  }
  const agree = appRuns.every((run, i) => run.pages === baseRuns[i]?.pages);
  const cases = await printRegisterCases(ctx.db, range.start, range.end, viewer);
  const longest = (list: readonly Run[]) => Math.max(...list.map((run) => run.longestTaskMs));
  const documentMs = statsOf(appRuns.map((run) => run.documentMs)).median;
  const note =
    `longest UI task: app ${longest(appRuns)} ms, straightforward ${longest(baseRuns)} ms; ` +
    `of the app's first page, ${documentMs} ms (median) read the cases and built the document`;
  const answer = `${cases.length} cases (${range.from} to ${range.to}), ${appRuns[0]?.pages ?? 0} pages`;
  const common = {
    agree,
    appCall:
      'printRegisterCases + registerDocument + printPaginateInSlices (the preview: slices of ~40 ms, onProgress)',
    baselineCall:
      'the same document, every row measured in one layout then paginated (printPaginate)',
    answer,
    note,
    longestTaskMs: longest(appRuns),
    baselineLongestTaskMs: longest(baseRuns),
  };
  return [
    {
      id: 'print.firstPage',
      label: `print preview first page, ${cases.length} cases`,
      targetMs: 500,
      app: statsOf(appRuns.map((run) => run.firstPageMs)),
      baseline: statsOf(baseRuns.map((run) => run.firstPageMs)),
      ...common,
    },
    {
      id: 'print.all',
      label: `print preview full layout, ${cases.length} cases`,
      app: statsOf(appRuns.map((run) => run.allMs)),
      baseline: statsOf(baseRuns.map((run) => run.allMs)),
      ...common,
    },
  ];
}
