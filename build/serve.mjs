// Serves the built renderer (dist/) on http://127.0.0.1:$PORT/ for the browser build of the desk
// (npm run web): a kiosk or thin client, and what the end-to-end suite drives. The server itself
// (headers, paths, bad requests) is static-server.mjs.
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDeskServer, syncOriginsFromEnv } from './static-server.mjs';

// DESK_DIST lets parallel test runs serve their own builds.
const root = resolve(process.env.DESK_DIST ?? fileURLToPath(new URL('../dist', import.meta.url)));
const port = Number(process.env.PORT ?? 4173);
const host = process.env.HOST ?? '127.0.0.1';

try {
  await stat(join(root, 'index.html'));
} catch {
  console.error(
    'dist/index.html is missing: run "npm run build:renderer" first (npm run web does).',
  );
  process.exit(1);
}

// DESK_SYNC_SERVERS: the sync servers this browser build may reach (connect-src), e.g.
// `https://sync.example.cn`; the page's policy allows nothing else outside itself.
createDeskServer(root, { syncOrigins: syncOriginsFromEnv(process.env.DESK_SYNC_SERVERS) }).listen(
  port,
  host,
  () => {
    console.log(`投诉受理台 (browser build) at http://${host}:${port}/  (Ctrl+C to stop)`);
  },
);
