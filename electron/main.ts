/**
 * The Electron main process: one window, the menu, single-instance, the `app://desk` scheme and
 * the bridge handlers. It knows no business rules (DESIGN.md "Layout"); the decisions live in the
 * small modules it wires together, each tested without Electron.
 */
// First: the hardening listeners must be attached before any WebContents exists.
import {
  DEV_SERVER_ORIGIN,
  externalHosts,
  hardenSession,
  isTrustedUrl,
  openExternally,
  setExternalHosts,
} from './security';

import { readFileSync, writeFileSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  screen,
  session,
  shell,
} from 'electron';
import { createAppProtocolHandler } from './app-protocol';
import { nodeAtomicWriteFs } from './ipc/atomic-write';
import { installBridgeHandlers } from './ipc/install';
import { buildMenuTemplate, menuLocaleFor, type MenuLocale } from './menu';
import { contentSecurityPolicyFor, SECURE_WEB_PREFERENCES } from './security-policy';
import { syncOriginOf } from '@shared/sync/desk-sync';
import { APP_SCHEME, APP_START_URL } from './trusted-url';
import { MIN_WINDOW_SIZE, WINDOW_STATE_FILE, windowStateFrom } from './window-state';

/** The built renderer. main.ts is bundled into dist-electron/main.cjs, next to dist/. */
const RENDERER_DIR = path.join(__dirname, '../dist');
const PRELOAD_PATH = path.join(__dirname, 'preload.cjs');

/** How long the window may stay hidden waiting for its first paint before it is shown anyway. */
const SHOW_TIMEOUT_MS = 10_000;

const STARTUP_ERROR: Readonly<Record<MenuLocale, { title: string; message: string }>> = {
  'zh-CN': {
    title: '投诉受理台无法启动',
    message: '程序文件不完整或已损坏，请重新安装投诉受理台。已登记的数据不受影响。',
  },
  en: {
    title: 'The complaint desk cannot start',
    message:
      'The program files are incomplete or damaged. Please reinstall the desk; the cases already registered are not affected.',
  },
};

// Before `ready`: a standard, secure scheme gets a real origin, so IndexedDB, fetch and
// `'self'` in the CSP work as on https. corsEnabled lets Vite's `<script type="module"
// crossorigin>` load through the CORS path; the handler sends no Access-Control-Allow-Origin,
// so no other origin can read the desk's files.
protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: {
      standard: true,
      secure: true,
      supportFetchAPI: true,
      corsEnabled: true,
      codeCache: true,
    },
  },
]);

/**
 * The profile folder under the system's application-data folder (%APPDATA%, ~/.config). Like the
 * origin, it is fixed forever: it holds the IndexedDB with every case. Electron would otherwise
 * name it after `productName`, so renaming or translating the product would orphan the data.
 */
const USER_DATA_FOLDER = 'complaint-desk';

// `--user-data-dir=<folder>` gives a separate profile (the Electron tests start each run with a
// fresh one). Either way the path is set before the single-instance lock, which is per profile.
const userDataSwitch = app.commandLine.getSwitchValue('user-data-dir');
app.setPath(
  'userData',
  userDataSwitch === ''
    ? path.join(app.getPath('appData'), USER_DATA_FOLDER)
    : path.resolve(userDataSwitch),
);

let mainWindow: BrowserWindow | undefined;

function startUrl(): string {
  return DEV_SERVER_ORIGIN === undefined ? APP_START_URL : `${DEV_SERVER_ORIGIN}/`;
}

function windowStatePath(): string {
  return path.join(app.getPath('userData'), WINDOW_STATE_FILE);
}

function loadWindowState() {
  let stored: unknown;
  try {
    stored = JSON.parse(readFileSync(windowStatePath(), 'utf8'));
  } catch {
    stored = undefined; // First run, or an unreadable file: the default size.
  }
  return windowStateFrom(
    stored,
    screen.getAllDisplays().map((display) => display.workArea),
  );
}

function saveWindowState(window: BrowserWindow): void {
  try {
    const state = { ...window.getNormalBounds(), maximized: window.isMaximized() };
    writeFileSync(windowStatePath(), JSON.stringify(state));
  } catch (error) {
    console.warn('[desk] cannot save the window state', error);
  }
}

function createMainWindow(locale: MenuLocale): BrowserWindow {
  const state = loadWindowState();
  const window = new BrowserWindow({
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: app.getName(),
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: PRELOAD_PATH },
  });
  if (state.maximized) window.maximize();

  const showTimer = setTimeout(() => window.show(), SHOW_TIMEOUT_MS);
  window.once('ready-to-show', () => {
    clearTimeout(showTimer);
    window.show();
  });
  window.on('close', () => saveWindowState(window));
  window.on('closed', () => {
    clearTimeout(showTimer);
    if (mainWindow === window) mainWindow = undefined;
  });

  window.loadURL(startUrl()).catch((error: unknown) => {
    console.error(`[desk] cannot load ${startUrl()}`, error);
    const text = STARTUP_ERROR[locale];
    dialog.showErrorBox(text.title, text.message);
    app.exit(1);
  });
  return window;
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

