// The longest task on each screen of a supervisor's month (npm run bench:screens): the
// application's production build opened in Debian's Chromium on the desk the IndexedDB benchmark
// generated (`npm run bench:idb -- --cases 20000` first: same profile, same port, so the same
// origin and database), then each screen used as a supervisor would (reload, the register opened,
// paged, filtered and searched, the reports with a month switch, the register's Excel export,
// the print preview of a month's register) while a PerformanceObserver `longtask` records every
// task of 50 ms or more. Prints the table and writes bench-results/screens.json and screens.md.
//
//   node bench/run-screens.mjs [--cases 20000]
//
// Env: as bench/run-idb.mjs (BENCH_PORT, BENCH_PROFILE); BENCH_APP_DIST: the app's build folder.
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import {
  benchPageServe,
  CHROMIUM_ARGS,
  chromiumVersion,
  executablePath,
  machineOf,
} from './page-bench.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const resultsDir = here('../bench-results/');
const { values: args } = parseArgs({ options: { cases: { type: 'string', default: '20000' } } });
const dbName = `desk-bench-${Number(args.cases)}`;
const port = Number(process.env.BENCH_PORT ?? 4325);
const dist = process.env.BENCH_APP_DIST ?? here('../bench-results/screens-app');
const profile = process.env.BENCH_PROFILE ?? here('../bench-results/chromium-profile');

/** Quiet this long without a long task: the screen has settled. */
const QUIET_MS = 1500;

await mkdir(resultsDir, { recursive: true });
console.log(`building the application into ${dist}`);
await build({
  configFile: here('../vite.config.ts'),
  mode: 'production',
  logLevel: 'warn',
  build: { outDir: dist, emptyOutDir: true },
});
const server = await benchPageServe(dist, port);
const browser = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  args: CHROMIUM_ARGS,
  acceptDownloads: true,
  viewport: { width: 1400, height: 900 },
});
// Every page load records its long tasks from the start (the reload's own included).
await browser.addInitScript(() => {
  const tasks = [];
  globalThis.__benchLongTasks = tasks;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      tasks.push({ at: entry.startTime, ms: entry.duration });
    }
  }).observe({ type: 'longtask', buffered: true });
});
const page = browser.pages()[0] ?? (await browser.newPage());
page.on('pageerror', (error) => console.error(`page error: ${error.message}`));

