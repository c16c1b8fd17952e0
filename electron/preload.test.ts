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
    ['openExternal', ['https://www.gov.cn/'], ['https://www.gov.cn/']],
  ] as const)('%s invokes its own channel with its argument', async (method, args, sent) => {
    const bridge = electron.exposed.get(BRIDGE_GLOBAL) as Record<
      string,
      (...a: unknown[]) => Promise<unknown>
    >;
    const call = bridge[method];
    expect(await call?.(...args)).toBe('answer');
    expect(electron.invoke).toHaveBeenCalledWith(BRIDGE_CHANNELS[method], ...sent);
  });
});
