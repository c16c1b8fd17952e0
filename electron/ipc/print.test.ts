import { readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BRIDGE_CHANNELS, type PrintRequest } from '@shared/platform/bridge';
import { createTestDesk, eventFrom, FakeContents, type TestDesk } from './fakes';
import { installBridgeHandlers } from './install';
import {
  mmToInches,
  mmToPrintPoints,
  pdfFileNameFor,
  pdfOptionsFor,
  printOptionsFor,
} from './print';

const portrait: PrintRequest = {
  landscape: false,
  margins: { top: 20, right: 15, bottom: 25.4, left: 10 },
  title: '受理登记表 2026-11',
};

describe('margin units', () => {
  it.each([
    [0, 0, 0],
    [25.4, 1, 72],
    [10, 10 / 25.4, 28],
    [15, 15 / 25.4, 43],
    [50, 50 / 25.4, 142],
  ])('%s mm = %s in = %s pt', (mm, inches, points) => {
    expect(mmToInches(mm)).toBeCloseTo(inches, 10);
    expect(mmToPrintPoints(mm)).toBe(points);
  });
});

describe('print options', () => {
  it('prints A4 with the system dialog, backgrounds and custom margins in points', () => {
    expect(printOptionsFor(portrait)).toEqual({
      silent: false,
      printBackground: true,
      landscape: false,
      pageSize: 'A4',
      margins: { marginType: 'custom', top: 57, right: 43, bottom: 72, left: 28 },
    });
  });

  it('renders PDFs on A4 (not the Letter default) with margins in inches', () => {
    const options = pdfOptionsFor({ ...portrait, landscape: true });
    expect(options).toMatchObject({ pageSize: 'A4', landscape: true, printBackground: true });
    expect(options.margins?.top).toBeCloseTo(20 / 25.4, 10);
    expect(options.margins?.bottom).toBeCloseTo(1, 10);
    expect(options.margins?.left).toBeCloseTo(10 / 25.4, 10);
    expect(options.margins?.right).toBeCloseTo(15 / 25.4, 10);
  });

  it('prints and renders on A3 when the request asks it (a register on A3)', () => {
    expect(printOptionsFor({ ...portrait, landscape: true, pageSize: 'A3' })).toMatchObject({
      pageSize: 'A3',
      landscape: true,
    });
    expect(pdfOptionsFor({ ...portrait, landscape: true, pageSize: 'A3' })).toMatchObject({
      pageSize: 'A3',
      landscape: true,
    });
  });

  it.each([
    ['受理登记表 2026-11', '受理登记表 2026-11.pdf'],
    ['回访单: 2026/0001?', '回访单_ 2026_0001_.pdf'],
    ['..\\..\\evil', '.._.._evil.pdf'],
    ['report.PDF', 'report.pdf'],
    ['', '打印.pdf'],
    ['   ', '打印.pdf'],
  ])('suggests %j as %j', (title, name) => {
    expect(pdfFileNameFor(title)).toBe(name);
  });
});

