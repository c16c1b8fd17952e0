/**
 * main.ts and security.ts against a stand-in for Electron: Electron itself cannot run here, so
 * this checks the wiring (what is registered, in which order, with which options), not Electron's
 * behaviour. The decisions are tested in their own modules.
 */
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_CHANNELS } from '@shared/platform/bridge';

interface FakeWindow {
  options: Record<string, unknown>;
  loaded: string[];
  shown: number;
  focused: number;
  restored: number;
  minimized: boolean;
  webContents: { id: number; executeJavaScript: ReturnType<typeof vi.fn> };
}

const fake = await vi.hoisted(async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const state = {
    events: [] as string[],
    hasLock: true,
    isPackaged: true,
    ready: undefined as undefined | (() => void),
    windows: [] as FakeWindow[],
    schemes: [] as unknown[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    ipcChannels: [] as string[],
    menuTemplate: undefined as unknown,
    userDataPath: undefined as string | undefined,
    switches: new Map<string, string>(),
    opened: [] as string[],
    permissionRequest: undefined as
      | undefined
      | ((wc: unknown, permission: string, cb: (ok: boolean) => void, details: object) => void),
  };
  const app = Object.assign(new Emitter(), {
    commandLine: { getSwitchValue: (name: string) => state.switches.get(name) ?? '' },
    setPath: (name: string, value: string) => {
      if (name === 'userData') state.userDataPath = value;
      state.events.push(`setPath ${name}`);
    },
    getPath: (name: string) => `/tmp/desk-test-${name}`,
    getName: () => '投诉受理台',
    getVersion: () => '0.1.0',
    getLocale: () => 'zh-CN',
    enableSandbox: () => state.events.push('enableSandbox'),
    requestSingleInstanceLock: () => {
      state.events.push('requestSingleInstanceLock');
      return state.hasLock;
    },
    whenReady: () =>
      new Promise<void>((resolve) => {
        state.events.push('whenReady');
        state.ready = resolve;
      }),
    setAboutPanelOptions: () => undefined,
    quit: () => state.events.push('quit'),
    exit: (code: number) => state.events.push(`exit ${code}`),
  });
  // A getter (Object.assign would copy its value once): tests switch packaged and development.
  Object.defineProperty(app, 'isPackaged', { get: () => state.isPackaged });
  class BrowserWindow extends Emitter {
    static getAllWindows = () => windows;
    static getFocusedWindow = () => null;
    readonly record: FakeWindow;
    constructor(options: Record<string, unknown>) {
      super();
      this.record = {
        options,
        loaded: [],
        shown: 0,
        focused: 0,
        restored: 0,
        minimized: false,
        webContents: { id: state.windows.length + 1, executeJavaScript: vi.fn(async () => true) },
      };
      state.windows.push(this.record);
      windows.push(this);
      state.events.push('new BrowserWindow');
    }
    get webContents() {
      return this.record.webContents;
    }
    loadURL(url: string) {
      this.record.loaded.push(url);
      return Promise.resolve();
    }
    isMinimized() {
      return this.record.minimized;
    }
    restore() {
      this.record.restored++;
    }
    show() {
      this.record.shown++;
    }
    focus() {
      this.record.focused++;
    }
    maximize() {}
  }
  const windows: BrowserWindow[] = [];
  return {
    state: Object.assign(state, { windowObjects: windows }),
    module: {
      app,
      BrowserWindow,
      protocol: {
        registerSchemesAsPrivileged: (schemes: unknown[]) => {
          state.schemes.push(...schemes);
          state.events.push('registerSchemesAsPrivileged');
        },
        handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
          state.protocolHandlers.set(scheme, handler);
          state.events.push(`protocol.handle ${scheme}`);
        },
      },
      session: {
        defaultSession: {
          setPermissionRequestHandler: (handler: typeof state.permissionRequest) => {
            state.permissionRequest = handler;
          },
          setPermissionCheckHandler: () => undefined,
          setDevicePermissionHandler: () => undefined,
        },
      },
      ipcMain: { handle: (channel: string) => state.ipcChannels.push(channel) },
      Menu: {
        buildFromTemplate: (template: unknown) => template,
        setApplicationMenu: (menu: unknown) => {
          state.menuTemplate = menu;
        },
      },
      screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] },
      dialog: { showErrorBox: () => state.events.push('showErrorBox') },
      shell: { openExternal: async (url: string) => void state.opened.push(url) },
    },
  };
});

vi.mock('electron', () => fake.module);

async function startMain(): Promise<void> {
  await import('./main');
  fake.state.ready?.();
  await vi.waitFor(() => expect(fake.state.windows.length).toBeGreaterThan(0));
}

function resetFake(): void {
  const s = fake.state;
  s.events.length = 0;
  s.windows.length = 0;
  s.windowObjects.length = 0;
  s.schemes.length = 0;
  s.ipcChannels.length = 0;
  s.opened.length = 0;
  s.protocolHandlers.clear();
  s.switches.clear();
  s.hasLock = true;
  s.isPackaged = true;
  s.ready = undefined;
  s.userDataPath = undefined;
  (fake.module.app as EventEmitter).removeAllListeners();
}

