/**
 * The security decisions of the main process as data and pure functions: the window's web
 * preferences, the Content-Security-Policy, and what happens to navigations, new windows and
 * permission requests. security.ts wires them into Electron; security-policy.test.ts checks them.
 */
import type { WebPreferences } from 'electron';

/**
 * The web preferences of every desk window. The renderer gets no Node and no Electron: it talks
 * to the machine only through the preload's DeskBridge. Webviews are disabled outright because
 * a webview is a second, separately configured browser inside the window, with its own
 * preferences that a compromised page could ask for; the desk never shows remote content.
 */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  // The spellchecker would download dictionaries; the desk is offline.
  spellcheck: false,
} as const satisfies WebPreferences;

/**
 * Sent with every `app://desk` response (app-protocol.ts). `style-src 'unsafe-inline'` because
 * MUI (emotion) injects <style> elements at run time; scripts stay 'self' only. `form-action
 * 'none'` because the desk's forms are handled in script and must never navigate.
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
 * The policy with the sync server's origin (checked by the IPC schema: exactly an http(s)
 * origin) added to connect-src; nothing else outside the desk is opened.
 */
export function contentSecurityPolicyFor(syncOrigin: string | null): string {
  if (syncOrigin === null) return CONTENT_SECURITY_POLICY;
  return CONTENT_SECURITY_POLICY.replace(
    "connect-src 'self' blob:",
    `connect-src 'self' blob: ${syncOrigin}`,
  );
}

/**
 * What to do with a navigation or a request for a new window: the desk's own pages may be
 * navigated to; anything else is dropped. Nothing outside the desk is ever opened from here:
 * a navigation, a redirect or `window.open` is not a clerk's decision (a page can start one by
 * itself), so the only way out is the bridge's openExternal, on a click, to an allowed host
 * (`externalOpenDecision` in shared/platform/external-hosts.ts).
 */
export type NavigationDecision = 'allow' | 'deny';

/** A page navigating itself: within the desk it may, anywhere else it may not. */
export function navigationDecision(
  url: string,
  isTrustedUrl: (url: string) => boolean,
): NavigationDecision {
  return isTrustedUrl(url) ? 'allow' : 'deny';
}

/**
 * `window.open` and `target="_blank"`: always 'deny'. The desk never opens a second window of
 * its own (one created this way would not go through the window factory), and a link to the
 * web goes through openExternal, not through a new window.
 */
export function windowOpenDecision(_url: string): Exclude<NavigationDecision, 'allow'> {
  return 'deny';
}

/**
 * Permissions the desk's own pages may use; everything else (camera, microphone, geolocation,
 * notifications, HID, serial, USB, ...) is denied.
 * - `persistent-storage`: `navigator.storage.persist()`, so Chromium never evicts the IndexedDB
 *   that holds every case when the disk runs low.
 * - `clipboard-sanitized-write`: `navigator.clipboard.writeText` (copying a case number).
 */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set([
  'persistent-storage',
  'clipboard-sanitized-write',
]);

/** Whether a permission request or check from `requestingUrl` is granted. */
export function isPermissionAllowed(
  permission: string,
  requestingUrl: string,
  isTrustedUrl: (url: string) => boolean,
): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isTrustedUrl(requestingUrl);
}
