// Cold start (npm run bench:coldstart, issue 13: under 1.5 s on the 100,000-case desk): the
// production build of the desk loaded in Debian Chromium, timed from the navigation to the
// intake form's first field enabled, on the IndexedDB benchmark's generated desk and, as the
// baseline in the same run, on an empty desk set up through the first-run screen.
//
//   node bench/run-coldstart.mjs [--cases 100000] [--runs 7] [--warmup 1]
//
// The generated desk is the one `npm run bench:idb` made in its persistent profile: run that
// first. Env as bench/run-idb.mjs: CHROMIUM_PATH, BENCH_PORT (the database belongs to the
// origin: the same port as the IndexedDB benchmark), BENCH_PROFILE; BENCH_APP_DIST (the app's
// build folder). Each run is a new tab (its scripts parsed again, its database opened again) in
// the same browser, signed in as the desk's operator (the sign-in a reload keeps).
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

const { values: args } = parseArgs({
  options: {
    cases: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '7' },
    warmup: { type: 'string', default: '1' },
  },
});
const runs = Number(args.runs);
const warmup = Number(args.warmup);
const port = Number(process.env.BENCH_PORT ?? 4325);
const profile = process.env.BENCH_PROFILE ?? here('../bench-results/chromium-profile');
const dist = process.env.BENCH_APP_DIST ?? here('../bench-results/coldstart-app');
const origin = `http://127.0.0.1:${port}`;

/** What the app reads before it starts (db/database.ts, desk/sign-in.ts). */
const POINTER_KEY = 'complaint-desk.database';
const SIGNED_IN_KEY = 'complaint-desk.signedIn';

const DESKS = {
  app: { database: `desk-bench-${args.cases}`, operator: '王丽', password: 'bench-desk' },
  baseline: { database: 'desk-bench-coldstart-empty', operator: '王丽', password: 'bench-desk' },
};

/** Runs in each new tab before the app: its database, its sign-in, and a long-task watch. */
function tabScript({ pointerKey, database, signedInKey, signedIn }) {
  localStorage.setItem(pointerKey, database);
  if (signedIn) sessionStorage.setItem(signedInKey, signedIn);
  const durations = [];
  globalThis.__coldLongTasks = durations;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) durations.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
}

async function newTab(context, database, signedIn) {
  const page = await context.newPage();
  await page.addInitScript(tabScript, {
    pointerKey: POINTER_KEY,
    database,
    signedInKey: SIGNED_IN_KEY,
    signedIn,
  });
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  return page;
}

/** Sets the empty desk up, or signs in to a made one; returns the sign-in a tab keeps. */
async function signedInOf(context, desk) {
  const page = await newTab(context, desk.database, undefined);
  await page.goto(`${origin}/#/intake`);
  const setUp = page.getByRole('heading', { name: '首次设置' });
  const signIn = page.getByRole('heading', { name: /^(登录|屏幕已锁定)$/ });
  await setUp.or(signIn).waitFor({ timeout: 120_000 });
  if (await setUp.isVisible()) {
    await page.getByLabel('机构名称').fill('锦华物业服务有限公司');
    await page.getByLabel('受理台名称').fill('翠湖片区物业服务中心');
    await page.getByLabel('预置方案').selectOption({ label: '物业服务中心' });
    await page.getByLabel('操作员姓名').fill(desk.operator);
    await page.getByLabel('管理员登录密码').fill(desk.password);
    await page.getByLabel('再次输入登录密码').fill(desk.password);
    await page.getByRole('button', { name: '开始使用' }).click();
  } else {
    const select = page.getByLabel('操作员', { exact: true });
    const value = await select
      .locator('option', { hasText: desk.operator })
      .first()
      .getAttribute('value');
    await select.selectOption(value ?? desk.operator);
    await page.getByLabel(/^密码/).fill(desk.password);
    await page.getByRole('button', { name: '登录' }).click();
  }
  await page.getByRole('navigation', { name: '主菜单' }).waitFor({ timeout: 120_000 });
  const signedIn = await page.evaluate((key) => sessionStorage.getItem(key), SIGNED_IN_KEY);
  await page.close();
  if (!signedIn) throw new Error(`no sign-in kept for ${desk.database}`);
  return signedIn;
}

