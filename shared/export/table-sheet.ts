/**
 * A table sheet (the register, the overdue and follow-up lists): a merged title and subtitle,
 * a one- or two-level ruled header, one ruled row per record, and a total line. The layout is
 * plain data, so the renderer can hand it to the Electron main process over IPC; the writer
 * functions work on anything shaped like an ExcelJS worksheet: the in-memory `Worksheet` (Web
 * Worker) and the streaming `WorksheetWriter` (Electron main, benchmark) alike.
 */
import {
  STYLE_HEADER,
  STYLE_NOTE,
  STYLE_SUBTITLE,
  STYLE_TITLE,
  STYLE_TOTAL,
  sheetOptions,
  sheetTextWidth,
  type SheetCellStyle,
  type SheetOptions,
  type SheetPaper,
} from './sheet-style';

/** What a cell holds; a `Date` carries the desk's local wall time as if it were UTC. */
export type SheetCellValue = string | number | Date | null;

/** The slice of an ExcelJS cell the writer sets. */
export interface SheetCellTarget {
  value: unknown;
  style: unknown;
}

export interface SheetRowTarget {
  height?: number;
  getCell(column: number): SheetCellTarget;
  /** Streams the row out (streaming writer); a no-op in the in-memory workbook. */
  commit(): void;
}

/** The slice of an ExcelJS worksheet (in-memory or streaming) the writer uses. */
export interface SheetTarget {
  columns: unknown;
  addRow(values: readonly unknown[]): SheetRowTarget;
  mergeCells(top: number, left: number, bottom: number, right: number): void;
}

export interface TableHeaderCell {
  readonly text: string;
  /** 0-based rows and columns within the header, both ends included. */
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstColumn: number;
  readonly lastColumn: number;
}

export interface TableColumn {
  /** Width in Excel character units. */
  readonly width: number;
  readonly style: SheetCellStyle;
}

export interface TableLayout {
  readonly sheetName: string;
  readonly title: string;
  readonly subtitle: string;
  readonly headerRows: number;
  readonly header: readonly TableHeaderCell[];
  readonly columns: readonly TableColumn[];
  readonly landscape: boolean;
  /** The paper of the page setup; A4 when absent. */
  readonly paper?: SheetPaper;
  /** Printed at the foot of each page; ExcelJS codes such as `&P` (page) and `&N` (pages). */
  readonly pageFooter: string;
  /** The total line under the table; `{count}` is replaced by the number of rows. */
  readonly totalText: string;
  /** A line under the total (制表人 and date), if any. */
  readonly signature?: string;
}

/** Rows above the data: title, subtitle and the header. */
export function tableTopRows(layout: Pick<TableLayout, 'headerRows'>): number {
  return 2 + layout.headerRows;
}

/** The options to create the sheet with (`addWorksheet(layout.sheetName, options)`). */
export function tableSheetOptions(layout: TableLayout): SheetOptions {
  return sheetOptions({
    landscape: layout.landscape,
    ...(layout.paper === undefined ? {} : { paper: layout.paper }),
    frozenRows: tableTopRows(layout),
    repeatFrom: 3,
    footer: layout.pageFooter,
  });
}

function styleRow(row: SheetRowTarget, columns: number, style: SheetCellStyle): void {
  for (let c = 1; c <= columns; c++) row.getCell(c).style = style;
}

/** Writes the column widths, the title, the subtitle and the header. */
export function tableSheetStart(sheet: SheetTarget, layout: TableLayout): void {
  const width = layout.columns.length;
  sheet.columns = layout.columns.map((column) => ({ width: column.width }));
  const title = sheet.addRow([layout.title]);
  title.height = 30;
  title.getCell(1).style = STYLE_TITLE;
  sheet.mergeCells(1, 1, 1, width);
  title.commit();
  const subtitle = sheet.addRow([layout.subtitle]);
  subtitle.height = 18;
  subtitle.getCell(1).style = STYLE_SUBTITLE;
  sheet.mergeCells(2, 1, 2, width);
  subtitle.commit();

  const grid: string[][] = Array.from({ length: layout.headerRows }, () =>
    Array.from({ length: width }, () => ''),
  );
  for (const cell of layout.header) {
    const row = grid[cell.firstRow];
    if (row) row[cell.firstColumn] = cell.text;
  }
  const rows = grid.map((values) => {
    const row = sheet.addRow(values);
    row.height = 22;
    styleRow(row, width, STYLE_HEADER);
    return row;
  });
  // The streaming writer merges only rows not yet committed: merge first, then commit.
  for (const cell of layout.header) {
    if (cell.firstRow === cell.lastRow && cell.firstColumn === cell.lastColumn) continue;
    sheet.mergeCells(
      3 + cell.firstRow,
      1 + cell.firstColumn,
      3 + cell.lastRow,
      1 + cell.lastColumn,
    );
  }
  for (const row of rows) row.commit();
}

/** Points per line of 10-point text, with the spacing Excel and LibreOffice use. */
const LINE_HEIGHT = 14;

/**
 * The height a row needs for its wrapped text, or undefined for one line. Set explicitly
 * because neither Excel nor LibreOffice grows a row for wrapped text in every case (merged
 * cells, files written by another program): without it long text spills over the next row.
 */
export function sheetRowHeight(
  cells: readonly {
    readonly value: unknown;
    readonly width: number;
    readonly style?: SheetCellStyle;
  }[],
): number | undefined {
  let lines = 1;
  for (const cell of cells) {
    if (typeof cell.value !== 'string' || !cell.style?.alignment?.wrapText) continue;
    // Forms print in 10-point type, about 0.9 of the width Excel's column unit is measured in.
    // Each line of the text (the 处理情况 cell's standing is a line of its own) wraps apart.
    const cellLines = cell.value
      .split('\n')
      .reduce(
        (sum, line) =>
          sum + Math.max(1, Math.ceil((0.9 * sheetTextWidth(line)) / Math.max(1, cell.width))),
        0,
      );
    lines = Math.max(lines, cellLines);
  }
  return lines > 1 ? lines * LINE_HEIGHT : undefined;
}

/** Writes one record's row, ruled and formatted by its column. */
export function tableSheetRow(
  sheet: SheetTarget,
  layout: TableLayout,
  values: readonly SheetCellValue[],
): void {
  const row = sheet.addRow(values as unknown[]);
  layout.columns.forEach((column, i) => {
    row.getCell(i + 1).style = column.style;
  });
  const height = sheetRowHeight(
    layout.columns.map((column, i) => ({
      value: values[i],
      width: column.width,
      style: column.style,
    })),
  );
  if (height !== undefined) row.height = height;
  row.commit();
}

/** Writes the total line (and the signature line) after `count` rows. */
export function tableSheetEnd(sheet: SheetTarget, layout: TableLayout, count: number): void {
  const width = layout.columns.length;
  const first = tableTopRows(layout) + count + 1;
  const total = sheet.addRow([layout.totalText.replace('{count}', String(count))]);
  styleRow(total, width, STYLE_TOTAL);
  total.getCell(1).style = {
    ...STYLE_TOTAL,
    alignment: { horizontal: 'left', vertical: 'middle' },
  };
  sheet.mergeCells(first, 1, first, width);
  total.commit();
  if (layout.signature) {
    const signature = sheet.addRow([layout.signature]);
    signature.getCell(1).style = STYLE_NOTE;
    sheet.mergeCells(first + 1, 1, first + 1, width);
    signature.commit();
  }
}
