import { describe, expect, it } from 'vitest';
import type { UnitId } from '../kernel/brand';
import type { UnitEntity } from '../model/entities';
import {
  unitActivationRefusal,
  unitCheck,
  unitDescendantIds,
  unitPath,
  unitTreeRows,
  unitWouldCycle,
} from './units';

function unit(id: string, name: string, parentId?: string, active = true): UnitEntity {
  return {
    id: id as UnitId,
    name,
    ...(parentId ? { parentId: parentId as UnitId } : {}),
    active,
  };
}

const id = (s: string) => s as UnitId;

// 市政府 > 住建局 > 物业科; 某某区 > 区住建局.
const CITY = [
  unit('city', '市政府'),
  unit('housing', '住建局', 'city'),
  unit('property', '物业科', 'housing'),
  unit('district', '某某区'),
  unit('dHousing', '区住建局', 'district'),
];

describe('unitTreeRows', () => {
  it('lists depth first, siblings in Chinese (pinyin) order, with depth and path', () => {
    expect(unitTreeRows(CITY).map((r) => [r.unit.name, r.depth, r.path.join('/')])).toEqual([
      // 某 (mǒu) sorts before 市 (shì).
      ['某某区', 0, '某某区'],
      ['区住建局', 1, '某某区/区住建局'],
      ['市政府', 0, '市政府'],
      ['住建局', 1, '市政府/住建局'],
      ['物业科', 2, '市政府/住建局/物业科'],
    ]);
  });

  it('lists a unit whose parent is missing at the top level rather than hiding it', () => {
    const rows = unitTreeRows([unit('a', '甲'), unit('orphan', '乙', 'gone')]);
    expect(rows.map((r) => [r.unit.name, r.depth])).toEqual([
      ['甲', 0],
      ['乙', 0],
    ]);
  });

  it('still lists every unit of a stored cycle, once each', () => {
    const rows = unitTreeRows([unit('a', '甲', 'b'), unit('b', '乙', 'a')]);
    expect(rows.map((r) => r.unit.name).sort()).toEqual(['乙', '甲'].sort());
  });
});

describe('the tree: descendants, cycles and paths', () => {
  it('finds every unit below one', () => {
    expect([...unitDescendantIds(CITY, id('city'))].sort()).toEqual(['housing', 'property']);
    expect(unitDescendantIds(CITY, id('property')).size).toBe(0);
  });

  it.each([
    ['under itself', 'housing', 'housing', true],
    ['under its child', 'city', 'housing', true],
    ['under its grandchild', 'city', 'property', true],
    ['under another branch', 'housing', 'district', false],
    ['to the top level', 'property', undefined, false],
    ['up to its grandparent', 'property', 'city', false],
  ])('moving a unit %s: cycle %s', (_, unitId, parentId, cycle) => {
    expect(
      unitWouldCycle(CITY, id(unitId), parentId === undefined ? undefined : id(parentId)),
    ).toBe(cycle);
  });

  it('gives the names from the top down', () => {
    expect(unitPath(CITY, id('property'))).toEqual(['市政府', '住建局', '物业科']);
    expect(unitPath(CITY, id('nobody'))).toEqual([]);
  });
});

describe('unitCheck', () => {
  it('accepts a new unit under an active parent', () => {
    expect(
      unitCheck({ name: '交通局', parentId: id('city'), phone: '0571-87654321' }, CITY),
    ).toEqual([]);
  });

  it.each([
    ['an empty name', { name: '  ', parentId: '' }, 'name', 'required'],
    ['a name too long', { name: '局'.repeat(51), parentId: '' }, 'name', 'tooLong'],
    ['a sibling of the same name', { name: '住建局', parentId: 'city' }, 'name', 'duplicateName'],
    [
      'a same name up to spaces and width',
      { name: ' 住建 局 ', parentId: 'city' },
      'name',
      'duplicateName',
    ],
    ['an unknown parent', { name: '交通局', parentId: 'gone' }, 'parentId', 'unknownParent'],
  ] as const)('refuses %s', (_, draft, field, code) => {
    const errors = unitCheck(
      { phone: '', ...draft, parentId: draft.parentId as UnitId | '' },
      CITY,
    );
    expect(errors).toEqual([expect.objectContaining({ field, code })]);
  });

  it('allows the same name under another parent (区住建局 and 住建局 are different units)', () => {
    expect(unitCheck({ name: '住建局', parentId: id('district'), phone: '' }, CITY)).toEqual([]);
  });

  it('counts a deactivated sibling as taking its name', () => {
    const units = [...CITY, unit('old', '交通局', 'city', false)];
    expect(unitCheck({ name: '交通局', parentId: id('city'), phone: '' }, units)).toEqual([
      { field: 'name', code: 'duplicateName' },
    ]);
  });

  it('refuses a phone that is not one', () => {
    expect(unitCheck({ name: '交通局', parentId: '', phone: '找王科长' }, CITY)).toEqual([
      { field: 'phone', code: 'invalidPhone' },
    ]);
  });

  it('lets a unit keep its own name when it is renamed or moved', () => {
    expect(
      unitCheck({ name: '住建局', parentId: id('city'), phone: '12345' }, CITY, id('housing')),
    ).toEqual([]);
  });

  it('refuses a move under the unit itself or below it', () => {
    expect(
      unitCheck({ name: '市政府', parentId: id('property'), phone: '' }, CITY, id('city')),
    ).toEqual([{ field: 'parentId', code: 'cycle' }]);
  });

  it('refuses a new child of an inactive unit, but leaves existing children where they are', () => {
    const units = [unit('old', '旧区', undefined, false), unit('child', '旧科', 'old', false)];
    expect(unitCheck({ name: '新科', parentId: id('old'), phone: '' }, units)).toEqual([
      { field: 'parentId', code: 'parentInactive' },
    ]);
    expect(
      unitCheck({ name: '旧科二', parentId: id('old'), phone: '' }, units, id('child')),
    ).toEqual([]);
  });
});

describe('unitActivationRefusal', () => {
  it('refuses to deactivate a unit with active units below it', () => {
    expect(unitActivationRefusal(CITY, id('city'), false)).toBe('hasActiveChildren');
    expect(unitActivationRefusal(CITY, id('property'), false)).toBeUndefined();
  });

  it('refuses to reactivate a unit whose parent is inactive', () => {
    const units = [unit('p', '区', undefined, false), unit('c', '科', 'p', false)];
    expect(unitActivationRefusal(units, id('c'), true)).toBe('parentInactive');
    expect(unitActivationRefusal(units, id('p'), true)).toBeUndefined();
  });
});
