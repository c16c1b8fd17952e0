/**
 * Operators (clerks, shift leads, supervisors, handlers, administrators): the checks an
 * administrator's change must pass. A departed operator is disabled, never deleted (their
 * history stays attributed), and the desk always keeps an active administrator, or nobody could
 * change its settings again.
 */
import type { StaffId, UnitId } from '../kernel/brand';
import { STAFF_ROLES, type StaffEntity, type StaffRole, type UnitEntity } from '../model/entities';

export const STAFF_LIMITS = { name: 50, staffNo: 20 } as const;

/** Letters, digits and dashes: staff numbers (工号) as printed on badges, e.g. `HX-0107`. */
const STAFF_NO = /^[\p{L}\p{N}-]+$/u;

/** What the staff form holds, as typed. */
export interface StaffDraft {
  readonly name: string;
  readonly staffNo: string;
  readonly roles: readonly StaffRole[];
  /** Empty when the operator belongs to no unit. */
  readonly unitId: UnitId | '';
}

export type StaffField = keyof StaffDraft;

export type StaffErrorCode =
  | 'required'
  | 'tooLong'
  | 'invalidStaffNo'
  | 'duplicateStaffNo'
  | 'noRole'
  | 'unknownUnit'
  | 'unitInactive'
  | 'lastAdmin';

export interface StaffError {
  readonly field: StaffField;
  readonly code: StaffErrorCode;
  readonly max?: number;
}

function staffNoKey(staffNo: string): string {
  return staffNo.normalize('NFKC').trim().toUpperCase();
}

/** The roles in their canonical order, without repeats or unknown names. */
export function staffRolesOrdered(roles: readonly string[]): StaffRole[] {
  return STAFF_ROLES.filter((role) => roles.includes(role));
}

/** Whether an operator may change the desk's settings, units and staff (DOMAIN.md section 8). */
export function staffIsAdmin(staff: Pick<StaffEntity, 'roles' | 'active'>): boolean {
  return staff.active && staff.roles.includes('admin');
}

/**
 * Whether the desk still has an active administrator once `staffId` has `next` roles and
 * activity; `lastAdmin` when it would not.
 */
export function staffAdminRefusal(
  staff: readonly StaffEntity[],
  staffId: StaffId | undefined,
  next: Pick<StaffEntity, 'roles' | 'active'>,
): 'lastAdmin' | undefined {
  const before = staff.some(staffIsAdmin);
  const after = staffIsAdmin(next) || staff.some((s) => s.id !== staffId && staffIsAdmin(s));
  // A desk with no administrator at all (damaged data) is not made worse by any change.
  return before && !after ? 'lastAdmin' : undefined;
}

/**
 * Checks a new operator (`staffId` undefined) or a change to one: a name; a staff number, when
 * given, of letters, digits and dashes and not used by anyone else (departed staff too: their
 * records carry it); at least one role; an existing, active unit (one already set may stay
 * even if it has since been deactivated); and an administrator left on the desk.
 */
export function staffCheck(
  draft: StaffDraft,
  staff: readonly StaffEntity[],
  units: readonly UnitEntity[],
  staffId?: StaffId,
): StaffError[] {
  const errors: StaffError[] = [];
  const current = staff.find((s) => s.id === staffId);
  const name = draft.name.trim();
  if (name === '') errors.push({ field: 'name', code: 'required' });
  else if (name.length > STAFF_LIMITS.name)
    errors.push({ field: 'name', code: 'tooLong', max: STAFF_LIMITS.name });

  const staffNo = draft.staffNo.trim();
  if (staffNo.length > STAFF_LIMITS.staffNo)
    errors.push({ field: 'staffNo', code: 'tooLong', max: STAFF_LIMITS.staffNo });
  else if (staffNo !== '' && !STAFF_NO.test(staffNo))
    errors.push({ field: 'staffNo', code: 'invalidStaffNo' });
  else if (
    staffNo !== '' &&
    staff.some(
      (s) =>
        s.id !== staffId &&
        s.staffNo !== undefined &&
        staffNoKey(s.staffNo) === staffNoKey(staffNo),
    )
  )
    errors.push({ field: 'staffNo', code: 'duplicateStaffNo' });

  const roles = staffRolesOrdered(draft.roles);
  if (roles.length === 0) errors.push({ field: 'roles', code: 'noRole' });
  else if (staffAdminRefusal(staff, staffId, { roles, active: current?.active ?? true }))
    errors.push({ field: 'roles', code: 'lastAdmin' });

  if (draft.unitId !== '') {
    const unit = units.find((u) => u.id === draft.unitId);
    if (!unit) errors.push({ field: 'unitId', code: 'unknownUnit' });
    else if (!unit.active && current?.unitId !== unit.id)
      errors.push({ field: 'unitId', code: 'unitInactive' });
  }
  return errors;
}

export type StaffActivationRefusal = 'lastAdmin' | 'currentOperator';

/**
 * Whether an operator may be disabled: not the one at the keyboard (switch first, so someone
 * is always acting) and not the last active administrator. Re-enabling is always allowed.
 */
export function staffActivationRefusal(
  staff: readonly StaffEntity[],
  staffId: StaffId,
  active: boolean,
  currentOperatorId: StaffId | undefined,
): StaffActivationRefusal | undefined {
  const member = staff.find((s) => s.id === staffId);
  if (!member || active || !member.active) return undefined;
  if (staffId === currentOperatorId) return 'currentOperator';
  return staffAdminRefusal(staff, staffId, { roles: member.roles, active: false });
}
