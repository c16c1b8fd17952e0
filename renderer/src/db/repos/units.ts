/** Handling units (承办单位/责任部门), a tree by `parentId`. Deactivated, never deleted. */
import type { AuditId, UnitId } from '@shared/kernel/brand';
import type { UnitEntity } from '@shared/model/entities';
import { newId } from '@shared/kernel/ids';
import {
  unitActivationRefusal,
  unitCheck,
  type UnitActivationRefusal,
  type UnitError,
} from '@shared/organisation/units';
import type { DeskDatabase } from '../database';
import { StorageError } from '../errors';
import { sessionStamp, type DeskSession } from '../session';
import { ChangeRefusedError, withRefusals } from './refused';
import { auditRecord } from './audit';
import { sessionRequire } from '../access';

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

export type UnitInput = Pick<UnitEntity, 'name' | 'parentId' | 'phone' | 'deskCode'>;

/** Why a unit change was refused: a field's problem, or why it cannot be (de)activated. */
export type UnitRefusal = UnitError | { readonly code: UnitActivationRefusal };

function draftOf(unit: Pick<UnitEntity, 'name' | 'parentId' | 'phone'>) {
  return { name: unit.name, parentId: unit.parentId ?? ('' as const), phone: unit.phone ?? '' };
}

/** The stored form of a unit: trimmed name, no empty phone, no empty parent. */
function unitClean(unit: UnitEntity): UnitEntity {
  const phone = unit.phone?.trim();
  const deskCode = unit.deskCode?.trim();
  const { phone: _phone, parentId, deskCode: _deskCode, ...rest } = unit;
  return {
    ...rest,
    name: unit.name.trim(),
    ...(parentId ? { parentId } : {}),
    ...(phone ? { phone } : {}),
    // Served by another desk (sync routes dispatches there); absent: this desk's own unit.
    ...(deskCode ? { deskCode } : {}),
  };
}

/**
 * Adds a unit and its audit entry (by the session's operator) in one transaction. Throws `ChangeRefusedError<UnitRefusal>`
 * when `unitCheck` refuses it (a duplicate name among its siblings, an unknown or inactive
 * parent ...).
 */
export async function unitAdd(session: DeskSession, input: UnitInput): Promise<UnitEntity> {
  const { db } = session;
  sessionRequire(session, 'settings.units');
  const by = sessionStamp(session);
  const unit = unitClean({ ...input, id: newId<UnitId>(by.wallMs), active: true });
  return withRefusals(() =>
    db.transaction('rw', [db.units, db.audit], async () => {
      const problems = unitCheck(draftOf(input), await db.units.toArray());
      if (problems.length > 0) throw new ChangeRefusedError<UnitRefusal>(problems);
      await db.units.add(unit);
      await auditRecord(db, {
        id: newId<AuditId>(by.wallMs),
        at: by.at,
        actorId: by.actorId,
        action: 'unit.added',
        target: unit.id,
        detail: unit.name,
      });
      return unit;
    }),
  );
}

/**
 * Changes a unit (rename, move, phone, or `active: false` to deactivate, `true` to reactivate)
 * with an audit entry. Throws `ChangeRefusedError<UnitRefusal>` for a change `unitCheck` refuses
 * (a move under itself or a descendant among them), for deactivating a unit with active units
 * below it and for reactivating one under an inactive parent.
 */
export async function unitUpdate(
  session: DeskSession,
  id: UnitId,
  changes: Partial<Pick<UnitEntity, 'name' | 'parentId' | 'phone' | 'active' | 'deskCode'>>,
): Promise<UnitEntity> {
  const { db } = session;
  sessionRequire(session, 'settings.units');
  const by = sessionStamp(session);
  return withRefusals(() =>
    db.transaction('rw', [db.units, db.audit], async () => {
      const units = await db.units.toArray();
      const current = units.find((u) => u.id === id);
      if (!current) throw new StorageError('notFound', { message: `No unit ${id}` });
      // `parentId: undefined` in `changes` moves the unit to the top level.
      const next = unitClean({ ...current, ...changes, id });
      // Only what changes is checked: a unit stored before a rule existed can still be
      // deactivated. A move checks the name too (its new siblings may have it).
      const checked = new Set<string>(Object.keys(changes));
      if (checked.has('parentId')) checked.add('name');
      const problems: UnitRefusal[] = unitCheck(draftOf(next), units, id).filter((p) =>
        checked.has(p.field),
      );
      const activation =
        changes.active === undefined ? undefined : unitActivationRefusal(units, id, changes.active);
      if (activation) problems.push({ code: activation });
      if (problems.length > 0) throw new ChangeRefusedError<UnitRefusal>(problems);
      await db.units.put(next);
      await auditRecord(db, {
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
