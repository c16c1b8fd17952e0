/**
 * The look of the exported sheets, as plain data in ExcelJS's style shapes (no ExcelJS import:
 * the Electron main process and the renderer's Web Worker both apply it, to the streaming writer
 * and to the in-memory workbook). Paper forms: SimSun text, ruled cells, a bold title, A4.
 */

/** A cell style in ExcelJS's shape (font, alignment, border, fill, number format). */
export interface SheetCellStyle {
  readonly font?: {
    readonly name?: string;
    readonly size?: number;
    readonly bold?: boolean;
    readonly color?: { readonly argb: string };
  };
  readonly alignment?: {
    readonly horizontal?: 'left' | 'center' | 'right';
    readonly vertical?: 'top' | 'middle' | 'bottom';
    readonly wrapText?: boolean;
  };
  readonly border?: {
    readonly top?: { readonly style: 'thin' | 'medium' };
    readonly left?: { readonly style: 'thin' | 'medium' };
    readonly bottom?: { readonly style: 'thin' | 'medium' };
    readonly right?: { readonly style: 'thin' | 'medium' };
  };
  readonly fill?: {
    readonly type: 'pattern';
    readonly pattern: 'solid';
    readonly fgColor: { readonly argb: string };
  };
  readonly numFmt?: string;
}

/** The full-width space Chinese forms put between the parts of a line. */
export const FULL_WIDTH_SPACE = '\u3000';

/** The font Chinese forms are printed in; Excel and LibreOffice substitute where it is missing. */
export const FORM_FONT = '宋体';
export const TITLE_FONT = '黑体';

const THIN = { style: 'thin' } as const;
export const RULED = { top: THIN, left: THIN, bottom: THIN, right: THIN } as const;

export const STYLE_TITLE: SheetCellStyle = {
  font: { name: TITLE_FONT, size: 16, bold: true },
  alignment: { horizontal: 'center', vertical: 'middle' },
};

export const STYLE_SUBTITLE: SheetCellStyle = {
  font: { name: FORM_FONT, size: 10 },
  alignment: { horizontal: 'center', vertical: 'middle' },
};

export const STYLE_HEADER: SheetCellStyle = {
  font: { name: FORM_FONT, size: 10, bold: true },
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  border: RULED,
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } },
};

export const STYLE_SECTION: SheetCellStyle = {
  font: { name: FORM_FONT, size: 11, bold: true },
  alignment: { horizontal: 'left', vertical: 'middle' },
};

export const STYLE_TEXT: SheetCellStyle = {
  font: { name: FORM_FONT, size: 10 },
  alignment: { horizontal: 'left', vertical: 'middle', wrapText: true },
  border: RULED,
};

export const STYLE_CENTRED: SheetCellStyle = {
  font: { name: FORM_FONT, size: 10 },
  alignment: { horizontal: 'center', vertical: 'middle' },
  border: RULED,
};

/** Centred, wrapping onto more lines when the column is narrower than the text. */
export const STYLE_CENTRED_WRAP: SheetCellStyle = {
  ...STYLE_CENTRED,
  alignment: { ...STYLE_CENTRED.alignment, wrapText: true },
};

export const STYLE_DATE: SheetCellStyle = { ...STYLE_CENTRED, numFmt: 'yyyy-mm-dd' };
export const STYLE_TIME: SheetCellStyle = { ...STYLE_CENTRED, numFmt: 'hh:mm' };
export const STYLE_DATE_TIME: SheetCellStyle = { ...STYLE_CENTRED, numFmt: 'yyyy-mm-dd hh:mm' };
export const STYLE_INTEGER: SheetCellStyle = { ...STYLE_CENTRED, numFmt: '0' };
export const STYLE_DECIMAL: SheetCellStyle = { ...STYLE_CENTRED, numFmt: '0.00' };
export const STYLE_PERCENT: SheetCellStyle = { ...STYLE_CENTRED, numFmt: '0.0%' };

export const STYLE_TOTAL: SheetCellStyle = {
  font: { name: FORM_FONT, size: 10, bold: true },
  alignment: { horizontal: 'center', vertical: 'middle' },
  border: RULED,
};

