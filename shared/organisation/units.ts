/**
 * Handling units (承办单位/责任部门) as a tree by `parentId`: ordering for lists and pickers, the
 * path shown for a unit, and the checks an administrator's change must pass. A unit is
 * deactivated, never deleted: cases, statistics and staff refer to it forever.
 */
import type { UnitId } from '../kernel/brand';
import type { UnitEntity } from '../model/entities';
import { isPlausiblePhone } from '../workflow/intake';

/** One unit in tree order, with how deep it sits (0 for a top-level unit). */
export interface UnitTreeRow {
  readonly unit: UnitEntity;
  readonly depth: number;
  /** Names from the top-level unit down to this one. */
  readonly path: readonly string[];
}

export const UNIT_LIMITS = { name: 50, phone: 30 } as const;

/** How sibling names are compared: spaces and width do not make a name different. */
export function unitNameKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();
}

function byName(a: UnitEntity, b: UnitEntity): number {
  return a.name.localeCompare(b.name, 'zh-CN') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The units depth first, siblings by name (Chinese collation). A unit whose parent is missing
 * is listed at the top level, so nothing stored is ever hidden; a stored cycle (only possible
 * from damaged data) is broken where it is found.
 */
export function unitTreeRows(units: readonly UnitEntity[]): UnitTreeRow[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<UnitId | undefined, UnitEntity[]>();
  for (const unit of units) {
    const parent =
      unit.parentId !== undefined && ids.has(unit.parentId) ? unit.parentId : undefined;
    const list = children.get(parent) ?? [];
    list.push(unit);
    children.set(parent, list);
  }
  const rows: UnitTreeRow[] = [];
  const seen = new Set<UnitId>();
  const visit = (unit: UnitEntity, depth: number, path: readonly string[]) => {
    if (seen.has(unit.id)) return;
    seen.add(unit.id);
    const here = [...path, unit.name];
    rows.push({ unit, depth, path: here });
    for (const child of [...(children.get(unit.id) ?? [])].sort(byName)) {
      visit(child, depth + 1, here);
    }
  };
  for (const root of [...(children.get(undefined) ?? [])].sort(byName)) visit(root, 0, []);
  // Units caught in a stored cycle have no way down from a root: list them as roots.
  for (const unit of [...units].sort(byName)) visit(unit, 0, []);
  return rows;
}

/** The ids of a unit's descendants (children, their children ...), not the unit itself. */
export function unitDescendantIds(
  units: readonly Pick<UnitEntity, 'id' | 'parentId'>[],
  id: UnitId,
): Set<UnitId> {
  const found = new Set<UnitId>();
  const stack: UnitId[] = [id];
  while (stack.length > 0) {
    const parentId = stack.pop();
    for (const unit of units) {
      // `unit.id !== id` stops at a stored cycle (only possible from damaged data).
      if (unit.parentId === parentId && unit.id !== id && !found.has(unit.id)) {
        found.add(unit.id);
        stack.push(unit.id);
      }
    }
  }
  return found;
}

/** Whether putting `unitId` under `parentId` would make a unit its own ancestor. */
export function unitWouldCycle(
  units: readonly Pick<UnitEntity, 'id' | 'parentId'>[],
  unitId: UnitId,
  parentId: UnitId | undefined,
): boolean {
  if (parentId === undefined) return false;
  return parentId === unitId || unitDescendantIds(units, unitId).has(parentId);
}

/** Names from the top-level unit down to `id` ("市政府 / 住建局"); empty for an unknown id. */
export function unitPath(units: readonly UnitEntity[], id: UnitId): string[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const path: string[] = [];
  const seen = new Set<UnitId>();
  let current = byId.get(id);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    path.unshift(current.name);
    current = current.parentId === undefined ? undefined : byId.get(current.parentId);
  }
  return path;
}

/** What the unit form holds, as typed. */
export interface UnitDraft {
  readonly name: string;
  /** Empty for a top-level unit. */
  readonly parentId: UnitId | '';
  readonly phone: string;
}

export type UnitField = keyof UnitDraft;

export type UnitErrorCode =
  | 'required'
  | 'tooLong'
  | 'duplicateName'
  | 'invalidPhone'
  | 'unknownParent'
  | 'parentInactive'
  | 'cycle';

export interface UnitError {
  readonly field: UnitField;
  readonly code: UnitErrorCode;
  readonly max?: number;
}

/**
 * Checks a new unit (`unitId` undefined) or a change to one against the units stored: a name is
 * required and unique among its siblings (deactivated ones too, so history never shows two
 * units of one name under one parent); the parent exists, is active, and is not the unit itself
 * or one of its descendants.
 */
export function unitCheck(
  draft: UnitDraft,
  units: readonly UnitEntity[],
  unitId?: UnitId,
): UnitError[] {
  const errors: UnitError[] = [];
  const name = draft.name.trim();
  const parentId = draft.parentId === '' ? undefined : draft.parentId;
  if (name === '') errors.push({ field: 'name', code: 'required' });
  else if (name.length > UNIT_LIMITS.name)
    errors.push({ field: 'name', code: 'tooLong', max: UNIT_LIMITS.name });
  else {
    const key = unitNameKey(name);
    const clash = units.some(
      (u) => u.id !== unitId && u.parentId === parentId && unitNameKey(u.name) === key,
    );
    if (clash) errors.push({ field: 'name', code: 'duplicateName' });
  }
  const phone = draft.phone.trim();
  if (phone !== '' && (phone.length > UNIT_LIMITS.phone || !isPlausiblePhone(phone)))
    errors.push({ field: 'phone', code: 'invalidPhone' });
  if (parentId !== undefined) {
    const parent = units.find((u) => u.id === parentId);
    const current = units.find((u) => u.id === unitId);
    if (!parent) errors.push({ field: 'parentId', code: 'unknownParent' });
    else if (unitId !== undefined && unitWouldCycle(units, unitId, parentId))
      errors.push({ field: 'parentId', code: 'cycle' });
    // An inactive unit takes no new children; one already under it may stay there.
    else if (!parent.active && current?.parentId !== parentId)
      errors.push({ field: 'parentId', code: 'parentInactive' });
  }
  return errors;
}

export type UnitActivationRefusal = 'hasActiveChildren' | 'parentInactive';

/**
 * Whether a unit may be deactivated (no active unit below it: deactivate those first) or
 * reactivated (its parent is active); undefined when it may.
 */
export function unitActivationRefusal(
  units: readonly UnitEntity[],
  unitId: UnitId,
  active: boolean,
): UnitActivationRefusal | undefined {
  const unit = units.find((u) => u.id === unitId);
  if (!unit || unit.active === active) return undefined;
  if (!active) {
    return units.some((u) => u.parentId === unitId && u.active) ? 'hasActiveChildren' : undefined;
  }
  const parent =
    unit.parentId === undefined ? undefined : units.find((u) => u.id === unit.parentId);
  return parent && !parent.active ? 'parentInactive' : undefined;
}
