/**
 * Test doubles for the bridge handlers: Electron cannot run here, so the tests drive the real
 * handlers through a fake `ipcMain` and a fake page, with the real file system in a temporary
 * folder. Used only by the *.test.ts files next to this one.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import { nodeAtomicWriteFs, type AtomicWriteFs } from './atomic-write';
import type { BridgeDeps, InvokeEvent, InvokeListener, IpcMainSlice, SenderContents } from './deps';

/** Like Electron's ipcMain: one handler per channel, a second `handle` throws. */
export class FakeIpcMain implements IpcMainSlice {
  readonly handlers = new Map<string, InvokeListener>();

  handle(channel: string, listener: InvokeListener): void {
    if (this.handlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    }
    this.handlers.set(channel, listener);
  }

  invoke(channel: string, event: InvokeEvent, ...args: unknown[]): Promise<unknown> {
    const listener = this.handlers.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return listener(event, ...args);
  }
}

type PrintOptions = Parameters<SenderContents['print']>[0];
type PrintCallback = NonNullable<Parameters<SenderContents['print']>[1]>;
type PdfOptions = Parameters<SenderContents['printToPDF']>[0];

/** A page. By default fonts are ready, print succeeds at once and the PDF is a few bytes. */
export class FakeContents implements SenderContents {
  private static nextId = 1;
  readonly id = FakeContents.nextId++;
  readonly printCalls: PrintOptions[] = [];
  readonly pdfCalls: PdfOptions[] = [];
  readonly scripts: string[] = [];

  /** Replaced by tests to hold, fail or cancel the print job. */
  onPrint: (callback: PrintCallback) => void = (callback) => callback(true, '');
  onPrintToPdf: () => Promise<Buffer> = async () => Buffer.from('%PDF-1.7 fake');
  onFontsReady: () => Promise<unknown> = async () => true;

  print(options?: PrintOptions, callback?: PrintCallback): void {
    this.printCalls.push(options);
    this.onPrint(callback ?? (() => undefined));
  }

  printToPDF(options: PdfOptions): Promise<Buffer> {
    this.pdfCalls.push(options);
    return this.onPrintToPdf();
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Electron's own signature
  executeJavaScript(code: string): Promise<any> {
    this.scripts.push(code);
    return this.onFontsReady();
  }
}

export const APP_PAGE_URL = 'app://desk/register';

/** An invoke event from the desk's own top-level page. */
export function eventFrom(
  sender: SenderContents,
  frame: InvokeEvent['senderFrame'] = { url: APP_PAGE_URL, parent: null },
): InvokeEvent {
  return { sender, senderFrame: frame };
}

/** Records every file-system call and can make one of them fail. */
export class RecordingFs implements AtomicWriteFs {
  readonly calls: string[] = [];
  failOn: { readonly operation: 'writeNewFile' | 'rename'; readonly code: string } | undefined;

  private fail(operation: 'writeNewFile' | 'rename'): void {
    if (this.failOn?.operation === operation) {
      throw Object.assign(new Error(`${this.failOn.code}: injected`), { code: this.failOn.code });
    }
  }

  async writeNewFile(filePath: string, data: Uint8Array): Promise<void> {
    this.calls.push(`writeNewFile ${path.basename(filePath)}`);
    // Write half the bytes before failing, as a full disk would.
    if (this.failOn?.operation === 'writeNewFile') {
      await nodeAtomicWriteFs.writeNewFile(filePath, data.subarray(0, data.length / 2));
      this.fail('writeNewFile');
    }
    await nodeAtomicWriteFs.writeNewFile(filePath, data);
  }

  async rename(from: string, to: string): Promise<void> {
    this.calls.push(`rename ${path.basename(from)} -> ${path.basename(to)}`);
    this.fail('rename');
    await nodeAtomicWriteFs.rename(from, to);
  }

  async removeIfPresent(filePath: string): Promise<void> {
    this.calls.push(`removeIfPresent ${path.basename(filePath)}`);
    await nodeAtomicWriteFs.removeIfPresent(filePath);
  }
}

export interface TestDesk {
  readonly ipcMain: FakeIpcMain;
  readonly deps: BridgeDeps;
  readonly fs: RecordingFs;
  /** A temporary folder standing in for Documents; files are saved into it. */
  readonly documentsDir: string;
  readonly dialogCalls: SaveDialogOptions[];
  readonly opened: string[];
  readonly logs: string[];
  /** The allow-list the main process holds (setExternalHosts writes it). */
  hosts: readonly string[];
  /** The sync server's origin main holds (setSyncServer writes it). */
  syncServer: string | null;
  /** The update folders and the names in each; a folder not listed cannot be read. */
  readonly folders: Map<string, readonly string[]>;
  /** Files started through `openPath`, and what it answers next ('' = started). */
  readonly started: string[];
  openPathAnswer: string;
  quits: number;
  /** What the save dialog answers next; by default the suggested path. */
  answerDialog: (options: SaveDialogOptions) => SaveDialogReturnValue;
}

export async function createTestDesk(overrides: Partial<BridgeDeps> = {}): Promise<TestDesk> {
  const documentsDir = await mkdtemp(path.join(tmpdir(), 'desk-documents-'));
  const ipcMain = new FakeIpcMain();
  const fs = new RecordingFs();
  const desk: Omit<TestDesk, 'deps'> = {
    ipcMain,
    fs,
    documentsDir,
    dialogCalls: [],
    opened: [],
    logs: [],
    hosts: [],
    syncServer: null,
    folders: new Map(),
    started: [],
    openPathAnswer: '',
    quits: 0,
    answerDialog: (options) => ({ canceled: false, filePath: options.defaultPath ?? '' }),
  };
  const deps: BridgeDeps = {
    ipcMain,
    isTrustedUrl: (url) => url.startsWith('app://desk/'),
    appInfo: () => ({
      name: '投诉受理台',
      version: '0.1.0',
      runtime: 'electron',
      platform: 'linux',
    }),
    showSaveDialog: async (_sender, options) => {
      desk.dialogCalls.push(options);
      return desk.answerDialog(options);
    },
    documentsDir: () => documentsDir,
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    userDataDir: () => documentsDir,
    fs,
    openExternal: async (url) => {
      desk.opened.push(url);
    },
    setExternalHosts: (hosts) => {
      desk.hosts = hosts;
    },
    externalHosts: () => desk.hosts,
    syncServer: {
      get: () => desk.syncServer,
      set: async (origin) => {
        desk.syncServer = origin;
      },
    },
    update: {
      target: () => ({ productName: '投诉受理台', version: '0.1.0', arch: 'x64' }),
      listFolder: async (folder) => {
        const names = desk.folders.get(folder);
        if (!names) throw Object.assign(new Error(`ENOENT: ${folder}`), { code: 'ENOENT' });
        return names;
      },
      openPath: async (filePath) => {
        desk.started.push(filePath);
        return desk.openPathAnswer;
      },
      quit: () => {
        desk.quits += 1;
      },
    },
    locale: 'zh-CN',
    fontsTimeoutMs: 50,
    log: (message) => {
      desk.logs.push(message);
    },
    ...overrides,
  };
  return Object.assign(desk, { deps });
}
