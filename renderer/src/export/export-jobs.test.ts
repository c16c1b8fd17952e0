import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { IsoInstant, StaffId } from '@shared/kernel/brand';
import type { CaseViewer } from '@shared/access/mask';
import { openDeskDatabase, type DeskDatabase } from '../db/database';
import { testDatabase, testDeskSetUp, testRegister } from '../db/test-builders';
import { sheetPrintScale } from '@shared/export/sheet-style';
import { PRINT_SETTINGS_DEFAULT } from '@shared/paper/settings';
import { settingsPut } from '../db/repos/settings';
import { exportJobRun } from './export-jobs';
import type { ExportJob, FromWorker } from './export-protocol';

let db: DeskDatabase;
afterEach(async () => {
  await db.delete();
});

const NOW = '2026-11-25T01:00:00.000Z' as IsoInstant;
/** The test desk's first operator (testDeskSetUp), an administrator. */
const ADMIN: CaseViewer = { id: 'staff-admin' as StaffId, name: '管理员', roles: ['admin'] };

async function deskWithCases(count: number) {
  db = testDatabase();
  const desk = await testDeskSetUp(db);
  for (let i = 0; i < count; i++) {
    // Nov 2 to Nov 20, Shanghai 10:00: all in November's period (Oct 25 to Nov 24).
    const day = String(2 + (i % 19)).padStart(2, '0');
    await testRegister(db, desk, `2026-11-${day}T02:00:00.000Z`, { subject: `事项${i}` });
  }
  return desk;
}

/** Runs a job as the worker does, answering every page at once, and collects the messages. */
async function run(job: ExportJob, sink: 'bytes' | 'stream'): Promise<FromWorker[]> {
  const messages: FromWorker[] = [];
  // The worker opens (and closes) its own connection to the desk's database, by name.
  await exportJobRun(
    job,
    sink,
    { emit: (m) => messages.push(m), ack: async () => undefined },
    openDeskDatabase,
  );
  return messages;
}

