// @vitest-environment node
// Node's Blob (with stream(), which the backup reader needs, as in Chromium); fake-indexeddb from setup.ts.
import { afterEach, describe, expect, it } from 'vitest';
import type { StaffId } from '@shared/kernel/brand';
import type { DeskDatabase } from '../database';
import { AccessDeniedError } from '../errors';
import { backupRead, type BackupValid } from '../backup/read';
import { backupWrite } from '../backup/write';
import { tableChecksums } from '../table-checksums';
import {
  testDatabase,
  testDeskSetUp,
  testRegister,
  testSession,
  testSyncJoin,
} from '../test-builders';
import { caseAppendEvent, caseEvents } from './cases';
import { talliesReadWith } from './tallies';
import {
  backupCaseFind,
  caseRestoreCheck,
  caseRestoreFromBackup,
  caseRestorePlan,
  type BackupCase,
} from './case-restore';

let db: DeskDatabase;
afterEach(async () => {
  await db.delete();
});

const LATER = '2026-11-20T02:00:00.000Z';

async function backupBlob(source: DeskDatabase): Promise<Blob> {
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  await backupWrite(
    source,
    { write: async (chunk) => void chunks.push(chunk.slice()) },
    { app: { name: 'complaint-desk', version: '0.1.0' }, reason: 'manual', now: () => new Date() },
  );
  return new Blob(chunks);
}

async function backupOf(source: DeskDatabase): Promise<BackupValid> {
  const read = await backupRead(await backupBlob(source));
  if (!read.ok) throw new Error(read.detail);
  return read;
}

async function deskWithNotedCase() {
  db = testDatabase();
  const desk = await testDeskSetUp(db);
  // A desk set to sync: restored events are queued for the server.
  await testSyncJoin(db, desk);
  await testRegister(db, desk, '2026-11-03T02:00:00.000Z', { subject: '别的案件' });
  const target = await testRegister(db, desk, '2026-11-04T02:00:00.000Z', { subject: '电梯停运' });
  await caseAppendEvent(
    testSession(db, desk, '2026-11-04T03:00:00.000Z'),
    target.id,
    'case/noted',
    {
      note: '客户再次来电',
    },
  );
  return { desk, target };
}

