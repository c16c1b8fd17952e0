/**
 * The desktop bridge: everything the renderer may ask of the machine it runs on. Electron
 * implements it in the main process (over IPC, arguments validated); the browser build
 * implements it with downloads and `window.print()` (renderer/src/platform/).
 *
 * Types only, so main, preload and renderer can all import it.
 */
import type { SheetCellValue, TableLayout } from '../export/table-sheet';

export type BridgeRuntime = 'electron' | 'browser';

export interface AppInfo {
  readonly name: string;
  readonly version: string;
  readonly runtime: BridgeRuntime;
  /** Operating system, when known (`win32`, `linux`, `darwin`; `web` in a browser). */
  readonly platform: string;
}

export interface SaveFileRequest {
  /** Suggested file name, e.g. `登记表-2026-11.xlsx`. */
  readonly suggestedName: string;
  readonly mimeType: string;
  readonly data: Uint8Array;
}

/** Why a bridge request failed: codes only; the renderer words them for the clerk. */
export const BRIDGE_FAILURE_REASONS = [
  /** The request did not come from the desk's own page (another origin, or a subframe). */
  'untrusted-sender',
  /** The arguments failed validation: a bug in the renderer, or tampering. */
  'invalid-request',
  /** A print or PDF is already under way for this window; nothing is printed twice. */
  'print-in-progress',
  /** The page's fonts did not finish loading in time; printing now would substitute fonts. */
  'fonts-not-ready',
  /** The system print job failed (printer offline, invalid settings). */
  'print-failed',
  /** Chromium could not render the page to PDF. */
  'pdf-failed',
  /** The folder is read-only, access is denied, or the file is open in another program. */
  'write-denied',
  /** The disk (or quota) is full. */
  'disk-full',
  /** Any other error while writing the file. */
  'write-failed',
  /** The installer could not be started (the operating system's reason is in the log). */
  'install-failed',
  /** A bug in the main process; the log has the details. */
  'internal-error',
] as const;

export type BridgeFailureReason = (typeof BRIDGE_FAILURE_REASONS)[number];

export interface BridgeFailure {
  readonly status: 'failed';
  readonly reason: BridgeFailureReason;
}

export type SaveFileResult =
  | { readonly status: 'saved'; readonly path: string }
  | { readonly status: 'cancelled' }
  | BridgeFailure;

