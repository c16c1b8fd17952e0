// Serves the built renderer (dist/) on http://127.0.0.1:$PORT/ for the browser build of the desk
// (npm run web): a kiosk or thin client, and what the end-to-end suite drives.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

// DESK_DIST lets parallel test runs serve their own builds.
const root = resolve(process.env.DESK_DIST ?? fileURLToPath(new URL('../dist', import.meta.url)));
const port = Number(process.env.PORT ?? 4173);
const host = process.env.HOST ?? '127.0.0.1';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

async function fileFor(urlPath) {
  const decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  const candidate = resolve(join(root, normalize(decoded)));
  if (candidate !== root && !candidate.startsWith(root + sep)) return undefined;
  try {
    const info = await stat(candidate);
    if (info.isFile()) return candidate;
  } catch {
    // Not a file: unknown paths fall back to the application page below.
  }
  return extname(decoded) === '' ? join(root, 'index.html') : undefined;
}

try {
  await stat(join(root, 'index.html'));
} catch {
  console.error(
    'dist/index.html is missing: run "npm run build:renderer" first (npm run web does).',
  );
  process.exit(1);
}

const server = createServer(async (req, res) => {
  const file = await fileFor(req.url ?? '/');
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  const body = await readFile(file);
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-store',
  });
  res.end(body);
});

server.listen(port, host, () => {
  console.log(`投诉受理台 (browser build) at http://${host}:${port}/  (Ctrl+C to stop)`);
});
