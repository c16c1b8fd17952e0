import { readdir, rm } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BRIDGE_CHANNELS, type PrintRequest, type SaveFileRequest } from '@shared/platform/bridge';
import { createTestDesk, eventFrom, FakeContents, type TestDesk } from './fakes';
import { installBridgeHandlers } from './install';
import { MAX_SAVE_BYTES } from './schemas';

const saveRequest: SaveFileRequest = {
  suggestedName: '登记表.xlsx',
  mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  data: new Uint8Array([1, 2, 3]),
};

const printRequest: PrintRequest = {
  landscape: false,
  margins: { top: 10, right: 10, bottom: 10, left: 10 },
  title: '受理单',
};

/** A Uint8Array that reports more than 200 MB without allocating it. */
function oversized(): Uint8Array {
  const data = new Uint8Array(1);
  Object.defineProperty(data, 'byteLength', { value: MAX_SAVE_BYTES + 1 });
  return data;
}

describe('installBridgeHandlers', () => {
  let desk: TestDesk;
  let page: FakeContents;

  beforeEach(async () => {
    desk = await createTestDesk();
    installBridgeHandlers(desk.deps);
    page = new FakeContents();
  });

  afterEach(async () => {
    await rm(desk.documentsDir, { recursive: true, force: true });
  });

  it('handles exactly the channels of the bridge contract', () => {
    expect([...desk.ipcMain.handlers.keys()].sort()).toEqual(Object.values(BRIDGE_CHANNELS).sort());
  });

  it('refuses to install twice', () => {
    expect(() => installBridgeHandlers(desk.deps)).toThrow(/already installed/);
  });

  it('answers appInfo', async () => {
    expect(await desk.ipcMain.invoke(BRIDGE_CHANNELS.appInfo, eventFrom(page))).toEqual({
      name: '投诉受理台',
      version: '0.1.0',
      runtime: 'electron',
      platform: 'linux',
    });
  });

  describe('openExternal: only on a click, only to an allowed host', () => {
    beforeEach(async () => {
      await desk.ipcMain.invoke(BRIDGE_CHANNELS.setExternalHosts, eventFrom(page), [
        'www.gov.cn',
        '*.example.cn',
      ]);
    });

    it('opens an allowed address after a click, normalised', async () => {
      const open = (url: string) =>
        desk.ipcMain.invoke(BRIDGE_CHANNELS.openExternal, eventFrom(page), url, true);
      expect(await open('HTTPS://WWW.GOV.CN')).toEqual({ status: 'opened' });
      expect(await open('mailto:service@desk.example.cn')).toEqual({ status: 'opened' });
      expect(desk.opened).toEqual(['https://www.gov.cn/', 'mailto:service@desk.example.cn']);
    });

    it('refuses the same address without a click', async () => {
      expect(
        await desk.ipcMain.invoke(
          BRIDGE_CHANNELS.openExternal,
          eventFrom(page),
          'https://www.gov.cn/',
          false,
        ),
      ).toEqual({ status: 'refused', reason: 'not-activated' });
      expect(desk.opened).toEqual([]);
      expect(desk.logs.join('\n')).toMatch(/refused https:\/\/www\.gov\.cn\/ \(not-activated\)/);
    });

    it.each([
      'https://evil.example/',
      'https://gov.cn/',
      'https://example.cn/',
      'mailto:a@evil.example',
    ])('refuses %s, not on the list', async (url) => {
      expect(
        await desk.ipcMain.invoke(BRIDGE_CHANNELS.openExternal, eventFrom(page), url, true),
      ).toEqual({ status: 'refused', reason: 'host-not-allowed' });
      expect(desk.opened).toEqual([]);
    });

    it('refuses a request that does not say whether it came from a click', async () => {
      await expect(
        desk.ipcMain.invoke(BRIDGE_CHANNELS.openExternal, eventFrom(page), 'https://www.gov.cn/'),
      ).rejects.toThrow('desk-bridge:invalid-request');
      expect(desk.opened).toEqual([]);
    });

    it('opens nothing once the list is emptied', async () => {
      await desk.ipcMain.invoke(BRIDGE_CHANNELS.setExternalHosts, eventFrom(page), []);
      expect(
        await desk.ipcMain.invoke(
          BRIDGE_CHANNELS.openExternal,
          eventFrom(page),
          'https://www.gov.cn/',
          true,
        ),
      ).toEqual({ status: 'refused', reason: 'host-not-allowed' });
    });

    it.each([
      ['a URL instead of a host', ['https://www.gov.cn/']],
      ['a host not normalised', ['WWW.GOV.CN']],
      ['a wildcard over a country', ['*.cn']],
      ['not a list', 'www.gov.cn'],
      ['too many', Array.from({ length: 101 }, (_, i) => `h${i}.example.cn`)],
    ])('setExternalHosts refuses %s and keeps the list', async (_name, hosts) => {
      await expect(
        desk.ipcMain.invoke(BRIDGE_CHANNELS.setExternalHosts, eventFrom(page), hosts),
      ).rejects.toThrow('desk-bridge:invalid-request');
      expect(desk.hosts).toEqual(['www.gov.cn', '*.example.cn']);
    });
  });

  describe('refuses senders that are not the desk', () => {
    const strangers = [
      ['another origin', { url: 'https://evil.example/', parent: null }],
      ['a look-alike host', { url: 'app://desk.evil/', parent: null }],
      ['a file page', { url: 'file:///tmp/index.html', parent: null }],
      ['a subframe of the desk', { url: 'app://desk/', parent: {} }],
      ['a frame already gone', null],
    ] as const;

    it.each(strangers)('saveFile from %s: no dialog, no file', async (_name, frame) => {
      const result = await desk.ipcMain.invoke(
        BRIDGE_CHANNELS.saveFile,
        eventFrom(page, frame),
        saveRequest,
      );

      expect(result).toEqual({ status: 'failed', reason: 'untrusted-sender' });
      expect(desk.dialogCalls).toEqual([]);
      expect(desk.fs.calls).toEqual([]);
    });

    it.each(strangers)(
      'printPage and printToPdf from %s: nothing printed',
      async (_name, frame) => {
        for (const channel of [BRIDGE_CHANNELS.printPage, BRIDGE_CHANNELS.printToPdf]) {
          const result = await desk.ipcMain.invoke(channel, eventFrom(page, frame), printRequest);
          expect(result).toEqual({ status: 'failed', reason: 'untrusted-sender' });
        }
        expect(page.printCalls).toEqual([]);
        expect(page.pdfCalls).toEqual([]);
        expect(page.scripts).toEqual([]);
      },
    );

    it.each(strangers)('openExternal and appInfo from %s: rejected', async (_name, frame) => {
      await expect(
        desk.ipcMain.invoke(
          BRIDGE_CHANNELS.openExternal,
          eventFrom(page, frame),
          'https://www.gov.cn/',
          true,
        ),
      ).rejects.toThrow('desk-bridge:untrusted-sender');
      await expect(
        desk.ipcMain.invoke(BRIDGE_CHANNELS.appInfo, eventFrom(page, frame)),
      ).rejects.toThrow('desk-bridge:untrusted-sender');
      await expect(
        desk.ipcMain.invoke(BRIDGE_CHANNELS.setExternalHosts, eventFrom(page, frame), [
          'evil.example',
        ]),
      ).rejects.toThrow('desk-bridge:untrusted-sender');
      expect(desk.opened).toEqual([]);
      expect(desk.hosts).toEqual([]);
    });
  });

  describe('refuses bad arguments before touching anything', () => {
    it.each([
      ['no request', []],
      ['null', [null]],
      ['an extra argument', [saveRequest, 'extra']],
      ['an empty name', [{ ...saveRequest, suggestedName: '' }]],
      ['a relative path', [{ ...saveRequest, suggestedName: '../登记表.xlsx' }]],
      ['a folder in the name', [{ ...saveRequest, suggestedName: 'exports/登记表.xlsx' }]],
      ['a Windows path', [{ ...saveRequest, suggestedName: 'C:\\Windows\\登记表.xlsx' }]],
      ['the parent folder', [{ ...saveRequest, suggestedName: '..' }]],
      ['a control character', [{ ...saveRequest, suggestedName: 'a\u0000.xlsx' }]],
      ['a 201-character name', [{ ...saveRequest, suggestedName: `${'登'.repeat(196)}.xlsx` }]],
      ['a missing MIME type', [{ suggestedName: 'a.xlsx', data: saveRequest.data }]],
      ['a bad MIME type', [{ ...saveRequest, mimeType: 'text/html; charset=utf-8' }]],
      ['data as a plain array', [{ ...saveRequest, data: [1, 2, 3] }]],
      ['data as a string', [{ ...saveRequest, data: 'PK..' }]],
      ['more than 200 MB', [{ ...saveRequest, data: oversized() }]],
    ])('saveFile with %s', async (_name, args) => {
      const result = await desk.ipcMain.invoke(BRIDGE_CHANNELS.saveFile, eventFrom(page), ...args);

      expect(result).toEqual({ status: 'failed', reason: 'invalid-request' });
      expect(desk.dialogCalls).toEqual([]);
      expect(desk.fs.calls).toEqual([]);
      expect(await readdir(desk.documentsDir)).toEqual([]);
    });

    it('accepts a 200-character name', async () => {
      const suggestedName = `${'登'.repeat(195)}.xlsx`;
      desk.answerDialog = () => ({ canceled: true, filePath: '' });
      const result = await desk.ipcMain.invoke(BRIDGE_CHANNELS.saveFile, eventFrom(page), {
        ...saveRequest,
        suggestedName,
      });
      expect(result).toEqual({ status: 'cancelled' });
    });

    const margins = printRequest.margins;
    it.each([
      ['no request', []],
      ['landscape as a string', [{ ...printRequest, landscape: 'yes' }]],
      ['a negative margin', [{ ...printRequest, margins: { ...margins, top: -1 } }]],
      ['a 51 mm margin', [{ ...printRequest, margins: { ...margins, left: 51 } }]],
      ['a NaN margin', [{ ...printRequest, margins: { ...margins, right: Number.NaN } }]],
      ['an infinite margin', [{ ...printRequest, margins: { ...margins, bottom: Infinity } }]],
      ['a margin as text', [{ ...printRequest, margins: { ...margins, bottom: '10' } }]],
      ['a missing margin', [{ ...printRequest, margins: { top: 1, right: 1, bottom: 1 } }]],
      ['a 201-character title', [{ ...printRequest, title: 'x'.repeat(201) }]],
      ['a title that is not text', [{ ...printRequest, title: 42 }]],
    ])('printPage and printToPdf with %s', async (_name, args) => {
      for (const channel of [BRIDGE_CHANNELS.printPage, BRIDGE_CHANNELS.printToPdf]) {
        const result = await desk.ipcMain.invoke(channel, eventFrom(page), ...args);
        expect(result).toEqual({ status: 'failed', reason: 'invalid-request' });
      }
      expect(page.printCalls).toEqual([]);
      expect(page.pdfCalls).toEqual([]);
    });

    it('accepts margins of 0 and 50 mm', async () => {
      const result = await desk.ipcMain.invoke(BRIDGE_CHANNELS.printPage, eventFrom(page), {
        ...printRequest,
        margins: { top: 0, right: 50, bottom: 0, left: 50 },
      });
      expect(result).toEqual({ status: 'printed' });
    });

    it.each([
      'javascript:alert(1)',
      'file:///C:/Windows/System32/calc.exe',
      'app://desk/',
      'https://bank.example@evil.example/',
      ' https://www.gov.cn/',
      42,
      undefined,
    ])('openExternal with %j', async (url) => {
      await expect(
        desk.ipcMain.invoke(BRIDGE_CHANNELS.openExternal, eventFrom(page), url, true),
      ).rejects.toThrow('desk-bridge:invalid-request');
      expect(desk.opened).toEqual([]);
    });
  });

  it('turns an unexpected error into internal-error, logged', async () => {
    const broken = await createTestDesk({
      showSaveDialog: async () => {
        throw new Error('dialog exploded');
      },
    });
    installBridgeHandlers(broken.deps);

    const result = await broken.ipcMain.invoke(
      BRIDGE_CHANNELS.saveFile,
      eventFrom(page),
      saveRequest,
    );

    expect(result).toEqual({ status: 'failed', reason: 'internal-error' });
    expect(broken.logs).toEqual([`${BRIDGE_CHANNELS.saveFile}: failed`]);
    await rm(broken.documentsDir, { recursive: true, force: true });
  });
});
