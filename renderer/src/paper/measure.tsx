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

/** Gives the UI thread back (input, painting) before the next slice. */
function yieldToUi(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Paginates in slices: the rows of a table are measured a few dozen at a time, each slice taking
 * about `sliceMs`, then the thread is given back. After each slice `onProgress` gets the pages
 * already complete, so the first page shows as soon as its rows are measured. Each row's height
 * is measured once and kept beside it (no second copy of the document is laid out).
 */
export async function printPaginateInSlices(
  docs: readonly PrintDocument[],
  boxOf: (doc: PrintDocument) => PrintBox,
  words: PaginateWords,
  options: PaginateSliceOptions = {},
): Promise<PaginatedDocument[]> {
  const sliceMs = options.sliceMs ?? 40;
  // Metrics taken before the CJK fonts are in would be wrong.
  await document.fonts.ready;
  const host = document.createElement('div');
  host.className = 'pf-measure';
  host.setAttribute('aria-hidden', 'true');
  document.body.append(host);
  const root = createRoot(host);
  const done: PaginatedDocument[] = [];
  let sliceStart = performance.now();
  const check = async (partial: () => PaginatedDocument | undefined) => {
    if (performance.now() - sliceStart < sliceMs) return;
    const current = partial();
    options.onProgress?.(current ? [...done, current] : [...done]);
    await yieldToUi();
    options.signal?.throwIfAborted();
    sliceStart = performance.now();
  };
  try {
    options.signal?.throwIfAborted();
    for (const doc of docs) {
      const box = boxOf(doc);
      const laid = new DocumentLayout(doc, box, root, host, words);
      for (let index = 0; index < doc.sections.length; index++) {
        const section = doc.sections[index];
        if (section?.type !== 'table') continue;
        let next = 0;
        let perRowMs = 0.5;
        while (next < section.rows.length) {
          // As many rows as fit the rest of the slice, from the time rows took so far.
          const room = Math.max(sliceMs - (performance.now() - sliceStart), sliceMs / 4);
          const count = Math.max(8, Math.min(400, Math.floor(room / perRowMs)));
          const began = performance.now();
          laid.measureRows(index, next, next + count);
          const took = performance.now() - began;
          const measured = Math.min(count, section.rows.length - next);
          perRowMs = Math.max(0.05, took / measured);
          next += measured;
          await check(() => {
            const pages = laid.pages(index, next);
            // The last page may still take rows: only the pages before it are finished.
            return pages.length > 1 ? { doc, box, pages: pages.slice(0, -1) } : undefined;
          });
        }
      }
      done.push({ doc, box, pages: laid.pages() });
      await check(() => undefined);
    }
    return done;
  } finally {
    root.unmount();
    host.remove();
  }
}

/**
 * One document on the measuring host: its header, footer, block and table-head heights read at
 * once, its rows measured on demand (`measureRows`), and its pages decided from those heights.
 */
class DocumentLayout {
  private readonly heights = new Map<PrintRow, number>();
  private readonly flow: FlowSection<PlacedRow>[];
  private readonly bodyHeight: number;
  private readonly measure: FlowMeasure<PlacedRow>;

  constructor(
    private readonly doc: PrintDocument,
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
    const rowHeight = (placed: PlacedRow): number => {
      const known = this.heights.get(placed.row);
      if (known !== undefined) return known;
      const section = doc.sections[placed.section] as PrintTableSection;
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

  /** Measures the rows `[from, to)` of a table section, together (one layout). */
  measureRows(sectionIndex: number, from: number, to: number) {
    const section = this.doc.sections[sectionIndex] as PrintTableSection;
    const rows = section.rows.slice(from, to);
    this.renderRows(section, rows);
    const trs = Array.from(this.host.querySelector('tbody')?.children ?? []);
    rows.forEach((row, i) => this.heights.set(row, heightOf(trs[i] ?? null)));
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
