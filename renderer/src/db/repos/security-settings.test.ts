import { afterEach, describe, expect, it } from 'vitest';
import type { DeskDatabase } from '../database';
import { testDatabase, testDeskSetUp, testSession } from '../test-builders';
import { auditList } from './audit';
import { ChangeRefusedError } from './refused';
import {
  externalHostsChange,
  externalHostsLoad,
  updateFolderChange,
  updateFolderLoad,
} from './security-settings';
import { staffAdd } from './staff';

let db: DeskDatabase;
afterEach(async () => {
  await db.delete();
});

describe('security settings', () => {
  it('start empty, then keep what an administrator saves, with an audit entry', async () => {
    db = testDatabase();
    const desk = await testDeskSetUp(db);
    const session = testSession(db, desk);
    expect(await externalHostsLoad(db)).toEqual([]);
    expect(await updateFolderLoad(db)).toBe('');

    await externalHostsChange(session, ['www.12345.gov.cn', '*.example.cn']);
    await updateFolderChange(session, '  \\\\fileserver\\desk-updates ');
    expect(await externalHostsLoad(db)).toEqual(['www.12345.gov.cn', '*.example.cn']);
    expect(await updateFolderLoad(db)).toBe('\\\\fileserver\\desk-updates');
    const audit = await auditList(db, 10);
    expect(audit.filter((a) => a.action === 'settings.changed').map((a) => a.target)).toEqual(
      expect.arrayContaining(['externalHosts', 'updateFolder']),
    );
  });

  it('refuse a bad list or folder and store nothing', async () => {
    db = testDatabase();
    const desk = await testDeskSetUp(db);
    const session = testSession(db, desk);
    await expect(externalHostsChange(session, ['https://evil.example/'])).rejects.toEqual(
      new ChangeRefusedError(['badHosts']),
    );
    await expect(externalHostsChange(session, ['*.cn'])).rejects.toBeInstanceOf(ChangeRefusedError);
    await expect(updateFolderChange(session, 'updates')).rejects.toEqual(
      new ChangeRefusedError(['badFolder']),
    );
    expect(await externalHostsLoad(db)).toEqual([]);
    expect(await updateFolderLoad(db)).toBe('');
  });

  it('refuse an operator who is not an administrator', async () => {
    db = testDatabase();
    const desk = await testDeskSetUp(db);
    const clerk = await staffAdd(testSession(db, desk), { name: '李明', roles: ['clerk'] });
    const session = testSession(db, { ...desk, operator: clerk });
    await expect(externalHostsChange(session, ['www.gov.cn'])).rejects.toEqual(
      new ChangeRefusedError(['notAdmin']),
    );
    await expect(updateFolderChange(session, 'D:\\updates')).rejects.toEqual(
      new ChangeRefusedError(['notAdmin']),
    );
    expect(await externalHostsLoad(db)).toEqual([]);
  });
});
