// Bundles the central server (server/) into dist-server/server.mjs: our TypeScript (server/ and
// the shared/ it imports) in one ES module; packages stay in node_modules (PGlite finds its
// WebAssembly beside its own files), so `npm ci` is all it needs. SQL migrations are imported
// with a `?raw` suffix (as Vite does in the tests) and bundled as text.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
export const SERVER_BUNDLE = path.join(root, 'dist-server', 'server.mjs');

/** @type {import('esbuild').Plugin} */
const rawText = {
  name: 'raw-text',
  setup(b) {
    b.onResolve({ filter: /\?raw$/ }, (args) => ({
      path: path.resolve(args.resolveDir, args.path.slice(0, -'?raw'.length)),
      namespace: 'raw-text',
    }));
    b.onLoad({ filter: /.*/, namespace: 'raw-text' }, async (args) => ({
      contents: await readFile(args.path, 'utf8'),
      loader: 'text',
    }));
  },
};

/** Builds the bundle; resolves to its path. */
export async function buildServerBundle() {
  await build({
    absWorkingDir: root,
    entryPoints: ['server/src/cli.ts'],
    outfile: SERVER_BUNDLE,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    plugins: [rawText],
    sourcemap: true,
    logLevel: 'warning',
    legalComments: 'none',
  });
  return SERVER_BUNDLE;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    console.log(`built ${path.relative(root, await buildServerBundle())}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
