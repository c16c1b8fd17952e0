import { describe, expect, it } from 'vitest';
import { backupDueToday, backupIsStale, backupRotation } from './rotation';
import {
  BACKUP_FORMAT_VERSION,
  backupFileName,
  backupFileStamp,
  backupManifestCheck,
} from './format';

const name = (stamp: string) => backupFileName('客服中心', stamp);

describe('backupRotation', () => {
  it('keeps the newest of each of the last 30 days and of the last 12 months', () => {
    const files: string[] = [];
    // Two backups a day, every day from 2025-01-01 to 2026-12-05.
    for (let t = Date.UTC(2025, 0, 1); t <= Date.UTC(2026, 11, 5); t += 86_400_000) {
      const d = new Date(t).toISOString().slice(0, 10).replace(/-/g, '');
      files.push(name(`${d}-080000`), name(`${d}-170000`));
    }
    const { keep, remove } = backupRotation([...files, 'notes.txt']);
    expect(keep.length + remove.length).toBe(files.length);
    const days = keep.filter((f) => (backupFileStamp(f) ?? '').slice(0, 6) >= '202611');
    // The newest of each day: the 17:00 one; 30 days back from 2026-12-05 is 2026-11-06.
    expect(keep).toContain(name('20261205-170000'));
    expect(keep).not.toContain(name('20261205-080000'));
    expect(keep).toContain(name('20261106-170000'));
    expect(keep).not.toContain(name('20261105-170000'));
    expect(days.length).toBe(30);
    // Months: the newest of each of the last 12 months, 2026-01 .. 2026-12.
    expect(keep).toContain(name('20261031-170000'));
    expect(keep).toContain(name('20260131-170000'));
    expect(keep).not.toContain(name('20251231-170000'));
    // December and November are already kept as days: ten more months, January to October.
    expect(keep.length).toBe(30 + 10);
    expect(remove).not.toContain('notes.txt');
  });

  it('keeps everything when there are fewer than the limits', () => {
    const files = [name('20261201-080000'), name('20261202-080000')];
    expect(backupRotation(files).remove).toEqual([]);
  });
});

describe('when a backup is due', () => {
  it('is due on the first start of a local day and stale after 24 hours', () => {
    const zone = 'Asia/Shanghai';
    // 23:30 on 4 December in Beijing, then 00:10 on 5 December.
    expect(backupDueToday('2026-12-04T15:30:00.000Z', new Date('2026-12-04T16:10:00Z'), zone)).toBe(
      true,
    );
    expect(backupDueToday('2026-12-04T16:05:00.000Z', new Date('2026-12-04T16:10:00Z'), zone)).toBe(
      false,
    );
    expect(backupDueToday(undefined, new Date(), zone)).toBe(true);
    expect(backupIsStale('2026-12-04T15:30:00.000Z', new Date('2026-12-05T15:29:00Z'))).toBe(false);
    expect(backupIsStale('2026-12-04T15:30:00.000Z', new Date('2026-12-05T15:31:00Z'))).toBe(true);
    expect(backupIsStale(undefined, new Date())).toBe(true);
  });
});

describe('backupManifestCheck', () => {
  const tables = (v: number) => (v === 1 ? ['cases'] : v === 2 ? ['cases', 'files'] : undefined);
  const manifest = {
    format: 'complaint-desk-backup',
    formatVersion: 1,
    app: { name: 'x', version: '0.1.0' },
    schemaVersion: 2,
    desk: null,
    createdAt: '2026-12-05T01:00:00.000Z',
    reason: 'manual',
    tables: [
      { name: 'cases', part: 'tables/cases.ndjson', count: 0, sha256: 'a'.repeat(64), bytes: 0 },
      { name: 'files', part: 'tables/files.ndjson', count: 0, sha256: 'a'.repeat(64), bytes: 0 },
    ],
    files: { count: 0, bytes: 0 },
  };
  const current = { schemaVersion: 2, appVersion: '0.1.0' };

  it('accepts a manifest of the current schema', () => {
    expect(backupManifestCheck(manifest, current, tables).ok).toBe(true);
  });
  it('refuses another format, a newer schema, a missing or unknown table, a misnamed part', () => {
    expect(backupManifestCheck({ format: 'zip' }, current, tables)).toMatchObject({
      code: 'otherFormat',
    });
    expect(backupManifestCheck({ ...manifest, schemaVersion: 3 }, current, tables)).toMatchObject({
      code: 'newerSchema',
    });
    expect(
      backupManifestCheck(
        { ...manifest, formatVersion: BACKUP_FORMAT_VERSION + 1 },
        current,
        tables,
      ),
    ).toMatchObject({ code: 'newerFormat' });
    // Format 1 (search pieces written out) is still read.
    expect(backupManifestCheck({ ...manifest, formatVersion: 1 }, current, tables).ok).toBe(true);
    expect(
      backupManifestCheck({ ...manifest, tables: manifest.tables.slice(0, 1) }, current, tables),
    ).toMatchObject({
      code: 'tablesMismatch',
    });
    const misnamed = {
      ...manifest,
      tables: [manifest.tables[0], { ...manifest.tables[1], part: 'tables/x.ndjson' }],
    };
    expect(backupManifestCheck(misnamed, current, tables)).toMatchObject({ code: 'badManifest' });
    expect(
      backupManifestCheck({ ...manifest, createdAt: 'yesterday' }, current, tables),
    ).toMatchObject({ code: 'badManifest' });
  });
});
