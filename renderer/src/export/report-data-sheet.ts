/**
 * A monthly report workbook carries its figures as data in a hidden sheet, so that the group
 * report can read several desks' files back and sum them with the same rules (rates are
 * recomputed from the sums, never averaged). Excel holds at most 32,767 characters in a cell:
 * the JSON is split over the rows of column A.
 */
import type ExcelJS from 'exceljs';
import { reportDocumentParse, type ReportDocument } from '@shared/stats/combine';

export const REPORT_DATA_SHEET = 'report-data';
const CHUNK = 30_000;

export function reportDataWrite(workbook: ExcelJS.Workbook, document: ReportDocument): void {
  const sheet = workbook.addWorksheet(REPORT_DATA_SHEET, { state: 'hidden' });
  const json = JSON.stringify(document);
  for (let i = 0, row = 1; i < json.length; i += CHUNK, row += 1) {
    sheet.getCell(row, 1).value = json.slice(i, i + CHUNK);
  }
}

export type ReportDataReadResult =
  | { readonly ok: true; readonly document: ReportDocument }
  | { readonly ok: false; readonly problem: 'notMonthlyReport' | 'damaged' };

/** The report a monthly report workbook carries, or why there is none. */
export function reportDataRead(workbook: ExcelJS.Workbook): ReportDataReadResult {
  const sheet = workbook.getWorksheet(REPORT_DATA_SHEET);
  if (!sheet) return { ok: false, problem: 'notMonthlyReport' };
  let json = '';
  sheet.getColumn(1).eachCell({ includeEmpty: false }, (cell) => {
    json += typeof cell.value === 'string' ? cell.value : '';
  });
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, problem: 'damaged' };
  }
  const document = reportDocumentParse(value);
  return document ? { ok: true, document } : { ok: false, problem: 'damaged' };
}
