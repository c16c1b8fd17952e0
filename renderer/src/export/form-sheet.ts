/**
 * Writing a form-like sheet (the monthly report, the quarterly analysis): a merged title and
 * subtitle, then sections of small ruled tables on one grid of columns, each cell spanning as
 * many grid columns as it needs. Rows are written top to bottom, never revisited.
 */
import type ExcelJS from 'exceljs';
import {
  STYLE_CENTRED,
  STYLE_HEADER,
  STYLE_NOTE,
  STYLE_SECTION,
  STYLE_SUBTITLE,
  STYLE_TEXT,
  STYLE_TITLE,
  STYLE_TOTAL,
  type SheetCellStyle,
} from '@shared/export/sheet-style';
import { sheetRowHeight } from '@shared/export/table-sheet';

export type FormValue = string | number | Date | null | undefined;

/** One cell of a form row: its value, how many grid columns it spans, its style. */
export interface FormCell {
  readonly value: FormValue;
  readonly span?: number;
  readonly style?: SheetCellStyle;
}

export type FormRowInput = readonly (FormCell | FormValue)[];

function isCell(value: FormCell | FormValue): value is FormCell {
  return typeof value === 'object' && value !== null && !(value instanceof Date);
}

export class FormSheet {
  private row = 0;

  constructor(
    readonly sheet: ExcelJS.Worksheet,
    /** Widths of the grid columns. */
    readonly widths: readonly number[],
  ) {
    sheet.columns = widths.map((width) => ({ width }));
  }

  get width(): number {
    return this.widths.length;
  }

  /** The 1-based number of the last row written. */
  get lastRow(): number {
    return this.row;
  }

  private full(value: FormValue, style: SheetCellStyle, height?: number): ExcelJS.Row {
    this.row += 1;
    const row = this.sheet.getRow(this.row);
    row.getCell(1).value = value ?? null;
    row.getCell(1).style = style;
    if (height) row.height = height;
    this.sheet.mergeCells(this.row, 1, this.row, this.width);
    return row;
  }

  title(text: string): void {
    this.full(text, STYLE_TITLE, 30);
  }

  subtitle(text: string): void {
    this.full(text, STYLE_SUBTITLE, 18);
  }

  /** A section heading (一、受理情况), with a blank line above it. */
  section(text: string): void {
    this.row += 1;
    this.full(text, STYLE_SECTION, 20);
  }

  note(text: string): void {
    this.full(text, STYLE_NOTE);
  }

  blank(): void {
    this.row += 1;
  }

  /**
   * A row of cells laid left to right; a plain value takes one column with `fallback` style.
   * The last cell stretches to the right edge so the table stays ruled to the grid's width.
   */
  cells(input: FormRowInput, fallback: SheetCellStyle = STYLE_CENTRED): ExcelJS.Row {
    this.row += 1;
    const row = this.sheet.getRow(this.row);
    let column = 1;
    const placed: { value: unknown; width: number; style: SheetCellStyle }[] = [];
    input.forEach((item, i) => {
      const cell: FormCell = isCell(item) ? item : { value: item };
      const isLast = i === input.length - 1;
      const span = isLast ? this.width - column + 1 : (cell.span ?? 1);
      const style = cell.style ?? fallback;
      for (let c = column; c < column + span; c++) row.getCell(c).style = style;
      row.getCell(column).value = cell.value ?? null;
      if (span > 1) this.sheet.mergeCells(this.row, column, this.row, column + span - 1);
      const width = this.widths.slice(column - 1, column - 1 + span).reduce((a, b) => a + b, 0);
      placed.push({ value: cell.value, width, style });
      column += span;
    });
    const height = sheetRowHeight(placed);
    if (height !== undefined) row.height = height;
    return row;
  }

  header(input: FormRowInput): ExcelJS.Row {
    const row = this.cells(input, STYLE_HEADER);
    // Room for a label that wraps to two lines.
    row.height = 30;
    return row;
  }

  /** A label cell (text, left) followed by values. */
  labelled(label: string, values: FormRowInput, labelSpan = 1): ExcelJS.Row {
    return this.cells([{ value: label, span: labelSpan, style: STYLE_TEXT }, ...values]);
  }

  total(input: FormRowInput): ExcelJS.Row {
    return this.cells(input, STYLE_TOTAL);
  }
}
