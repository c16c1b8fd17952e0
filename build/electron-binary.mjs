// Finds the Electron executable that `npm start` and the Electron tests launch, without
// downloading it. `require('electron')` would also return the path, but when the binary is
// missing it starts a download (node_modules/electron/index.js), which on a closed network hangs
// or fails with a stack trace; here a missing binary is an answer, not an error.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** The executable's path inside node_modules/electron/dist, per platform (as install.js). */
function platformPath(platform) {
  switch (platform) {
    case 'darwin':
    case 'mas':
      return 'Electron.app/Contents/MacOS/Electron';
    case 'win32':
      return 'electron.exe';
    default:
      return 'electron';
  }
}

/**
 * Where the Electron binary is, or why it is not there.
 * @param {{ env?: NodeJS.ProcessEnv, platform?: string, electronDir?: string, exists?: (p: string) => boolean }} [options]
 * @returns {{ found: true, path: string } | { found: false, reason: string }}
 */
export function findElectronBinary(options = {}) {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const exists = options.exists ?? existsSync;
  let electronDir = options.electronDir;
  if (electronDir === undefined) {
    try {
      electronDir = path.dirname(require.resolve('electron/package.json'));
    } catch {
      return { found: false, reason: 'the electron package is not installed' };
    }
  }

  let relative = platformPath(platform);
  const pathFile = path.join(electronDir, 'path.txt');
  if (exists(pathFile)) relative = readFileSync(pathFile, 'utf8').trim() || relative;

  const binary = env.ELECTRON_OVERRIDE_DIST_PATH
    ? path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative)
    : path.join(electronDir, 'dist', relative);
  return exists(binary)
    ? { found: true, path: binary }
    : { found: false, reason: `no Electron binary at ${binary}` };
}

/** The one paragraph printed when the binary is missing (npm start, the Electron tests). */
export const ELECTRON_MISSING_MESSAGE =
  'The Electron binary is not installed (node_modules/electron/dist is missing), and it cannot ' +
  "be downloaded on this machine: there is no network access to Electron's downloads. To use " +
  'the desk now, run `npm run web` and open http://127.0.0.1:4173/ in a browser; it is the same ' +
  "application, with downloads instead of save dialogs and the browser's own printing. On a " +
  'machine with network access, run `npx install-electron` (or reinstall the electron package) ' +
  'to fetch the binary, then `npm start` again.';