describe('exportJobRun', () => {
  it(
    'builds the register of a period in memory, reporting progress page by page',
    { timeout: 60_000 },
    async () => {
      await deskWithCases(1005);
      const messages = await run(
        {
          table: 'register',
          dbName: db.name,
          now: NOW,
          maskPhones: false,
          viewer: ADMIN,
          first: '2026-10-25' as never,
          last: '2026-11-24' as never,
        },
        'bytes',
      );
      const progress = messages.filter((m) => m.type === 'progress');
      expect(progress.map((m) => m.type === 'progress' && m.done)).toEqual([1000, 1005]);
      const done = messages.at(-1);
      expect(done).toMatchObject({
        type: 'done',
        fileName: '客户投诉、需求登记表-2026-10-25-2026-11-24.xlsx',
        rows: 1005,
      });
      if (done?.type !== 'done') return;
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(done.bytes);
      const sheet = workbook.worksheets[0];
      expect(sheet?.getCell('A1009').value).toBe(1005);
      expect(sheet?.getCell('A1010').value).toBe('合计：1005 件');
      // Readable on paper: one A4 landscape page wide at 80 % or more, ending with the
      // printed register's 制表人 and 审核人 lines.
      const widths = (sheet?.columns ?? []).map((column) => column.width ?? 0);
      expect(widths).toHaveLength(21);
      expect(sheet?.pageSetup).toMatchObject({
        paperSize: 9,
        orientation: 'landscape',
        fitToWidth: 1,
      });
      const margins = sheet?.pageSetup.margins ?? { left: 1, right: 1 };
      expect(sheetPrintScale(widths, 'landscape', margins)).toBeGreaterThanOrEqual(0.8);
      expect(String(sheet?.getCell('A1011').value)).toMatch(/^制表人签字：.+审核人签字：/);
    },
  );

  it('sets the register workbook on A3 when the desk prints its register on A3', async () => {
    await deskWithCases(3);
    await settingsPut(db, 'print', { ...PRINT_SETTINGS_DEFAULT, registerPaper: 'A3' }, NOW);
    const job: ExportJob = {
      table: 'register',
      dbName: db.name,
      now: NOW,
      maskPhones: true,
      viewer: ADMIN,
      first: '2026-10-25' as never,
      last: '2026-11-24' as never,
    };
    const done = (await run(job, 'bytes')).at(-1);
    if (done?.type !== 'done') throw new Error('no workbook');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(done.bytes);
    const sheet = workbook.worksheets[0];
    // SpreadsheetML's paper 8 is A3; the 21 columns then print at full size.
    expect(sheet?.pageSetup).toMatchObject({ paperSize: 8, orientation: 'landscape' });
    const widths = (sheet?.columns ?? []).map((column) => column.width ?? 0);
    const margins = sheet?.pageSetup.margins ?? { left: 1, right: 1 };
    expect(sheetPrintScale(widths, 'landscape', margins, 'A3')).toBe(1);
    // The layout the Electron writer streams from carries it too.
    const streamedLayout = (await run(job, 'stream'))[0];
    expect(streamedLayout?.type === 'layout' && streamedLayout.layout.paper).toBe('A3');
  });

  it('streams the register as a layout, pages of rows and an end', async () => {
    await deskWithCases(3);
    const messages = await run(
      {
        table: 'register',
        dbName: db.name,
        now: NOW,
        maskPhones: true,
        viewer: ADMIN,
        first: '2026-10-25' as never,
        last: '2026-11-24' as never,
      },
      'stream',
    );
    expect(messages.map((m) => m.type)).toEqual(['layout', 'rows', 'progress', 'end']);
    const rows = messages[1];
    expect(rows?.type === 'rows' && rows.rows.map((r) => r[3])).toEqual([
      '139****5678',
      '139****5678',
      '139****5678',
    ]);
    expect(messages[3]).toEqual({ type: 'end', rows: 3, detail: '2026-10-25~2026-11-24' });
  });

  it('masks a confidential case for the viewer the job names, not for the stored operator', async () => {
    const desk = await deskWithCases(0);
    await testRegister(db, desk, '2026-11-02T02:00:00.000Z', {
      flags: ['confidential'],
      subject: '举报装修押金',
      customer: { name: '周举报', phone: '13900001111', address: '9-901' },
    });
    // The stored current operator stays the administrator throughout: only the job's viewer changes.
    const registerOf = async (viewer: CaseViewer) => {
      const messages = await run(
        {
          table: 'register',
          dbName: db.name,
          now: NOW,
          maskPhones: false,
          viewer,
          first: '2026-10-25' as never,
          last: '2026-11-24' as never,
        },
        'stream',
      );
      return JSON.stringify(messages.filter((m) => m.type === 'rows'));
    };
    const clerk: CaseViewer = { id: 'staff-clerk' as StaffId, name: '李文员', roles: ['clerk'] };
    const supervisor: CaseViewer = {
      id: 'staff-super' as StaffId,
      name: '赵主管',
      roles: ['supervisor'],
    };
    const asClerk = await registerOf(clerk);
    expect(asClerk).not.toContain('举报装修押金');
    expect(asClerk).not.toContain('周举报');
    expect(asClerk).not.toContain('13900001111');
    expect(asClerk).toContain('***');
    const asSupervisor = await registerOf(supervisor);
    expect(asSupervisor).toContain('举报装修押金');
    expect(asSupervisor).toContain('周举报');
  });

  it('reports a group of files that are not monthly reports, naming the file', async () => {
    await deskWithCases(0);
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Sheet1').getCell('A1').value = '不是月报表';
    const bytes = (await book.xlsx.writeBuffer()) as ArrayBuffer;
    const messages = await run(
      {
        table: 'group',
        dbName: db.name,
        now: NOW,
        maskPhones: false,
        viewer: ADMIN,
        files: [{ name: '别的表.xlsx', bytes }],
      },
      'bytes',
    );
    expect(messages.at(-1)).toEqual({
      type: 'failed',
      problem: 'notMonthlyReport',
      file: '别的表.xlsx',
    });
    const garbage = await run(
      {
        table: 'group',
        dbName: db.name,
        now: NOW,
        maskPhones: false,
        viewer: ADMIN,
        files: [
          { name: 'x.xlsx', bytes: new TextEncoder().encode('no zip').buffer as ArrayBuffer },
        ],
      },
      'bytes',
    );
    expect(garbage.at(-1)).toEqual({ type: 'failed', problem: 'notWorkbook', file: 'x.xlsx' });
  });
});
