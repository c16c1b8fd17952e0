/**
 * The print preview of a month's register (about 2,000 cases): how soon the first page is known
 * and how long the whole layout takes, through the app's own path (what `useRegisterRows` and
 * `usePaginated` do: the cases read a part at a time, each part's rows built and handed to the
 * layout in slices, which goes on from the rows it has measured), against the straightforward
 * way (every case read, every row built, every row measured at once, then paginated), with the
 * longest task the UI thread ran meanwhile.
 */
import type { IsoDate, IsoInstant } from '@shared/kernel/brand';
import { localDateOf } from '@shared/calendar/deadline';
import { printContentBox } from '@shared/paper/forms';
import { printSettingsRestore } from '@shared/paper/settings';
import { i18nStart } from '../../renderer/src/app/i18n';
import { printRegisterCases, printRegisterCasesInParts } from '../../renderer/src/db/repos/print';
import type { FormContext } from '../../renderer/src/paper/forms/common';
import {
  registerDocument,
  registerDocumentOf,
  registerRows,
} from '../../renderer/src/paper/forms/register';
import {
  printLayout,
  printPaginate,
  type PaginateWords,
  type PaginatedDocument,
} from '../../renderer/src/paper/measure';
import type { PrintRow } from '../../renderer/src/paper/model';
import type { PrintDocument } from '../../renderer/src/paper/model';
import '../../renderer/src/paper/print-forms.css';
import type { BenchContext, Measurement } from './context';
import { withLongestTask } from './longtask';
import { statsOf } from './timing';

/** The newest `count` cases' range: its first and last instants and dates. */
export async function newestRange(ctx: BenchContext, count: number) {
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
  /** Reading and building the rows the first page was laid out from (the whole month: baseline). */
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
  const dates = { from: range.from as IsoDate, to: range.to as IsoDate };
  const load = async (): Promise<PrintDocument> => {
    const cases = await printRegisterCases(ctx.db, range.start, range.end, viewer);
    return registerDocument(form, cases, dates);
  };
  const boxOf = (doc: PrintDocument) => printContentBox(doc.orientation, settings.margins);
  const pagesOf = (docs: readonly { pages: readonly unknown[] }[]) =>
    docs.reduce((sum, doc) => sum + doc.pages.length, 0);

  // The app: each part read is built and handed to the layout, which reports the first page as
  // soon as it is measured; the layout is closed when the last part is in.
  const app = async (): Promise<Run> => {
    const start = performance.now();
    let firstPageMs = 0;
    let documentMs = 0;
    const result = await withLongestTask(
      () =>
        new Promise<readonly PaginatedDocument[]>((resolve, reject) => {
          const layout = printLayout(boxOf, words, {
            onProgress: (documents, finished) => {
              if (!firstPageMs && pagesOf(documents) > 0) firstPageMs = performance.now() - start;
              if (finished) resolve(documents);
            },
            onError: reject,
          });
          let rows: readonly PrintRow[] = [];
          printRegisterCasesInParts(ctx.db, range.start, range.end, viewer, (part, count) => {
            rows = rows.concat(registerRows(form, part, dates, rows.length + 1));
            if (!documentMs) documentMs = performance.now() - start;
            layout.update([registerDocumentOf(form, rows, count, dates)], true);
          }).then(
            (cases) => layout.update([registerDocumentOf(form, rows, cases.length, dates)], false),
            reject,
          );
        }),
    );
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
    `of the app's first page, ${documentMs} ms (median) read and built the rows of the first part`;
  const answer = `${cases.length} cases (${range.from} to ${range.to}), ${appRuns[0]?.pages ?? 0} pages`;
  const common = {
    agree,
    appCall:
      'printRegisterCasesInParts + registerRows per part + printLayout (update per part, slices of ~16 ms, onProgress)',
    baselineCall:
      'printRegisterCases + registerDocument, every row measured in one layout then paginated (printPaginate)',
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
