// The Electron suite (npm run test:electron): Playwright drives the desk in a real Electron
// window. Where no Electron binary is installed (a closed network cannot download it), every
// test reports itself skipped with the reason, and the run still succeeds.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results/electron',
  // One desk at a time: each launch is a whole application with its own profile.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [
    ['list'],
    ['./skip-reasons-reporter.ts'],
    ['json', { outputFile: '../../test-results/summary/electron.json' }],
  ],
  use: { trace: 'retain-on-failure' },
});
