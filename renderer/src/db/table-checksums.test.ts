import { afterEach, describe, expect, it } from 'vitest';
import type { DeskDatabase } from './database';
import { canonicalRow, tableChecksums } from './table-checksums';
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
    expect(Object.keys(first).sort()).toEqual(db.tables.map((t) => t.name).sort());
    expect(first.cases).toMatch(/^rows:1 sha256:[0-9a-f]{64}$/);
    expect(await tableChecksums(db)).toEqual(first);
  });

  it('changes when one field of one row changes, and only for that table', async () => {
    db = testDatabase();
    const desk = await testDeskSetUp(db);
    const created = await testRegister(db, desk, '2026-11-03T02:00:00.000Z');
    const before = await tableChecksums(db);
    await db.cases.update(created.id, { subject: `${created.subject} ` });
    const after = await tableChecksums(db);
    expect(after.cases).not.toBe(before.cases);
    expect(after.cases?.startsWith('rows:1 ')).toBe(true);
    expect({ ...after, cases: '' }).toEqual({ ...before, cases: '' });
  });

  it('writes values canonically: key order does not matter, types do', () => {
    expect(canonicalRow({ a: 1, b: 'x' })).toBe(canonicalRow({ b: 'x', a: 1 }));
    expect(canonicalRow({ a: 1 })).not.toBe(canonicalRow({ a: '1' }));
    expect(canonicalRow(new Date(0))).not.toBe(canonicalRow(new Date(0).toISOString()));
    expect(canonicalRow(new Uint8Array([1, 2]))).not.toBe(canonicalRow([1, 2]));
    expect(canonicalRow({ a: undefined })).not.toBe(canonicalRow({}));
    expect(canonicalRow(-0)).not.toBe(canonicalRow(0));
  });
});
