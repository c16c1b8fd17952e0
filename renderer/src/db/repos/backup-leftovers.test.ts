// @vitest-environment node
// Node's Blob (with stream()), as in Chromium; fake-indexeddb from setup.ts. Node 20 has neither
// localStorage nor navigator.locks: each test stubs them (a Map-backed Storage, a lock manager).
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DESK_DATABASE_LEFTOVERS_KEY,
  DESK_DATABASE_POINTER_KEY,
  deskDatabaseActivate,
  deskDatabaseActiveName,
  deskDatabaseLeftoverNote,
  deskDatabaseLeftovers,
  type DeskDatabase,
} from '../database';
import { backupWrite } from '../backup/write';
import { tableChecksums } from '../table-checksums';
import { testDatabase, testDeskSetUp, testRegister, testSession } from '../test-builders';
import { backupRestoreFromFile, deskDatabaseLeftoversRemove } from './backup';

class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

/**
 * Exclusive locks by name, as the Web Locks API grants them in one origin (other windows too): a
 * lock is released when its callback's promise settles, before the request's promise does.
 */
class LocksInOrigin {
  private readonly held = new Map<string, { readonly done: Promise<unknown> }>();
  request(
    name: string,
    second: { ifAvailable?: boolean } | ((lock: { name: string } | null) => unknown),
    third?: (lock: { name: string } | null) => unknown,
  ): Promise<unknown> {
    const options = typeof second === 'function' ? {} : second;
    const work = (typeof second === 'function' ? second : third) as (
      lock: { name: string } | null,
    ) => unknown;
    const before = this.held.get(name);
    if (before && options.ifAvailable) return Promise.resolve(work(null));
    const holding: { done: Promise<unknown> } = { done: Promise.resolve() };
    const run = (before?.done ?? Promise.resolve())
      .then(() => work({ name }))
      .finally(() => {
        if (this.held.get(name) === holding) this.held.delete(name);
      });
    holding.done = run.catch(() => undefined);
    this.held.set(name, holding);
    return run;
  }
}

let locks: LocksInOrigin;
const made: string[] = [];

beforeEach(() => {
  vi.stubGlobal('localStorage', new MemoryStorage());
  locks = new LocksInOrigin();
  vi.stubGlobal('navigator', { locks });
});

afterEach(async () => {
  vi.unstubAllGlobals();
  for (const name of made.splice(0)) await Dexie.delete(name);
});

function databaseMade(name: string): Dexie {
  made.push(name);
  const db = new Dexie(name);
  db.version(1).stores({ cases: 'id' });
  return db;
}

async function deskWithCases(): Promise<{
  db: DeskDatabase;
  session: ReturnType<typeof testSession>;
}> {
  const db = testDatabase();
  made.push(db.name);
  const desk = await testDeskSetUp(db);
  await testRegister(db, desk, '2026-11-04T02:00:00.000Z', { subject: '电梯困人' });
  await testRegister(db, desk, '2026-11-05T02:00:00.000Z', { subject: '楼道漏水' });
  deskDatabaseActivate(db.name);
  return { db, session: testSession(db, desk) };
}

async function backupOf(db: Dexie): Promise<Blob> {
  const chunks: Blob[] = [];
  await backupWrite(
    db,
    {
      async write(chunk) {
        chunks.push(new Blob([chunk.slice()]));
      },
    },
    { app: { name: 'complaint-desk', version: '0.1.0' }, reason: 'manual', now: () => new Date() },
  );
  return new Blob(chunks);
}

