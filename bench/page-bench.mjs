// What every browser benchmark runner does around its own page: build the page with Vite, serve
// it with build/serve.mjs, open it in Debian's Chromium, wait for its entry function, and
// describe the machine the figures were measured on.
import { execFileSync, spawn } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'vite';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

export const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags every test and bench run of Debian's Chromium takes here (DEVELOPERS.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Builds a bench page (`bench/vite.<name>.config.ts`) into `dist`. */
export async function benchPageBuild(configFile, dist, { minify = true } = {}) {
  // Unminified for a CPU profile, so that its functions keep their names.
  await build({
    configFile: here(configFile),
    build: { outDir: dist, ...(minify ? {} : { minify: false }) },
  });
}

/** Starts build/serve.mjs on the page's folder; resolves with the child once it listens. */
export function benchPageServe(dist, port) {
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

/**
 * Opens the served page in Chromium, with a persistent `profile` when one is given (a generated
 * database is kept between runs), and waits for `globalThis[entry]`. Console lines starting with
 * `[bench]` are echoed. Returns the page and a `close` that stops the browser.
 */
export async function benchPageOpen({ port, entry, profile, extraArgs = [] }) {
  const args = [...CHROMIUM_ARGS, ...extraArgs];
  const browser = profile
    ? await chromium.launchPersistentContext(profile, { executablePath, headless: true, args })
    : await chromium.launch({ executablePath, headless: true, args });
  const page = profile
    ? (browser.pages()[0] ?? (await browser.newPage()))
    : await browser.newPage();
  page.on('console', (msg) => {
    if (msg.text().startsWith('[bench]')) console.log(msg.text());
  });
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction((name) => typeof globalThis[name] === 'function', entry);
  return { page, close: () => browser.close() };
}

/** `156.0.8078.79`: the user agent says only `156.0.0.0`. */
export function chromiumVersion() {
  try {
    const text = execFileSync(executablePath, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return /(\d+\.\d+\.\d+\.\d+)/.exec(text)?.[1] ?? text.trim();
  } catch {
    return 'unknown';
  }
}

/**
 * The machine, with the 1-minute load average before and after the run: other work on the
 * machine slows IndexedDB down.
 */
export function machineOf(loadBefore) {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    loadAverage: [loadBefore, os.loadavg()[0]].map((n) => Math.round(n * 10) / 10),
  };
}
