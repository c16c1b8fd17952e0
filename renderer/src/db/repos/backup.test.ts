// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import type { StaffId } from '@shared/kernel/brand';
import type { DeskDatabase } from '../database';
import { AccessDeniedError } from '../errors';
import { tableChecksums } from '../table-checksums';
import { testDatabase, testDeskSetUp, testRegister, testSession } from '../test-builders';
import { backupRestoreFromFile } from './backup';

let db: DeskDatabase;
afterEach(async () => {
  await db.delete();
});

describe('restoring the whole desk', () => {
  it('is refused to anyone but an administrator, before the file is read', async () => {
    db = testDatabase();
    const desk = await testDeskSetUp(db);
    await testRegister(db, desk, '2026-11-04T02:00:00.000Z');
    const before = await tableChecksums(db);
    const clerk = {
      ...testSession(db, desk),
      operator: { id: 'staff-clerk' as StaffId, name: '李文员', roles: ['clerk' as const] },
    };
    let safetyBackups = 0;
    await expect(
      backupRestoreFromFile(clerk, db, new Blob(['not read']), {
        safetyBackup: async () => {
          safetyBackups++;
          return 'empty';
        },
      }),
    ).rejects.toBeInstanceOf(AccessDeniedError);
    expect(safetyBackups).toBe(0);
    expect(await tableChecksums(db)).toEqual(before);
  });
});