describe('databases left over by a restore', () => {
  it('removes the half-filled database of a restore whose window was closed, and nothing else', async () => {
    const { db } = await deskWithCases();
    const before = await tableChecksums(db);
    // The window closed while the fill ran: the new database is there, noted, never switched to.
    const halfFilled = databaseMade('complaint-desk~half');
    await halfFilled.table('cases').add({ id: 'case-1' });
    halfFilled.close();
    deskDatabaseLeftoverNote('complaint-desk~half');
    // A database nobody noted (the note was lost, or another program's) is never touched.
    const unnoted = databaseMade('complaint-desk~unnoted');
    await unnoted.open();
    unnoted.close();

    expect(await deskDatabaseLeftoversRemove()).toEqual(['complaint-desk~half']);

    expect(await Dexie.exists('complaint-desk~half')).toBe(false);
    expect(await Dexie.exists('complaint-desk~unnoted')).toBe(true);
    expect(deskDatabaseLeftovers()).toEqual([]);
    expect(localStorage.getItem(DESK_DATABASE_LEFTOVERS_KEY)).toBeNull();
    expect(await tableChecksums(db)).toEqual(before);
    db.close();
  });

  it("never removes the desk's own database, even when it is still noted", async () => {
    // The window closed between the switch and the note being struck off.
    const { db } = await deskWithCases();
    deskDatabaseLeftoverNote(db.name);
    db.close();
    expect(await deskDatabaseLeftoversRemove()).toEqual([]);
    expect(await Dexie.exists(db.name)).toBe(true);
    expect(deskDatabaseLeftovers()).toEqual([]);
  });

  it("leaves another window's restore alone while it fills, and cleans up after it", async () => {
    const filling = databaseMade('complaint-desk~filling');
    await filling.open();
    filling.close();
    deskDatabaseLeftoverNote('complaint-desk~filling');
    let finish = (): void => undefined;
    const otherWindow = locks.request(
      'complaint-desk.restore',
      () => new Promise<void>((resolve) => (finish = resolve)),
    );

    expect(await deskDatabaseLeftoversRemove()).toEqual([]);
    expect(await Dexie.exists('complaint-desk~filling')).toBe(true);
    expect(deskDatabaseLeftovers()).toEqual(['complaint-desk~filling']);

    // That restore's window closes before it could strike its database off.
    finish();
    await otherWindow;
    expect(await deskDatabaseLeftoversRemove()).toEqual(['complaint-desk~filling']);
    expect(await Dexie.exists('complaint-desk~filling')).toBe(false);
  });

  it('reads a damaged note as none', async () => {
    localStorage.setItem(DESK_DATABASE_LEFTOVERS_KEY, '{not json');
    expect(deskDatabaseLeftovers()).toEqual([]);
    expect(await deskDatabaseLeftoversRemove()).toEqual([]);
  });

  it('a restore that completes leaves no note, the new database active and the old one gone', async () => {
    const { db, session } = await deskWithCases();
    const file = await backupOf(db);
    const notesDuringFill: string[][] = [];
    // Another window starting meanwhile must not remove the database being filled.
    const removalsDuringFill: Promise<string[]>[] = [];
    const result = await backupRestoreFromFile(session, db, file, {
      safetyBackup: async () => 'empty',
      onProgress: () => {
        notesDuringFill.push(deskDatabaseLeftovers());
        removalsDuringFill.push(deskDatabaseLeftoversRemove());
      },
    });
    expect(await Promise.all(removalsDuringFill)).toEqual(removalsDuringFill.map(() => []));
    expect(result.status).toBe('restored');
    if (result.status !== 'restored') return;
    made.push(result.database);
    // While it filled, its new database was noted (a closed window would have left it so).
    expect(notesDuringFill.length).toBeGreaterThan(0);
    expect(notesDuringFill.every((n) => n.length === 1 && n[0] === result.database)).toBe(true);
    expect(deskDatabaseLeftovers()).toEqual([]);
    expect(localStorage.getItem(DESK_DATABASE_POINTER_KEY)).toBe(result.database);
    expect(deskDatabaseActiveName()).toBe(result.database);
    expect(await Dexie.exists(db.name)).toBe(false);
    expect(await Dexie.exists(result.database)).toBe(true);
  });

  it('a restore whose fill fails leaves no note and no new database', async () => {
    const { db, session } = await deskWithCases();
    const before = await tableChecksums(db);
    const file = await backupOf(db);
    const names = async () => (await Dexie.getDatabaseNames()).filter((n) => n.includes('~'));
    const namesBefore = await names();
    const result = await backupRestoreFromFile(session, db, file, {
      safetyBackup: async () => 'empty',
      onProgress: () => {
        throw new Error('disk gone');
      },
    });
    expect(result).toMatchObject({ status: 'failed', detail: 'disk gone' });
    expect(deskDatabaseLeftovers()).toEqual([]);
    expect(await names()).toEqual(namesBefore);
    expect(deskDatabaseActiveName()).toBe(db.name);
    expect(await tableChecksums(db)).toEqual(before);
    db.close();
  });
});
