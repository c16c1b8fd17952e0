// The IndexedDB benchmark (npm run bench:idb): builds bench/idb/ with Vite, serves it, runs
// window.runDeskBench in Debian Chromium with a persistent profile (so the generated database
// is kept between runs), prints the table and writes bench-results/idb.json and idb.md.
//
//   node bench/run-idb.mjs [--fresh] [--cases 100000] [--events 500000] [--runs 25] [--warmup 3]
//                          [--only page,search,sorted,case,intake,queues,counts,print,export,import,stats,reload]
//                          [--import-rows 20000,100000] [--database <name>]
//
// --database measures a desk database already in the profile (under the same port's origin) as it
// is, e.g. the backup benchmark's 100,000-case desk (BENCH_PROFILE and BENCH_PORT set to its).
//
// Env: CHROMIUM_PATH (default /usr/bin/chromium), BENCH_PORT (default 4325: the database
// belongs to the page's origin, so keep the port to keep the data), BENCH_DIST (page build
// folder), BENCH_PROFILE (Chromium profile folder).
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  benchPageBuild,
  benchPageOpen,
  benchPageServe,
  chromiumVersion,
  machineOf,
} from './page-bench.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const resultsDir = here('../bench-results/');

const { values: args } = parseArgs({
  options: {
    fresh: { type: 'boolean', default: false },
    cases: { type: 'string', default: '100000' },
    events: { type: 'string' },
    runs: { type: 'string', default: '25' },
    warmup: { type: 'string', default: '3' },
    batch: { type: 'string', default: '2000' },
    only: { type: 'string' },
    'import-rows': { type: 'string', default: '20000,100000' },
    database: { type: 'string' },
  },
});
const cases = Number(args.cases);
const options = {
  cases,
  events: Number(args.events ?? cases * 5),
  fresh: args.fresh,
  runs: Number(args.runs),
  warmup: Number(args.warmup),
  batch: Number(args.batch),
};
const importRows = args['import-rows'].split(',').map((n) => Number(n.trim()));
if (!importRows.every((n) => Number.isInteger(n) && n > 0)) {
  console.error('--import-rows must be positive whole numbers, comma-separated');
  process.exit(2);
}
// A partial run (--only search,queues) prints its table but leaves the saved results alone.
const only = args.only?.split(',').map((group) => group.trim());
for (const [name, value] of Object.entries(options)) {
  if (typeof value === 'number' && !(Number.isInteger(value) && value > 0)) {
    console.error(`--${name} must be a positive whole number`);
    process.exit(2);
  }
}

const port = Number(process.env.BENCH_PORT ?? 4325);
const dist = process.env.BENCH_DIST ?? here('../bench-results/idb-page');
const profile = process.env.BENCH_PROFILE ?? here('../bench-results/chromium-profile');

const ms = (value) =>
  value === undefined ? '-' : value < 10 ? value.toFixed(2) : value.toFixed(1);

function rowsOf(report) {
  return report.measurements.map((m) => {
    const ratio = m.baseline ? m.app.median / m.baseline.median : undefined;
    const verdict = m.targetMs === undefined ? '-' : m.app.median < m.targetMs ? 'pass' : 'FAIL';
    return [
      m.label,
      ms(m.app.median),
      ms(m.app.p95),
      String(m.app.runs),
      ms(m.baseline?.median),
      ratio === undefined ? '-' : `${ratio.toFixed(1)}x`,
      m.targetMs === undefined ? '-' : `< ${m.targetMs}`,
      verdict,
      m.longestTaskMs === undefined ? '-' : String(m.longestTaskMs),
    ];
  });
}

const HEAD = [
  'measurement',
  'median ms',
  'p95 ms',
  'runs',
  'baseline median ms',
  'ratio',
  'target ms',
  'result',
  'longest task ms',
];

