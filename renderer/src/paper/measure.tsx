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
 * what the preview shows and what the printer prints.
 */
export async function printPaginate(
  docs: readonly PrintDocument[],
  boxOf: (doc: PrintDocument) => PrintBox,
  words: PaginateWords,
): Promise<PaginatedDocument[]> {
  // Metrics taken before the CJK fonts are in would be wrong.
  await document.fonts.ready;
  const host = document.createElement('div');
  host.className = 'pf-measure';
  host.setAttribute('aria-hidden', 'true');
  document.body.append(host);
  const root = createRoot(host);
  try {
    return docs.map((doc) => {
      const box = boxOf(doc);
      return { doc, box, pages: paginateOne(doc, box, root, host, words) };
    });
  } finally {
    root.unmount();
    host.remove();
  }
}

function paginateOne(
  doc: PrintDocument,
  box: PrintBox,
  root: Root,
  host: HTMLElement,
  words: PaginateWords,
): PagePlan<PlacedRow>[] {
  const render = (node: ReactNode) =>
    flushSync(() =>
      root.render(
        <div className={printDocClass(doc)} style={{ width: `${box.widthMm}mm` }}>
          {node}
        </div>,
      ),
    );

  render(
    <>
      <PrintPageHead doc={doc} />
      {doc.sections.map((section) => (
        <PrintSectionView key={section.key} section={section} words={words} />
      ))}
      <PrintPageFoot doc={doc} pageText={words.pageOf(99, 99)} />
    </>,
  );
  const bodyHeight =
    box.heightMm * PX_PER_MM -
    heightOf(host.querySelector('[data-pf-head]')) -
    heightOf(host.querySelector('[data-pf-foot]'));

  const heights = new Map<PrintRow, number>();
  const flow: FlowSection<PlacedRow>[] = doc.sections.map((section, index) => {
    const element = host.querySelector(`[data-pf-section="${CSS.escape(section.key)}"]`);
    if (section.type !== 'table') {
      return {
        type: 'block',
        height: heightOf(element),
        keepWithPrevious: section.type === 'signatures',
      };
    }
    const body = element?.querySelector('tbody') ?? null;
    const trs = body ? Array.from(body.children) : [];
    section.rows.forEach((row, i) => heights.set(row, heightOf(trs[i] ?? null)));
    return {
      type: 'table',
      leadHeight: heightOf(element) - heightOf(body),
      rows: section.rows.map((row) => ({ section: index, row })),
    };
  });

  const rowHeight = (placed: PlacedRow): number => {
    const known = heights.get(placed.row);
    if (known !== undefined) return known;
    const section = doc.sections[placed.section] as PrintTableSection;
    render(
      <PrintTableView
        section={{ ...section, caption: undefined, head: [] }}
        rows={[placed.row]}
        continued={false}
        continuedText=""
      />,
    );
    const measured = heightOf(host.querySelector('tbody > tr'));
    heights.set(placed.row, measured);
    return measured;
  };

  const measure: FlowMeasure<PlacedRow> = {
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
  // One line of body text, about: less room than this is not worth starting a long row in.
  const minSplitHeight = 8 * PX_PER_MM;
  return paginate(flow, bodyHeight, measure, { minSplitHeight });
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
