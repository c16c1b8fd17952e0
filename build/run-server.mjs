// `npm run server` and `npm run server:admin -- <command>`: bundles server/ (no TypeScript runner
// is installed) and runs it. The first argument is the mode: `serve` or `admin`.
import { pathToFileURL } from 'node:url';
import { buildServerBundle } from './build-server.mjs';

const bundle = await buildServerBundle();
const { cli } = await import(pathToFileURL(bundle).href);
await cli(process.argv.slice(2));
