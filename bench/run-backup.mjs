// The backup benchmark (npm run bench:backup): builds bench/backup/ with Vite, serves it, runs
// window.runBackupBench in Debian Chromium with a persistent profile (the generated desk is kept
// between runs), prints the table and writes bench-results/backup.json and backup.md.
//
//   node bench/run-backup.mjs [--cases 100000] [--events <5 x cases>] [--no-baseline]
//                             [--no-baseline-import] [--no-fill]
//
// The default is the desk of 100,000 cases and 500,000 events (generated once into the
// profile, about 10 minutes on a quiet machine; the restore's fill then takes tens of minutes).
//
// --no-baseline-import leaves out Dexie's import (the restore's baseline), which on a large desk
// takes as long as the restore's fill; Dexie's export (the backup's baseline) still runs.
//
// --no-fill stops the restore after its complete check (the fill of a new database takes minutes
// at 20,000 cases and is measured by itself by bench:idb's import).
//
// Env: CHROMIUM_PATH (default /usr/bin/chromium), BENCH_BACKUP_PORT (default 4326),
// BENCH_BACKUP_PROFILE (Chromium profile folder), BENCH_BACKUP_CPUPROFILE (a file: the page's
// CPU profile of the whole run is written there, for chrome://inspect or speedscope, and its
// functions with the most self time are printed).
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
    cases: { type: 'string', default: '100000' },
    events: { type: 'string' },
    batch: { type: 'string', default: '1000' },
    'no-baseline': { type: 'boolean', default: false },
    'no-baseline-import': { type: 'boolean', default: false },
    'no-fill': { type: 'boolean', default: false },
  },
});
const cases = Number(args.cases);
const options = {
  cases,
  events: Number(args.events ?? cases * 5),
  batch: Number(args.batch),
  skipBaseline: args['no-baseline'],
  skipBaselineImport: args['no-baseline-import'],
  skipFill: args['no-fill'],
};
const port = Number(process.env.BENCH_BACKUP_PORT ?? 4326);
const dist = here('../bench-results/backup-page');
const profile =
  process.env.BENCH_BACKUP_PROFILE ?? here('../bench-results/chromium-profile-backup');

const cpuProfile = process.env.BENCH_BACKUP_CPUPROFILE;
const mb = (bytes) => (bytes === undefined ? '-' : (bytes / 2 ** 20).toFixed(1));

await mkdir(resultsDir, { recursive: true });
console.log(`building the backup bench page into ${dist}`);
await benchPageBuild('./vite.backup.config.ts', dist, {
  minify: !cpuProfile,
});
const server = await benchPageServe(dist, port);
const { page, close } = await benchPageOpen({
  port,
  entry: 'runBackupBench',
  profile,
  extraArgs: ['--enable-precise-memory-info', '--js-flags=--expose-gc'],
});
try {
  const loadBefore = os.loadavg()[0];
  const cdp = cpuProfile ? await page.context().newCDPSession(page) : undefined;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
    await cdp.send('Profiler.start');
  }
  const report = await page.evaluate((o) => globalThis.runBackupBench(o), options);
  if (cdp && cpuProfile) {
    const { profile: cpu } = await cdp.send('Profiler.stop');
    await writeFile(cpuProfile, JSON.stringify(cpu));
    const interval = (cpu.endTime - cpu.startTime) / cpu.samples.length / 1000;
    const hits = new Map(cpu.nodes.map((n) => [n.id, 0]));
    for (const id of cpu.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
    const self = new Map();
    for (const n of cpu.nodes) {
      const { functionName, url, lineNumber } = n.callFrame;
      const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + (hits.get(n.id) ?? 0) * interval);
    }
    console.log(`CPU profile written to ${cpuProfile}; most self time (ms):`);
    for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
      console.log(`${ms.toFixed(0).padStart(8)}  ${key}`);
    }
  }
  const full = {
    ...report,
    options,
    browserVersion: chromiumVersion(),
    machine: machineOf(loadBefore),
  };
  const head = ['measurement', 'seconds', 'heap at start MB', 'heap peak MB', 'file MB', 'note'];
  const rows = full.results.map((r) => [
    r.label,
    (r.ms / 1000).toFixed(1),
    r.startHeapMb.toFixed(0),
    r.peakHeapMb.toFixed(0),
    mb(r.bytes),
    r.note ?? '',
  ]);
  const counts = Object.entries(full.counts)
    .map(([t, n]) => `${t} ${n.toLocaleString('en')}`)
    .join(', ');
  const md = [
    `# Backup benchmark (${full.startedAt.slice(0, 10)})`,
    '',
    `Desk: ${counts}; Chromium ${full.browserVersion}, ${full.machine.cpus} cores ` +
      `(${full.machine.cpuModel}), load average ${full.machine.loadAverage.join(' before, ')} after.`,
    full.generationMs ? `Generated in ${(full.generationMs / 1000).toFixed(0)} s.` : 'Desk reused.',
    "Heap: the page's JavaScript heap (performance.memory), sampled every 25 ms and at every page written.",
    '',
    `| ${head.join(' | ')} |`,
    `| ${head.map((_, i) => (i === 0 || i === head.length - 1 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
  ].join('\n');
  console.log(`\n${md}`);
  await writeFile(`${resultsDir}backup.json`, JSON.stringify(full, null, 2) + '\n');
  await writeFile(`${resultsDir}backup.md`, md);
  console.log('wrote bench-results/backup.json and bench-results/backup.md');
} finally {
  await close();
  server.kill();
}