describe('main process wiring', () => {
  beforeEach(() => {
    vi.resetModules();
    resetFake();
    vi.stubEnv('DESK_DEV_URL', '');
  });

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('hardens first, registers the app scheme before ready, then opens app://desk/', async () => {
    await startMain();
    const events = fake.state.events;

    expect(events.indexOf('enableSandbox')).toBe(0);
    expect(events.indexOf('registerSchemesAsPrivileged')).toBeLessThan(events.indexOf('whenReady'));
    expect(events.indexOf('protocol.handle app')).toBeLessThan(events.indexOf('new BrowserWindow'));
    expect(fake.state.schemes).toEqual([
      {
        scheme: 'app',
        privileges: expect.objectContaining({
          standard: true,
          secure: true,
          supportFetchAPI: true,
        }),
      },
    ]);
    expect(fake.state.windows[0]?.loaded).toEqual(['app://desk/']);
  });

  it('opens the window with the secure preferences and the bundled preload', async () => {
    await startMain();

    const preferences = fake.state.windows[0]?.options.webPreferences as Record<string, unknown>;
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
    });
    expect(String(preferences.preload)).toMatch(/[/\\]preload\.cjs$/);
  });

  it('installs the bridge handlers and the zh-CN menu without developer tools', async () => {
    await startMain();

    expect(fake.state.ipcChannels.sort()).toEqual(Object.values(BRIDGE_CHANNELS).sort());
    const labels = (fake.state.menuTemplate as { label: string }[]).map((menu) => menu.label);
    expect(labels[0]).toBe('文件(&F)');
    expect(JSON.stringify(fake.state.menuTemplate)).not.toContain('toggleDevTools');
  });

  it('serves the renderer with the CSP and refuses escapes', async () => {
    await startMain();
    const handler = fake.state.protocolHandlers.get('app');

    const escape = await handler?.(new Request('app://desk/..%2f..%2fpackage.json'));
    expect(escape?.status).toBe(403);
  });

  it('quits at once when another desk holds the lock', async () => {
    fake.state.hasLock = false;
    await import('./main');

    expect(fake.state.events).toContain('quit');
    expect(fake.state.events).not.toContain('whenReady');
  });

  it('focuses the first window when a second instance starts', async () => {
    await startMain();
    const window = fake.state.windows[0];
    if (window) window.minimized = true;

    fake.module.app.emit('second-instance');

    expect(window?.restored).toBe(1);
    expect(window?.focused).toBe(1);
  });

  it('keeps the profile in a fixed folder, whatever the product is called', async () => {
    await startMain();

    expect(fake.state.userDataPath).toBe(path.join('/tmp/desk-test-appData', 'complaint-desk'));
    const events = fake.state.events;
    expect(events.indexOf('setPath userData')).toBeLessThan(
      events.indexOf('requestSingleInstanceLock'),
    );
  });

  it('applies --user-data-dir before taking the single-instance lock', async () => {
    fake.state.switches.set('user-data-dir', '/tmp/desk-profile');
    await startMain();

    expect(fake.state.userDataPath).toBe('/tmp/desk-profile');
    const events = fake.state.events;
    expect(events.indexOf('setPath userData')).toBeLessThan(
      events.indexOf('requestSingleInstanceLock'),
    );
  });

  it('never loads a dev server in a packaged build', async () => {
    vi.stubEnv('DESK_DEV_URL', 'http://localhost:5173/');
    await startMain();
    expect(fake.state.windows[0]?.loaded).toEqual(['app://desk/']);
  });

  it('loads the dev server in development', async () => {
    fake.state.isPackaged = false;
    vi.stubEnv('DESK_DEV_URL', 'http://localhost:5173/');
    await startMain();
    expect(fake.state.windows[0]?.loaded).toEqual(['http://localhost:5173/']);
  });
});

describe('web contents hardening (security.ts)', () => {
  beforeEach(() => {
    vi.resetModules();
    resetFake();
  });

  function createdContents() {
    const contents = Object.assign(new EventEmitter(), {
      windowOpenHandler: undefined as undefined | ((details: { url: string }) => unknown),
      setWindowOpenHandler(handler: (details: { url: string }) => unknown) {
        this.windowOpenHandler = handler;
      },
    });
    fake.module.app.emit('web-contents-created', {}, contents);
    return contents;
  }

  function navigate(contents: EventEmitter, eventName: string, url: string, extra = {}) {
    const event = { url, preventDefault: vi.fn(), ...extra };
    contents.emit(eventName, event);
    return event.preventDefault.mock.calls.length > 0;
  }

  it('lets the desk navigate within itself and nowhere else', async () => {
    await import('./security');
    const contents = createdContents();

    expect(navigate(contents, 'will-navigate', 'app://desk/register')).toBe(false);
    expect(navigate(contents, 'will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'https://www.gov.cn/')).toBe(true);
    expect(navigate(contents, 'will-redirect', 'https://evil.example/')).toBe(true);
    expect(navigate(contents, 'will-attach-webview', 'app://desk/')).toBe(true);
    expect(
      navigate(contents, 'will-frame-navigate', 'https://evil.example/', { isMainFrame: false }),
    ).toBe(true);
    // A navigation is not a click: nothing is handed to the system browser.
    await new Promise((done) => setTimeout(done, 20));
    expect(fake.state.opened).toEqual([]);
  });

  it('denies every new window and opens none of them in the system browser', async () => {
    await import('./security');
    const contents = createdContents();

    expect(contents.windowOpenHandler?.({ url: 'app://desk/print' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'javascript:alert(1)' })).toEqual({
      action: 'deny',
    });
    expect(contents.windowOpenHandler?.({ url: 'https://www.gov.cn/' })).toEqual({
      action: 'deny',
    });
    await new Promise((done) => setTimeout(done, 20));
    expect(fake.state.opened).toEqual([]);
  });

  it('denies permissions by default', async () => {
    const { hardenSession } = await import('./security');
    hardenSession(fake.module.session.defaultSession as never);

    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications']) {
      fake.state.permissionRequest?.({}, permission, (ok) => answers.push(ok), {
        requestingUrl: 'app://desk/',
      });
    }
    expect(answers).toEqual([false, false, false]);
  });
});
