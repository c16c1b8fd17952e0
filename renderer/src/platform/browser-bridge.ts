/**
 * The desktop bridge in a plain browser: downloads instead of a save dialog and
 * `window.print()` instead of Electron's printing. The e2e suite drives the real application
 * through this implementation, and a kiosk or thin client runs on it.
 */
import type {
  DeskBridge,
  FileStreamBridge,
  PdfResult,
  PrintResult,
  SaveFileResult,
} from '@shared/platform/bridge';
import { browserBackupService } from './browser-backup';

export interface BrowserBridgeDeps {
  readonly document: Document;
  readonly print: () => void;
  readonly open: (url: string, target: string, features: string) => unknown;
  readonly version: string;
  /** The window, for the File System Access API (backups); absent in unit tests. */
  readonly window?: Window;
}

export function browserBridgeCreate(deps: BrowserBridgeDeps): DeskBridge & FileStreamBridge {
  const backups = browserBackupService({
    window: deps.window ?? (deps.document.defaultView as Window),
    document: deps.document,
  });
  return {
    async appInfo() {
      return { name: '投诉受理台', version: deps.version, runtime: 'browser', platform: 'web' };
    },
    async saveFile(request): Promise<SaveFileResult> {
      const blob = new Blob([request.data.slice().buffer], { type: request.mimeType });
      const url = URL.createObjectURL(blob);
      try {
        const link = deps.document.createElement('a');
        link.href = url;
        link.download = request.suggestedName;
        link.rel = 'noopener';
        deps.document.body.append(link);
        link.click();
        link.remove();
      } finally {
        // Revoke later: the download starts asynchronously after the click.
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
      }
      return { status: 'saved', path: request.suggestedName };
    },
    async printPage(): Promise<PrintResult> {
      await deps.document.fonts.ready;
      deps.print();
      return { status: 'printed' };
    },
    async printToPdf(): Promise<PdfResult> {
      // A browser offers "Save as PDF" in its own print dialog; the path stays unknown to us.
      await deps.document.fonts.ready;
      deps.print();
      return { status: 'saved' };
    },
    async openExternal(url) {
      const parsed = new URL(url);
      if (!['https:', 'http:', 'mailto:'].includes(parsed.protocol)) {
        throw new Error(`Refused to open ${parsed.protocol} address`);
      }
      deps.open(parsed.href, '_blank', 'noopener,noreferrer');
    },
    // No streaming writer in a browser: exports are built whole in a Web Worker and saved with
    // saveFile (renderer/src/export/export-client.ts never streams here).
    exportBegin: streamingUnavailable,
    exportRows: streamingUnavailable,
    exportFinish: streamingUnavailable,
    exportCancel: streamingUnavailable,
    backupBegin: (request) => backups.begin(request),
    backupWrite: (token, chunk) => backups.write(token, chunk),
    backupFinish: (token) => backups.finish(token),
    backupCancel: (token) => backups.cancel(token),
    // Each backup is offered (a picked file or a download): there is no folder to rotate.
    backupFolder: async () => ({ folder: null }),
    backupChooseFolder: async () => ({ status: 'cancelled' }),
    fileStreamBegin: (request) =>
      backups.begin(
        { fileName: request.suggestedName, automatic: false },
        {
          description: request.suggestedName.replace(/^.*\./, '.'),
          mime: request.mimeType,
          extension: request.suggestedName.replace(/^.*(\.[^.]+)$/, '$1'),
        },
      ),
    fileStreamWrite: (token, chunk) => backups.write(token, chunk),
    fileStreamFinish: (token) => backups.finish(token),
    fileStreamCancel: (token) => backups.cancel(token),
  };
}

async function streamingUnavailable(): Promise<never> {
  throw new Error('Streaming exports are only available in the desktop application');
}
