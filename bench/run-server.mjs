// The server benchmark (npm run bench:server): push then pull of 100,000 events through a local
// server in a child process, on PGlite and on PostgreSQL (a temporary cluster on a loopback port,
// as the server tests start one), next to a plain INSERT ... SELECT of the same rows in the same
// database. Prints a table and writes bench-results/server.json and server.md. The goal (push at
// least a quarter of the raw insert rate) is reported next to the figures; nothing fails a build.
//
//   node bench/run-server.mjs [--events 100000] [--desks 4] [--port 4735] [--pg-port 54333]
//                             [--only pglite|postgres]
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { buildServerBundle } from '../build/build-server.mjs';
import { startLocalPostgres } from '../build/local-postgres.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const resultsDir = here('../bench-results/');
const workDir = path.join(os.tmpdir(), 'desk-bench-server');

const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '100000' },
    desks: { type: 'string', default: '4' },
    port: { type: 'string', default: '4735' },
    'pg-port': { type: 'string', default: '54333' },
    only: { type: 'string' },
  },
});

await mkdir(workDir, { recursive: true });
const serverBundle = await buildServerBundle();
// Beside the server bundle, so that its packages resolve from node_modules.
const script = path.join(path.dirname(serverBundle), 'bench-server-run.mjs');
await build({
  entryPoints: [here('./server-run.ts')],
  outfile: script,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});

function runDriver(backend, where) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [script, serverBundle, backend, args.events, args.desks, args.port, where],
      { cwd: here('..'), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`${backend} run exited with ${code}`));
      else resolve(JSON.parse(stdout.trim().split('\n').at(-1)));
    });
  });
}

const results = [];
if (args.only !== 'postgres') {
  process.stdout.write(`PGlite: ${args.events} events… `);
  const result = await runDriver('pglite', mkdtempSync(path.join(workDir, 'pglite-')));
  results.push(result);
  console.log('done');
}
if (args.only !== 'pglite') {
  // Durable settings (fsync on): the figures are those of a real deployment's defaults.
  const cluster = startLocalPostgres({
    port: args['pg-port'],
    database: 'bench',
    durable: true,
    prefix: 'desk-bench-pg-',
  });
  if (cluster === undefined) {
    console.log('PostgreSQL: skipped (no PostgreSQL programs: install Debian "postgresql")');
  } else {
    try {
      process.stdout.write(`PostgreSQL: ${args.events} events… `);
      results.push(await runDriver('postgres', cluster.url));
      console.log('done');
    } finally {
      cluster.stop();
    }
  }
}

const int = (n) => Math.round(n).toLocaleString('en-US');
const header = [
  'Database',
  'Push (events/s)',
  'Pull (events/s)',
  'INSERT … SELECT (rows/s)',
  'Push / insert',
  'Server peak RSS',
];
const rows = results.map((r) => [
  r.backend === 'pglite' ? 'PGlite (data folder)' : 'PostgreSQL',
  `${int(r.pushPerSecond)} (${r.pushSeconds.toFixed(1)} s)`,
  `${int(r.pullPerSecond)} (${r.pullSeconds.toFixed(1)} s, ${r.pullPages} pages)`,
  `${int(r.insertPerSecond)} (${r.insertSeconds.toFixed(2)} s)`,
  `${((100 * r.pushPerSecond) / r.insertPerSecond).toFixed(0)} %${r.pushPerSecond * 4 >= r.insertPerSecond ? '' : ' (goal 25 %)'}`,
  `${Math.round(r.peakRssMb)} MB`,
]);
const table = [
  `| ${header.join(' | ')} |`,
  `|${header.map(() => '---').join('|')}|`,
  ...rows.map((r) => `| ${r.join(' | ')} |`),
].join('\n');
console.log(`\n${table}\n`);

const cpus = os.cpus();
const machine = `${cpus.length} × ${cpus[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, load average ${os
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(' ')}`;
await mkdir(resultsDir, { recursive: true });
await writeFile(
  path.join(resultsDir, 'server.json'),
  `${JSON.stringify({ machine, when: new Date().toISOString(), results }, null, 2)}\n`,
);
await writeFile(
  path.join(resultsDir, 'server.md'),
  `# Server benchmark

${args.events} events (case journeys of six events) pushed by ${args.desks} desks at once in
batches of 1,000 through the protocol (JSON, gzip) to a server in its own process, then pulled
back by head office in pages of 1,000. Baseline: a plain \`INSERT … SELECT\` of the same rows (new
ids) into the same events table of the same database. Goal: push at least a quarter of the raw
insert rate. Peak memory is the server process's resident set, sampled every 100 ms.

${table}

Machine: ${machine}. PostgreSQL runs with its default durable settings.
`,
);
console.log(`written ${path.relative(here('..'), path.join(resultsDir, 'server.md'))}`);
