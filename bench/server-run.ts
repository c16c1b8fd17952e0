/**
 * The server benchmark's run (bundled and started by bench/run-server.mjs): the server in a child
 * process on PGlite or on PostgreSQL; desks push `events` events through the protocol, head
 * office pulls them all back; then, as the baseline, a plain `INSERT ... SELECT` of the same rows
 * into the same events table of the same database. Prints one JSON line with the figures.
 *
 *   node server-run.mjs <serverBundle> <pglite|postgres> <events> <desks> <port> <pgUrl|dataDir>
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { PULL_MAX_EVENTS, PUSH_MAX_EVENTS, type SessionResponse } from '@shared/sync/protocol';
import { DeskClient, postJson } from '../server/ops/support/desk-client';
import { deskEvents } from '../server/ops/support/desk-events';
import { startChildServer } from '../server/ops/support/child-server';

const [bundle, backend, eventsText, desksText, port, where] = process.argv.slice(2);
if (!bundle || (backend !== 'pglite' && backend !== 'postgres') || !where || !port) {
  throw new Error(
    'usage: server-run.mjs <bundle> <pglite|postgres> <events> <desks> <port> <where>',
  );
}
const total = Number(eventsText);
const deskCount = Number(desksText);
const env: Record<string, string> =
  backend === 'pglite'
    ? { PORT: port, DESK_SERVER_DATA: where, DATABASE_URL: '' }
    : { PORT: port, DATABASE_URL: where };

/** One admin command through the bundle (its own process, as an administrator would run it). */
async function admin(argv: string[], input = ''): Promise<string> {
  const { spawn } = await import('node:child_process');
  const { pathToFileURL } = await import('node:url');
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { cli } = await import(${JSON.stringify(pathToFileURL(bundle as string).href)}); await cli(process.argv.slice(1));`,
        'admin',
        ...argv,
      ],
      { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.stdin.end(input);
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(err || out))));
  });
}

// The organisation, its desks and a head-office account, made before the server starts (PGlite
// serves one process).
await admin(['create-org', 'bench']);
const tokens: string[] = [];
for (let i = 0; i < deskCount; i++) {
  const out = await admin(['create-desk', 'bench', `B${i}`, `bench desk ${i}`]);
  tokens.push(out.trim().split('\n').at(-1) ?? '');
}
await admin(['create-account', 'bench', 'bench-hq'], 'bench-password-1\n');

// The events, made before the clock starts.
const perDesk = Math.ceil(total / deskCount);
const batches = tokens.map((_, i) => deskEvents(`B${i}`, Math.min(perDesk, total - i * perDesk)));

const server = await startChildServer(bundle, env);
const desks = tokens.map((token, i) => {
  const desk = new DeskClient(server.url, token);
  desk.write(...(batches[i] ?? []));
  return desk;
});
batches.length = 0;

let started = performance.now();
await Promise.all(desks.map((desk) => desk.push(PUSH_MAX_EVENTS)));
const pushSeconds = (performance.now() - started) / 1000;
const pushRss = server.peakRss();

const session = await postJson<SessionResponse>(`${server.url}/v1/session`, '', {
  login: 'bench-hq',
  password: 'bench-password-1',
});
const hq = new DeskClient(server.url, session.token);
started = performance.now();
const pulled = await hq.pull(PULL_MAX_EVENTS);
const pullSeconds = (performance.now() - started) / 1000;
if (pulled.events !== total || hq.eventCount() !== total) {
  throw new Error(`pulled ${pulled.events} events (${hq.eventCount()} distinct), pushed ${total}`);
}
const peakRss = server.peakRss();
await server.stop();

/** The baseline: the same rows again, under new ids, into the same table, in one statement. */
const BASELINE = `INSERT INTO events (id, organisation_id, case_id, desk_id, seq, type, hlc, file_hash, body)
  SELECT id || '-copy', organisation_id, case_id, desk_id, seq + 1000000000000, type, hlc, file_hash, body
    FROM events`;
let insertSeconds: number;
if (backend === 'pglite') {
  const db = await PGlite.create(path.join(where, 'pgdata'));
  started = performance.now();
  const result = await db.query(BASELINE);
  insertSeconds = (performance.now() - started) / 1000;
  if (result.affectedRows !== total) throw new Error(`baseline inserted ${result.affectedRows}`);
  await db.close();
} else {
  const client = new pg.Client({ connectionString: where });
  await client.connect();
  started = performance.now();
  const result = await client.query(BASELINE);
  insertSeconds = (performance.now() - started) / 1000;
  if (result.rowCount !== total) throw new Error(`baseline inserted ${result.rowCount}`);
  await client.end();
}
if (backend === 'pglite') await rm(where, { recursive: true, force: true });

console.log(
  JSON.stringify({
    backend,
    events: total,
    desks: deskCount,
    pushSeconds,
    pushPerSecond: total / pushSeconds,
    pullSeconds,
    pullPerSecond: total / pullSeconds,
    pullPages: pulled.pages,
    insertSeconds,
    insertPerSecond: total / insertSeconds,
    pushRssMb: pushRss / 1048576,
    peakRssMb: peakRss / 1048576,
  }),
);
