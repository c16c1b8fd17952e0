// @vitest-environment node
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { registerTableLayout } from '@shared/export/register-sheet';
import { presetFor } from '@shared/rules/presets';
import type { SheetCellValue } from '@shared/export/table-sheet';
import { xlsxZipStream } from './xlsx-zip';

function layout(paper?: 'A4' | 'A3') {
  return registerTableLayout({
    ...(paper === undefined ? {} : { paper }),
    rules: presetFor('property'),
    locale: 'zh-CN',
    organisationName: '阳光花园物业',
    deskName: '一号客服台',
    periodText: '2026-10-01 至 2026-10-31',
    operatorName: '王丽',
    madeOn: '2026-11-01',
  });
}

/** The first column formatted as a date: the register's received date. */
const DATE_COLUMN = layout().columns.findIndex((c) => c.style.numFmt?.includes('yyyy'));

function record(i: number, width: number): SheetCellValue[] {
  return Array.from({ length: width }, (_, c) =>
    c === 0
      ? i
      : c === DATE_COLUMN
        ? new Date(Date.UTC(2026, 9, 1 + (i % 28), 9, 30))
        : c === 2
          ? null
          : `第${i}行<&>"${c}"`,
  );
}

async function streamed(count: number, page: number, paper?: 'A4' | 'A3') {
  const sheetLayout = layout(paper);
  const width = sheetLayout.columns.length;
  const { stream, first } = xlsxZipStream(sheetLayout);
  const chunks = [...first];
  let rows: SheetCellValue[][] = [];
  for (let i = 1; i <= count; i++) {
    rows.push(record(i, width));
    if (rows.length === page) {
      chunks.push(...stream.rows(rows));
      rows = [];
    }
  }
  chunks.push(...stream.rows(rows), ...stream.end(count));
  const workbook = new ExcelJS.Workbook();
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.length;
  }
  await workbook.xlsx.load(all.buffer);
  return { sheetLayout, width, workbook };
}

describe('the streamed register workbook', () => {
  it('is a workbook ExcelJS reads back: title, merged header, rows, total, styles, print set-up', async () => {
    const { sheetLayout, width, workbook } = await streamed(250, 100);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    expect(sheet.name).toBe(sheetLayout.sheetName);
    expect(sheet.getCell('A1').value).toBe(sheetLayout.title);
    expect(sheet.getCell('A1').font?.name).toBe('黑体');
    expect(sheet.getCell('A1').isMerged).toBe(true);
    const top = 2 + sheetLayout.headerRows;
    const firstHeader = sheetLayout.header.find((h) => h.firstRow === 0 && h.firstColumn === 0);
    expect(sheet.getCell(3, 1).value).toBe(firstHeader?.text);
    expect(sheet.getCell(3, 1).border?.top?.style).toBe('thin');
    // Rows: numbers, dates (as Excel reads them back), empty cells and escaped text.
    expect(sheet.getCell(top + 1, 1).value).toBe(1);
    expect(DATE_COLUMN).toBeGreaterThan(2);
    expect(sheet.getCell(top + 1, DATE_COLUMN + 1).value).toEqual(
      new Date(Date.UTC(2026, 9, 2, 9, 30)),
    );
    expect(sheet.getCell(top + 1, 3).value).toBeNull();
    expect(sheet.getCell(top + 250, 2).value).toBe('第250行<&>"1"');
    expect(sheet.getCell(top + 1, 4).style.border?.left?.style).toBe('thin');
    const totalRow = top + 251;
    expect(String(sheet.getCell(totalRow, 1).value)).toContain('250');
    expect(sheet.getCell(totalRow, width).isMerged).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: top });
    expect(sheet.pageSetup.orientation).toBe(sheetLayout.landscape ? 'landscape' : 'portrait');
    expect(sheet.pageSetup.paperSize).toBe(9);
    expect(sheet.headerFooter.oddFooter).toBe(sheetLayout.pageFooter);
    expect(sheet.columns?.[0]?.width).toBe(sheetLayout.columns[0]?.width);
  });

  it('sets A3 in the page setup of a register the desk prints on A3', async () => {
    const { workbook } = await streamed(3, 100, 'A3');
    expect(workbook.worksheets[0]?.pageSetup).toMatchObject({
      paperSize: 8,
      orientation: 'landscape',
      fitToWidth: 1,
    });
  });

  it('gives the same sheet whatever the page size', async () => {
    const a = await streamed(30, 7);
    const b = await streamed(30, 1000);
    const values = (w: ExcelJS.Workbook) =>
      w.worksheets[0]?.getSheetValues().map((row) => JSON.stringify(row));
    expect(values(a.workbook)).toEqual(values(b.workbook));
  });
});