/** One cold start: a new tab, navigation, until the intake's first field takes typing. */
async function coldStart(context, desk, signedIn) {
  const page = await newTab(context, desk.database, signedIn);
  try {
    await page.goto(`${origin}/#/intake`, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(
      () => {
        const field = globalThis.document.querySelector('main input[name="customerName"]');
        return field instanceof globalThis.HTMLInputElement && !field.disabled
          ? performance.now()
          : false;
      },
      undefined,
      { polling: 'raf', timeout: 120_000 },
    );
    const ms = await handle.jsonValue();
    // Long tasks are reported after they end: one more frame for the last.
    await page.evaluate(() => new Promise((resolve) => globalThis.requestAnimationFrame(resolve)));
    const longest = await page.evaluate(() =>
      Math.round(Math.max(0, ...globalThis.__coldLongTasks)),
    );
    return { ms, longest };
  } finally {
    await page.close();
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = (sorted.length - 1) / 2;
  return (sorted[Math.floor(mid)] + sorted[Math.ceil(mid)]) / 2;
};

await mkdir(resultsDir, { recursive: true });
console.log(`building the desk into ${dist}`);
await build({ configFile: here('../vite.config.ts'), mode: 'production', build: { outDir: dist } });
const server = await benchPageServe(dist, port);
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  args: CHROMIUM_ARGS,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
});
const loadBefore = os.loadavg()[0];
try {
  const signedIn = {};
  for (const [side, desk] of Object.entries(DESKS)) {
    signedIn[side] = await signedInOf(context, desk);
    console.log(`[bench] ${side}: ${desk.database} signed in`);
  }
  const samples = { app: [], baseline: [] };
  const longest = { app: [], baseline: [] };
  for (let i = 0; i < warmup + runs; i++) {
    // Alternating which goes first, as the other benchmarks do.
    const order = i % 2 === 0 ? ['app', 'baseline'] : ['baseline', 'app'];
    for (const side of order) {
      const run = await coldStart(context, DESKS[side], signedIn[side]);
      if (i >= warmup) {
        samples[side].push(run.ms);
        longest[side].push(run.longest);
      }
      console.log(
        `[bench] ${side} run ${i + 1}: ${run.ms.toFixed(0)} ms, longest task ${run.longest} ms`,
      );
    }
  }
  const result = {
    startedAt: new Date().toISOString(),
    browserVersion: chromiumVersion(),
    machine: machineOf(loadBefore),
    measurement: {
      id: 'coldStart',
      label: `cold start to a usable intake form (${Number(args.cases).toLocaleString('en')} cases)`,
      targetMs: 1500,
      app: { median: median(samples.app), samples: samples.app },
      baseline: { median: median(samples.baseline), samples: samples.baseline },
      longestTaskMs: Math.max(...longest.app),
      baselineLongestTaskMs: Math.max(...longest.baseline),
      appCall: `a new tab on the production build, ${DESKS.app.database}, signed in, until the intake's first field is enabled`,
      baselineCall: 'the same on an empty desk set up through the first-run screen',
    },
  };
  const m = result.measurement;
  const line =
    `| ${m.label} | ${m.app.median.toFixed(0)} | ${samples.app.length} | ${m.baseline.median.toFixed(0)} | ` +
    `< ${m.targetMs} | ${m.app.median < m.targetMs ? 'pass' : 'FAIL'} | ${m.longestTaskMs} (baseline ${m.baselineLongestTaskMs}) |`;
  const md = [
    `# Cold start (${result.startedAt.slice(0, 10)})`,
    '',
    `Chromium ${result.browserVersion}, ${result.machine.cpus} cores, load average ${result.machine.loadAverage.join(' before, ')} after.`,
    '',
    '| measurement | median ms | runs | baseline median ms | target ms | result | longest task ms |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    line,
    '',
  ].join('\n');
  console.log(`\n${md}`);
  await writeFile(`${resultsDir}coldstart.json`, JSON.stringify(result, null, 2) + '\n');
  await writeFile(`${resultsDir}coldstart.md`, md);
  console.log('wrote bench-results/coldstart.json and bench-results/coldstart.md');
} finally {
  await context.close();
  server.kill();
}
