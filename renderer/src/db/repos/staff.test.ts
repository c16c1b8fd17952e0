import { afterEach, describe, expect, it } from 'vitest';
import type { IsoInstant, StaffId } from '@shared/kernel/brand';
import type { DeskDatabase } from '../database';
import type { StoredDeskState } from './settings';
import type { DeskSession } from '../session';
import { TEST_SCRYPT, testDatabase, testDeskSetUp, testSession } from '../test-builders';
import { auditList } from './audit';
import { ChangeRefusedError } from './refused';
import { accountPasswordReset, accountSignIn } from './accounts';
import { staffActive, staffAdd, staffList, staffUpdate } from './staff';
import { unitAdd, unitUpdate } from './units';

let db: DeskDatabase;
afterEach(async () => {
  await db.delete();
});

const AT = '2026-11-03T02:00:00.000Z';

/** A desk and its first operator's session, at `AT`. */
async function setUp(): Promise<{ desk: StoredDeskState; by: DeskSession }> {
  db = testDatabase();
  const desk = await testDeskSetUp(db);
  return { desk, by: testSession(db, desk, AT) };
}

/** Another operator signs in at the desk (an administrator gave them a password). */
async function signInAs(by: DeskSession, staffId: StaffId): Promise<void> {
  const password = { next: 'pass-5678', confirmation: 'pass-5678' };
  await accountPasswordReset(by, staffId, password, TEST_SCRYPT);
  expect((await accountSignIn(db, staffId, password.next, AT as IsoInstant)).ok).toBe(true);
}

async function refusalOf(write: Promise<unknown>): Promise<unknown[]> {
  const error = await write.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ChangeRefusedError);
  return [...(error as ChangeRefusedError<unknown>).problems];
}

describe('staff', () => {
  it('adds a clerk and a shift lead of a unit, roles in order, audited', async () => {
    const { by } = await setUp();
    const unit = await unitAdd(by, { name: '话务一组' });
    const clerk = await staffAdd(by, { name: ' 陈晓 ', staffNo: 'HX-0107', roles: ['clerk'] });
    const lead = await staffAdd(by, {
      name: '赵刚',
      roles: ['supervisor', 'shiftLead'],
      unitId: unit.id,
    });
    expect(clerk).toMatchObject({ name: '陈晓', staffNo: 'HX-0107', active: true });
    expect(lead.roles).toEqual(['shiftLead', 'supervisor']);
    expect(lead).not.toHaveProperty('staffNo');
    expect((await staffList(db)).map((s) => s.name)).toHaveLength(3);
    expect((await auditList(db, 5)).filter((a) => a.action === 'staff.added')).toHaveLength(2);
  });

  it('refuses a duplicate staff number and a staff member without roles; nothing written', async () => {
    const { by } = await setUp();
    await staffAdd(by, { name: '陈晓', staffNo: 'HX-0107', roles: ['clerk'] });
    expect(await refusalOf(staffAdd(by, { name: '李四', staffNo: 'hx-0107', roles: [] }))).toEqual([
      { field: 'staffNo', code: 'duplicateStaffNo' },
      { field: 'roles', code: 'noRole' },
    ]);
    expect(await staffList(db)).toHaveLength(2);
  });

  it('refuses a deactivated unit for a new operator', async () => {
    const { by } = await setUp();
    const unit = await unitAdd(by, { name: '撤销科' });
    await unitUpdate(by, unit.id, { active: false });
    expect(
      await refusalOf(staffAdd(by, { name: '李四', roles: ['handler'], unitId: unit.id })),
    ).toEqual([{ field: 'unitId', code: 'unitInactive' }]);
  });

  it('disables a departed operator: kept, not deleted, no longer active', async () => {
    const { by } = await setUp();
    const clerk = await staffAdd(by, { name: '陈晓', roles: ['clerk'] });
    await staffUpdate(by, clerk.id, { active: false });
    expect((await staffList(db)).find((s) => s.id === clerk.id)?.active).toBe(false);
    expect((await staffActive(db)).map((s) => s.name)).toEqual(['王芳']);
  });
});

describe('the last administrator', () => {
  it('cannot lose the admin role or be disabled while no other administrator is active', async () => {
    const { desk, by } = await setUp();
    const clerk = await staffAdd(by, { name: '陈晓', roles: ['clerk'] });
    await signInAs(by, clerk.id);

    expect(await refusalOf(staffUpdate(by, desk.operator.id, { roles: ['clerk'] }))).toEqual([
      { field: 'roles', code: 'lastAdmin' },
    ]);
    expect(await refusalOf(staffUpdate(by, desk.operator.id, { active: false }))).toEqual([
      { code: 'lastAdmin' },
    ]);
    expect((await staffList(db)).find((s) => s.id === desk.operator.id)).toMatchObject({
      active: true,
      roles: desk.operator.roles,
    });
  });

  it('can step down once another administrator is active', async () => {
    const { desk, by } = await setUp();
    const second = await staffAdd(by, { name: '赵刚', roles: ['admin'] });
    await signInAs(by, second.id);
    await staffUpdate(by, desk.operator.id, { active: false });
    expect((await staffActive(db)).map((s) => s.name)).toEqual(['赵刚']);
    // Now the second one is the last.
    expect(await refusalOf(staffUpdate(by, second.id, { roles: ['clerk'] }))).toEqual([
      { field: 'roles', code: 'lastAdmin' },
    ]);
  });

  it('the operator at the keyboard cannot disable themselves', async () => {
    const { desk, by } = await setUp();
    await staffAdd(by, { name: '赵刚', roles: ['admin'] });
    expect(await refusalOf(staffUpdate(by, desk.operator.id, { active: false }))).toEqual([
      { code: 'currentOperator' },
    ]);
  });
});
