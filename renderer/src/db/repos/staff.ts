/** Clerks, shift leads, supervisors, handlers and administrators. Disabled, never deleted. */
import type { AuditId, StaffId } from '@shared/kernel/brand';
import type { SettingsEntity, StaffEntity } from '@shared/model/entities';
import { newId } from '@shared/kernel/ids';
import {
  staffActivationRefusal,
  staffCheck,
  staffRolesOrdered,
  type StaffActivationRefusal,
  type StaffError,
} from '@shared/organisation/staff';
import type { DeskDatabase } from '../database';
import { StorageError } from '../errors';
import { sessionStamp, type DeskSession } from '../session';
import { ChangeRefusedError, withRefusals } from './refused';
import { auditRecord } from './audit';
import { sessionRequire } from '../access';

export async function staffGet(db: DeskDatabase, id: StaffId): Promise<StaffEntity | undefined> {
  return db.staff.get(id);
}

/** Every operator, active or not, by name. */
export async function staffList(db: DeskDatabase): Promise<StaffEntity[]> {
  return db.staff.orderBy('name').toArray();
}

/** Operators who may still sign in, by name. */
export async function staffActive(db: DeskDatabase): Promise<StaffEntity[]> {
  return db.staff
    .orderBy('name')
    .filter((staff) => staff.active)
    .toArray();
}

export type StaffInput = Pick<StaffEntity, 'name' | 'staffNo' | 'roles' | 'unitId'>;

/** Why a staff change was refused: a field's problem, or why the operator cannot be disabled. */
export type StaffRefusal = StaffError | { readonly code: StaffActivationRefusal | 'inactive' };

function draftOf(staff: Pick<StaffEntity, 'name' | 'staffNo' | 'roles' | 'unitId'>) {
  return {
    name: staff.name,
    staffNo: staff.staffNo ?? '',
    roles: staff.roles,
    unitId: staff.unitId ?? ('' as const),
  };
}

/** The stored form of an operator: trimmed texts, roles in order, no empty optional fields. */
function staffClean(staff: StaffEntity): StaffEntity {
  const { staffNo: _staffNo, unitId, ...rest } = staff;
  const staffNo = staff.staffNo?.trim();
  return {
    ...rest,
    name: staff.name.trim(),
    roles: staffRolesOrdered(staff.roles),
    ...(staffNo ? { staffNo } : {}),
    ...(unitId ? { unitId } : {}),
  };
}

/**
 * Adds an operator and its audit entry (by the session's operator) in one transaction. Throws
 * `ChangeRefusedError<StaffRefusal>` when `staffCheck` refuses it.
 */
export async function staffAdd(session: DeskSession, input: StaffInput): Promise<StaffEntity> {
  const { db } = session;
  sessionRequire(session, 'accounts.manage');
  const by = sessionStamp(session);
  const staff = staffClean({
    ...input,
    id: newId<StaffId>(by.wallMs),
    active: true,
    createdAt: by.at,
  });
  return withRefusals(() =>
    db.transaction('rw', [db.staff, db.units, db.audit], async () => {
      const problems = staffCheck(
        draftOf(input),
        await db.staff.toArray(),
        await db.units.toArray(),
      );
      if (problems.length > 0) throw new ChangeRefusedError<StaffRefusal>(problems);
      await db.staff.add(staff);
      await auditRecord(db, {
        id: newId<AuditId>(by.wallMs),
        at: by.at,
        actorId: by.actorId,
        action: 'staff.added',
        target: staff.id,
        detail: staff.name,
      });
      return staff;
    }),
  );
}

/**
 * Changes an operator (name, staff number, roles, unit, or `active: false` to disable, `true`
 * to re-enable) with an audit entry. Throws `ChangeRefusedError<StaffRefusal>` for a change
 * `staffCheck` refuses, for disabling the operator at the keyboard, and for taking away the
 * last active administrator (by role or by disabling).
 */
export async function staffUpdate(
  session: DeskSession,
  id: StaffId,
  changes: Partial<Pick<StaffEntity, 'name' | 'staffNo' | 'roles' | 'unitId' | 'active'>>,
): Promise<StaffEntity> {
  const { db } = session;
  sessionRequire(session, 'accounts.manage');
  const by = sessionStamp(session);
  return withRefusals(() =>
    db.transaction('rw', [db.staff, db.units, db.settings, db.audit], async () => {
      const staff = await db.staff.toArray();
      const current = staff.find((s) => s.id === id);
      if (!current) throw new StorageError('notFound', { message: `No staff ${id}` });
      const next = staffClean({ ...current, ...changes, id });
      // Only what changes is checked, so an operator stored before a rule existed can still
      // be disabled.
      const problems: StaffRefusal[] = staffCheck(
        draftOf(next),
        staff,
        await db.units.toArray(),
        id,
      ).filter((p) => p.field in changes);
      if (changes.active !== undefined) {
        const operator = (await db.settings.get('currentOperatorId')) as
          SettingsEntity<'currentOperatorId'> | undefined;
        const refusal = staffActivationRefusal(staff, id, changes.active, operator?.value);
        if (refusal) problems.push({ code: refusal });
      }
      if (problems.length > 0) throw new ChangeRefusedError<StaffRefusal>(problems);
      await db.staff.put(next);
      await auditRecord(db, {
        id: newId<AuditId>(by.wallMs),
        at: by.at,
        actorId: by.actorId,
        action: 'staff.changed',
        target: id,
        detail: Object.keys(changes).join(','),
      });
      return next;
    }),
  );
}
