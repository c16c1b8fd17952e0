/**
 * Reading a register file for import: the first sheet of an .xlsx (real dates stay dates), or
 * a CSV in UTF-8 (with or without a byte-order mark), UTF-16 with a mark, or GBK as older Excel
 * writes it for Chinese Windows. A merged cell's text is kept in its first cell only, as a CSV
 * would have it, so a two-level header reads the same from both.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { ImportCell } from '@shared/import/values';

/** More rows than this is not a desk's register: refuse rather than exhaust memory. */
export const MAX_IMPORT_ROWS = 200_000;

export type TableReadResult =
  | { readonly ok: true; readonly rows: ImportCell[][]; readonly encoding?: string }
  | { readonly ok: false; readonly problem: 'unreadable' | 'empty' | 'tooManyRows' };

/** The text of a CSV file, by its byte-order mark, else UTF-8 if it is valid, else GBK. */
export function csvDecode(bytes: Uint8Array): { readonly text: string; readonly encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: Excel on Chinese Windows saves "CSV" in the ANSI code page, GBK (936).
    return { text: new TextDecoder('gbk').decode(bytes), encoding: 'gbk' };
  }
}

export function csvRows(bytes: Uint8Array): TableReadResult {
  const { text, encoding } = csvDecode(bytes);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  const rows = parsed.data.map((row) => row.map((cell) => cell));
  if (rows.length > MAX_IMPORT_ROWS) return { ok: false, problem: 'tooManyRows' };
  if (rows.every((row) => row.every((cell) => cell.trim() === '')))
    return { ok: false, problem: 'empty' };
  return { ok: true, rows, encoding };
}

function cellValue(cell: ExcelJS.Cell): ImportCell {
  if (cell.isMerged && cell.master.address !== cell.address) return null;
  const value = cell.value;
  if (value === null || value === undefined) return null;
  if (
    value instanceof Date ||
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean'
  ) {
    return value;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) {
      const result = value.result;
      return result instanceof Date || typeof result === 'string' || typeof result === 'number'
        ? result
        : null;
    }
    if ('text' in value && typeof value.text === 'string') return value.text;
  }
  return null;
}

export async function xlsxRows(bytes: ArrayBuffer): Promise<TableReadResult> {
  const workbook = new ExcelJS.Workbook();
  const loaded = await workbook.xlsx.load(bytes).then(
    () => true,
    () => false,
  );
  if (!loaded) return { ok: false, problem: 'unreadable' };
  const sheet = workbook.worksheets.find((ws) => ws.state === 'visible' && ws.rowCount > 0);
  if (!sheet) return { ok: false, problem: 'empty' };
  if (sheet.rowCount > MAX_IMPORT_ROWS) return { ok: false, problem: 'tooManyRows' };
  const rows: ImportCell[][] = [];
  const width = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: ImportCell[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellValue(row.getCell(c)));
    rows.push(cells);
  }
  return { ok: true, rows };
}

/** Reads a file by its name's extension: `.csv` as text, anything else as an .xlsx. */
export async function tableRead(name: string, bytes: ArrayBuffer): Promise<TableReadResult> {
  return /\.csv$/i.test(name) ? csvRows(new Uint8Array(bytes)) : xlsxRows(bytes);
}
