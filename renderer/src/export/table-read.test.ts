import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  MAX_IMPORT_CELL_CHARS,
  MAX_IMPORT_COLUMNS,
  csvRows,
  tableRead,
  xlsxRows,
  xlsxZipCheck,
} from './table-read';
import { zerosDeflated, zipForge } from '../test/zip-forge';

const utf8 = (text: string) => new TextEncoder().encode(text);

async function workbookBytes(fill: (sheet: ExcelJS.Worksheet) => void): Promise<ArrayBuffer> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet('登记表'));
  return (await workbook.xlsx.writeBuffer()) as ArrayBuffer;
}

describe('reading a register file refuses what is not a register', () => {
  it('refuses a CSV of 10,000 columns at its first row, quickly', () => {
    const row = Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(',');
    const started = performance.now();
    expect(csvRows(utf8(`${row}\n${row}\n`))).toEqual({ ok: false, problem: 'tooManyColumns' });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('accepts the widest register allowed', () => {
    const row = Array.from({ length: MAX_IMPORT_COLUMNS }, () => 'x').join(',');
    expect(csvRows(utf8(row)).ok).toBe(true);
  });

  it('refuses a CSV cell longer than Excel allows', () => {
    const long = 'a'.repeat(MAX_IMPORT_CELL_CHARS + 1);
    expect(csvRows(utf8(`客户姓名,事项\n张,${long}\n`))).toEqual({
      ok: false,
      problem: 'cellTooLong',
    });
    expect(csvRows(utf8(`客户姓名,事项\n张,${long.slice(1)}\n`)).ok).toBe(true);
  });

  it('refuses an .xlsx of too many columns and one with too long a cell', async () => {
    const wide = await workbookBytes((sheet) => {
      sheet.getRow(1).getCell(MAX_IMPORT_COLUMNS + 1).value = 'x';
    });
    expect(await xlsxRows(wide)).toEqual({ ok: false, problem: 'tooManyColumns' });
    const long = await workbookBytes((sheet) => {
      sheet.addRow(['客户姓名', 'a'.repeat(MAX_IMPORT_CELL_CHARS + 1)]);
    });
    expect(await xlsxRows(long)).toEqual({ ok: false, problem: 'cellTooLong' });
  });

  it('passes a real workbook through the zip check', async () => {
    const bytes = await workbookBytes((sheet) => sheet.addRow(['客户姓名', '事项']));
    expect(xlsxZipCheck(new Uint8Array(bytes))).toBeUndefined();
    expect((await tableRead('登记表.xlsx', bytes)).ok).toBe(true);
  });

  it('refuses a zip bomb by what it says it unpacks to, before ExcelJS sees it', () => {
    const body = zerosDeflated(1024 * 1024);
    const bomb = zipForge(
      Array.from({ length: 300 }, (_, i) => ({ name: `xl/part${i}.xml`, deflated: body })),
    );
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    expect(xlsxZipCheck(bomb)).toBe('tooLarge');
  });

  it('refuses a bomb that hides its size, by what it actually unpacks to', () => {
    const body = zerosDeflated(1024 * 1024);
    // Each part says 1 MB truthfully, but together they exceed a 4 MB limit.
    const bomb = zipForge(Array.from({ length: 3 }, (_, i) => ({ name: `p${i}`, deflated: body })));
    expect(xlsxZipCheck(bomb, { inflatedBytes: 4 * 1024 * 1024, entries: 10 })).toBeUndefined();
    expect(xlsxZipCheck(bomb, { inflatedBytes: 2.5 * 1024 * 1024, entries: 10 })).toBe('tooLarge');
    // A part that says it is 1 byte is refused at its first inflated chunk.
    const lying = zipForge([{ name: 'a.xml', deflated: body, declaredSize: 1 }]);
    expect(xlsxZipCheck(lying)).toBe('unreadable');
  });

  it('refuses a part whose checksum lies', async () => {
    const bytes = new Uint8Array(await workbookBytes((sheet) => sheet.addRow(['客户姓名'])));
    const honest = zipForge([{ name: 'a.xml', data: utf8('<a/>') }]);
    expect(xlsxZipCheck(honest)).toBeUndefined();
    const lying = zipForge([{ name: 'a.xml', data: utf8('<a/>'), declaredCrc: 12345 }]);
    expect(xlsxZipCheck(lying)).toBe('unreadable');
    expect(xlsxZipCheck(bytes)).toBeUndefined();
  });

  it('refuses a truncated workbook as unreadable', async () => {
    const bytes = new Uint8Array(await workbookBytes((sheet) => sheet.addRow(['客户姓名'])));
    const cut = bytes.slice(0, Math.floor(bytes.byteLength / 2));
    expect(await xlsxRows(cut.buffer)).toEqual({ ok: false, problem: 'unreadable' });
  });
});