/** 打印… in the menu: the page prints itself, with its own print stylesheet. */
function printFocusedWindow(): void {
  const target = BrowserWindow.getFocusedWindow() ?? mainWindow;
  target?.webContents.executeJavaScript('window.print()', true).catch((error: unknown) => {
    console.warn('[desk] menu print failed', error);
  });
}

/**
 * The sync server the page may connect to (connect-src): the renderer names it after the
 * administrator saves the sync settings (bridge setSyncServer) and it is kept in the user-data
 * folder, so the policy of the first page of the next start already allows it.
 */
let syncServer: string | null = null;

function syncServerFile(): string {
  return path.join(app.getPath('userData'), 'sync-server.json');
}

async function syncServerLoad(): Promise<void> {
  try {
    const stored = JSON.parse(await readFile(syncServerFile(), 'utf8')) as { origin?: unknown };
    const origin = typeof stored.origin === 'string' ? stored.origin : null;
    // Only an exact http(s) origin goes into the policy, whatever the file says.
    syncServer = origin !== null && syncOriginOf(origin) === origin ? origin : null;
  } catch {
    // No file yet (sync never configured) or unreadable: no sync server.
    syncServer = null;
  }
}

function start(): void {
  const locale = menuLocaleFor(app.getLocale());
  hardenSession(session.defaultSession);

  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({
      rootDir: RENDERER_DIR,
      contentSecurityPolicy: () => contentSecurityPolicyFor(syncServer),
      readFile: (filePath) => readFile(filePath),
    }),
  );

  installBridgeHandlers({
    ipcMain,
    isTrustedUrl,
    appInfo: () => ({
      name: app.getName(),
      version: app.getVersion(),
      runtime: 'electron',
      platform: process.platform,
    }),
    showSaveDialog: (sender, options) => {
      const owner = BrowserWindow.getAllWindows().find(
        (window) => window.webContents.id === sender.id,
      );
      return owner ? dialog.showSaveDialog(owner, options) : dialog.showSaveDialog(options);
    },
    documentsDir: () => app.getPath('documents'),
    showOpenDialog: (sender, options) => {
      const owner = BrowserWindow.getAllWindows().find(
        (window) => window.webContents.id === sender.id,
      );
      return owner ? dialog.showOpenDialog(owner, options) : dialog.showOpenDialog(options);
    },
    userDataDir: () => app.getPath('userData'),
    fs: nodeAtomicWriteFs,
    openExternal: openExternally,
    setExternalHosts,
    externalHosts,
    syncServer: {
      get: () => syncServer,
      set: async (origin) => {
        syncServer = origin;
        await writeFile(syncServerFile(), JSON.stringify({ origin }), 'utf8');
      },
    },
    update: {
      // The installer is named after productName (electron-builder.yml), which app.getName() is.
      target: () => ({ productName: app.getName(), version: app.getVersion(), arch: process.arch }),
      listFolder: (folder) => readdir(folder),
      openPath: (filePath) => shell.openPath(filePath),
      // A moment for the answer to reach the page before the window closes.
      quit: () => setTimeout(() => app.quit(), 500),
    },
    locale,
    log: (message, detail) => {
      if (detail === undefined) console.warn(`[desk] ${message}`);
      else console.warn(`[desk] ${message}`, detail);
    },
  });

  app.setAboutPanelOptions({
    applicationName: app.getName(),
    applicationVersion: app.getVersion(),
  });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        isPackaged: app.isPackaged,
        appName: app.getName(),
        platform: process.platform,
        locale,
        onPrint: printFocusedWindow,
      }),
    ),
  );

  mainWindow = createMainWindow(locale);
  app.on('activate', () => {
    // macOS: clicking the dock icon with no window open opens one.
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow(locale);
  });
}

if (!app.requestSingleInstanceLock()) {
  // Another desk is running on this profile: it gets focus (below) and this one leaves.
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app
    .whenReady()
    // The sync server is read before the first page is served, so its policy already allows it.
    .then(syncServerLoad)
    .then(start)
    .catch((error: unknown) => {
      console.error('[desk] startup failed', error);
      const text = STARTUP_ERROR[menuLocaleFor(app.getLocale())];
      dialog.showErrorBox(text.title, text.message);
      app.exit(1);
    });
}