describe('printPage', () => {
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

  const printPage = (request: unknown = portrait) =>
    desk.ipcMain.invoke(BRIDGE_CHANNELS.printPage, eventFrom(page), request);

  it('waits for the fonts, then prints A4 landscape with the margins converted', async () => {
    const result = await printPage({ ...portrait, landscape: true });

    expect(result).toEqual({ status: 'printed' });
    expect(page.scripts).toEqual(['document.fonts.ready.then(() => true)']);
    expect(page.printCalls).toEqual([
      {
        silent: false,
        printBackground: true,
        landscape: true,
        pageSize: 'A4',
        margins: { marginType: 'custom', top: 57, right: 43, bottom: 72, left: 28 },
      },
    ]);
  });

  it('refuses a second print while the first is in progress: nothing is printed twice', async () => {
    let finishFirst: (() => void) | undefined;
    page.onPrint = (callback) => {
      finishFirst = () => callback(true, '');
    };

    const first = printPage();
    await expect.poll(() => page.printCalls.length).toBe(1);
    const second = await printPage();
    const pdfMeanwhile = await desk.ipcMain.invoke(
      BRIDGE_CHANNELS.printToPdf,
      eventFrom(page),
      portrait,
    );

    expect(second).toEqual({ status: 'failed', reason: 'print-in-progress' });
    expect(pdfMeanwhile).toEqual({ status: 'failed', reason: 'print-in-progress' });
    expect(page.printCalls).toHaveLength(1);
    expect(page.pdfCalls).toHaveLength(0);

    finishFirst?.();
    expect(await first).toEqual({ status: 'printed' });

    page.onPrint = (callback) => callback(true, '');
    expect(await printPage()).toEqual({ status: 'printed' });
    expect(page.printCalls).toHaveLength(2);
  });

  it('lets another window print while one is busy', async () => {
    page.onPrint = () => undefined;
    void printPage();
    await expect.poll(() => page.printCalls.length).toBe(1);

    const other = new FakeContents();
    const result = await desk.ipcMain.invoke(BRIDGE_CHANNELS.printPage, eventFrom(other), portrait);
    expect(result).toEqual({ status: 'printed' });
  });

  it('reports a failed print job as failed with a reason code', async () => {
    page.onPrint = (callback) => callback(false, 'Print job failed');

    expect(await printPage()).toEqual({ status: 'failed', reason: 'print-failed' });
    expect(desk.logs.join('\n')).toContain('Print job failed');
  });

  it('reports an invalid-settings refusal thrown by Electron as failed', async () => {
    page.onPrint = () => {
      throw new Error('Invalid printer settings');
    };

    expect(await printPage()).toEqual({ status: 'failed', reason: 'print-failed' });
  });

  it('treats closing the print dialog as cancelled, not failed', async () => {
    page.onPrint = (callback) => callback(false, 'Print job canceled');

    expect(await printPage()).toEqual({ status: 'cancelled' });
  });

  it('does not print with fonts still loading after the timeout', async () => {
    page.onFontsReady = () => new Promise(() => undefined);

    expect(await printPage()).toEqual({ status: 'failed', reason: 'fonts-not-ready' });
    expect(page.printCalls).toHaveLength(0);
    // The lock is released: the next attempt prints.
    page.onFontsReady = async () => true;
    expect(await printPage()).toEqual({ status: 'printed' });
  });

  it('does not print when the font check itself fails', async () => {
    page.onFontsReady = async () => {
      throw new Error('Script failed to execute');
    };

    expect(await printPage()).toEqual({ status: 'failed', reason: 'fonts-not-ready' });
    expect(page.printCalls).toHaveLength(0);
  });
});

describe('printToPdf', () => {
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

  const printToPdf = (request: unknown = portrait) =>
    desk.ipcMain.invoke(BRIDGE_CHANNELS.printToPdf, eventFrom(page), request);

  it('renders A4 and saves it where the clerk chooses, named after the title', async () => {
    const result = await printToPdf();

    const expectedPath = path.join(desk.documentsDir, '受理登记表 2026-11.pdf');
    expect(result).toEqual({ status: 'saved', path: expectedPath });
    expect(page.pdfCalls).toHaveLength(1);
    expect(page.pdfCalls[0]).toMatchObject({ pageSize: 'A4', landscape: false });
    expect(desk.dialogCalls[0]).toMatchObject({
      defaultPath: expectedPath,
      filters: [{ name: 'PDF 文档', extensions: ['pdf'] }],
    });
    expect(await readFile(expectedPath, 'latin1')).toBe('%PDF-1.7 fake');
  });

  it('writes nothing when the clerk cancels the save dialog', async () => {
    desk.answerDialog = () => ({ canceled: true, filePath: '' });

    expect(await printToPdf()).toEqual({ status: 'cancelled' });
    expect(desk.fs.calls).toEqual([]);
    expect(await readdir(desk.documentsDir)).toEqual([]);
  });

  it('reports a rendering failure without opening the dialog', async () => {
    page.onPrintToPdf = async () => {
      throw new Error('Failed to generate PDF');
    };

    expect(await printToPdf()).toEqual({ status: 'failed', reason: 'pdf-failed' });
    expect(desk.dialogCalls).toEqual([]);
  });

  it('refuses a second PDF while the first waits in its save dialog', async () => {
    let closeDialog: (() => void) | undefined;
    const dialogClosed = new Promise<void>((resolve) => {
      closeDialog = resolve;
    });
    const slowDesk = await createTestDesk({
      showSaveDialog: async (_sender, options) => {
        await dialogClosed;
        return { canceled: false, filePath: options.defaultPath ?? '' };
      },
    });
    installBridgeHandlers(slowDesk.deps);

    const first = slowDesk.ipcMain.invoke(BRIDGE_CHANNELS.printToPdf, eventFrom(page), portrait);
    await expect.poll(() => page.pdfCalls.length).toBe(1);
    const second = await slowDesk.ipcMain.invoke(
      BRIDGE_CHANNELS.printToPdf,
      eventFrom(page),
      portrait,
    );

    expect(second).toEqual({ status: 'failed', reason: 'print-in-progress' });
    closeDialog?.();
    expect(await first).toMatchObject({ status: 'saved' });
    expect(page.pdfCalls).toHaveLength(1);
    await rm(slowDesk.documentsDir, { recursive: true, force: true });
  });
});
