// The export benchmark (npm run bench:export): a 100,000-case register written by the Electron
// main process's streaming writer and by ExcelJS's in-memory workbook, each in a child process
// of its own, so that each peak memory figure is that writer's alone. Prints a table and writes
// bench-results/export.json and export.md. Nothing here passes or fails a build; the targets
// (streaming under 10 s, at least 4 times less peak memory) are reported next to the figures.
//
//   node bench/run-export.mjs [--rows 100000] [--runs 1]
import { spawn } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const resultsDir = here('../bench-results/');
// The bundled run and the workbooks it writes are scratch: kept out of the tree.
const workDir = path.join(os.tmpdir(), 'desk-bench-export');

const { values: args } = parseArgs({
  options: { rows: { type: 'string', default: '100000' }, runs: { type: 'string', default: '1' } },
});
const rows = Number(args.rows);
const runs = Number(args.runs);

await mkdir(workDir, { recursive: true });
const script = path.join(workDir, 'export-run.mjs');
// The run is TypeScript importing the application's own modules: bundle it for Node once.
await build({
  entryPoints: [here('./export-run.ts')],
  outfile: script,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['electron'],
  logLevel: 'warning',
  banner: {
    // Aliased: a bundled package (fflate) imports createRequire under its own name.
    js: "import { createRequire as deskCreateRequire } from 'node:module'; const require = deskCreateRequire(import.meta.url);",
  },
});

function runOnce(mode) {
  const out = path.join(workDir, `register-${mode}.xlsx`);
  // The in-memory workbook needs more than Node's default heap for 100,000 rows.
  const node = mode === 'memory' ? ['--max-old-space-size=12288'] : [];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...node, script, mode, String(rows), out], {
      cwd: here('..'),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`${mode} run exited with ${code}`));
      else resolve(JSON.parse(stdout.trim().split('\n').at(-1)));
    });
  });
}

// The browser build streams from this many rows (renderer/src/export/export-protocol.ts).
const EXPORT_STREAM_FROM = '10,000';
const MODES = ['stream', 'zip', 'memory'];
const results = { stream: [], zip: [], memory: [] };
for (let i = 0; i < runs; i++) {
  for (const mode of MODES) {
    process.stdout.write(`${mode} run ${i + 1}/${runs} (${rows} rows)… `);
    const result = await runOnce(mode);
    results[mode].push(result);
    console.log(
      `${result.seconds.toFixed(2)} s (processor ${result.cpuSeconds.toFixed(2)} s), peak ${Math.round(result.maxRssMb)} MB`,
    );
  }
}
for (const mode of MODES) await rm(path.join(workDir, `register-${mode}.xlsx`), { force: true });

const median = (list, key) => {
  const sorted = list.map((r) => r[key]).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const summary = Object.fromEntries(
  MODES.map((mode) => [
    mode,
    {
      seconds: median(results[mode], 'seconds'),
      cpuSeconds: median(results[mode], 'cpuSeconds'),
      peakMb: median(results[mode], 'maxRssMb'),
      sampledPeakMb: median(results[mode], 'peakRssMb'),
      fileMb: median(results[mode], 'fileMb'),
    },
  ]),
);
const memoryRatio = summary.memory.peakMb / summary.stream.peakMb;
const verdict = {
  streamUnder10s: summary.stream.seconds < 10,
  atLeast4xLessMemory: memoryRatio >= 4,
};
const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`;
// Other work on the machine stretches wall time: the load average says how busy it was.
const load = os.loadavg()[0]?.toFixed(1) ?? '?';

const table = [
  '| writer | time | processor time | peak memory (max RSS) | file |',
  '| --- | --- | --- | --- | --- |',
  `| streaming (Electron main, pages of 1,000 rows) | ${summary.stream.seconds.toFixed(2)} s | ${summary.stream.cpuSeconds.toFixed(2)} s | ${Math.round(summary.stream.peakMb)} MB | ${summary.stream.fileMb.toFixed(1)} MB |`,
  `| streaming (browser worker, from ${EXPORT_STREAM_FROM} rows: fflate zip written as it comes) | ${summary.zip.seconds.toFixed(2)} s | ${summary.zip.cpuSeconds.toFixed(2)} s | ${Math.round(summary.zip.peakMb)} MB | ${summary.zip.fileMb.toFixed(1)} MB |`,
  `| ExcelJS in-memory workbook (browser worker, small registers) | ${summary.memory.seconds.toFixed(2)} s | ${summary.memory.cpuSeconds.toFixed(2)} s | ${Math.round(summary.memory.peakMb)} MB | ${summary.memory.fileMb.toFixed(1)} MB |`,
].join('\n');
const md = `# Export benchmark

A register of ${rows.toLocaleString('en')} cases (21 columns, styled, real dates), ${runs} run(s) each, medians.
Machine: ${machine}; load average ${load} at the end. ${new Date().toISOString()}

${table}

The browser build's streamed export uses ${(summary.memory.peakMb / summary.zip.peakMb).toFixed(1)}× less peak memory than the in-memory workbook and takes ${summary.zip.seconds.toFixed(2)} s.
Electron's streaming uses ${memoryRatio.toFixed(1)}× less peak memory than the in-memory workbook (target: at least 4×: ${verdict.atLeast4xLessMemory ? 'met' : 'NOT met'}); it takes ${summary.stream.seconds.toFixed(2)} s (target: under 10 s: ${verdict.streamUnder10s ? 'met' : 'NOT met'}).
`;

await mkdir(resultsDir, { recursive: true });
await writeFile(
  path.join(resultsDir, 'export.json'),
  `${JSON.stringify({ rows, runs, machine, summary, memoryRatio, verdict, results }, null, 2)}\n`,
);
await writeFile(path.join(resultsDir, 'export.md'), md);
console.log(`\n${md}`);
console.log(`Saved bench-results/export.json and bench-results/export.md`);