describe('restoring one case from a backup', () => {
  it('appends the events the case lost, once, and records it in the audit log', async () => {
    const { desk, target } = await deskWithNotedCase();
    const backup = await backupOf(db);
    // The step after the backup stays; the noted event is lost (a damaged case).
    await caseAppendEvent(testSession(db, desk, LATER), target.id, 'case/noted', { note: '之后' });
    const lost = (await caseEvents(db, target.id)).find(
      (e) => e.type === 'case/noted' && (e.payload as { note?: string }).note === '客户再次来电',
    );
    if (!lost) throw new Error('no event');
    await db.events.delete(lost.id);

    const found = await backupCaseFind(backup, ` ${target.number} `);
    expect(found?.case.id).toBe(target.id);
    expect(found?.events.map((e) => e.type)).toEqual(['case/received', 'case/noted']);
    const session = testSession(db, desk, LATER);
    const plan = await caseRestorePlan(session, found as BackupCase);
    expect(plan.current?.id).toBe(target.id);
    expect(plan.missing.map((e) => e.id)).toEqual([lost.id]);

    const result = await caseRestoreFromBackup(
      session,
      found as BackupCase,
      backup.manifest.createdAt,
    );
    expect(result).toMatchObject({ appended: 1, recreated: false });
    const events = await caseEvents(db, target.id);
    expect(events.map((e) => e.payload)).toContainEqual({ note: '客户再次来电' });
    expect(events.map((e) => e.payload)).toContainEqual({ note: '之后' });
    expect(events).toHaveLength(3);
    expect((await db.cases.get(target.id))?.eventCount).toBe(3);
    expect(await db.outbox.get(lost.id)).toBeDefined();
    const audit = await db.audit.where('action').equals('case.restoredFromBackup').toArray();
    expect(audit).toMatchObject([{ target: target.number, actorId: desk.operator.id }]);
    expect(audit[0]?.detail).toContain(lost.id);

    // Again: nothing is missing, nothing is written.
    const again = await caseRestoreFromBackup(
      session,
      found as BackupCase,
      backup.manifest.createdAt,
    );
    expect(again.appended).toBe(0);
    expect(await caseEvents(db, target.id)).toHaveLength(3);
  });

  it('recreates a case that is gone, findable by its text again', async () => {
    const { desk, target } = await deskWithNotedCase();
    const backup = await backupOf(db);
    await db.events.where('caseId').equals(target.id).delete();
    await db.cases.delete(target.id);
    const found = await backupCaseFind(backup, target.number);
    const session = testSession(db, desk, LATER);
    expect((await caseRestorePlan(session, found as BackupCase)).current).toBeUndefined();
    const result = await caseRestoreFromBackup(
      session,
      found as BackupCase,
      backup.manifest.createdAt,
    );
    expect(result).toMatchObject({ appended: 2, recreated: true });
    const row = await db.cases.get(target.id);
    expect(row?.subject).toBe('电梯停运');
    expect(row?.searchPending).toBeUndefined();
    expect(await db.cases.where('searchTerms').equals('电梯').count()).toBeGreaterThan(0);
  });

  it('finds nothing for a number the backup lacks', async () => {
    await deskWithNotedCase();
    const backup = await backupOf(db);
    expect(await backupCaseFind(backup, '2699-9999')).toBeUndefined();
    expect(await backupCaseFind(backup, '  ')).toBeUndefined();
  });

  it('is refused to anyone but an administrator, and writes nothing', async () => {
    const { desk, target } = await deskWithNotedCase();
    const backup = await backupOf(db);
    await db.cases.delete(target.id);
    const found = await backupCaseFind(backup, target.number);
    const clerk = {
      ...testSession(db, desk, LATER),
      operator: { id: 'staff-clerk' as StaffId, name: '李文员', roles: ['clerk' as const] },
    };
    await expect(caseRestoreFromBackup(clerk, found as BackupCase, 'x')).rejects.toBeInstanceOf(
      AccessDeniedError,
    );
    await expect(caseRestorePlan(clerk, found as BackupCase)).rejects.toBeInstanceOf(
      AccessDeniedError,
    );
    expect(await db.cases.get(target.id)).toBeUndefined();
    expect(await db.audit.where('action').equals('case.restoredFromBackup').count()).toBe(0);
  });

  it('checks the file, the desk and the number before anything is shown', async () => {
    const { desk, target } = await deskWithNotedCase();
    const blob = await backupBlob(db);
    const session = testSession(db, desk, LATER);
    const lost = (await caseEvents(db, target.id)).find((e) => e.type === 'case/noted');
    if (!lost) throw new Error('no event');
    await db.events.delete(lost.id);
    const before = await tableChecksums(db);

    // Typed in full-width forms, as a number copied from a document may be.
    const wide = target.number.replace(/[0-9-]/g, (c) =>
      String.fromCharCode(c === '-' ? 0xff0d : c.charCodeAt(0) + 0xfee0),
    );
    const checked = await caseRestoreCheck(session, blob, wide);
    if (!checked.ok) throw new Error(checked.reason);
    expect(checked.plan.current?.id).toBe(target.id);
    expect(checked.plan.missing.map((e) => e.id)).toEqual([lost.id]);

    expect(await caseRestoreCheck(session, blob, '2699-9999')).toEqual({
      ok: false,
      reason: 'notInBackup',
      number: '2699-9999',
    });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] ?? 0) ^ 0x5a;
    const damaged = await caseRestoreCheck(session, new Blob([bytes]), target.number);
    expect(damaged).toMatchObject({ ok: false, reason: 'refused' });
    // Nothing of the desk was touched by any check.
    expect(await tableChecksums(db)).toEqual(before);
  });

  it('refuses a backup of another desk', async () => {
    const other = testDatabase();
    try {
      const otherDesk = await testDeskSetUp(other);
      const theirs = await testRegister(other, otherDesk, '2026-11-04T02:00:00.000Z');
      const blob = await backupBlob(other);
      const { desk } = await deskWithNotedCase();
      const checked = await caseRestoreCheck(testSession(db, desk, LATER), blob, theirs.number);
      expect(checked).toMatchObject({ ok: false, reason: 'otherDesk' });
    } finally {
      await other.delete();
    }
  });

  it('counts a case deleted outside the desk once when it is recreated', async () => {
    const { desk, target } = await deskWithNotedCase();
    const blob = await backupBlob(db);
    // Deleted in the browser's storage, past the desk's code (and its counts).
    const idb = db.backendDB();
    await new Promise<void>((resolve, reject) => {
      const tx = idb.transaction(['cases', 'events'], 'readwrite');
      tx.objectStore('cases').delete(target.id);
      tx.objectStore('events').index('caseId').openCursor(target.id).onsuccess = (event) => {
        const cursor = (event.target as IDBRequest<IDBCursorWithValue | null>).result;
        if (cursor) {
          cursor.delete();
          cursor.continue();
        }
      };
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    const session = testSession(db, desk, LATER);
    const checked = await caseRestoreCheck(session, blob, target.number);
    if (!checked.ok) throw new Error(checked.reason);
    expect(checked.plan.current).toBeUndefined();
    expect(checked.plan.missing).toHaveLength(2);
    const result = await caseRestoreFromBackup(
      session,
      checked.plan.found,
      checked.backup.manifest.createdAt,
    );
    expect(result).toMatchObject({ appended: 2, recreated: true });
    expect(await talliesReadWith(db, async (tallies) => tallies.all)).toBe(2);
  });

  it('is checked for an administrator only', async () => {
    const { desk, target } = await deskWithNotedCase();
    const blob = await backupBlob(db);
    const clerk = {
      ...testSession(db, desk, LATER),
      operator: { id: 'staff-clerk' as StaffId, name: '李文员', roles: ['clerk' as const] },
    };
    await expect(caseRestoreCheck(clerk, blob, target.number)).rejects.toBeInstanceOf(
      AccessDeniedError,
    );
  });
});
