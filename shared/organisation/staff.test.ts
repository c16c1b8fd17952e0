import { describe, expect, it } from 'vitest';
import type { IsoInstant, StaffId, UnitId } from '../kernel/brand';
import type { StaffEntity, StaffRole, UnitEntity } from '../model/entities';
import {
  staffActivationRefusal,
  staffAdminRefusal,
  staffCheck,
  staffRolesOrdered,
  type StaffDraft,
} from './staff';

const AT = '2026-09-30T02:00:00.000Z' as IsoInstant;

function member(id: string, roles: StaffRole[], extra: Partial<StaffEntity> = {}): StaffEntity {
  return { id: id as StaffId, name: id, roles, active: true, createdAt: AT, ...extra };
}

const UNITS: UnitEntity[] = [
  { id: 'housing' as UnitId, name: '住建局', active: true },
  { id: 'closed' as UnitId, name: '撤销科', active: false },
];

const ADMIN = member('admin', ['admin', 'clerk']);
const CLERK = member('clerk', ['clerk'], { staffNo: 'HX-0107' });
const STAFF = [ADMIN, CLERK];

function draft(overrides: Partial<StaffDraft> = {}): StaffDraft {
  return { name: '陈晓', staffNo: '', roles: ['clerk'], unitId: '', ...overrides };
}

describe('staffCheck', () => {
  it('accepts a clerk with a staff number and a unit', () => {
    expect(
      staffCheck(draft({ staffNo: 'HX-0108', unitId: 'housing' as UnitId }), STAFF, UNITS),
    ).toEqual([]);
  });

  it.each([
    ['no name', { name: ' ' }, 'name', 'required'],
    ['a name too long', { name: '名'.repeat(51) }, 'name', 'tooLong'],
    ['a staff number with spaces', { staffNo: 'HX 01' }, 'staffNo', 'invalidStaffNo'],
    ['a staff number in use', { staffNo: 'hx-0107' }, 'staffNo', 'duplicateStaffNo'],
    ['no role', { roles: [] }, 'roles', 'noRole'],
    ['an unknown unit', { unitId: 'gone' as UnitId }, 'unitId', 'unknownUnit'],
    ['an inactive unit', { unitId: 'closed' as UnitId }, 'unitId', 'unitInactive'],
  ] as const)('refuses %s', (_, overrides, field, code) => {
    expect(staffCheck(draft(overrides), STAFF, UNITS)).toEqual([
      expect.objectContaining({ field, code }),
    ]);
  });

  it('counts a departed operator’s staff number as taken', () => {
    const staff = [...STAFF, member('gone', ['clerk'], { staffNo: 'HX-0001', active: false })];
    expect(staffCheck(draft({ staffNo: 'HX-0001' }), staff, UNITS)).toEqual([
      { field: 'staffNo', code: 'duplicateStaffNo' },
    ]);
  });

  it('lets an operator keep their own staff number and a since-deactivated unit', () => {
    const staff = [
      ADMIN,
      member('old', ['handler'], { staffNo: 'A1', unitId: 'closed' as UnitId }),
    ];
    expect(
      staffCheck(
        draft({ staffNo: 'A1', roles: ['handler'], unitId: 'closed' as UnitId }),
        staff,
        UNITS,
        'old' as StaffId,
      ),
    ).toEqual([]);
  });

  it('refuses to take the admin role from the only administrator', () => {
    expect(staffCheck(draft({ roles: ['clerk'] }), STAFF, UNITS, ADMIN.id)).toEqual([
      { field: 'roles', code: 'lastAdmin' },
    ]);
  });

  it('allows it once another active administrator exists', () => {
    const staff = [...STAFF, member('admin2', ['admin'])];
    expect(staffCheck(draft({ roles: ['clerk'] }), staff, UNITS, ADMIN.id)).toEqual([]);
  });
});

describe('an administrator must always remain', () => {
  it('a disabled administrator does not count', () => {
    const staff = [ADMIN, member('admin2', ['admin'], { active: false })];
    expect(staffAdminRefusal(staff, ADMIN.id, { roles: ['clerk'], active: true })).toBe(
      'lastAdmin',
    );
  });

  it('refuses to disable the last administrator, allows disabling a clerk', () => {
    expect(staffActivationRefusal(STAFF, ADMIN.id, false, CLERK.id)).toBe('lastAdmin');
    expect(staffActivationRefusal(STAFF, CLERK.id, false, ADMIN.id)).toBeUndefined();
  });

  it('refuses to disable the operator at the keyboard', () => {
    const staff = [...STAFF, member('admin2', ['admin'])];
    expect(staffActivationRefusal(staff, ADMIN.id, false, ADMIN.id)).toBe('currentOperator');
    expect(staffActivationRefusal(staff, ADMIN.id, false, CLERK.id)).toBeUndefined();
  });

  it('always allows re-enabling', () => {
    const staff = [ADMIN, member('gone', ['clerk'], { active: false })];
    expect(staffActivationRefusal(staff, 'gone' as StaffId, true, ADMIN.id)).toBeUndefined();
  });
});

it('orders roles canonically and drops repeats', () => {
  expect(staffRolesOrdered(['admin', 'clerk', 'admin', 'nobody'])).toEqual(['clerk', 'admin']);
});