function textTable(rows) {
  const width = (s) => [...s].reduce((w, ch) => w + (ch.codePointAt(0) > 0x2e80 ? 2 : 1), 0);
  const widths = HEAD.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const line = (cells) =>
    cells
      .map((c, i) =>
        i === 0 ? c + ' '.repeat(widths[i] - width(c)) : ' '.repeat(widths[i] - width(c)) + c,
      )
      .join('  ');
  return [line(HEAD), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function markdown(report, rows) {
  const g = report.generation;
  const d = report.data;
  const lines = [
    `# IndexedDB benchmark (${report.startedAt.slice(0, 10)})`,
    '',
    `${d.cases.toLocaleString('en')} cases, ${d.events.toLocaleString('en')} events, ` +
      `${d.customers.toLocaleString('en')} customer files, ${d.outbox.toLocaleString('en')} outbox rows ` +
      `in Chromium ${report.browserVersion} (${report.machine.cpus} cores, ${report.machine.cpuModel}; ` +
      `load average ${report.machine.loadAverage.join(' before, ')} after).`,
    `Generated in ${(g.totalMs / 1000).toFixed(0)} s, written by bulkPut ${report.options.batch} cases ` +
      `(with their events and outbox rows) per transaction` +
      (g.resumedFrom ? `, resumed after ${g.resumedFrom} cases when the browser was closed` : '') +
      (g.reused ? `; made on ${g.at.slice(0, 10)} and reused by this run` : '') +
      (g.schemaChanged ? ' (indexes declared since were added by Dexie)' : '') +
      '.',
    `Before measuring, the ${report.refold.open.toLocaleString('en')} open cases were re-derived from their events by the ` +
      `current reducer (${report.refold.rewritten.toLocaleString('en')} snapshots rewritten), as an upgrade would.`,
    `Data check: in a sample of ${report.dataCheck.sampled} cases, ${report.dataCheck.mismatches.length} snapshots differ ` +
      "from the reducer's fold of their stored events (or miss outbox rows).",
    `Medians of ${report.options.runs} timed runs after ${report.options.warmup} warm-up runs ` +
      '(fewer, at least 5, when one run takes seconds: see the runs column); ' +
      'the baseline is the same query on raw IndexedDB in the same run; ratio = app median / baseline median; ' +
      "longest task = the page's longest main-thread task while the app's side ran (PerformanceObserver " +
      "`longtask`, 0 when none reached 50 ms; '-' where not watched).",
    '',
    `| ${HEAD.join(' | ')} |`,
    `| ${HEAD.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
    'What each row runs:',
    '',
    ...report.measurements.map(
      (m) =>
        `- **${m.label}**: app ${m.appCall}; baseline ${m.baselineCall}. ${m.answer}.` +
        (m.note ? ` Also: ${m.note}.` : '') +
        (m.agree ? '' : ' **The app and the baseline disagreed.**'),
    ),
    '',
  ];
  return lines.join('\n');
}

await mkdir(resultsDir, { recursive: true });
console.log(`building the bench page into ${dist}`);
await benchPageBuild('./vite.idb.config.ts', dist);
const server = await benchPageServe(dist, port);
const { page, close } = await benchPageOpen({ port, entry: 'runDeskBench', profile });
try {
  const started = performance.now();
  const loadBefore = os.loadavg()[0];
  const report = await page.evaluate((o) => globalThis.runDeskBench(o), {
    ...options,
    only,
    importRows,
    ...(args.database ? { database: args.database } : {}),
  });
  const full = {
    ...report,
    options,
    browserVersion: chromiumVersion(),
    machine: machineOf(loadBefore),
    wallSeconds: Math.round((performance.now() - started) / 1000),
  };
  const rows = rowsOf(full);
  console.log('');
  console.log(textTable(rows));
  for (const m of full.measurements.filter((x) => !x.agree)) {
    console.log(`WARNING: ${m.label}: the app and the baseline gave different answers`);
  }
  const base = only || args.database ? 'idb-partial' : 'idb';
  await writeFile(`${resultsDir}${base}.json`, JSON.stringify(full, null, 2) + '\n');
  await writeFile(`${resultsDir}${base}.md`, markdown(full, rows));
  console.log(
    `\nwrote bench-results/${base}.json and bench-results/${base}.md (${full.wallSeconds} s in the browser)`,
  );
} finally {
  await close();
  server.kill();
}
