import { afterEach, describe, expect, it } from 'vitest';
import type { UnitId } from '@shared/kernel/brand';
import { unitTreeRows } from '@shared/organisation/units';
import type { DeskDatabase } from '../database';
import type { DeskSession } from '../session';
import { testDatabase, testDeskSetUp, testSession } from '../test-builders';
import { auditList } from './audit';
import { ChangeRefusedError } from './refused';
import { unitAdd, unitList, unitsActive, unitUpdate } from './units';

let db: DeskDatabase;
afterEach(async () => {
  await db.delete();
});

const AT = '2026-11-03T02:00:00.000Z';

/** The session of the desk's first operator (an administrator), at `AT`. */
async function deskWithAdmin(): Promise<DeskSession> {
  db = testDatabase();
  const desk = await testDeskSetUp(db);
  return testSession(db, desk, AT);
}

async function refusalOf(write: Promise<unknown>): Promise<unknown[]> {
  const error = await write.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ChangeRefusedError);
  return [...(error as ChangeRefusedError<unknown>).problems];
}

describe('the unit tree', () => {
  it('builds 市政府 > 住建局 and 某某区 > 区住建局, each add audited', async () => {
    const by = await deskWithAdmin();
    const city = await unitAdd(by, { name: ' 市政府 ', phone: '12345' });
    await unitAdd(by, { name: '住建局', parentId: city.id });
    const district = await unitAdd(by, { name: '某某区' });
    await unitAdd(by, { name: '区住建局', parentId: district.id, phone: '' });

    const rows = unitTreeRows(await unitList(db));
    expect(rows.map((r) => `${'  '.repeat(r.depth)}${r.unit.name}`)).toEqual([
      '某某区',
      '  区住建局',
      '市政府',
      '  住建局',
    ]);
    expect(rows.find((r) => r.unit.name === '区住建局')?.unit).not.toHaveProperty('phone');
    const audit = await auditList(db, 20);
    expect(
      audit
        .filter((a) => a.action === 'unit.added')
        .map((a) => a.detail)
        .sort(),
    ).toEqual(['住建局', '区住建局', '市政府', '某某区'].sort());
  });

  it('refuses a second 住建局 under 市政府 and writes nothing', async () => {
    const by = await deskWithAdmin();
    const city = await unitAdd(by, { name: '市政府' });
    await unitAdd(by, { name: '住建局', parentId: city.id });
    const before = await auditList(db, 20);

    expect(await refusalOf(unitAdd(by, { name: '住建局', parentId: city.id }))).toEqual([
      { field: 'name', code: 'duplicateName' },
    ]);
    expect(await unitList(db)).toHaveLength(2);
    expect(await auditList(db, 20)).toEqual(before);
  });

  it('refuses a move that would make a cycle, and allows a move to another branch', async () => {
    const by = await deskWithAdmin();
    const city = await unitAdd(by, { name: '市政府' });
    const housing = await unitAdd(by, { name: '住建局', parentId: city.id });
    const district = await unitAdd(by, { name: '某某区' });

    expect(await refusalOf(unitUpdate(by, city.id, { parentId: housing.id }))).toEqual([
      { field: 'parentId', code: 'cycle' },
    ]);
    expect((await unitList(db)).find((u) => u.id === city.id)).not.toHaveProperty('parentId');

    const moved = await unitUpdate(by, housing.id, { parentId: district.id });
    expect(moved.parentId).toBe(district.id);
    const toTop = await unitUpdate(by, housing.id, { parentId: undefined });
    expect(toTop).not.toHaveProperty('parentId');
  });

  it('refuses an unknown parent', async () => {
    const by = await deskWithAdmin();
    expect(await refusalOf(unitAdd(by, { name: '住建局', parentId: 'gone' as UnitId }))).toEqual([
      { field: 'parentId', code: 'unknownParent' },
    ]);
  });
});

describe('deactivation, never deletion', () => {
  it('deactivates a leaf; it stays listed but is no longer offered for dispatch', async () => {
    const by = await deskWithAdmin();
    const city = await unitAdd(by, { name: '市政府' });
    const housing = await unitAdd(by, { name: '住建局', parentId: city.id });

    await unitUpdate(by, housing.id, { active: false });
    expect((await unitList(db)).map((u) => [u.name, u.active])).toEqual([
      ['住建局', false],
      ['市政府', true],
    ]);
    expect((await unitsActive(db)).map((u) => u.name)).toEqual(['市政府']);
    expect(await auditList(db, 20)).toContainEqual(
      expect.objectContaining({ action: 'unit.changed', target: housing.id, detail: 'active' }),
    );
  });

  it('refuses to deactivate a unit with active units below it', async () => {
    const by = await deskWithAdmin();
    const city = await unitAdd(by, { name: '市政府' });
    const housing = await unitAdd(by, { name: '住建局', parentId: city.id });
    expect(await refusalOf(unitUpdate(by, city.id, { active: false }))).toEqual([
      { code: 'hasActiveChildren' },
    ]);

    await unitUpdate(by, housing.id, { active: false });
    await unitUpdate(by, city.id, { active: false });
    // Reactivation goes top down.
    expect(await refusalOf(unitUpdate(by, housing.id, { active: true }))).toEqual([
      { code: 'parentInactive' },
    ]);
    await unitUpdate(by, city.id, { active: true });
    expect((await unitUpdate(by, housing.id, { active: true })).active).toBe(true);
  });

  it('refuses a new unit under a deactivated one', async () => {
    const by = await deskWithAdmin();
    const old = await unitAdd(by, { name: '旧区' });
    await unitUpdate(by, old.id, { active: false });
    expect(await refusalOf(unitAdd(by, { name: '新科', parentId: old.id }))).toEqual([
      { field: 'parentId', code: 'parentInactive' },
    ]);
  });

  it('renames and sets the phone, keeping the id cases refer to', async () => {
    const by = await deskWithAdmin();
    const unit = await unitAdd(by, { name: '住建局' });
    const renamed = await unitUpdate(by, unit.id, {
      name: '住房和城乡建设局',
      phone: '0571-12345',
    });
    expect(renamed).toEqual({ ...unit, name: '住房和城乡建设局', phone: '0571-12345' });
  });
});
