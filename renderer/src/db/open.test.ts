import { describe, expect, it, vi } from 'vitest';
import { openDeskDatabase } from './database';
import { storageErrorFrom } from './errors';
import { deskDatabaseOpen } from './open';

function rawOpen(name: string, version: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
}

describe('deskDatabaseOpen', () => {
  it('opens a database and says so', async () => {
    const db = openDeskDatabase(`t-${crypto.randomUUID()}`);
    expect(await deskDatabaseOpen(db)).toEqual({ ok: true });
    await db.delete();
  });

  it('reports a blocked upgrade while an old window holds the database, then opens', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const name = `t-${crypto.randomUUID()}`;
    // An old window at version 1 (Dexie's native 10) that does not close on versionchange.
    const old = await rawOpen(name, 10);
    const db = openDeskDatabase(name);
    const blocked = vi.fn();
    const opening = deskDatabaseOpen(db, { onBlocked: blocked });
    await vi.waitFor(() => expect(blocked).toHaveBeenCalled());
    old.close();
    expect(await opening).toEqual({ ok: true });
    await db.delete();
    vi.restoreAllMocks();
  });

  it('tells this window when another one upgrades, and its next write is named so', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const name = `t-${crypto.randomUUID()}`;
    const db = openDeskDatabase(name);
    const upgraded = vi.fn();
    expect(await deskDatabaseOpen(db, { onUpgradedElsewhere: upgraded })).toEqual({ ok: true });
    const newer = await rawOpen(name, 1000);
    expect(upgraded).toHaveBeenCalled();
    const failure = await db.drafts
      .put({ key: 'k', value: 1, updatedAt: '2026-11-03T02:00:00.000Z' as never })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(storageErrorFrom(failure).code).toBe('upgradedElsewhere');
    newer.close();
    vi.restoreAllMocks();
  });

  it('says the database is unavailable when the window has no IndexedDB', async () => {
    const db = openDeskDatabase(`t-${crypto.randomUUID()}`);
    vi.stubGlobal('indexedDB', undefined);
    try {
      const result = await deskDatabaseOpen(db);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.code).toBe('unavailable');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
