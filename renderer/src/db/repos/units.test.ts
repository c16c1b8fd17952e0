import { afterEach, describe, expect, it } from 'vitest';
import type { IsoInstant, UnitId } from '../../../../shared/brand';
import { unitTreeRows } from '../../../../shared/units';
import type { DeskDatabase } from '../database';
import { testDatabase, testDeskSetUp } from '../test-builders';
import { auditList } from './audit';
import { ChangeRefusedError } from './refused';
import type { AuditedBy } from './staff';
import { unitAdd, unitList, unitsActive, unitUpdate } from './units';

let db: DeskDatabase;
afterEach(async () => {
  await db.delete();
});

const AT = '2026-11-03T02:00:00.000Z';

async function deskWithAdmin(): Promise<AuditedBy> {
  db = testDatabase();
  const desk = await testDeskSetUp(db);
  return { actorId: desk.operator.id, at: AT as IsoInstant, wallMs: Date.parse(AT) };
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
    const city = await unitAdd(db, { name: ' 市政府 ', phone: '12345' }, by);
    await unitAdd(db, { name: '住建局', parentId: city.id }, by);
    const district = await unitAdd(db, { name: '某某区' }, by);
    await unitAdd(db, { name: '区住建局', parentId: district.id, phone: '' }, by);

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
    const city = await unitAdd(db, { name: '市政府' }, by);
    await unitAdd(db, { name: '住建局', parentId: city.id }, by);
    const before = await auditList(db, 20);

    expect(await refusalOf(unitAdd(db, { name: '住建局', parentId: city.id }, by))).toEqual([
      { field: 'name', code: 'duplicateName' },
    ]);
    expect(await unitList(db)).toHaveLength(2);
    expect(await auditList(db, 20)).toEqual(before);
  });

  it('refuses a move that would make a cycle, and allows a move to another branch', async () => {
    const by = await deskWithAdmin();
    const city = await unitAdd(db, { name: '市政府' }, by);
    const housing = await unitAdd(db, { name: '住建局', parentId: city.id }, by);
    const district = await unitAdd(db, { name: '某某区' }, by);

    expect(await refusalOf(unitUpdate(db, city.id, { parentId: housing.id }, by))).toEqual([
      { field: 'parentId', code: 'cycle' },
    ]);
    expect((await unitList(db)).find((u) => u.id === city.id)).not.toHaveProperty('parentId');

    const moved = await unitUpdate(db, housing.id, { parentId: district.id }, by);
    expect(moved.parentId).toBe(district.id);
    const toTop = await unitUpdate(db, housing.id, { parentId: undefined }, by);
    expect(toTop).not.toHaveProperty('parentId');
  });

  it('refuses an unknown parent', async () => {
    const by = await deskWithAdmin();
    expect(
      await refusalOf(unitAdd(db, { name: '住建局', parentId: 'gone' as UnitId }, by)),
    ).toEqual([{ field: 'parentId', code: 'unknownParent' }]);
  });
});

describe('deactivation, never deletion', () => {
  it('deactivates a leaf; it stays listed but is no longer offered for dispatch', async () => {
    const by = await deskWithAdmin();
    const city = await unitAdd(db, { name: '市政府' }, by);
    const housing = await unitAdd(db, { name: '住建局', parentId: city.id }, by);

    await unitUpdate(db, housing.id, { active: false }, by);
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
    const city = await unitAdd(db, { name: '市政府' }, by);
    const housing = await unitAdd(db, { name: '住建局', parentId: city.id }, by);
    expect(await refusalOf(unitUpdate(db, city.id, { active: false }, by))).toEqual([
      { code: 'hasActiveChildren' },
    ]);

    await unitUpdate(db, housing.id, { active: false }, by);
    await unitUpdate(db, city.id, { active: false }, by);
    // Reactivation goes top down.
    expect(await refusalOf(unitUpdate(db, housing.id, { active: true }, by))).toEqual([
      { code: 'parentInactive' },
    ]);
    await unitUpdate(db, city.id, { active: true }, by);
    expect((await unitUpdate(db, housing.id, { active: true }, by)).active).toBe(true);
  });

  it('refuses a new unit under a deactivated one', async () => {
    const by = await deskWithAdmin();
    const old = await unitAdd(db, { name: '旧区' }, by);
    await unitUpdate(db, old.id, { active: false }, by);
    expect(await refusalOf(unitAdd(db, { name: '新科', parentId: old.id }, by))).toEqual([
      { field: 'parentId', code: 'parentInactive' },
    ]);
  });

  it('renames and sets the phone, keeping the id cases refer to', async () => {
    const by = await deskWithAdmin();
    const unit = await unitAdd(db, { name: '住建局' }, by);
    const renamed = await unitUpdate(
      db,
      unit.id,
      { name: '住房和城乡建设局', phone: '0571-12345' },
      by,
    );
    expect(renamed).toEqual({ ...unit, name: '住房和城乡建设局', phone: '0571-12345' });
  });
});
