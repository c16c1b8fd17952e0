/** Clerks, shift leads, supervisors, handlers and administrators. Disabled, never deleted. */
import type { AuditId, IsoInstant, StaffId } from '../../../../shared/brand';
import type { StaffEntity } from '../../../../shared/entities';
import { newId } from '../../../../shared/ids';
import type { DeskDatabase } from '../database';
import { StorageError, withStorageErrors } from '../errors';

/** Who made a change, for the audit log. */
export interface AuditedBy {
  readonly actorId: StaffId;
  readonly at: IsoInstant;
  readonly wallMs: number;
}

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

/** Adds an operator and its audit entry in one transaction. */
export async function staffAdd(
  db: DeskDatabase,
  input: StaffInput,
  by: AuditedBy,
): Promise<StaffEntity> {
  const staff: StaffEntity = {
    ...input,
    id: newId<StaffId>(by.wallMs),
    name: input.name.trim(),
    active: true,
    createdAt: by.at,
  };
  await withStorageErrors(() =>
    db.transaction('rw', [db.staff, db.audit], async () => {
      await db.staff.add(staff);
      await db.audit.add({
        id: newId<AuditId>(by.wallMs),
        at: by.at,
        actorId: by.actorId,
        action: 'staff.added',
        target: staff.id,
        detail: staff.name,
      });
    }),
  );
  return staff;
}

/** Changes an operator (name, roles, unit, or `active: false` to disable) with an audit entry. */
export async function staffUpdate(
  db: DeskDatabase,
  id: StaffId,
  changes: Partial<Pick<StaffEntity, 'name' | 'staffNo' | 'roles' | 'unitId' | 'active'>>,
  by: AuditedBy,
): Promise<StaffEntity> {
  return withStorageErrors(() =>
    db.transaction('rw', [db.staff, db.audit], async () => {
      const current = await db.staff.get(id);
      if (!current) throw new StorageError('notFound', { message: `No staff ${id}` });
      const next: StaffEntity = { ...current, ...changes, id };
      await db.staff.put(next);
      await db.audit.add({
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
