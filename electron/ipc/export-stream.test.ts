import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BRIDGE_CHANNELS } from '@shared/platform/bridge';
import {
  excelLocalClock,
  registerCellValues,
  registerTableLayout,
} from '@shared/export/register-sheet';
import type { SheetCellValue } from '@shared/export/table-sheet';
import { PROPERTY_PRESET } from '@shared/rules/presets/property';
import { statsFixture } from '@shared/stats/test-fixture';
import { createTestDesk, eventFrom, FakeContents, type TestDesk } from './fakes';
import { createExportStreamService } from './export-stream';
import { installBridgeHandlers } from './install';

const layout = registerTableLayout({
  rules: PROPERTY_PRESET,
  locale: 'zh-CN',
  organisationName: '阳光物业',
  deskName: '一号客服台',
  periodText: '2026-10-25 至 2026-11-24',
  operatorName: '王芳',
  madeOn: '2026-11-25',
});

function registerRows(): SheetCellValue[][] {
  const clock = excelLocalClock('Asia/Shanghai');
  const cases = statsFixture().sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
  return cases.map((c, i) =>
    registerCellValues(
      c,
      {
        rules: PROPERTY_PRESET,
        locale: 'zh-CN',
        index: i + 1,
        maskPhones: true,
        statusLabel: (s) => s,
        standingText: (c) => (c.repliedAt === undefined ? '' : '按时回复'),
      },
      clock,
    ),
  );
}

describe('the streaming register export', () => {
  let desk: TestDesk;
  let temp: string;
  const page = new FakeContents();
  const other = new FakeContents();

  beforeEach(async () => {
    temp = await mkdtemp(path.join(tmpdir(), 'desk-export-temp-'));
    desk = await createTestDesk();
    installBridgeHandlers({ ...desk.deps, tempDir: () => temp } as typeof desk.deps);
  });

  afterEach(async () => {
    await rm(desk.documentsDir, { recursive: true, force: true });
    await rm(temp, { recursive: true, force: true });
  });

  const call = (channel: keyof typeof BRIDGE_CHANNELS, from: FakeContents, ...args: unknown[]) =>
    desk.ipcMain.invoke(BRIDGE_CHANNELS[channel], eventFrom(from), ...args);

  async function begin(from = page): Promise<string> {
    const begun = (await call('exportBegin', from, { suggestedName: '登记表.xlsx', layout })) as {
      status: string;
      token: string;
    };
    expect(begun.status).toBe('started');
    return begun.token;
  }

  it('writes pages of rows to a temporary file and saves it where the clerk chooses', async () => {
    const rows = registerRows();
    const token = await begin();
    for (let i = 0; i < rows.length; i += 100) {
      expect(await call('exportRows', page, token, rows.slice(i, i + 100))).toEqual({
        status: 'written',
      });
    }
    const saved = await call('exportFinish', page, token, rows.length);
    const target = path.join(desk.documentsDir, '登记表.xlsx');
    expect(saved).toEqual({ status: 'saved', path: target });
    expect(await readdir(temp)).toEqual([]);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(target);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getCell('A3').value).toBe('序号');
    expect(sheet?.getCell('G3').value).toBe('受理时间');
    expect(sheet?.getCell('G4').value).toBe('日期');
    expect(sheet?.getCell('I3').value).toBe('投诉、需求类型');
    const merges = (sheet?.model as { merges?: string[] }).merges ?? [];
    expect(merges).toEqual(expect.arrayContaining(['A1:U1', 'A3:A4', 'G3:H3', 'I3:K3', 'U3:U4']));
    // Exactly the 21 columns of DOMAIN.md section 6: nothing right of 回访满意度.
    expect(sheet?.getCell('U3').value).toBe('回访满意度');
    expect(sheet?.getCell('V3').value).toBeNull();
    expect(sheet?.getCell('V4').value).toBeNull();
    expect(sheet?.getCell('V5').value).toBeNull();
    // The deadline standing sits on the second line of 处理情况, the row tall enough for it.
    const replied = rows.findIndex((row) => String(row[11]).includes('\n'));
    expect(replied).toBeGreaterThanOrEqual(0);
    expect(sheet?.getCell(`L${5 + replied}`).value).toMatch(/^\d{4}-\d{4}（.+）\n按时回复$/);
    expect(sheet?.getRow(5 + replied).height).toBeGreaterThanOrEqual(28);
    // The first data row: the case received earliest (Oct 20 10:00 in Shanghai).
    expect(sheet?.getCell('A5').value).toBe(1);
    expect(sheet?.getCell('G5').value).toEqual(new Date(Date.UTC(2026, 9, 20)));
    expect(sheet?.getCell('G5').numFmt).toBe('yyyy-mm-dd');
    // A real Excel time (a fraction of a day); ExcelJS reads time-formatted numbers as dates.
    expect(sheet?.getCell('H5').value).toEqual(new Date(Date.UTC(1899, 11, 30, 10, 0)));
    expect(sheet?.getCell('H5').numFmt).toBe('hh:mm');
    expect(sheet?.getCell('D5').value).toMatch(/^138\*{4}\d{4}$/);
    expect(sheet?.getCell(`A${4 + rows.length + 1}`).value).toBe(`合计：${rows.length} 件`);
    expect(sheet?.pageSetup.orientation).toBe('landscape');
    expect(sheet?.pageSetup.printTitlesRow).toBe('3:4');
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
  });

  it('removes the temporary file when cancelled, or when the clerk closes the save dialog', async () => {
    const token = await begin();
    await call('exportRows', page, token, registerRows().slice(0, 10));
    await call('exportCancel', page, token);
    expect(await readdir(temp)).toEqual([]);
    expect(await call('exportRows', page, token, [])).toEqual({
      status: 'failed',
      reason: 'invalid-request',
    });

    desk.answerDialog = () => ({ canceled: true, filePath: '' });
    const second = await begin();
    expect(await call('exportFinish', page, second, 0)).toEqual({ status: 'cancelled' });
    expect(await readdir(temp)).toEqual([]);
    expect(await readdir(desk.documentsDir)).toEqual([]);
  });

  it('drops an export the renderer abandoned, with its temporary file', async () => {
    const service = createExportStreamService({ ...desk.deps, tempDir: () => temp, idleMs: 50 });
    const begun = await service.begin(page, { suggestedName: '登记表.xlsx', layout });
    expect(begun.status).toBe('started');
    await service.rows(page, (begun as { token: string }).token, registerRows().slice(0, 5));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(service.openCount()).toBe(0);
    expect(await readdir(temp)).toEqual([]);
  });

  it('refuses another window’s token, a wrong row count and malformed rows', async () => {
    const token = await begin();
    expect(await call('exportRows', other, token, [])).toEqual({
      status: 'failed',
      reason: 'invalid-request',
    });
    expect(await call('exportRows', page, token, [[{ formula: 'HYPERLINK("x")' }]])).toEqual({
      status: 'failed',
      reason: 'invalid-request',
    });
    expect(await call('exportBegin', page, { suggestedName: '../登记表.xlsx', layout })).toEqual({
      status: 'failed',
      reason: 'invalid-request',
    });
    await call('exportRows', page, token, registerRows().slice(0, 3));
    expect(await call('exportFinish', page, token, 4)).toEqual({
      status: 'failed',
      reason: 'invalid-request',
    });
    expect(await readdir(temp)).toEqual([]);
    expect(await readdir(desk.documentsDir)).toEqual([]);
  });
});
