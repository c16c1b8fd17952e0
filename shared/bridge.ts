/**
 * The desktop bridge: everything the renderer may ask of the machine it runs on. Electron
 * implements it in the main process (over IPC, arguments validated); the browser build
 * implements it with downloads and `window.print()` (renderer/src/platform/).
 *
 * Types only, so main, preload and renderer can all import it.
 */

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

export type SaveFileResult =
  { readonly status: 'saved'; readonly path: string } | { readonly status: 'cancelled' };

export interface PageMargins {
  /** Millimetres. */
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

export interface PrintRequest {
  readonly landscape: boolean;
  readonly margins: PageMargins;
  /** Shown in the system dialog and used as the default PDF name. */
  readonly title: string;
}

export type PrintResult =
  | { readonly status: 'printed' }
  | { readonly status: 'cancelled' }
  | { readonly status: 'failed'; readonly reason: string };

export interface PdfResult {
  readonly status: 'saved' | 'cancelled';
  readonly path?: string;
}

export interface DeskBridge {
  appInfo(): Promise<AppInfo>;
  /** Saves bytes where the clerk chooses (a save dialog, or a download in the browser). */
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  /** Prints the current page through the system dialog. */
  printPage(request: PrintRequest): Promise<PrintResult>;
  /** Renders the current page to an A4 PDF and saves it where the clerk chooses. */
  printToPdf(request: PrintRequest): Promise<PdfResult>;
  /** Opens an http(s) or mailto address in the system browser. */
  openExternal(url: string): Promise<void>;
}

/** IPC channel names, `area:verb[:noun]`, one per bridge method. */
export const BRIDGE_CHANNELS = {
  appInfo: 'app:get:info',
  saveFile: 'file:save',
  printPage: 'print:page',
  printToPdf: 'print:pdf',
  openExternal: 'shell:open:external',
} as const satisfies Record<keyof DeskBridge, string>;

/** The name under which the preload exposes the bridge on `window`. */
export const BRIDGE_GLOBAL = 'deskBridge';
