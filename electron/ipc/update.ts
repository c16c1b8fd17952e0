/**
 * The offline update (README "Security"): the desk looks in the shared folder an administrator
 * named for an installer newer than itself and, when the clerk accepts, runs it and closes so it
 * can be replaced. The choice is shared/platform/update-offer.ts; this is the thin part that lists
 * the folder and starts the file. Nothing is downloaded.
 */
import path from 'node:path';
import type { UpdateCheckResult, UpdateInstallResult } from '@shared/platform/bridge';
import { updateChoose, type UpdateTarget } from '@shared/platform/update-offer';
import { bridgeFailure } from './failure';

export interface UpdateDeps {
  readonly target: () => UpdateTarget;
  /** The names in a folder (`fs.readdir`); rejects when it cannot be read. */
  readonly listFolder: (folder: string) => Promise<readonly string[]>;
  /** `shell.openPath`: resolves with '' when the file was started, else the system's reason. */
  readonly openPath: (filePath: string) => Promise<string>;
  /** Closes the desk so the installer can replace it. */
  readonly quit: () => void;
  readonly log: (message: string, detail?: unknown) => void;
}

export interface UpdateService {
  check(folder: string): Promise<UpdateCheckResult>;
  install(): Promise<UpdateInstallResult>;
}

/** Whether `folder` is an absolute path (a drive path or a `\\server\share` on Windows). */
export function isAbsoluteFolder(folder: string): boolean {
  return path.win32.isAbsolute(folder) || path.posix.isAbsolute(folder);
}

export function createUpdateService(deps: UpdateDeps): UpdateService {
  // The installer the last check offered: install runs only this, never a path from the page.
  let offered: { folder: string; fileName: string } | undefined;

  async function choose(folder: string) {
    const names = await deps.listFolder(folder);
    return updateChoose(names, deps.target());
  }

  return {
    async check(folder) {
      offered = undefined;
      const runningVersion = deps.target().version;
      let offer;
      try {
        offer = await choose(folder);
      } catch (error) {
        deps.log(`update: cannot read ${folder}`, error);
        return { status: 'folder-unreadable' };
      }
      if (!offer) return { status: 'none', runningVersion };
      offered = { folder, fileName: offer.fileName };
      return { status: 'available', runningVersion, ...offer };
    },

    async install() {
      if (!offered) return { status: 'nothing-offered' };
      const { folder, fileName } = offered;
      // Look again: the file may have been removed or replaced by a newer one since the check.
      let offer;
      try {
        offer = await choose(folder);
      } catch (error) {
        deps.log(`update: cannot read ${folder}`, error);
        return { status: 'nothing-offered' };
      }
      if (offer?.fileName !== fileName) return { status: 'nothing-offered' };
      const failure = await deps.openPath(path.join(folder, fileName));
      if (failure !== '') {
        deps.log(`update: cannot start ${fileName}: ${failure}`);
        return bridgeFailure('install-failed');
      }
      offered = undefined;
      deps.quit();
      return { status: 'started' };
    },
  };
}
