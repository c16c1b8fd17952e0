// npm run bench: the IndexedDB benchmark (arguments go to it, e.g. `npm run bench -- --fresh`),
// the longest task on each screen of the application on the desk it made (bench:screens), then
// the attachments, export, backup, server and cold-start benchmarks when package.json has their
// scripts (`bench:attachments`, `bench:export`, `bench:backup`, `bench:server`,
// `bench:coldstart`). Figures are printed and saved under bench-results/; nothing here passes or
// fails a build.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
let failed =
  (await run(process.execPath, [
    fileURLToPath(new URL('./run-idb.mjs', import.meta.url)),
    ...process.argv.slice(2),
  ])) !== 0;
// The screens of the application on the desk the IndexedDB benchmark left (its --cases).
if (pkg.scripts?.['bench:screens']) {
  console.log('\n== npm run bench:screens ==');
  const cases = process.argv.slice(2).find((arg, i, all) => all[i - 1] === '--cases');
  failed =
    (await run(process.execPath, [
      fileURLToPath(new URL('./run-screens.mjs', import.meta.url)),
      ...(cases ? ['--cases', cases] : ['--cases', '100000']),
    ])) !== 0 || failed;
}
if (pkg.scripts?.['bench:attachments']) {
  console.log('\n== npm run bench:attachments ==');
  failed =
    (await run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'bench:attachments'])) !==
      0 || failed;
}
if (pkg.scripts?.['bench:export']) {
  console.log('\n== npm run bench:export ==');
  failed =
    (await run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'bench:export'])) !== 0 ||
    failed;
}
if (pkg.scripts?.['bench:backup']) {
  console.log('\n== npm run bench:backup ==');
  failed =
    (await run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'bench:backup'])) !== 0 ||
    failed;
}
if (pkg.scripts?.['bench:server']) {
  console.log('\n== npm run bench:server ==');
  failed =
    (await run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'bench:server'])) !== 0 ||
    failed;
}
if (pkg.scripts?.['bench:coldstart']) {
  // After the IndexedDB benchmark: it loads the desk that benchmark made in its profile.
  console.log('\n== npm run bench:coldstart ==');
  failed =
    (await run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'bench:coldstart'])) !==
      0 || failed;
}
process.exit(failed ? 1 : 0);
