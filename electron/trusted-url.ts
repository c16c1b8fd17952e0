/**
 * Every URL decision the main process makes goes through these predicates: which pages count as
 * the desk itself (navigation, IPC senders, permissions) and which addresses may be handed to the
 * operating system (links opened in the system browser). Pure, so the misleading cases are tested
 * in a table (trusted-url.test.ts).
 */

/** The scheme the packaged renderer is served from (see app-protocol.ts). */
export const APP_SCHEME = 'app';

/** The one host the `app:` scheme answers to. */
export const APP_HOST = 'desk';

/**
 * The renderer's origin, fixed forever. IndexedDB (every case, every setting) belongs to the
 * origin: changing the scheme or the host in a later release would orphan every clerk's data,
 * so this constant must never change (DESIGN.md "The desktop bridge").
 */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The page the window opens. */
export const APP_START_URL = `${APP_ORIGIN}/`;

const EXTERNAL_PROTOCOLS: ReadonlySet<string> = new Set(['https:', 'http:', 'mailto:']);

// C0 controls, DEL and the Unicode line/paragraph separators: never part of an honest address,
// and the URL parser silently drops some of them, which is how look-alike links are built.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f\u2028\u2029]/;

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/**
 * Whether `url` is a page of the desk itself: exactly `app://desk` (no user info, no port), or,
 * in development only, the origin of the Vite dev server passed as `devOrigin`.
 */
export function isAppUrl(url: string, devOrigin?: string): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.username !== '' || parsed.password !== '') return false;
  if (parsed.protocol === `${APP_SCHEME}:`) {
    // `host` includes the port, so `app://desk:80` is refused here too.
    return parsed.host === APP_HOST;
  }
  return devOrigin !== undefined && parsed.origin === devOrigin;
}

/**
 * Whether `url` may be opened by the operating system: an http(s) address with a host, or a
 * mailto: address. Anything else (javascript:, file:, data:, app:, custom handlers such as
 * ms-msdt:) is refused, and so are addresses with user info (`https://bank.example@evil.example`)
 * or stray whitespace and control characters.
 */
export function isSafeExternalUrl(url: string): boolean {
  if (url !== url.trim() || CONTROL_CHARACTERS.test(url)) return false;
  const parsed = parse(url);
  if (!parsed || !EXTERNAL_PROTOCOLS.has(parsed.protocol)) return false;
  if (parsed.protocol === 'mailto:') return parsed.pathname.length > 0;
  if (parsed.username !== '' || parsed.password !== '') return false;
  return parsed.hostname.length > 0;
}

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The origin of the development server named by `DESK_DEV_URL`, or undefined. A packaged build
 * never loads a dev server (the renderer's origin is fixed), and only a loopback http(s) address
 * is accepted, so a stray environment variable cannot point the desk at a remote site.
 */
export function devServerOriginFrom(
  value: string | undefined,
  isPackaged: boolean,
): string | undefined {
  if (isPackaged || value === undefined || value === '') return undefined;
  const parsed = parse(value);
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return undefined;
  if (parsed.username !== '' || parsed.password !== '') return undefined;
  return LOOPBACK_HOSTS.has(parsed.hostname) ? parsed.origin : undefined;
}
