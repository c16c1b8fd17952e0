/**
 * Everything the bridge handlers need from Electron and the machine, passed in so the handlers
 * can be tested with fakes (there is no Electron binary in CI). main.ts builds the real one.
 * Each type is the narrow slice of Electron's own type that the handlers call.
 */
import type {
  OpenDialogOptions,
  OpenDialogReturnValue,
  SaveDialogOptions,
  SaveDialogReturnValue,
  WebContents,
} from 'electron';
import type { AppInfo } from '@shared/platform/bridge';
import type { AtomicWriteFs } from './atomic-write';
import type { UpdateDeps } from './update';

/** The page that sent a request: what printing needs of its WebContents. */
export type SenderContents = Pick<WebContents, 'id' | 'print' | 'printToPDF' | 'executeJavaScript'>;

/** The slice of `IpcMainInvokeEvent` the handlers read. */
export interface InvokeEvent {
  readonly sender: SenderContents;
  /** Null when the frame navigated away or was destroyed before the message arrived. */
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

export type InvokeListener = (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>;

export interface IpcMainSlice {
  handle(channel: string, listener: InvokeListener): void;
}

export interface BridgeDeps {
  readonly ipcMain: IpcMainSlice;
  /** Whether a URL is the desk's own page (security.ts `isTrustedUrl`). */
  readonly isTrustedUrl: (url: string) => boolean;
  readonly appInfo: () => AppInfo;
  /** `dialog.showSaveDialog`, parented to the window that holds `sender`. */
  readonly showSaveDialog: (
    sender: SenderContents,
    options: SaveDialogOptions,
  ) => Promise<SaveDialogReturnValue>;
  /** The clerk's Documents folder (`app.getPath('documents')`). */
  readonly documentsDir: () => string;
  /** `dialog.showOpenDialog` (choosing the backup folder), parented like the save dialog. */
  readonly showOpenDialog: (
    sender: SenderContents,
    options: OpenDialogOptions,
  ) => Promise<OpenDialogReturnValue>;
  /** Where the desk keeps its own small files (`app.getPath('userData')`): the backup folder's choice. */
  readonly userDataDir: () => string;
  readonly fs: AtomicWriteFs;
  /**
   * `shell.openExternal`, for addresses that already passed `isSafeExternalUrl`, a click and the
   * allow-list (install.ts).
   */
  readonly openExternal: (url: string) => Promise<void>;
  /** Told the administrator's allow-list whenever the page sends it (security.ts keeps it). */
  readonly setExternalHosts: (hosts: readonly string[]) => void;
  /** The allow-list now in force. */
  readonly externalHosts: () => readonly string[];
  /** The sync server's origin the page's policy allows (kept across starts by main.ts). */
  readonly syncServer: {
    readonly get: () => string | null;
    readonly set: (origin: string | null) => Promise<void>;
  };
  /** The offline update's folder listing and installer start (update.ts). */
  readonly update: Omit<UpdateDeps, 'log'>;
  /** Names the save dialog's file-type filter in the UI language. */
  readonly locale: 'zh-CN' | 'en';
  /** How long printing waits for `document.fonts.ready`. */
  readonly fontsTimeoutMs?: number;
  /** Where refusals and failures are logged, with their cause. */
  readonly log: (message: string, detail?: unknown) => void;
}
