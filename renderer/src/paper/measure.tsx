/**
 * Lays the forms out once, off screen, with the same components and styles as the printed
 * pages, and reads every height the pagination needs (DOM only: run it in a browser). Rows
 * taller than a page are cut here, by measuring shorter and shorter text.
 */
import type { ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import type { PrintDocument, PrintRow, PrintSection, PrintTableSection } from './model';
import { paginate, type FlowMeasure, type FlowSection, type PagePlan } from './paginate';
import { printDocumentContinues } from './same-documents';
import {
  PrintImagesView,
  PrintNoteView,
  PrintPageFoot,
  PrintPageHead,
  PrintSignaturesView,
  PrintTableView,
} from './PrintParts';

export const PX_PER_MM = 96 / 25.4;

export interface PrintBox {
  readonly widthMm: number;
  readonly heightMm: number;
}

/** A row with the table it belongs to, as the pagination moves it around. */
export interface PlacedRow {
  readonly section: number;
  readonly row: PrintRow;
}

export interface PaginatedDocument {
  readonly doc: PrintDocument;
  readonly box: PrintBox;
  readonly pages: readonly PagePlan<PlacedRow>[];
}

export interface PaginateWords {
  /** Appended to a caption or label where it continues from the previous page: 「（续）」. */
  readonly continued: string;
  /** 「第 x 页 共 y 页」. */
  readonly pageOf: (page: number, pages: number) => string;
}

/** The root element's classes of a document, on the pages and on the measuring copy alike. */
export function printDocClass(doc: Pick<PrintDocument, 'density' | 'orientation'>): string {
  return `pf-doc pf-${doc.density} pf-${doc.orientation}`;
}

export function PrintSectionView({
  section,
  rows,
  continued,
  words,
}: Readonly<{
  section: PrintSection;
  rows?: readonly PrintRow[];
  continued?: boolean;
  words: PaginateWords;
}>) {
  switch (section.type) {
    case 'table':
      return (
        <PrintTableView
          section={section}
          rows={rows ?? section.rows}
          continued={continued ?? false}
          continuedText={words.continued}
        />
      );
    case 'note':
      return <PrintNoteView section={section} />;
    case 'signatures':
      return <PrintSignaturesView section={section} />;
    case 'images':
      return <PrintImagesView section={section} />;
  }
}

function heightOf(element: Element | null): number {
  return element ? element.getBoundingClientRect().height : 0;
}

/**
 * Paginates each document: waits for the fonts, measures, and decides the pages. The result is
 * what the preview shows and what the printer prints. All at once: for the few pages of a case
 * form; a long list is laid out by `printPaginateInSlices`.
 */
export async function printPaginate(
  docs: readonly PrintDocument[],
  boxOf: (doc: PrintDocument) => PrintBox,
  words: PaginateWords,
): Promise<PaginatedDocument[]> {
  return printPaginateInSlices(docs, boxOf, words, { sliceMs: Number.POSITIVE_INFINITY });
}

export interface PaginateSliceOptions {
  /** Called after each slice with the pages finished so far (never the last, unfinished one). */
  readonly onProgress?: (documents: readonly PaginatedDocument[]) => void;
  /** Stops between slices (the promise then rejects with the signal's reason). */
  readonly signal?: AbortSignal;
  /** How long a slice of measuring may hold the UI thread before it yields, about. */
  readonly sliceMs?: number;
}

/**
 * Paginates in slices (see `printLayout`) and resolves with every page once all are measured.
 */
export function printPaginateInSlices(
  docs: readonly PrintDocument[],
  boxOf: (doc: PrintDocument) => PrintBox,
  words: PaginateWords,
  options: PaginateSliceOptions = {},
): Promise<PaginatedDocument[]> {
  return new Promise((resolve, reject) => {
    const layout = printLayout(boxOf, words, {
      sliceMs: options.sliceMs,
      onProgress: (documents, finished) => {
        if (finished) resolve([...documents]);
        else options.onProgress?.(documents);
      },
      onError: reject,
    });
    const signal = options.signal;
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    signal?.addEventListener('abort', () => {
      layout.stop();
      reject(signal.reason as Error);
    });
    layout.update(docs, false);
  });
}

export interface PrintLayoutOptions {
  /**
   * The pages known so far after each slice (`finished` false: never a page that rows still to
   * be measured or read could change), and every page once all are measured (`finished` true).
   */
  readonly onProgress: (documents: readonly PaginatedDocument[], finished: boolean) => void;
  readonly onError: (error: unknown) => void;
  /** How long a slice of measuring may hold the UI thread before it yields, about. */
  readonly sliceMs?: number;
}

export interface PrintLayout {
  /**
   * Lays `docs` out. A document that continues the one laid out before at its place (the same
   * document with more rows at the end of its tables: `printDocumentContinues`) keeps the heights
   * measured; any other is laid out anew. `open`: the last table of the last document has more
   * rows to come (its last page is not reported until an update closes it).
   */
  update(docs: readonly PrintDocument[], open: boolean): void;
  /** Stops measuring and removes the measuring copy. */
  stop(): void;
}

/** Slices of about this long hold the UI thread no longer than a frame or two, even when busy. */
const SLICE_MS = 16;
/** After the first pages, the pages known are reported at most this often (each redraws). */
const PROGRESS_EVERY_MS = 120;

type Yield = () => Promise<void>;

/**
 * Gives the UI thread back (input, painting) before the next slice: `scheduler.yield` where the
 * browser has it (the slice resumes ahead of other queued work), else a message (a timer would
 * wait 4 ms each time after the first few).
 */
const yieldToUi: Yield = (() => {
  const scheduler = (globalThis as { scheduler?: { yield?: Yield } }).scheduler;
  if (scheduler?.yield) return () => (scheduler.yield as Yield).call(scheduler);
  return () =>
    new Promise<void>((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(undefined);
    });
})();

/**
 * Lays documents out in slices: the rows of a table are measured a few at a time, each slice
 * taking about `sliceMs`, then the thread is given back. The pages already complete are reported
 * as they become known, so the first page shows as soon as its rows are measured. Each row's
 * height is measured once and kept beside it (no second copy of the document is laid out), and
 * rows added to a table later (a register read a part at a time) are measured on from there.
 */
export function printLayout(
  boxOf: (doc: PrintDocument) => PrintBox,
  words: PaginateWords,
  options: PrintLayoutOptions,
): PrintLayout {
  const sliceMs = options.sliceMs ?? SLICE_MS;
  let docs: readonly PrintDocument[] = [];
  let open = false;
  let layouts: (DocumentLayout | undefined)[] = [];
  let measuring: { host: HTMLElement; root: Root } | undefined;
  let running = false;
  let stopped = false;
  let reported = { at: 0, pages: 0 };

  /** The pages known: those of the documents measured, and the finished ones of the next. */
  const known = (): PaginatedDocument[] => {
    const out: PaginatedDocument[] = [];
    for (const [i, laid] of layouts.entries()) {
      if (!laid) break;
      const partial = laid.unmeasured();
      const lastOpen = open && i === layouts.length - 1;
      if (!partial && !lastOpen) {
        out.push(laid.paginated(laid.pages()));
        continue;
      }
      const section = partial ? partial.section : laid.lastTable();
      const pages = section === undefined ? [] : laid.pages(section, partial?.measured);
      // The last page may still take rows: only the pages before it are finished.
      if (pages.length > 1) out.push(laid.paginated(pages.slice(0, -1)));
      break;
    }
    return out;
  };

  const report = (force: boolean) => {
    const now = performance.now();
    if (!force && reported.pages > 0 && now - reported.at < PROGRESS_EVERY_MS) return;
    const documents = known();
    const pages = documents.reduce((sum, doc) => sum + doc.pages.length, 0);
    if (pages === reported.pages && !force) return;
    reported = { at: now, pages };
    options.onProgress(documents, false);
  };

  const host = () => {
    if (!measuring) {
      const element = document.createElement('div');
      element.className = 'pf-measure';
      element.setAttribute('aria-hidden', 'true');
      document.body.append(element);
      measuring = { host: element, root: createRoot(element) };
    }
    return measuring;
  };

  const stop = () => {
    stopped = true;
    if (measuring) {
      const { root, host: element } = measuring;
      measuring = undefined;
      root.unmount();
      element.remove();
    }
  };

  const run = async () => {
    running = true;
    try {
      // Metrics taken before the CJK fonts are in would be wrong.
      await document.fonts.ready;
      let sliceStart = performance.now();
      let perRowMs = 0.5;
      for (;;) {
        if (stopped) return;
        // The next rows to measure: the first document that has some (documents are laid out in
        // order, so the pages before it are known).
        const index = docs.findIndex(
          (doc, i) => layouts[i]?.doc !== doc || layouts[i]?.unmeasured() !== undefined,
        );
        if (index < 0) break;
        const doc = docs[index] as PrintDocument;
        let laid = layouts[index];
        if (!laid || laid.doc !== doc) {
          const { root, host: element } = host();
          laid =
            laid?.continuedBy(doc) ?? new DocumentLayout(doc, boxOf(doc), root, element, words);
          layouts[index] = laid;
        }
        const next = laid.unmeasured();
        if (next) {
          // As many rows as fit the rest of the slice, from the time rows took so far.
          const room = Math.max(sliceMs - (performance.now() - sliceStart), sliceMs / 4);
          const count = Math.max(4, Math.min(60, Math.floor(room / perRowMs)));
          const began = performance.now();
          const measured = laid.measureNext(count);
          perRowMs = Math.max(0.05, (performance.now() - began) / measured);
        }
        if (performance.now() - sliceStart >= sliceMs) {
          report(false);
          await yieldToUi();
          sliceStart = performance.now();
        }
      }
      if (stopped) return;
      if (open) {
        report(true);
      } else {
        options.onProgress(
          layouts.flatMap((laid) => (laid ? [laid.paginated(laid.pages())] : [])),
          true,
        );
        stop();
      }
    } catch (error) {
      if (!stopped) {
        stop();
        options.onError(error);
      }
    } finally {
      running = false;
    }
  };

  return {
    update(next, nextOpen) {
      if (stopped) return;
      layouts = next.map((doc, i) => {
        const laid = layouts[i];
        return laid && (laid.doc === doc || printDocumentContinues(laid.doc, doc))
          ? laid
          : undefined;
      });
      docs = next;
      open = nextOpen;
      reported = { at: 0, pages: 0 };
      if (!running) void run();
    },
    stop,
  };
}

/**
 * One document on the measuring host: its header, footer, block and table-head heights read at
 * once, its rows measured a slice at a time (`measureNext`), and its pages decided from those heights.
 */
class DocumentLayout {
  private readonly heights = new Map<PrintRow, number>();
  private flow: FlowSection<PlacedRow>[];
  /** Per section: how many of its rows (from the first) have their height. */
  private readonly measured: number[];
  private readonly bodyHeight: number;
  private readonly measure: FlowMeasure<PlacedRow>;

  constructor(
    public doc: PrintDocument,
    private readonly box: PrintBox,
    private readonly root: Root,
    private readonly host: HTMLElement,
    words: PaginateWords,
  ) {
    // Every section with its caption and head rows but no body rows: the lead of each table.
    this.render(
      <>
        <PrintPageHead doc={doc} />
        {doc.sections.map((section) => (
          <PrintSectionView
            key={section.key}
            section={section}
            rows={section.type === 'table' ? [] : undefined}
            words={words}
          />
        ))}
        <PrintPageFoot doc={doc} pageText={words.pageOf(99, 99)} />
      </>,
    );
    this.bodyHeight =
      box.heightMm * PX_PER_MM -
      heightOf(host.querySelector('[data-pf-head]')) -
      heightOf(host.querySelector('[data-pf-foot]'));
    this.flow = doc.sections.map((section, index) => {
      const element = host.querySelector(`[data-pf-section="${CSS.escape(section.key)}"]`);
      if (section.type !== 'table') {
        return {
          type: 'block',
          height: heightOf(element),
          keepWithPrevious: section.type === 'signatures',
        };
      }
      return {
        type: 'table',
        leadHeight: heightOf(element) - heightOf(element?.querySelector('tbody') ?? null),
        rows: section.rows.map((row) => ({ section: index, row })),
      };
    });
    this.measured = doc.sections.map(() => 0);
    const rowHeight = (placed: PlacedRow): number => {
      const known = this.heights.get(placed.row);
      if (known !== undefined) return known;
      const section = this.doc.sections[placed.section] as PrintTableSection;
      this.renderRows(section, [placed.row]);
      const measured = heightOf(host.querySelector('tbody > tr'));
      this.heights.set(placed.row, measured);
      return measured;
    };
    this.measure = {
      height: rowHeight,
      split: (placed, room) => {
        const parts = rowCut(placed.row, room, words.continued, (row) =>
          rowHeight({ section: placed.section, row }),
        );
        return (
          parts && [
            { section: placed.section, row: parts[0] },
            { section: placed.section, row: parts[1] },
          ]
        );
      },
    };
  }

  private render(node: ReactNode) {
    flushSync(() =>
      this.root.render(
        <div className={printDocClass(this.doc)} style={{ width: `${this.box.widthMm}mm` }}>
          {node}
        </div>,
      ),
    );
  }

  /** The rows under the table's own head rows, so that each row is measured as it prints. */
  private renderRows(section: PrintTableSection, rows: readonly PrintRow[]) {
    this.render(
      <PrintTableView
        section={{ ...section, caption: undefined }}
        rows={rows}
        continued={false}
        continuedText=""
      />,
    );
  }

  /**
   * This layout, for `doc`: the same document with more rows at the end of its tables
   * (`printDocumentContinues`). The heights measured are kept; the new rows are to measure.
   */
  continuedBy(doc: PrintDocument): this {
    this.doc = doc;
    this.flow = this.flow.map((part, index) => {
      const section = doc.sections[index];
      return part.type === 'table' && section?.type === 'table'
        ? { ...part, rows: section.rows.map((row) => ({ section: index, row })) }
        : part;
    });
    return this;
  }

  /** The first table with rows still to measure, and how many of its rows are measured. */
  unmeasured(): { readonly section: number; readonly measured: number } | undefined {
    for (const [index, section] of this.doc.sections.entries()) {
      const measured = this.measured[index] ?? 0;
      if (section.type === 'table' && measured < section.rows.length) {
        return { section: index, measured };
      }
    }
    return undefined;
  }

  /** The index of the last table section (the one an open document's rows are added to). */
  lastTable(): number | undefined {
    const index = this.doc.sections.findLastIndex((section) => section.type === 'table');
    return index < 0 ? undefined : index;
  }

  /** Measures the next `count` rows still to measure, together (one layout); how many were. */
  measureNext(count: number): number {
    const next = this.unmeasured();
    if (!next) return 0;
    const section = this.doc.sections[next.section] as PrintTableSection;
    const rows = section.rows.slice(next.measured, next.measured + count);
    this.renderRows(section, rows);
    const trs = Array.from(this.host.querySelector('tbody')?.children ?? []);
    rows.forEach((row, i) => this.heights.set(row, heightOf(trs[i] ?? null)));
    this.measured[next.section] = next.measured + rows.length;
    return rows.length;
  }

  paginated(pages: PagePlan<PlacedRow>[]): PaginatedDocument {
    return { doc: this.doc, box: this.box, pages };
  }

  /**
   * The pages of the whole document, or (`upTo`) of the sections before `section` and the
   * first `rows` rows of it: what is known while the rest is still being measured.
   */
  pages(section?: number, rows?: number): PagePlan<PlacedRow>[] {
    const flow =
      section === undefined
        ? this.flow
        : this.flow
            .slice(0, section + 1)
            .map((part, i) =>
              i === section && part.type === 'table'
                ? { ...part, rows: part.rows.slice(0, rows) }
                : part,
            );
    // One line of body text, about: less room than this is not worth starting a long row in.
    const minSplitHeight = 8 * PX_PER_MM;
    return paginate(flow, this.bodyHeight, this.measure, { minSplitHeight });
  }
}

const CUT_AFTER = new Set(['\n', '。', '，', '；', '！', '？', '、', '：', ' ', '.', ',', ';']);

/** Where to cut `chars` at most `k` long: just after a line break or punctuation when near. */
function niceCut(chars: readonly string[], k: number): number {
  for (let i = k; i > Math.max(0, k - 12); i--) {
    if (CUT_AFTER.has(chars[i - 1] ?? '')) return i;
  }
  return k;
}

let cutCount = 0;

/**
 * Cuts a row taller than `room` into a first part that fits and the rest: each cell of recorded
 * text keeps as much as fits on its own, the rest continues in the next part; labels repeat
 * with 「（续）」. Undefined when no text can move (e.g. only a tall blank cell).
 */
export function rowCut(
  row: PrintRow,
  room: number,
  continued: string,
  height: (row: PrintRow) => number,
): readonly [PrintRow, PrintRow] | undefined {
  const cuttable = row.cells.map((cell) => cell.role === 'value' && cell.text !== '');
  const chars = row.cells.map((cell) => Array.from(cell.text));
  const withTexts = (texts: (i: number) => string | undefined, key: string): PrintRow => ({
    key,
    cells: row.cells.map((cell, i) => {
      const text = texts(i);
      return text === undefined ? cell : { ...cell, text };
    }),
  });
  const keys = row.cells.map((_, i) => {
    if (!cuttable[i]) return 0;
    const cell = chars[i] ?? [];
    // Only this cell's text: how many characters fit?
    const fits = (k: number) =>
      height(
        withTexts(
          (j) => (j === i ? cell.slice(0, k).join('') : cuttable[j] ? '' : undefined),
          `${row.key}~probe`,
        ),
      ) <= room;
    if (fits(cell.length)) return cell.length;
    let low = 0;
    let high = cell.length;
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (fits(middle)) low = middle;
      else high = middle;
    }
    return low === 0 ? 0 : niceCut(cell, low);
  });
  const movesText = keys.some((k, i) => cuttable[i] && k < (chars[i]?.length ?? 0));
  const keepsText = keys.some((k, i) => cuttable[i] && k > 0);
  if (!movesText || !keepsText) return undefined;
  cutCount += 1;
  const first = withTexts(
    (i) => (cuttable[i] ? (chars[i] ?? []).slice(0, keys[i]).join('') : undefined),
    `${row.key}~${cutCount}a`,
  );
  const rest: PrintRow = {
    key: `${row.key}~${cutCount}b`,
    cells: row.cells.map((cell, i) => {
      if (cuttable[i]) {
        return { ...cell, text: (chars[i] ?? []).slice(keys[i]).join('').replace(/^\n/, '') };
      }
      if (cell.role === 'label') return { ...cell, text: `${cell.text}${continued}` };
      // Blank space for the pen stays with the first part.
      return { ...cell, text: cell.role === 'head' ? cell.text : '', minHeightMm: undefined };
    }),
  };
  return [first, rest];
}
