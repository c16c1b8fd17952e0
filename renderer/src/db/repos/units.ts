/** Handling units (承办单位/责任部门), a tree by `parentId`. Disabled, never deleted. */
import type { AuditId, UnitId } from '../../../../shared/brand';
import type { UnitEntity } from '../../../../shared/entities';
import { newId } from '../../../../shared/ids';
import type { DeskDatabase } from '../database';
import { StorageError, withStorageErrors } from '../errors';
import type { AuditedBy } from './staff';

export async function unitGet(db: DeskDatabase, id: UnitId): Promise<UnitEntity | undefined> {
  return db.units.get(id);
}

/** Every unit, active or not, by name. */
export async function unitList(db: DeskDatabase): Promise<UnitEntity[]> {
  return db.units.orderBy('name').toArray();
}

/** Units a case may be dispatched to, by name. */
export async function unitsActive(db: DeskDatabase): Promise<UnitEntity[]> {
  return db.units
    .orderBy('name')
    .filter((unit) => unit.active)
    .toArray();
}

export async function unitChildren(db: DeskDatabase, parentId: UnitId): Promise<UnitEntity[]> {
  const children = await db.units.where('parentId').equals(parentId).toArray();
  return children.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

export type UnitInput = Pick<UnitEntity, 'name' | 'parentId' | 'phone'>;

/** Adds a unit and its audit entry in one transaction. */
export async function unitAdd(
  db: DeskDatabase,
  input: UnitInput,
  by: AuditedBy,
): Promise<UnitEntity> {
  const unit: UnitEntity = {
    ...input,
    id: newId<UnitId>(by.wallMs),
    name: input.name.trim(),
    active: true,
  };
  await withStorageErrors(() =>
    db.transaction('rw', [db.units, db.audit], async () => {
      await db.units.add(unit);
      await db.audit.add({
        id: newId<AuditId>(by.wallMs),
        at: by.at,
        actorId: by.actorId,
        action: 'unit.added',
        target: unit.id,
        detail: unit.name,
      });
    }),
  );
  return unit;
}

/** Changes a unit (name, parent, phone, or `active: false` to disable) with an audit entry. */
export async function unitUpdate(
  db: DeskDatabase,
  id: UnitId,
  changes: Partial<Pick<UnitEntity, 'name' | 'parentId' | 'phone' | 'active'>>,
  by: AuditedBy,
): Promise<UnitEntity> {
  return withStorageErrors(() =>
    db.transaction('rw', [db.units, db.audit], async () => {
      const current = await db.units.get(id);
      if (!current) throw new StorageError('notFound', { message: `No unit ${id}` });
      const next: UnitEntity = { ...current, ...changes, id };
      await db.units.put(next);
      await db.audit.add({
        id: newId<AuditId>(by.wallMs),
        at: by.at,
        actorId: by.actorId,
        action: 'unit.changed',
        target: id,
        detail: Object.keys(changes).join(','),
      });
      return next;
    }),
  );
}
