import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BRIDGE_CHANNELS, type SaveFileRequest } from '@shared/platform/bridge';
import { createTestDesk, eventFrom, FakeContents, type TestDesk } from './fakes';
import { installBridgeHandlers } from './install';
import { dialogSafeFileName, saveFiltersFor } from './save-file';

const workbook = new TextEncoder().encode('PK\u0003\u0004 pretend xlsx');

const request: SaveFileRequest = {
  suggestedName: '登记表-2026-11.xlsx',
  mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  data: workbook,
};

describe('saveFiltersFor', () => {
  it.each([
    ['登记表-2026-11.xlsx', 'zh-CN', [{ name: 'Excel 工作簿', extensions: ['xlsx'] }]],
    ['登记表-2026-11.XLSX', 'en', [{ name: 'Excel workbook', extensions: ['xlsx'] }]],
    ['回访单.pdf', 'zh-CN', [{ name: 'PDF 文档', extensions: ['pdf'] }]],
    ['backup.deskbak', 'zh-CN', [{ name: 'DESKBAK', extensions: ['deskbak'] }]],
    ['README', 'zh-CN', []],
  ] as const)('%s (%s)', (name, locale, filters) => {
    expect(saveFiltersFor(name, locale)).toEqual(filters);
  });
});

describe('dialogSafeFileName', () => {
  it.each([
    ['登记表-2026-11.xlsx', '登记表-2026-11.xlsx'],
    ['a:b*c?d"e<f>g|h.pdf', 'a_b_c_d_e_f_g_h.pdf'],
    ['2026/11 登记表', '2026_11 登记表'],
    ['  spaced.pdf  ', 'spaced.pdf'],
  ])('%j → %j', (name, safe) => {
    expect(dialogSafeFileName(name)).toBe(safe);
  });
});

describe('saveFile', () => {
  let desk: TestDesk;
  const page = new FakeContents();

  beforeEach(async () => {
    desk = await createTestDesk();
    installBridgeHandlers(desk.deps);
  });

  afterEach(async () => {
    await rm(desk.documentsDir, { recursive: true, force: true });
  });

  const saveFile = (body: unknown = request) =>
    desk.ipcMain.invoke(BRIDGE_CHANNELS.saveFile, eventFrom(page), body);

  it('suggests the name in Documents with a filter for its type, then writes the bytes', async () => {
    const result = await saveFile();

    const target = path.join(desk.documentsDir, '登记表-2026-11.xlsx');
    expect(desk.dialogCalls).toEqual([
      {
        defaultPath: target,
        filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      },
    ]);
    expect(result).toEqual({ status: 'saved', path: target });
    expect(new Uint8Array(await readFile(target))).toEqual(workbook);
  });

  it('saves where the clerk chose, not where it was suggested', async () => {
    const chosen = path.join(desk.documentsDir, '十一月.xlsx');
    desk.answerDialog = () => ({ canceled: false, filePath: chosen });

    expect(await saveFile()).toEqual({ status: 'saved', path: chosen });
    expect(await readdir(desk.documentsDir)).toEqual(['十一月.xlsx']);
  });

  it('touches no file when the clerk cancels', async () => {
    desk.answerDialog = () => ({ canceled: true, filePath: '' });

    expect(await saveFile()).toEqual({ status: 'cancelled' });
    expect(desk.fs.calls).toEqual([]);
    expect(await readdir(desk.documentsDir)).toEqual([]);
  });

  it('writes a temporary file in the same folder, then renames it over the target', async () => {
    await saveFile();

    expect(desk.fs.calls).toEqual([
      expect.stringMatching(/^writeNewFile \.desk-save-[0-9a-f]{12}\.tmp$/),
      expect.stringMatching(/^rename \.desk-save-[0-9a-f]{12}\.tmp -> 登记表-2026-11\.xlsx$/),
    ]);
    expect(await readdir(desk.documentsDir)).toEqual(['登记表-2026-11.xlsx']);
  });

  it('replaces an existing file whole', async () => {
    const target = path.join(desk.documentsDir, '登记表-2026-11.xlsx');
    await writeFile(target, 'last month');

    await saveFile();

    expect(new Uint8Array(await readFile(target))).toEqual(workbook);
  });

  it.each([
    ['writeNewFile', 'ENOSPC', 'disk-full'],
    ['writeNewFile', 'EACCES', 'write-denied'],
    ['rename', 'EBUSY', 'write-denied'],
    ['rename', 'EPERM', 'write-denied'],
    ['rename', 'EIO', 'write-failed'],
  ] as const)(
    'a failed %s (%s) is reported as %s and leaves no file behind',
    async (operation, code, reason) => {
      desk.fs.failOn = { operation, code };

      expect(await saveFile()).toEqual({ status: 'failed', reason });
      expect(desk.fs.calls.at(-1)).toMatch(/^removeIfPresent \.desk-save-/);
      expect(await readdir(desk.documentsDir)).toEqual([]);
    },
  );

  it('keeps the old file when writing the new one fails', async () => {
    const target = path.join(desk.documentsDir, '登记表-2026-11.xlsx');
    await writeFile(target, 'last month');
    desk.fs.failOn = { operation: 'writeNewFile', code: 'ENOSPC' };

    await saveFile();

    expect(await readFile(target, 'utf8')).toBe('last month');
    expect(await readdir(desk.documentsDir)).toEqual(['登记表-2026-11.xlsx']);
  });
});
