import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4317);
/** The sync server the sync spec starts (tests/e2e/sync.spec.ts reads the same variable). */
const SYNC_PORT = Number(process.env.E2E_SYNC_PORT ?? PORT + 200);

/** The whole application in Debian's Chromium, on the browser implementation of the bridge. */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '../../test-results/summary/e2e.json' }]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 900 },
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        '--lang=zh-CN',
      ],
    },
  },
  webServer: {
    command: `node ../../build/serve.mjs`,
    env: {
      PORT: String(PORT),
      DESK_SYNC_SERVERS: `http://127.0.0.1:${SYNC_PORT}`,
      ...(process.env.DESK_DIST ? { DESK_DIST: process.env.DESK_DIST } : {}),
    },
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
