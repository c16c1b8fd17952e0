import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupFileName } from '@shared/backup/format';
import { BACKUP_DEFAULT_FOLDER, createBackupService } from './backup';
import type { SenderContents } from './deps';

const sender = { id: 1 } as SenderContents;
const other = { id: 2 } as SenderContents;

async function service(chosen?: string) {
  const documents = await mkdtemp(path.join(tmpdir(), 'desk-backup-docs-'));
  const userData = await mkdtemp(path.join(tmpdir(), 'desk-backup-user-'));
  const logs: string[] = [];
  const backups = createBackupService({
    documentsDir: () => documents,
    userDataDir: () => userData,
    showOpenDialog: async () =>
      chosen ? { canceled: false, filePaths: [chosen] } : { canceled: true, filePaths: [] },
    log: (message) => logs.push(message),
  });
  return { backups, folder: path.join(documents, BACKUP_DEFAULT_FOLDER), logs };
}

describe('backups on the desktop', () => {
  it('streams into a .partial file and names it only when complete', async () => {
    const { backups, folder } = await service();
    const name = backupFileName('desk', '20261205-090000');
    const begun = await backups.begin(sender, { fileName: name, automatic: false });
    if (begun.status !== 'started') throw new Error(begun.status);
    await backups.write(sender, begun.token, new Uint8Array([1, 2]));
    expect(await readdir(folder)).toEqual([`${name}.partial`]);
    // Another window cannot write into or finish this backup.
    expect(await backups.write(other, begun.token, new Uint8Array([9]))).toEqual({
      status: 'failed',
      reason: 'invalid-request',
    });
    await backups.write(sender, begun.token, new Uint8Array([3]));
    expect(await backups.finish(sender, begun.token)).toEqual({
      status: 'saved',
      path: path.join(folder, name),
    });
    expect([...(await readFile(path.join(folder, name)))]).toEqual([1, 2, 3]);
  });

  it('drops a cancelled backup', async () => {
    const { backups, folder } = await service();
    const begun = await backups.begin(sender, {
      fileName: backupFileName('desk', '20261205-090000'),
      automatic: true,
    });
    if (begun.status !== 'started') throw new Error(begun.status);
    await backups.write(sender, begun.token, new Uint8Array([1]));
    await backups.cancel(sender, begun.token);
    expect(await readdir(folder)).toEqual([]);
  });

  it('rotates after an automatic backup, leaving other files alone', async () => {
    const { backups, folder } = await service();
    const day = (d: Date) => d.toISOString().slice(0, 10).replace(/-/g, '');
    const names: string[] = [];
    // One backup a day from 2026-11-01 to 2026-12-04, and one in each month of 2025.
    for (let t = Date.UTC(2026, 10, 1); t <= Date.UTC(2026, 11, 4); t += 86_400_000) {
      names.push(backupFileName('desk', `${day(new Date(t))}-080000`));
    }
    for (let m = 1; m <= 12; m++) {
      names.push(backupFileName('desk', `2025${String(m).padStart(2, '0')}15-080000`));
    }
    await mkdir(folder, { recursive: true });
    for (const name of names) await writeFile(path.join(folder, name), '');
    await writeFile(path.join(folder, 'readme.txt'), '');
    const begun = await backups.begin(sender, {
      fileName: backupFileName('desk', '20261205-080000'),
      automatic: true,
    });
    if (begun.status !== 'started') throw new Error(begun.status);
    await backups.finish(sender, begun.token);
    const left = await readdir(folder);
    expect(left).toContain('readme.txt');
    // 30 days: 2026-11-06 .. 2026-12-05; 12 months: December and November 2026 (already days),
    // then December 2025 back to March 2025.
    expect(left).toContain(backupFileName('desk', '20261106-080000'));
    expect(left).not.toContain(backupFileName('desk', '20261105-080000'));
    expect(left).toContain(backupFileName('desk', '20250315-080000'));
    expect(left).not.toContain(backupFileName('desk', '20250215-080000'));
    expect(left.filter((f) => f.endsWith('.zip')).length).toBe(40);
  });

  it('keeps the folder the clerk chose', async () => {
    const chosenDir = await mkdtemp(path.join(tmpdir(), 'desk-backup-chosen-'));
    const { backups } = await service(chosenDir);
    expect(await backups.chooseFolder(sender)).toEqual({ status: 'chosen', folder: chosenDir });
    expect(await backups.folderInfo()).toEqual({ folder: chosenDir });
  });
});
