/**
 * The desktop bridge in a plain browser: downloads instead of a save dialog and
 * `window.print()` instead of Electron's printing. The e2e suite drives the real application
 * through this implementation, and a kiosk or thin client runs on it.
 */
import type {
  DeskBridge,
  FileStreamBridge,
  OpenExternalResult,
  PdfResult,
  PrintResult,
  SaveFileResult,
} from '@shared/platform/bridge';
import { browserBackupService } from './browser-backup';
import { externalOpenDecision, externalTargetHost } from '@shared/platform/external-hosts';

export interface BrowserBridgeDeps {
  readonly document: Document;
  readonly print: () => void;
  readonly open: (url: string, target: string, features: string) => unknown;
  readonly version: string;
  /** The window, for the File System Access API (backups); absent in unit tests. */
  readonly window?: Window;
  /** Whether the page is handling a click right now (`navigator.userActivation.isActive`). */
  readonly userActivated: () => boolean;
}

const EXTERNAL_PROTOCOLS: ReadonlySet<string> = new Set(['https:', 'http:', 'mailto:']);

function parsedUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

export function browserBridgeCreate(deps: BrowserBridgeDeps): DeskBridge & FileStreamBridge {
  const backups = browserBackupService({
    window: deps.window ?? (deps.document.defaultView as Window),
    document: deps.document,
  });
  // The administrator's allow-list, sent by the desk at start and after each change.
  let allowedHosts: readonly string[] = [];
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
    // The same decision as the desktop application: on a click, to an allowed host.
    async openExternal(url): Promise<OpenExternalResult> {
      const parsed = parsedUrl(url);
      const safe =
        parsed !== undefined &&
        EXTERNAL_PROTOCOLS.has(parsed.protocol) &&
        parsed.username === '' &&
        parsed.password === '';
      const decision = externalOpenDecision({
        userActivated: deps.userActivated(),
        safe,
        host: parsed ? externalTargetHost(parsed) : '',
        allowedHosts,
      });
      if (decision !== 'open' || !parsed) {
        return { status: 'refused', reason: decision === 'open' ? 'unsafe-url' : decision };
      }
      deps.open(parsed.href, '_blank', 'noopener,noreferrer');
      return { status: 'opened' };
    },
    async setExternalHosts(hosts) {
      allowedHosts = [...hosts];
    },
    // The browser build's page policy comes from its server (DESK_SYNC_SERVERS, build/serve.mjs).
    async setSyncServer() {
      return { status: 'fixed' };
    },
    // A browser desk is updated by replacing the pages on its server: nothing to install here.
    async updateCheck() {
      return { status: 'not-applicable' };
    },
    async updateInstall() {
      return { status: 'not-applicable' };
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
