/**
 * The server in a child process (the bundle `npm run server` runs), so a test can kill it with
 * SIGKILL in the middle of a request and start it again on the same data.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** Bundles the server (build/build-server.mjs) once per test run; returns the bundle's path. */
export function serverBundle(): string {
  execFileSync(process.execPath, [path.join(root, 'build', 'build-server.mjs')], {
    cwd: root,
    stdio: 'pipe',
  });
  return path.join(root, 'dist-server', 'server.mjs');
}

export interface ChildServer {
  readonly url: string;
  readonly process: ChildProcess;
  /** Peak resident memory of the process in bytes, sampled while it ran (see `sampleRss`). */
  peakRss(): number;
  /** SIGKILL: no shutdown, no clean close of the database. */
  kill(): Promise<void>;
  /** SIGTERM: the server's own clean stop. */
  stop(): Promise<void>;
}

/** The resident set of a process, from /proc (Linux), in bytes; 0 when unreadable. */
export function processRss(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * Starts `node <bundle> serve` with `env` (PORT, DESK_SERVER_DATA or DATABASE_URL ...) and waits
 * until /health answers.
 */
export async function startChildServer(
  bundle: string,
  env: Record<string, string>,
): Promise<ChildServer> {
  const port = env.PORT ?? '4733';
  const child = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const { cli } = await import(${JSON.stringify(pathToFileURL(bundle).href)}); await cli(['serve']);`,
    ],
    { env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', ...env }, stdio: 'pipe' },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited: ${output}`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not start within 60 s: ${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  let peak = 0;
  const sampler = setInterval(() => {
    if (child.pid !== undefined) peak = Math.max(peak, processRss(child.pid));
  }, 100);
  exited.then(
    () => clearInterval(sampler),
    () => clearInterval(sampler),
  );
  return {
    url,
    process: child,
    peakRss: () => peak,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
