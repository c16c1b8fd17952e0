import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_CHANNELS, BRIDGE_GLOBAL } from '@shared/platform/bridge';

// The real `electron` module cannot load outside Electron (it would try to download the
// binary): the preload is checked against a stand-in for contextBridge and ipcRenderer.
const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn(async (..._args: unknown[]) => 'answer'),
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api),
  },
  ipcRenderer: { invoke: electron.invoke },
}));

describe('preload', () => {
  beforeEach(async () => {
    vi.resetModules();
    electron.exposed.clear();
    electron.invoke.mockClear();
    await import('./preload');
  });

  it('exposes only the bridge, under its global name', () => {
    expect([...electron.exposed.keys()]).toEqual([BRIDGE_GLOBAL]);
    const bridge = electron.exposed.get(BRIDGE_GLOBAL) as Record<string, unknown>;
    expect(Object.keys(bridge).sort()).toEqual(Object.keys(BRIDGE_CHANNELS).sort());
    for (const method of Object.values(bridge)) expect(typeof method).toBe('function');
  });

  it.each([
    ['appInfo', [], []],
    ['saveFile', [{ suggestedName: 'a.xlsx' }], [{ suggestedName: 'a.xlsx' }]],
    ['printPage', [{ landscape: true }], [{ landscape: true }]],
    ['printToPdf', [{ landscape: false }], [{ landscape: false }]],
    // No click here (no user activation in this test): the preload says so itself.
    ['openExternal', ['https://www.gov.cn/'], ['https://www.gov.cn/', false]],
    ['setExternalHosts', [['www.gov.cn']], [['www.gov.cn']]],
    ['setSyncServer', ['https://sync.example.cn'], ['https://sync.example.cn']],
    ['updateCheck', ['D:\\updates'], ['D:\\updates']],
    ['updateInstall', [], []],
  ] as const)('%s invokes its own channel with its argument', async (method, args, sent) => {
    const bridge = electron.exposed.get(BRIDGE_GLOBAL) as Record<
      string,
      (...a: unknown[]) => Promise<unknown>
    >;
    const call = bridge[method];
    expect(await call?.(...args)).toBe('answer');
    expect(electron.invoke).toHaveBeenCalledWith(BRIDGE_CHANNELS[method], ...sent);
  });

  it('tells the main process when openExternal comes from a click, whatever the page passes', async () => {
    vi.stubGlobal('navigator', { userActivation: { isActive: true } });
    try {
      const bridge = electron.exposed.get(BRIDGE_GLOBAL) as {
        openExternal: (...a: unknown[]) => Promise<unknown>;
      };
      await bridge.openExternal('https://www.gov.cn/', false, 'extra');
      expect(electron.invoke).toHaveBeenCalledWith(
        BRIDGE_CHANNELS.openExternal,
        'https://www.gov.cn/',
        true,
      );
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
