// `npm run server:report -- --org <org> --month <YYYY-MM> --out <file.xlsx>`: bundles the group
// report command (server/src/report/) as build/run-server.mjs bundles the server, and runs it.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildServerBundle } from './build-server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = await buildServerBundle(
  'server/src/report/main.ts',
  path.join(root, 'dist-server', 'report.mjs'),
);
const { reportMain } = await import(pathToFileURL(bundle).href);
process.exitCode = await reportMain(process.argv.slice(2));
