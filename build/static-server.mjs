// The static server of the browser build (serve.mjs starts it): the built renderer, with the
// same Content-Security-Policy as the Electron app and the headers that keep the desk out of
// frames and stop browsers guessing content types. Kept apart from serve.mjs so tests can start
// it on a free port and send it real requests (static-server.test.ts).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

/**
 * The same policy as electron/security-policy.ts CONTENT_SECURITY_POLICY (a test keeps them
 * equal). `style-src 'unsafe-inline'`: MUI's styling engine (emotion) inserts <style> elements at
 * run time and components set `style` attributes; without it the desk renders unstyled.
 * Scripts stay 'self' only: the build has no inline script.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // 'wasm-unsafe-eval' compiles WebAssembly only (the backup's SHA-256, hash-wasm), never JavaScript.
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  // The attachment viewer shows a PDF in an iframe of a blob: URL made from the stored bytes.
  "connect-src 'self' blob:",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The policy with the sync servers the desk may reach added to connect-src, and nothing else
 * opened. Each entry must be exactly an http(s) origin (`https://sync.example.cn:8443`); anything
 * else is refused, so a typo cannot widen the policy to a scheme or a wildcard.
 */
export function contentSecurityPolicyWith(syncOrigins = []) {
  if (syncOrigins.length === 0) return CONTENT_SECURITY_POLICY;
  for (const origin of syncOrigins) {
    let parsed;
    try {
      parsed = new URL(origin);
    } catch {
      throw new Error(`Not a sync server origin: ${origin}`);
    }
    if (!/^https?:$/.test(parsed.protocol) || parsed.origin !== origin) {
      throw new Error(`Not a sync server origin (want e.g. https://host:port): ${origin}`);
    }
  }
  return CONTENT_SECURITY_POLICY.replace(
    "connect-src 'self' blob:",
    `connect-src 'self' blob: ${syncOrigins.join(' ')}`,
  );
}

/** The sync servers named in DESK_SYNC_SERVERS (comma or space separated origins). */
export function syncOriginsFromEnv(value) {
  return (value ?? '').split(/[\s,]+/).filter((item) => item !== '');
}

/** Sent with every response, errors included. */
export const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  // frame-ancestors is the standard; X-Frame-Options for browsers that predate it.
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
};

/** The path part of a request target, decoded; undefined when its escapes are malformed. */
export function decodedPath(url) {
  const path = (url ?? '/').split(/[?#]/)[0] ?? '/';
  try {
    return decodeURIComponent(path);
  } catch {
    // `/%E0%A4%A`: decodeURIComponent throws URIError; that is the client's mistake (400).
    return undefined;
  }
}

async function fileFor(root, decoded) {
  if (decoded.includes('\0')) return undefined;
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

function plain(res, status, text) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}

/**
 * An http.Server serving `root` (a built dist/ folder). It does not listen yet. `syncOrigins`:
 * the sync servers the desk may connect to (see `contentSecurityPolicyWith`).
 */
export function createDeskServer(root, { syncOrigins = [] } = {}) {
  const base = resolve(root);
  const headers = {
    ...SECURITY_HEADERS,
    'content-security-policy': contentSecurityPolicyWith(syncOrigins),
  };
  return createServer((req, res) => {
    respond(base, req, res, headers).catch((error) => {
      // Whatever went wrong with one request, the server keeps serving the others.
      console.error('[serve] request failed', error);
      if (!res.headersSent) plain(res, 500, 'Internal error');
      else res.destroy();
    });
  });
}

async function respond(root, req, res, headers) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    plain(res, 405, 'Method not allowed');
    return;
  }
  const decoded = decodedPath(req.url);
  if (decoded === undefined) {
    plain(res, 400, 'Bad request: malformed percent-escape in the address');
    return;
  }
  const file = await fileFor(root, decoded);
  if (!file) {
    plain(res, 404, 'Not found');
    return;
  }
  const body = await readFile(file);
  res.writeHead(200, {
    ...headers,
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}