const rows = [];
try {
  await page.goto(`http://127.0.0.1:${port}/`);
  // The desk of the IndexedDB benchmark becomes the application's database, its operator signed in.
  const desk = await page.evaluate(async (name) => {
    const db = await new Promise((resolve, reject) => {
      const request = globalThis.indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const get = (key) =>
      new Promise((resolve, reject) => {
        const request = db.transaction('settings').objectStore('settings').get(key);
        request.onsuccess = () => resolve(request.result?.value);
        request.onerror = () => reject(request.error);
      });
    const identity = await get('identity');
    const operatorId = await get('currentOperatorId');
    const cases = await new Promise((resolve) => {
      const request = db.transaction('cases').objectStore('cases').count();
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    if (!identity || !operatorId) return undefined;
    globalThis.localStorage.setItem('complaint-desk.database', name);
    globalThis.sessionStorage.setItem(
      'complaint-desk.signedIn',
      JSON.stringify({ deskId: identity.deskId, staffId: operatorId }),
    );
    return { cases };
  }, dbName);
  if (!desk)
    throw new Error(
      `no generated desk ${dbName} here: run npm run bench:idb -- --cases ${args.cases} first`,
    );
  console.log(`${dbName}: ${desk.cases} cases`);

  /** Runs `act`, waits for `ready` and for the screen to settle; the longest task meanwhile. */
  const screen = async (label, act, ready) => {
    const from = await page.evaluate(() => performance.now());
    const started = Date.now();
    await act();
    await ready();
    const readyMs = Date.now() - started;
    // Settled: no long task for QUIET_MS (at most 60 s).
    for (let waited = 0; waited < 60_000; waited += 250) {
      const last = await page.evaluate(() => globalThis.__benchLongTasks.at(-1)?.at ?? 0);
      const now = await page.evaluate(() => performance.now());
      if (now - Math.max(last, 0) > QUIET_MS) break;
      await page.waitForTimeout(250);
    }
    const tasks = await page.evaluate(
      (since) => globalThis.__benchLongTasks.filter((task) => task.at + task.ms >= since),
      act.reload ? 0 : from,
    );
    const longest = Math.round(Math.max(0, ...tasks.map((task) => task.ms)));
    const row = { label, readyMs, longestTaskMs: longest, longTasks: tasks.length };
    rows.push(row);
    console.log(
      `${label}: ready in ${readyMs} ms, longest task ${longest} ms (${tasks.length} of 50 ms or more)`,
    );
  };
  const region = (name) => page.getByRole('region', { name });

  const reload = async () => page.reload();
  reload.reload = true;
  await screen('reload (start to the home screen)', reload, () =>
    page.getByRole('navigation').first().waitFor({ timeout: 60_000 }),
  );
  await screen(
    'register: open',
    () => page.evaluate(() => (globalThis.location.hash = '#/register')),
    () => page.locator('tbody tr').nth(5).waitFor({ timeout: 60_000 }),
  );
  await screen(
    'register: the next page (加载更多)',
    () => page.getByRole('button', { name: '加载更多' }).click(),
    () => page.locator('tbody tr').nth(30).waitFor({ timeout: 60_000 }),
  );
  await screen(
    'register: filtered by status (closed)',
    () => page.evaluate(() => (globalThis.location.hash = '#/register?status=closed')),
    () => page.locator('tbody tr').nth(5).waitFor({ timeout: 60_000 }),
  );
  await screen(
    'register: filtered by a month of dates',
    () =>
      page.evaluate(() => (globalThis.location.hash = '#/register?from=2026-11-01&to=2026-11-30')),
    () => page.locator('tbody tr').nth(5).waitFor({ timeout: 60_000 }),
  );
  await screen(
    "search: '电梯'",
    () => page.evaluate(() => (globalThis.location.hash = '#/register?q=%E7%94%B5%E6%A2%AF')),
    () => page.locator('tbody tr').nth(5).waitFor({ timeout: 60_000 }),
  );
  await screen(
    'reports: open (this month)',
    () => page.evaluate(() => (globalThis.location.hash = '#/reports')),
    () => page.getByLabel('统计月份').waitFor({ timeout: 60_000 }),
  );
  await screen(
    'reports: switch to the month before',
    async () => {
      const select = page.getByLabel('统计月份');
      const values = await select
        .locator('option')
        .evaluateAll((options) => options.map((option) => option.value));
      await select.selectOption(values[1] ?? values[0]);
    },
    async () => {
      await page.waitForTimeout(200);
      await page
        .locator('[aria-busy="true"]')
        .first()
        .waitFor({ state: 'detached', timeout: 60_000 });
    },
  );
  let download;
  await screen(
    'export: the register of the month to Excel',
    async () => {
      download = page.waitForEvent('download', { timeout: 120_000 });
      await page.getByRole('button', { name: '导出登记表' }).click();
    },
    async () => {
      const file = await download;
      await file.path();
    },
  );
  await screen(
    "print preview: the month's register",
    () =>
      page.evaluate(
        () => (globalThis.location.hash = '#/print/register?from=2026-11-01&to=2026-11-30'),
      ),
    async () => {
      await region('打印页面预览')
        .locator('.pf-sheet[data-pf-drawn="true"]')
        .first()
        .waitFor({ timeout: 60_000 });
      await page
        .getByRole('status')
        .filter({ hasText: /共 \d+ 页/ })
        .waitFor({ timeout: 120_000 });
    },
  );
} finally {
  await browser.close();
  server.kill();
}

const machine = machineOf(os.loadavg()[0]);
const lines = [
  `# Longest UI task per screen (${new Date().toISOString().slice(0, 10)})`,
  '',
  `The production build in Chromium ${chromiumVersion()} on ${dbName} (${machine.cpus} cores, load average ${machine.loadAverage[0]}); ` +
    `each screen used once; longest task = the longest main-thread task from the action until no task of 50 ms or more for ${QUIET_MS / 1000} s (0: none reached 50 ms).`,
  '',
  '| screen | ready ms | longest task ms | tasks of 50 ms or more |',
  '| --- | ---: | ---: | ---: |',
  ...rows.map(
    (row) => `| ${row.label} | ${row.readyMs} | ${row.longestTaskMs} | ${row.longTasks} |`,
  ),
  '',
];
await writeFile(
  `${resultsDir}screens.json`,
  JSON.stringify({ dbName, machine, rows }, null, 2) + '\n',
);
await writeFile(`${resultsDir}screens.md`, lines.join('\n'));
console.log(`\n${lines.slice(4).join('\n')}\nwrote bench-results/screens.json and screens.md`);
