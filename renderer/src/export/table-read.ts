/**
 * Reading a register file for import: the first sheet of an .xlsx (real dates stay dates), or
 * a CSV in UTF-8 (with or without a byte-order mark), UTF-16 with a mark, or GBK as older Excel
 * writes it for Chinese Windows. A merged cell's text is kept in its first cell only, as a CSV
 * would have it, so a two-level header reads the same from both.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { ImportCell } from '@shared/import/values';
import { zipCheck } from './zip-check';

/**
 * Limits of what is read at all, so that a hostile or mistaken file is refused instead of
 * freezing the desk or exhausting its memory (issue 10: a 257 KB CSV of 10,000 columns froze
 * the page for 7.75 s and took 642 MB).
 */
/** More rows than this is not a desk's register. */
export const MAX_IMPORT_ROWS = 200_000;
/** A register has about 25 columns; 256 was Excel's own limit for decades. */
export const MAX_IMPORT_COLUMNS = 256;
/** Excel's own limit for the text of one cell. */
export const MAX_IMPORT_CELL_CHARS = 32_767;
/** A file larger than this is not a register (200,000 rows of a real register are ~60 MB). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
/** What an .xlsx may unpack to, in all its parts: a zip bomb unpacks to gigabytes. */
export const MAX_XLSX_INFLATED_BYTES = 256 * 1024 * 1024;
/** Parts of an .xlsx: a workbook of one register sheet has about a dozen. */
export const MAX_XLSX_ENTRIES = 2_000;

export type TableReadProblem =
  'unreadable' | 'empty' | 'tooManyRows' | 'tooManyColumns' | 'cellTooLong' | 'tooLarge';

export type TableReadResult =
  | { readonly ok: true; readonly rows: ImportCell[][]; readonly encoding?: string }
  | { readonly ok: false; readonly problem: TableReadProblem };

const refuse = (problem: TableReadProblem): TableReadResult => ({ ok: false, problem });

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
  if (bytes.byteLength > MAX_IMPORT_BYTES) return refuse('tooLarge');
  const { text, encoding } = csvDecode(bytes);
  const rows: string[][] = [];
  let problem: TableReadProblem | undefined;
  // Row by row, stopping at the first row past a limit: nothing beyond it is kept in memory.
  Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    step: (result, parser) => {
      const row = result.data;
      if (rows.length >= MAX_IMPORT_ROWS) problem = 'tooManyRows';
      else if (row.length > MAX_IMPORT_COLUMNS) problem = 'tooManyColumns';
      else if (row.some((cell) => cell.length > MAX_IMPORT_CELL_CHARS)) problem = 'cellTooLong';
      if (problem) parser.abort();
      else rows.push(row);
    },
  });
  if (problem) return refuse(problem);
  if (rows.every((row) => row.every((cell) => cell.trim() === ''))) return refuse('empty');
  return { ok: true, rows, encoding };
}

/** Is this zip safe to hand to ExcelJS? (zip-check.ts: bombs, lying sizes and checksums.) */
export function xlsxZipCheck(
  bytes: Uint8Array,
  limits = { inflatedBytes: MAX_XLSX_INFLATED_BYTES, entries: MAX_XLSX_ENTRIES },
): TableReadProblem | undefined {
  if (bytes.byteLength > MAX_IMPORT_BYTES) return 'tooLarge';
  return zipCheck(bytes, limits);
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
  const zipProblem = xlsxZipCheck(new Uint8Array(bytes));
  if (zipProblem) return refuse(zipProblem);
  const workbook = new ExcelJS.Workbook();
  const loaded = await workbook.xlsx.load(bytes).then(
    () => true,
    () => false,
  );
  if (!loaded) return { ok: false, problem: 'unreadable' };
  const sheet = workbook.worksheets.find((ws) => ws.state === 'visible' && ws.rowCount > 0);
  if (!sheet) return { ok: false, problem: 'empty' };
  if (sheet.rowCount > MAX_IMPORT_ROWS) return refuse('tooManyRows');
  const width = sheet.columnCount;
  if (width > MAX_IMPORT_COLUMNS) return refuse('tooManyColumns');
  const rows: ImportCell[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: ImportCell[] = [];
    for (let c = 1; c <= width; c++) {
      const value = cellValue(row.getCell(c));
      if (typeof value === 'string' && value.length > MAX_IMPORT_CELL_CHARS) {
        return refuse('cellTooLong');
      }
      cells.push(value);
    }
    rows.push(cells);
  }
  if (rows.every((cells) => cells.every((cell) => cell === null || String(cell).trim() === ''))) {
    return refuse('empty');
  }
  return { ok: true, rows };
}

/** Reads a file by its name's extension: `.csv` as text, anything else as an .xlsx. */
export async function tableRead(name: string, bytes: ArrayBuffer): Promise<TableReadResult> {
  if (bytes.byteLength > MAX_IMPORT_BYTES) return refuse('tooLarge');
  return /\.csv$/i.test(name) ? csvRows(new Uint8Array(bytes)) : xlsxRows(bytes);
}
