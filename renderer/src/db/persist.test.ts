import { afterEach, describe, expect, it, vi } from 'vitest';
import { storageRequestPersistence } from './persist';

// jsdom has no Storage API: each test supplies the browser's answer.
function storageWith(storage: Partial<StorageManager> | undefined) {
  vi.stubGlobal('navigator', { storage });
}

describe('storageRequestPersistence', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('reports storage that is already persistent without asking again', async () => {
    const persist = vi.fn(async () => true);
    storageWith({ persisted: async () => true, persist });
    expect(await storageRequestPersistence()).toBe('persisted');
    expect(persist).not.toHaveBeenCalled();
  });

  it.each([
    [true, 'persisted'],
    [false, 'denied'],
  ] as const)('asks, and reports %s as %s', async (granted, state) => {
    storageWith({ persisted: async () => false, persist: async () => granted });
    expect(await storageRequestPersistence()).toBe(state);
  });

  it('reports a browser without the Storage API', async () => {
    storageWith(undefined);
    expect(await storageRequestPersistence()).toBe('unsupported');
  });
});
