/**
 * Serves the built renderer (dist/) at `app://desk/`. The mapping from a request URL to a file is
 * the pure function `resolveAppRequest`, which is where the path-traversal guard lives; the
 * handler that `protocol.handle` calls only reads the file it is given.
 */
import nodePath from 'node:path';
import { APP_HOST, APP_SCHEME } from './trusted-url';

export type AppRequestResolution =
  { readonly filePath: string; readonly contentType: string } | { readonly status: 403 | 404 };

const INDEX_FILE = 'index.html';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** The content type sent for a file name, by extension; unknown types are plain bytes. */
export function contentTypeFor(fileName: string): string {
  return CONTENT_TYPES[nodePath.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/** The subset of `node:path` the resolver needs, so tests can check Windows rules on Linux. */
export type PathApi = Pick<typeof nodePath, 'join' | 'relative' | 'isAbsolute' | 'sep'>;

/**
 * Maps an `app://desk/...` request to a file under `rootDir`, or to a status.
 * - Only host `desk` (no user info, no port) is served: anything else is 403.
 * - The path is percent-decoded once; malformed escapes are 404.
 * - NUL, backslashes and colons are refused outright (403): no asset needs them, and on Windows
 *   they are how `..\` escapes, drive letters and alternate data streams get in.
 * - After joining, a path that is not inside `rootDir` is refused (403).
 * - A path with no extension is a route of the single-page app (`/register`), served
 *   index.html; a missing file with an extension is the caller's 404.
 */
export function resolveAppRequest(
  url: string,
  rootDir: string,
  path: PathApi = nodePath,
): AppRequestResolution {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { status: 404 };
  }
  if (
    parsed.protocol !== `${APP_SCHEME}:` ||
    parsed.host !== APP_HOST ||
    parsed.username !== '' ||
    parsed.password !== ''
  ) {
    return { status: 403 };
  }

  let decoded: string;
  try {
    decoded = decodeURIComponent(parsed.pathname);
  } catch {
    return { status: 404 };
  }
  if (/[\0\\:]/.test(decoded)) return { status: 403 };

  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.length === 0) {
    return { filePath: path.join(rootDir, INDEX_FILE), contentType: contentTypeFor(INDEX_FILE) };
  }

  const candidate = path.join(rootDir, ...segments);
  const relative = path.relative(rootDir, candidate);
  if (
    relative === '' ||
    relative === '..' ||
    relative.startsWith(`..${path.sep}`) ||
    path.isAbsolute(relative)
  ) {
    return { status: 403 };
  }

  const last = segments[segments.length - 1] ?? '';
  if (nodePath.extname(last) === '') {
    return { filePath: path.join(rootDir, INDEX_FILE), contentType: contentTypeFor(INDEX_FILE) };
  }
  return { filePath: candidate, contentType: contentTypeFor(last) };
}

export interface AppProtocolOptions {
  /** The built renderer (dist/). */
  readonly rootDir: string;
  /**
   * Sent as `Content-Security-Policy` on every response (security.ts); a function when it
   * changes while the desk runs (a sync server's origin added to connect-src).
   */
  readonly contentSecurityPolicy: string | (() => string);
  readonly readFile: (filePath: string) => Promise<Uint8Array>;
}

function errorResponse(status: number): Response {
  return new Response(null, { status, headers: { 'x-content-type-options': 'nosniff' } });
}

function isMissingFileError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}

/** The handler given to `protocol.handle('app', ...)`. */
export function createAppProtocolHandler(
  options: AppProtocolOptions,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return errorResponse(405);
    const resolution = resolveAppRequest(request.url, options.rootDir);
    if ('status' in resolution) return errorResponse(resolution.status);

    let body: Uint8Array;
    try {
      body = await options.readFile(resolution.filePath);
    } catch (error) {
      if (isMissingFileError(error)) return errorResponse(404);
      console.error(`app://: cannot read ${resolution.filePath}`, error);
      return errorResponse(500);
    }
    // A file read is backed by a plain ArrayBuffer, never a SharedArrayBuffer.
    const content = body as Uint8Array<ArrayBuffer>;
    return new Response(request.method === 'HEAD' ? null : content, {
      status: 200,
      headers: {
        'content-type': resolution.contentType,
        'content-security-policy':
          typeof options.contentSecurityPolicy === 'function'
            ? options.contentSecurityPolicy()
            : options.contentSecurityPolicy,
        'x-content-type-options': 'nosniff',
        // frame-ancestors 'none' in the policy; this for engines that predate it.
        'x-frame-options': 'DENY',
        // The files change only with a new release; no stale page after an upgrade.
        'cache-control': 'no-cache',
      },
    });
  };
}