export const STYLE_NOTE: SheetCellStyle = {
  font: { name: FORM_FONT, size: 9 },
  alignment: { horizontal: 'left', vertical: 'middle' },
};

/** What `addWorksheet(name, options)` takes, in both ExcelJS writers. */
export interface SheetOptions {
  readonly views: readonly {
    readonly state: 'frozen';
    readonly xSplit: number;
    readonly ySplit: number;
  }[];
  readonly pageSetup: {
    readonly paperSize: number;
    readonly orientation: 'portrait' | 'landscape';
    readonly fitToPage: boolean;
    readonly fitToWidth: number;
    readonly fitToHeight: number;
    readonly horizontalCentered: boolean;
    readonly margins: {
      readonly left: number;
      readonly right: number;
      readonly top: number;
      readonly bottom: number;
      readonly header: number;
      readonly footer: number;
    };
    readonly printTitlesRow?: string;
  };
  readonly headerFooter: { readonly oddFooter: string; readonly evenFooter: string };
}

/** ExcelJS's (and SpreadsheetML's) code for A4 paper. */
export const PAPER_A4 = 9;

/** SpreadsheetML's code for A3 paper. */
export const PAPER_A3 = 8;

/** The sheet a workbook prints on: A4, or A3 for a register the desk prints on A3. */
export type SheetPaper = 'A4' | 'A3';

/** Page margins in inches, narrow at the sides so that a wide register keeps its size. */
export const PAGE_MARGINS = {
  left: 0.25,
  right: 0.25,
  top: 0.6,
  bottom: 0.6,
  header: 0.3,
  footer: 0.3,
} as const;

/** A4 and A3 in inches. */
const PAPER_INCHES = {
  A4: { short: 8.27, long: 11.69 },
  A3: { short: 11.69, long: 16.54 },
} as const;

/**
 * The scale Excel's "fit to one page wide" prints a sheet at (1 = 100 %, never more): the
 * printable width over the columns' width. A column of width w is w × 7 + 5 pixels at 96 per
 * inch (the digit width of the default Calibri 11 and the cell padding, as Excel lays it out).
 */
export function sheetPrintScale(
  widths: readonly number[],
  orientation: 'portrait' | 'landscape',
  margins: { readonly left: number; readonly right: number } = PAGE_MARGINS,
  paperSize: SheetPaper = 'A4',
): number {
  const sheet = PAPER_INCHES[paperSize];
  const paper = orientation === 'landscape' ? sheet.long : sheet.short;
  const printable = (paper - margins.left - margins.right) * 96;
  const columns = widths.reduce((sum, width) => sum + Math.trunc(width * 7 + 5), 0);
  return Math.min(1, printable / columns);
}

/**
 * A4 (or A3 when asked), fitted to one page wide (as many pages tall as it takes), frozen below the header, the
 * header rows repeated on every printed page, `第 x 页 共 y 页` in the footer.
 */
export function sheetOptions(input: {
  readonly landscape: boolean;
  /** Rows above the data (title and header), frozen and, from `repeatFrom`, repeated in print. */
  readonly frozenRows: number;
  readonly frozenColumns?: number;
  /** 1-based first header row to repeat on every page; none when absent. */
  readonly repeatFrom?: number;
  readonly footer: string;
  readonly paper?: SheetPaper;
}): SheetOptions {
  return {
    views: [{ state: 'frozen', xSplit: input.frozenColumns ?? 0, ySplit: input.frozenRows }],
    pageSetup: {
      paperSize: input.paper === 'A3' ? PAPER_A3 : PAPER_A4,
      orientation: input.landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: PAGE_MARGINS,
      ...(input.repeatFrom === undefined
        ? {}
        : { printTitlesRow: `${input.repeatFrom}:${input.frozenRows}` }),
    },
    headerFooter: { oddFooter: input.footer, evenFooter: input.footer },
  };
}

/** Whether a code point is drawn two digits wide: Han, kana, Hangul, full-width forms. */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/**
 * Excel column width (in widths of the digit 0) that fits a text: a Han or full-width character
 * takes about two.
 */
export function sheetTextWidth(text: string): number {
  let width = 0;
  for (const char of text) width += isWide(char.codePointAt(0) ?? 0) ? 2 : 1;
  return width;
}
