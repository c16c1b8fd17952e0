/**
 * The preload: exposes DeskBridge on `window.deskBridge` and nothing else. One named function per
 * bridge method, each invoking its own channel; no generic `invoke`/`send` reaches the page
 * (Electron's context-isolation tutorial shows why exposing `ipcRenderer` is unsafe). The main
 * process validates every argument again (ipc/install.ts).
 *
 * Sandboxed preloads cannot require other files: build-electron.mjs bundles this into one
 * CommonJS file whose only `require` is `electron`.
 */
import { contextBridge, ipcRenderer } from 'electron';
import {
  BRIDGE_CHANNELS,
  BRIDGE_GLOBAL,
  type AppInfo,
  type BackupBeginRequest,
  type BackupBeginResult,
  type BackupFolderInfo,
  type BackupFolderResult,
  type BackupWriteResult,
  type DeskBridge,
  type ExportBeginRequest,
  type ExportBeginResult,
  type ExportRowsResult,
  type OpenExternalResult,
  type SetSyncServerResult,
  type PdfResult,
  type PrintRequest,
  type PrintResult,
  type SaveFileRequest,
  type SaveFileResult,
  type UpdateCheckResult,
  type UpdateInstallResult,
} from '@shared/platform/bridge';

/** Whether the page is handling a click or a key press right now (transient user activation). */
function userActivated(): boolean {
  return globalThis.navigator?.userActivation?.isActive === true;
}

const bridge = {
  appInfo: (): Promise<AppInfo> => ipcRenderer.invoke(BRIDGE_CHANNELS.appInfo),
  saveFile: (request: SaveFileRequest): Promise<SaveFileResult> =>
    ipcRenderer.invoke(BRIDGE_CHANNELS.saveFile, request),
  printPage: (request: PrintRequest): Promise<PrintResult> =>
    ipcRenderer.invoke(BRIDGE_CHANNELS.printPage, request),
  printToPdf: (request: PrintRequest): Promise<PdfResult> =>
    ipcRenderer.invoke(BRIDGE_CHANNELS.printToPdf, request),
  // The user activation is read here, in the preload's isolated world, where the page cannot
  // fake it: the main process opens an address only after a click (security-policy.ts).
  openExternal: (url: string): Promise<OpenExternalResult> =>
    ipcRenderer.invoke(BRIDGE_CHANNELS.openExternal, url, userActivated()),
  setExternalHosts: (hosts: readonly string[]): Promise<void> =>
    ipcRenderer.invoke(BRIDGE_CHANNELS.setExternalHosts, hosts),
  setSyncServer: (origin: string | null): Promise<SetSyncServerResult> =>
    ipcRenderer.invoke(BRIDGE_CHANNELS.setSyncServer, origin),
  updateCheck: (folder: string): Promise<UpdateCheckResult> =>
    ipcRenderer.invoke(BRIDGE_CHANNELS.updateCheck, folder),
  updateInstall: (): Promise<UpdateInstallResult> =>
    ipcRenderer.invoke(BRIDGE_CHANNELS.updateInstall),
  exportBegin: (request: ExportBeginRequest): Promise<ExportBeginResult> =>
    ipcRenderer.invoke(BRIDGE_CHANNELS.exportBegin, request),
  exportRows: (token: string, rows: DeskBridgeRows): Promise<ExportRowsResult> =>
    ipcRenderer.invoke(BRIDGE_CHANNELS.exportRows, token, rows),
  exportFinish: (token: string, count: number): Promise<SaveFileResult> =>
    ipcRenderer.invoke(BRIDGE_CHANNELS.exportFinish, token, count),
  exportCancel: (token: string): Promise<void> =>
    ipcRenderer.invoke(BRIDGE_CHANNELS.exportCancel, token),
  backupBegin: (request: BackupBeginRequest): Promise<BackupBeginResult> =>
    ipcRenderer.invoke(BRIDGE_CHANNELS.backupBegin, request),
  backupWrite: (token: string, chunk: Uint8Array): Promise<BackupWriteResult> =>
    ipcRenderer.invoke(BRIDGE_CHANNELS.backupWrite, token, chunk),
  backupFinish: (token: string): Promise<SaveFileResult> =>
    ipcRenderer.invoke(BRIDGE_CHANNELS.backupFinish, token),
  backupCancel: (token: string): Promise<void> =>
    ipcRenderer.invoke(BRIDGE_CHANNELS.backupCancel, token),
  backupFolder: (): Promise<BackupFolderInfo> => ipcRenderer.invoke(BRIDGE_CHANNELS.backupFolder),
  backupChooseFolder: (): Promise<BackupFolderResult> =>
    ipcRenderer.invoke(BRIDGE_CHANNELS.backupChooseFolder),
} satisfies DeskBridge;

type DeskBridgeRows = Parameters<DeskBridge['exportRows']>[1];

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
