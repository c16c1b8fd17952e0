/**
 * vitest globalSetup of the `server` project: a real PostgreSQL server for the suite, in a
 * temporary folder, on 127.0.0.1:SERVER_TEST_PG_PORT (default 54331), stopped and deleted at the
 * end. PostgreSQL refuses to run as root, so as root its programs run as the `postgres` user
 * (runuser); as a normal user they run directly. Without PostgreSQL's programs the PostgreSQL half
 * of the suite is skipped with the reason printed (the PGlite half always runs).
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The test cluster's address (database `postgres`), or '' when it could not start. */
    pgUrl: string;
    /** Why there is no test cluster, when there is none. */
    pgSkipReason: string;
  }
}

/** The folder of PostgreSQL's programs: PG_BIN, Debian's newest version, or the PATH. */
function postgresBin(): string | undefined {
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

export default function setup(project: TestProject): (() => void) | undefined {
  const bin = postgresBin();
  if (bin === undefined) {
    const reason = 'no PostgreSQL programs (initdb, pg_ctl) found: install Debian "postgresql"';
    console.warn(`server tests: the PostgreSQL half is skipped: ${reason}.`);
    project.provide('pgUrl', '');
    project.provide('pgSkipReason', reason);
    return undefined;
  }
  const port = Number(process.env.SERVER_TEST_PG_PORT ?? 54331);
  const dir = mkdtempSync(path.join(tmpdir(), 'desk-server-pg-'));
  const data = path.join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const run = (program: string, args: string[]) => {
    const file = path.join(bin, program);
    const [command, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', file, ...args]]
      : [file, args];
    execFileSync(command, argv, { stdio: 'pipe', cwd: dir });
  };
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    run('pg_ctl', [
      '-D',
      data,
      '-l',
      path.join(dir, 'postgres.log'),
      '-w',
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`,
      'start',
    ]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
    throw new Error(`The test PostgreSQL server did not start on port ${port}: ${stderr}`);
  }
  project.provide('pgUrl', `postgres://postgres@127.0.0.1:${port}/postgres`);
  project.provide('pgSkipReason', '');
  return () => {
    try {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
