// The attachments benchmark (npm run bench:attachments): builds bench/attachments/ with Vite,
// serves it, runs window.runAttachmentsBench in Debian Chromium (a fresh profile: the database
// is made for the run and deleted after it), prints the figures and writes
// bench-results/attachments.json and attachments.md.
//
//   node bench/run-attachments.mjs [--runs 25] [--warmup 3] [--add-runs 5]
//
// Env: CHROMIUM_PATH (default /usr/bin/chromium), BENCH_ATTACHMENTS_PORT (default 4327).
import { execFileSync, spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { build } from 'vite';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const resultsDir = here('../bench-results/');
const dist = here('../bench-results/attachments-page');
const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '25' },
    warmup: { type: 'string', default: '3' },
    'add-runs': { type: 'string', default: '5' },
  },
});
const options = {
  runs: Number(args.runs),
  warmup: Number(args.warmup),
  addRuns: Number(args['add-runs']),
};
const port = Number(process.env.BENCH_ATTACHMENTS_PORT ?? 4327);
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function serve() {
  const child = spawn(process.execPath, [here('../build/serve.mjs')], {
    env: { ...process.env, DESK_DIST: dist, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the page server stopped (exit ${code})`)));
    child.stdout.on('data', (chunk) => {
      if (String(chunk).includes('http://')) resolve(child);
    });
  });
}

function chromiumVersion() {
  try {
    const text = execFileSync(executablePath, ['--version'], { encoding: 'utf8' });
    return /(\d+\.\d+\.\d+\.\d+)/.exec(text)?.[1] ?? text.trim();
  } catch {
    return 'unknown';
  }
}

const ms = (v) => (v < 10 ? v.toFixed(2) : v.toFixed(1));
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);

await mkdir(resultsDir, { recursive: true });
await build({ configFile: here('./vite.attachments.config.ts') });
const server = await serve();
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => typeof globalThis.runAttachmentsBench === 'function');
  const report = await page.evaluate((o) => globalThis.runAttachmentsBench(o), options);
  const full = {
    ...report,
    options,
    browserVersion: chromiumVersion(),
    machine: { cpus: os.cpus().length, loadAverage: os.loadavg()[0] },
  };
  const rows = [
    [`add a ${mb(report.photoBytes)} MB photo: read, sniff, hash, thumbnail`, report.add.prepare],
    [`add a ${mb(report.photoBytes)} MB photo: write (files, chunks, event)`, report.add.write],
    [`add a ${mb(report.photoBytes)} MB photo: whole`, report.add.total],
    [
      `case page with ${report.attachmentsShown} attachments (case, history, thumbnails)`,
      report.open,
    ],
  ];
  const lines = [
    `| measurement | median ms | p95 ms | runs |`,
    `| --- | ---: | ---: | ---: |`,
    ...rows.map(([label, f]) => `| ${label} | ${ms(f.median)} | ${ms(f.p95)} | ${f.runs} |`),
  ];
  const md = [
    `# Attachments benchmark (${report.startedAt.slice(0, 10)})`,
    '',
    `Chromium ${full.browserVersion}, ${full.machine.cpus} cores, load average ${full.machine.loadAverage.toFixed(2)}. ` +
      `Thumbnails of the 20 photos: ${(report.thumbnailsBytes / 1024).toFixed(0)} KB in all.`,
    '',
    ...lines,
    '',
  ].join('\n');
  console.log(md);
  await writeFile(`${resultsDir}attachments.json`, JSON.stringify(full, null, 2));
  await writeFile(`${resultsDir}attachments.md`, md);
} finally {
  await browser.close();
  server.kill();
}
