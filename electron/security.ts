/**
 * Hardening that must be in place before any window exists. main.ts imports this module first,
 * so the listeners below are attached before the first WebContents is created. The decisions
 * themselves are pure functions in security-policy.ts and trusted-url.ts.
 */
import { app, shell } from 'electron';
import type { Session, WebContents } from 'electron';
import { isPermissionAllowed, navigationDecision, windowOpenDecision } from './security-policy';
import { devServerOriginFrom, isAppUrl, isSafeExternalUrl } from './trusted-url';

/**
 * The Vite dev server's origin when `DESK_DEV_URL` names one, in an unpackaged build only;
 * undefined in every packaged build.
 */
export const DEV_SERVER_ORIGIN = devServerOriginFrom(process.env.DESK_DEV_URL, app.isPackaged);

/** Whether `url` is one of the desk's own pages (app://desk, or the dev server in development). */
export function isTrustedUrl(url: string): boolean {
  return isAppUrl(url, DEV_SERVER_ORIGIN);
}

/**
 * Opens a web or mail address in the system's own program. Called only by the bridge's
 * openExternal after its click and allow-list decision; the trusted-url check runs again here.
 */
export async function openExternally(url: string): Promise<void> {
  if (!isSafeExternalUrl(url)) throw new Error('refused: not a safe external URL');
  // The normalised form, so the operating system sees exactly what the predicate checked.
  await shell.openExternal(new URL(url).href);
}

/**
 * The administrator's allow-list of hosts (设置 · 安全). It lives in the desk's database, so the
 * page sends it at start and after each change; until then it is empty and nothing opens.
 */
let allowedHosts: readonly string[] = [];

export function setExternalHosts(hosts: readonly string[]): void {
  allowedHosts = [...hosts];
}

export function externalHosts(): readonly string[] {
  return allowedHosts;
}

function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    const decision = navigationDecision(event.url, isTrustedUrl);
    if (decision === 'allow') return;
    event.preventDefault();
    console.warn(`[desk] navigation to ${event.url} refused`);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !isTrustedUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isTrustedUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    console.warn(`[desk] new window for ${url} refused (${windowOpenDecision(url)})`);
    return { action: 'deny' };
  });
}

/** Permissions are denied unless security-policy.ts allows them for the desk's own pages. */
export function hardenSession(target: Session): void {
  target.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, isTrustedUrl));
  });
  target.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, isTrustedUrl),
  );
  target.setDevicePermissionHandler(() => false);
}

// Every renderer sandboxed, whatever a BrowserWindow's options say.
app.enableSandbox();
app.on('web-contents-created', (_event, contents) => {
  hardenWebContents(contents);
});
app.on('session-created', (created) => {
  hardenSession(created);
});