export interface PageMargins {
  /** Millimetres. */
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

export interface PrintRequest {
  readonly landscape: boolean;
  /** The sheet: A4 when absent; A3 for a register the desk prints on A3. */
  readonly pageSize?: 'A4' | 'A3';
  readonly margins: PageMargins;
  /** Shown in the system dialog and used as the default PDF name. */
  readonly title: string;
}

export type PrintResult =
  { readonly status: 'printed' } | { readonly status: 'cancelled' } | BridgeFailure;

export type PdfResult =
  | { readonly status: 'saved'; readonly path?: string }
  | { readonly status: 'cancelled' }
  | BridgeFailure;

export type SetSyncServerResult =
  { readonly status: 'reload' | 'unchanged' | 'fixed' } | BridgeFailure;

export interface DeskBridge {
  appInfo(): Promise<AppInfo>;
  /** Saves bytes where the clerk chooses (a save dialog, or a download in the browser). */
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  /** Prints the current page through the system dialog. */
  printPage(request: PrintRequest): Promise<PrintResult>;
  /** Renders the current page to an A4 PDF and saves it where the clerk chooses. */
  printToPdf(request: PrintRequest): Promise<PdfResult>;
  /**
   * Opens an http(s) or mailto address in the system browser: only from a clerk's click and
   * only to a host on the administrator's allow-list (external-hosts.ts); otherwise refused.
   */
  openExternal(url: string): Promise<OpenExternalResult>;
  /** The administrator's allow-list of hosts, sent at start and after every change. */
  setExternalHosts(hosts: readonly string[]): Promise<void>;
  /**
   * The sync server's origin (`https://host:port`), or null for none: the desk's page may
   * connect to it and to nothing else outside itself (connect-src). The policy is fixed when the
   * page loads, so 'reload' asks the page to reload; the browser build answers 'fixed' (its
   * server names the sync servers, DESK_SYNC_SERVERS).
   */
  setSyncServer(origin: string | null): Promise<SetSyncServerResult>;
  /**
   * Looks in the update folder (an absolute path, a shared folder) for an installer newer than
   * the running desk (update-offer.ts). The browser build answers 'not-applicable'.
   */
  updateCheck(folder: string): Promise<UpdateCheckResult>;
  /** Runs the installer the last check offered and closes the desk so it can be replaced. */
  updateInstall(): Promise<UpdateInstallResult>;
  /**
   * A large register, streamed (Electron only; the browser build makes workbooks in a Web
   * Worker): `exportBegin` starts a streaming workbook in a temporary file, `exportRows` appends
   * pages of rows, `exportFinish` asks where to save and moves the file there, `exportCancel`
   * drops it.
   */
  exportBegin(request: ExportBeginRequest): Promise<ExportBeginResult>;
  exportRows(
    token: string,
    rows: readonly (readonly SheetCellValue[])[],
  ): Promise<ExportRowsResult>;
  /** `count`: the rows sent, for the total line (and a check that none was lost). */
  exportFinish(token: string, count: number): Promise<SaveFileResult>;
  exportCancel(token: string): Promise<void>;
  /**
   * Backups (docs/backup-format.md), written as a stream: `backupBegin` opens the file (in
   * Electron, in the backup folder; in a browser, a file the clerk picks through the File System
   * Access API, else a download), `backupWrite` appends bytes, `backupFinish` closes it (and in
   * Electron rotates the folder's automatic backups), `backupCancel` drops it.
   */
  backupBegin(request: BackupBeginRequest): Promise<BackupBeginResult>;
  backupWrite(token: string, chunk: Uint8Array): Promise<BackupWriteResult>;
  backupFinish(token: string): Promise<SaveFileResult>;
  backupCancel(token: string): Promise<void>;
  /** Where backups go: a folder in Electron, `null` in a browser (each one is offered). */
  backupFolder(): Promise<BackupFolderInfo>;
  /** Lets the clerk choose the backup folder (Electron only). */
  backupChooseFolder(): Promise<BackupFolderResult>;
}

/**
 * A large file streamed to disk from the renderer, the way backups are: the browser build's
 * bridge has it as well (the register export's .xlsx zip, made a page at a time in the export
 * worker). Electron streams exports in its main process instead (`exportBegin`): not part of
 * DeskBridge, so no IPC channel; `fileStreamOf` finds it.
 */
export interface FileStreamBridge {
  fileStreamBegin(request: FileStreamBeginRequest): Promise<BackupBeginResult>;
  fileStreamWrite(token: string, chunk: Uint8Array): Promise<BackupWriteResult>;
  fileStreamFinish(token: string): Promise<SaveFileResult>;
  fileStreamCancel(token: string): Promise<void>;
}

export function fileStreamOf(bridge: object): FileStreamBridge | undefined {
  const candidate = bridge as Partial<FileStreamBridge>;
  return typeof candidate.fileStreamBegin === 'function' &&
    typeof candidate.fileStreamWrite === 'function' &&
    typeof candidate.fileStreamFinish === 'function' &&
    typeof candidate.fileStreamCancel === 'function'
    ? (candidate as FileStreamBridge)
    : undefined;
}

export interface FileStreamBeginRequest {
  readonly suggestedName: string;
  readonly mimeType: string;
}

export interface BackupBeginRequest {
  readonly fileName: string;
  /** Automatic backups are rotated (30 daily, 12 monthly); a manual one is kept. */
  readonly automatic: boolean;
}

export type BackupBeginResult =
  | { readonly status: 'started'; readonly token: string }
  | { readonly status: 'cancelled' }
  | BridgeFailure;

export type BackupWriteResult = { readonly status: 'written' } | BridgeFailure;

export interface BackupFolderInfo {
  readonly folder: string | null;
}

export type BackupFolderResult =
  | { readonly status: 'chosen'; readonly folder: string }
  | { readonly status: 'cancelled' }
  | BridgeFailure;

export type OpenExternalResult =
  | { readonly status: 'opened' }
  | {
      readonly status: 'refused';
      /** Not from a click, not a web or mail address, or a host not on the allow-list. */
      readonly reason: 'not-activated' | 'unsafe-url' | 'host-not-allowed';
    };

export type UpdateCheckResult =
  /** The browser build: its pages are replaced on the server, there is nothing to install. */
  | { readonly status: 'not-applicable' }
  | { readonly status: 'none'; readonly runningVersion: string }
  | {
      readonly status: 'available';
      readonly runningVersion: string;
      readonly version: string;
      readonly fileName: string;
    }
  /** The folder does not exist, is not shared with this computer, or cannot be read. */
  | { readonly status: 'folder-unreadable' }
  | BridgeFailure;

export type UpdateInstallResult =
  | { readonly status: 'not-applicable' }
  | { readonly status: 'started' }
  /** No check offered an installer, or it is no longer in the folder. */
  | { readonly status: 'nothing-offered' }
  | BridgeFailure;

export interface ExportBeginRequest {
  readonly suggestedName: string;
  /** The sheet's title, header, columns and styles (shared/export/table-sheet.ts). */
  readonly layout: TableLayout;
}

export type ExportBeginResult =
  { readonly status: 'started'; readonly token: string } | BridgeFailure;

export type ExportRowsResult = { readonly status: 'written' } | BridgeFailure;

/** IPC channel names, `area:verb[:noun]`, one per bridge method. */
export const BRIDGE_CHANNELS = {
  appInfo: 'app:get:info',
  saveFile: 'file:save',
  printPage: 'print:page',
  printToPdf: 'print:pdf',
  openExternal: 'shell:open:external',
  setExternalHosts: 'shell:set:external-hosts',
  setSyncServer: 'sync:set:server',
  updateCheck: 'update:check',
  updateInstall: 'update:install',
  exportBegin: 'export:begin',
  exportRows: 'export:rows',
  exportFinish: 'export:finish',
  exportCancel: 'export:cancel',
  backupBegin: 'backup:begin',
  backupWrite: 'backup:write',
  backupFinish: 'backup:finish',
  backupCancel: 'backup:cancel',
  backupFolder: 'backup:get:folder',
  backupChooseFolder: 'backup:choose:folder',
} as const satisfies Record<keyof DeskBridge, string>;

/** The name under which the preload exposes the bridge on `window`. */
export const BRIDGE_GLOBAL = 'deskBridge';
