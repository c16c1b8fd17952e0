// The attachments benchmark (npm run bench:attachments): builds bench/attachments/ with Vite,
// serves it, runs window.runAttachmentsBench in Debian Chromium (a fresh profile: the database
// is made for the run and deleted after it), prints the figures and writes
// bench-results/attachments.json and attachments.md.
//
//   node bench/run-attachments.mjs [--runs 25] [--warmup 3] [--add-runs 5]
//
// Env: CHROMIUM_PATH (default /usr/bin/chromium), BENCH_ATTACHMENTS_PORT (default 4327).
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchPageBuild, benchPageOpen, benchPageServe, chromiumVersion } from './page-bench.mjs';

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

const ms = (v) => (v < 10 ? v.toFixed(2) : v.toFixed(1));
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);

await mkdir(resultsDir, { recursive: true });
await benchPageBuild('./vite.attachments.config.ts', dist);
const server = await benchPageServe(dist, port);
const { page, close } = await benchPageOpen({ port, entry: 'runAttachmentsBench' });
try {
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
  await close();
  server.kill();
}
