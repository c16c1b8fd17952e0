// Bundles the Electron main process and the preload into dist-electron/ (npm run build:electron).
// Both are CommonJS: package.json says "type": "module", so the .cjs extension keeps them CJS,
// and a sandboxed preload can only be a single CommonJS file whose one `require` is `electron`.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = path.join(root, 'dist-electron');

// Electron 45 ships Node 22 and Chromium 140.
const NODE_TARGET = 'node22';
const CHROME_TARGET = 'chrome140';

/** @type {import('esbuild').BuildOptions} */
const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  external: ['electron'],
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
};

/** Builds both bundles; resolves to their paths. */
export async function buildElectron() {
  const main = path.join(outDir, 'main.cjs');
  const preload = path.join(outDir, 'preload.cjs');
  await Promise.all([
    build({
      ...common,
      entryPoints: ['electron/main.ts'],
      outfile: main,
      platform: 'node',
      target: NODE_TARGET,
    }),
    build({
      ...common,
      entryPoints: ['electron/preload.ts'],
      outfile: preload,
      // The sandboxed preload has a browser-like environment with a minimal `require`: bundling
      // for the browser keeps any Node built-in from slipping in.
      platform: 'browser',
      target: CHROME_TARGET,
    }),
  ]);
  await assertPreloadRequiresOnlyElectron(preload);
  return { main, preload };
}

async function assertPreloadRequiresOnlyElectron(file) {
  const code = await readFile(file, 'utf8');
  const required = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
  const foreign = required.filter((name) => name !== 'electron');
  if (foreign.length > 0) {
    throw new Error(
      `dist-electron/preload.cjs requires ${foreign.join(', ')}: a sandboxed preload can only require "electron".`,
    );
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { main, preload } = await buildElectron();
    console.log(`built ${path.relative(root, main)} and ${path.relative(root, preload)}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
