// A throwaway PostgreSQL cluster on a loopback port, in a temporary folder, for the server tests
// (vitest globalSetup) and the server benchmark. PostgreSQL refuses to run as root, so as root its
// programs run as the `postgres` user (runuser); as a normal user they run directly.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The folder of PostgreSQL's programs: PG_BIN, Debian's newest version, or the PATH. */
export function postgresBin() {
  if (process.env.PG_BIN && existsSync(path.join(process.env.PG_BIN, 'initdb'))) {
    return process.env.PG_BIN;
  }
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => existsSync(path.join(debian, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0] !== undefined) return path.join(debian, versions[0], 'bin');
  }
  try {
    const found = execFileSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).trim();
    return found === '' ? undefined : path.dirname(found);
  } catch {
    return undefined;
  }
}

/**
 * Starts a cluster on 127.0.0.1:`port` and creates `database` unless it is `postgres`.
 * `durable: false` turns fsync off (tests); the benchmark keeps a real deployment's defaults.
 * Returns undefined when PostgreSQL's programs are missing; throws when the cluster won't start.
 */
export function startLocalPostgres({
  port,
  database = 'postgres',
  durable = false,
  prefix = 'desk-pg-',
}) {
  const bin = postgresBin();
  if (bin === undefined) return undefined;
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const data = path.join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const id = (flag) =>
      Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, id('-u'), id('-g'));
  }
  const run = (program, args) => {
    const file = path.join(bin, program);
    const [command, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', file, ...args]]
      : [file, args];
    execFileSync(command, argv, { stdio: 'pipe', cwd: dir });
  };
  const options = [`-p ${port}`, `-k ${dir}`, '-c listen_addresses=127.0.0.1'];
  if (!durable) options.push('-c fsync=off', '-c full_page_writes=off');
  try {
    run('initdb', [
      '-D',
      data,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      ...(durable ? [] : ['--no-sync']),
    ]);
    run('pg_ctl', [
      '-D',
      data,
      '-l',
      path.join(dir, 'postgres.log'),
      '-w',
      '-o',
      options.join(' '),
      'start',
    ]);
    if (database !== 'postgres') run('createdb', ['-h', '127.0.0.1', '-p', String(port), database]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = error?.stderr?.toString() ?? String(error);
    throw new Error(`PostgreSQL did not start on port ${port}: ${stderr}`);
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/${database}`,
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
