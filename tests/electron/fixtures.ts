// Fixtures for the Electron tests: `electronApp` is a freshly launched desk with its own empty
// profile (a user-data folder per test), `page` its window. Launch has a timeout, and the app is
// closed whatever the test did.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  _electron as electron,
  test as base,
  type ElectronApplication,
  type Page,
} from '@playwright/test';
import { findElectronBinary } from '../../build/electron-binary.mjs';

export { expect } from '@playwright/test';

/** The repository root: Electron runs it as the app (package.json "main" is dist-electron/main.cjs). */
const APP_DIR = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));

const LAUNCH_TIMEOUT_MS = 30_000;

export const electronBinary = findElectronBinary();

/** Why the suite is skipped here, shown by the reporter next to each skipped test. */
export const SKIP_REASON = electronBinary.found
  ? ''
  : `Electron binary not installed: ${electronBinary.reason}; it cannot be downloaded on this ` +
    'network (npm start explains the alternatives).';

interface DeskFixtures {
  electronApp: ElectronApplication;
  page: Page;
}

export const test = base.extend<DeskFixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a test asks for from this pattern
  electronApp: async ({}, use, testInfo) => {
    if (!electronBinary.found) throw new Error(SKIP_REASON);
    const env = { ...process.env } as Record<string, string>;
    // Left over in a shell, it would start Node instead of the desk.
    delete env.ELECTRON_RUN_AS_NODE;
    delete env.DESK_DEV_URL;

    const app = await electron.launch({
      executablePath: electronBinary.path,
      args: [APP_DIR, `--user-data-dir=${testInfo.outputPath('user-data')}`],
      cwd: APP_DIR,
      env,
      timeout: LAUNCH_TIMEOUT_MS,
    });
    try {
      await use(app);
    } finally {
      await app.close();
    }
  },

  page: async ({ electronApp }, use) => {
    const page = await electronApp.firstWindow({ timeout: LAUNCH_TIMEOUT_MS });
    await page.waitForLoadState('domcontentloaded');
    await use(page);
  },
});
