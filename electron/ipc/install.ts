/**
 * Installs the main-process side of DeskBridge: one `ipcMain.handle` per channel of
 * BRIDGE_CHANNELS. Every request is checked twice before anything runs: the sender must be the
 * desk's own top-level page (Electron security checklist item 17), and the arguments must pass
 * the channel's zod schema. Errors never escape as exceptions with stacks: they become
 * `{ status: 'failed', reason }` with a code from failure.ts.
 */
import { z } from 'zod';
import { BRIDGE_CHANNELS, type DeskBridge } from '@shared/platform/bridge';
import type { BridgeDeps, InvokeEvent } from './deps';
import {
  BridgeRefusedError,
  bridgeFailure,
  type BridgeFailure,
  type BridgeFailureReason,
} from './failure';
import { createPrintService } from './print';
import { createExportStreamService } from './export-stream';
import { EXPORT_ARGUMENTS } from './export-schemas';
import { BACKUP_ARGUMENTS } from './backup-schemas';
import { createBackupService } from './backup';
import { saveFile } from './save-file';
import { createUpdateService } from './update';
import { externalOpenDecision, externalTargetHost } from '@shared/platform/external-hosts';
import { BRIDGE_ARGUMENTS as BASE_ARGUMENTS } from './schemas';

const BRIDGE_ARGUMENTS = { ...BASE_ARGUMENTS, ...EXPORT_ARGUMENTS, ...BACKUP_ARGUMENTS };

/** Whether the request came from the desk's own page, in its top-level frame. */
export function isTrustedSender(
  event: InvokeEvent,
  isTrustedUrl: (url: string) => boolean,
): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isTrustedUrl(frame.url);
}

type Method = keyof DeskBridge;
type Arguments<M extends Method> = z.infer<(typeof BRIDGE_ARGUMENTS)[M]>;
type Result<M extends Method> = Awaited<ReturnType<DeskBridge[M]>>;

interface Registration<M extends Method> {
  readonly run: (event: InvokeEvent, args: Arguments<M>) => Promise<Result<M> | BridgeFailure>;
  /** What the renderer receives when the request is refused or fails unexpectedly. */
  readonly refuse: (reason: BridgeFailureReason) => Result<M> | BridgeFailure;
}

const asFailure = (reason: BridgeFailureReason): BridgeFailure => bridgeFailure(reason);
const asRejection = (reason: BridgeFailureReason): never => {
  throw new BridgeRefusedError(reason);
};

const installedOn = new WeakSet<object>();

/**
 * Registers the bridge handlers on `deps.ipcMain`. Throws if they are already installed there:
 * a second set would mean two print locks and a second `ipcMain.handle` for each channel.
 */
export function installBridgeHandlers(deps: BridgeDeps): void {
  if (installedOn.has(deps.ipcMain)) {
    throw new Error('installBridgeHandlers: the bridge handlers are already installed');
  }
  installedOn.add(deps.ipcMain);

  const printing = createPrintService(deps);
  const exporting = createExportStreamService(deps);
  const backups = createBackupService(deps);
  const updating = createUpdateService({ ...deps.update, log: deps.log });

  const registrations: { readonly [M in Method]: Registration<M> } = {
    appInfo: { run: async () => deps.appInfo(), refuse: asRejection },
    saveFile: {
      run: (event, [request]) => saveFile(deps, event.sender, request),
      refuse: asFailure,
    },
    printPage: {
      run: (event, [request]) => printing.printPage(event.sender, request),
      refuse: asFailure,
    },
    printToPdf: {
      run: (event, [request]) => printing.printToPdf(event.sender, request),
      refuse: asFailure,
    },
    openExternal: {
      run: async (_event, [url, userActivated]) => {
        // The schema already ran isSafeExternalUrl; hand the OS the normalised address.
        const parsed = new URL(url);
        const decision = externalOpenDecision({
          userActivated,
          safe: true,
          host: externalTargetHost(parsed),
          allowedHosts: deps.externalHosts(),
        });
        if (decision !== 'open') {
          deps.log(`openExternal: refused ${parsed.href} (${decision})`);
          return { status: 'refused', reason: decision };
        }
        await deps.openExternal(parsed.href);
        return { status: 'opened' };
      },
      refuse: asRejection,
    },
    setExternalHosts: {
      run: async (_event, [hosts]) => deps.setExternalHosts(hosts),
      refuse: asRejection,
    },
    setSyncServer: {
      run: async (_event, [origin]) => {
        if (deps.syncServer.get() === origin) return { status: 'unchanged' };
        await deps.syncServer.set(origin);
        return { status: 'reload' };
      },
      refuse: asFailure,
    },
    updateCheck: { run: (_event, [folder]) => updating.check(folder), refuse: asFailure },
    updateInstall: { run: () => updating.install(), refuse: asFailure },
    exportBegin: {
      run: (event, [request]) => exporting.begin(event.sender, request),
      refuse: asFailure,
    },
    exportRows: {
      run: (event, [token, rows]) => exporting.rows(event.sender, token, rows),
      refuse: asFailure,
    },
    exportFinish: {
      run: (event, [token, count]) => exporting.finish(event.sender, token, count),
      refuse: asFailure,
    },
    exportCancel: {
      run: (event, [token]) => exporting.cancel(event.sender, token),
      refuse: asRejection,
    },
    backupBegin: {
      run: (event, [request]) => backups.begin(event.sender, request),
      refuse: asFailure,
    },
    backupWrite: {
      run: (event, [token, chunk]) => backups.write(event.sender, token, chunk),
      refuse: asFailure,
    },
    backupFinish: {
      run: (event, [token]) => backups.finish(event.sender, token),
      refuse: asFailure,
    },
    backupCancel: {
      run: (event, [token]) => backups.cancel(event.sender, token),
      refuse: asRejection,
    },
    backupFolder: { run: () => backups.folderInfo(), refuse: asRejection },
    backupChooseFolder: {
      run: (event) => backups.chooseFolder(event.sender),
      refuse: asFailure,
    },
  };

  for (const method of Object.keys(registrations) as Method[]) {
    register(deps, method, registrations[method] as Registration<Method>);
  }
}

function register<M extends Method>(
  deps: BridgeDeps,
  method: M,
  registration: Registration<M>,
): void {
  const channel = BRIDGE_CHANNELS[method];
  const schema = BRIDGE_ARGUMENTS[method];

  deps.ipcMain.handle(channel, async (event, ...args) => {
    if (!isTrustedSender(event, deps.isTrustedUrl)) {
      deps.log(`${channel}: refused a request from ${event.senderFrame?.url ?? 'a closed frame'}`);
      return registration.refuse('untrusted-sender');
    }
    const parsed = schema.safeParse(args);
    if (!parsed.success) {
      deps.log(`${channel}: invalid arguments\n${z.prettifyError(parsed.error)}`);
      return registration.refuse('invalid-request');
    }
    try {
      return await registration.run(event, parsed.data as Arguments<M>);
    } catch (error) {
      deps.log(`${channel}: failed`, error);
      return registration.refuse('internal-error');
    }
  });
}
