import { afterEach, describe, expect, it } from 'vitest';
import type { DeskDatabase } from './database';
import { tableChecksums } from './table-checksums';
import { testDatabase, testDeskSetUp, testRegister } from './test-builders';

let db: DeskDatabase;
afterEach(async () => {
  await db.delete();
});

describe('tableChecksums', () => {
  it('covers every table of the schema and is the same when read twice', async () => {
    db = testDatabase();
    const desk = await testDeskSetUp(db);
    await testRegister(db, desk, '2026-11-03T02:00:00.000Z');
    const first = await tableChecksums(db);
    // Every table but the derived tallies and day counts, which are rebuilt rather than kept.
    expect(Object.keys(first).sort()).toEqual(
      db.tables
        .map((t) => t.name)
        .filter((name) => name !== 'tallies' && name !== 'dayCounts')
        .sort(),
    );
    expect(first.cases?.count).toBe(1);
    expect(first.cases?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await tableChecksums(db)).toEqual(first);
  });

  it('changes when one field of one row changes, and only for that table', async () => {
    db = testDatabase();
    const desk = await testDeskSetUp(db);
    const created = await testRegister(db, desk, '2026-11-03T02:00:00.000Z');
    const before = await tableChecksums(db);
    await db.cases.update(created.id, { subject: `${created.subject} ` });
    const after = await tableChecksums(db);
    expect(after.cases?.sha256).not.toBe(before.cases?.sha256);
    expect(after.cases?.count).toBe(1);
    expect({ ...after, cases: null }).toEqual({ ...before, cases: null });
  });
});
