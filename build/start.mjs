// npm start: builds the renderer and the Electron bundles, then runs the desk in Electron.
// The binary is looked for first, so a machine without it hears so at once rather than after a
// build it cannot use.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectron } from './build-electron.mjs';
import { ELECTRON_MISSING_MESSAGE, findElectronBinary } from './electron-binary.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

const binary = findElectronBinary();
if (!binary.found) {
  console.error(ELECTRON_MISSING_MESSAGE);
  process.exit(1);
}

// Vite's own command-line script, run with this Node (no npx, no shell).
const vitePackage = createRequire(import.meta.url).resolve('vite/package.json');
const vite = path.join(path.dirname(vitePackage), 'bin', 'vite.js');
const renderer = spawnSync(process.execPath, [vite, 'build'], { cwd: root, stdio: 'inherit' });
if (renderer.status !== 0) process.exit(renderer.status ?? 1);

try {
  await buildElectron();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

// ELECTRON_RUN_AS_NODE left over in a shell would start Node instead of the desk.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;

const child = spawn(binary.path, ['.'], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
