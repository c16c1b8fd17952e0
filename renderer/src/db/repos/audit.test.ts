import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditId, IsoInstant, StaffId } from '@shared/kernel/brand';
import type { AuditEntity } from '@shared/model/entities';
import { DeskDatabase, type DeskDatabase as Db } from '../database';
import { SCHEMA_V1 } from '../schema-v1';
import { testDatabase, testDeskSetUp } from '../test-builders';
import { auditList, auditRecord, auditSearch, auditVerify } from './audit';

let db: Db;
afterEach(async () => {
  await db.delete();
});

const ACTOR = 'staff-a' as StaffId;
const at = (minute: number) =>
  `2026-11-02T01:${String(minute).padStart(2, '0')}:00.000Z` as IsoInstant;

async function fill(count: number): Promise<void> {
  for (let i = 1; i <= count; i++) {
    await auditRecord(db, {
      at: at(i),
      actorId: ACTOR,
      action: 'settings.changed',
      target: `k${i}`,
    });
  }
}

describe('auditRecord', () => {
  it('chains every entry to the one before it, concurrent writers included', async () => {
    db = testDatabase();
    await testDeskSetUp(db);
    await Promise.all(
      [1, 2, 3].map((i) =>
        auditRecord(db, { at: at(i), actorId: ACTOR, action: 'case.viewed', target: `c${i}` }),
      ),
    );
    const rows = await db.audit.orderBy('seq').toArray();
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4]);
    expect(rows[1]?.prevHash).toBe(rows[0]?.hash);
    expect(await auditVerify(db)).toEqual({ ok: true, count: 4 });
  });

  it('rolls back with the change it records', async () => {
    db = testDatabase();
    await expect(
      db.transaction('rw', db.audit, async () => {
        await auditRecord(db, { at: at(1), actorId: ACTOR, action: 'settings.changed' });
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await db.audit.count()).toBe(0);
  });
});

describe('auditVerify', () => {
  it('names the entry edited in IndexedDB', async () => {
    db = testDatabase();
    await fill(5);
    const third = (await db.audit.where('seq').equals(3).first()) as AuditEntity;
    await db.audit.update(third.id, { detail: 'nothing happened' });
    expect(await auditVerify(db)).toEqual({
      ok: false,
      count: 5,
      seq: 3,
      id: third.id,
      reason: 'edited',
    });
  });

  it('names the entry after a deleted one', async () => {
    db = testDatabase();
    await fill(5);
    const second = (await db.audit.where('seq').equals(2).first()) as AuditEntity;
    const third = (await db.audit.where('seq').equals(3).first()) as AuditEntity;
    await db.audit.delete(second.id);
    expect(await auditVerify(db)).toMatchObject({
      ok: false,
      seq: 3,
      id: third.id,
      reason: 'missing',
    });
  });

  it('finds a re-hashed entry by its successor', async () => {
    db = testDatabase();
    await fill(3);
    const second = (await db.audit.where('seq').equals(2).first()) as AuditEntity;
    await db.audit.update(second.id, { hash: 'f'.repeat(64) });
    expect(await auditVerify(db)).toMatchObject({ ok: false, seq: 2, reason: 'edited' });
  });
});

describe('auditSearch', () => {
  it('filters by action, time and text, newest first', async () => {
    db = testDatabase();
    await fill(4);
    await auditRecord(db, { at: at(9), actorId: ACTOR, action: 'case.viewed', target: 'c-9' });
    expect((await auditSearch(db, { action: 'case.viewed' }, 10)).map((r) => r.target)).toEqual([
      'c-9',
    ]);
    expect((await auditSearch(db, { from: at(2), to: at(4) }, 10)).map((r) => r.target)).toEqual([
      'k3',
      'k2',
    ]);
    expect((await auditSearch(db, { text: 'K4' }, 10)).map((r) => r.target)).toEqual(['k4']);
    expect((await auditList(db, 2)).map((r) => r.target)).toEqual(['c-9', 'k4']);
  });
});

describe('the version-2 upgrade', () => {
  it('chains the entries of a version-1 desk in the order they happened', async () => {
    const name = `audit-upgrade-${Math.random()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    const old = (i: number, minute: number) => ({
      id: `audit-${i}` as AuditId,
      at: at(minute),
      actorId: ACTOR,
      action: 'settings.changed',
      target: `k${minute}`,
    });
    await v1.table('audit').bulkAdd([old(1, 30), old(2, 10), old(3, 20)]);
    v1.close();

    db = new DeskDatabase(name);
    const rows = await db.audit.orderBy('seq').toArray();
    expect(rows.map((r) => [r.seq, r.target])).toEqual([
      [1, 'k10'],
      [2, 'k20'],
      [3, 'k30'],
    ]);
    expect(await auditVerify(db)).toEqual({ ok: true, count: 3 });
    await auditRecord(db, { at: at(40), actorId: ACTOR, action: 'backup.made' });
    expect((await auditList(db, 1))[0]?.seq).toBe(4);
  });
});
