import { describe, expect, it } from 'vitest';
import type { CaseId, IsoInstant, StaffId } from '../kernel/brand';
import type { CaseEntity } from '../model/entities';
import { newId } from '../kernel/ids';
import { PROPERTY_PRESET } from '../rules/presets/property';
import {
  caseIdTimeFor,
  registerSearchWalkDone,
  registerCompare,
  registerCount,
  registerCriteria,
  registerCursorOf,
  registerHasCriteria,
  registerIsAfter,
  registerPhaseOf,
  registerPlan,
  registerRowMatches,
  type RegisterCriteria,
  type RegisterFilter,
  type RegisterSort,
  type RegisterViewer,
  REGISTER_SORTS,
} from './query';
import { caseAt } from '../workflow/test-builders';

const NOW = '2026-10-20T02:00:00.000Z' as IsoInstant;
const CTX = { rules: PROPERTY_PRESET, timeZone: 'Asia/Shanghai', now: NOW };

const ADMIN: RegisterViewer = { id: 'staff-admin' as StaffId, name: '王芳', roles: ['admin'] };
const CLERK: RegisterViewer = { id: 'staff-clerk-2' as StaffId, name: '赵敏', roles: ['clerk'] };

function row(overrides: Partial<CaseEntity> = {}): CaseEntity {
  return caseAt('registered', overrides).state;
}

function criteriaOf(filter: RegisterFilter): RegisterCriteria {
  const result = registerCriteria(filter, CTX);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.criteria;
}

describe('registerCriteria', () => {
  it('turns local dates into a half-open range of instants in the desk zone', () => {
    const criteria = criteriaOf({ receivedFrom: '2026-10-08', receivedTo: '2026-10-09' });
    // Midnight in Shanghai is 16:00 UTC the day before; `to` takes in its whole day.
    expect(criteria.receivedFrom).toBe('2026-10-07T16:00:00.000Z');
    expect(criteria.receivedBefore).toBe('2026-10-09T16:00:00.000Z');
  });

  it('accepts a range of one day', () => {
    expect(registerCriteria({ receivedFrom: '2026-10-08', receivedTo: '2026-10-08' }, CTX).ok).toBe(
      true,
    );
  });

  it.each<[string, RegisterFilter, { field: string; code: string }]>([
    [
      'a start after the end',
      { receivedFrom: '2026-10-09', receivedTo: '2026-10-08' },
      { field: 'receivedTo', code: 'rangeReversed' },
    ],
    [
      'a date that is not one',
      { receivedFrom: '2026-02-30' },
      { field: 'receivedFrom', code: 'invalidDate' },
    ],
    [
      'a date typed loosely',
      { receivedTo: '2026/10/08' },
      { field: 'receivedTo', code: 'invalidDate' },
    ],
    ['an unknown kind', { kindId: 'praise' }, { field: 'kindId', code: 'unknownOption' }],
    ['an unknown level', { levelId: 'level9' }, { field: 'levelId', code: 'unknownOption' }],
    ['an unknown channel', { channelId: 'pigeon' }, { field: 'channelId', code: 'unknownOption' }],
    ['an unknown status', { status: 'lost' as never }, { field: 'status', code: 'unknownOption' }],
    [
      'a category of another kind',
      { kindId: 'request', categoryId: 'lift' },
      { field: 'categoryId', code: 'unknownOption' },
    ],
  ])('refuses %s', (_name, filter, error) => {
    const result = registerCriteria(filter, CTX);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toContainEqual(error);
  });

  it('expands a first-level category to its children', () => {
    const criteria = criteriaOf({ categoryId: 'equipment' });
    expect(criteria.categoryIds).toEqual([
      'equipment',
      'waterDrainage',
      'lift',
      'lighting',
      'hvac',
      'fireEquipment',
      'otherEquipment',
    ]);
    expect(criteriaOf({ categoryId: 'lift' }).categoryIds).toEqual(['lift']);
  });

  it('drops blanks and marks overdue at now', () => {
    const criteria = criteriaOf({ text: '  ', handlerName: ' ', overdue: true, kindId: '' });
    expect(criteria).toEqual({ overdueAt: NOW });
    expect(registerHasCriteria(criteria)).toBe(true);
    expect(registerHasCriteria(criteriaOf({}))).toBe(false);
  });
});

describe('registerRowMatches', () => {
  const lift = row({
    receivedAt: '2026-10-09T01:30:00.000Z' as IsoInstant,
    kindId: 'complaint',
    categoryId: 'lift',
    levelId: 'general',
    channelId: 'phone',
    status: 'dispatched',
    unitId: 'unit-eng' as never,
    handlerName: '李强',
    openDueAt: '2026-10-15T09:30:00.000Z' as IsoInstant,
  });

  it.each<[string, RegisterFilter, boolean]>([
    ['no filter', {}, true],
    ['its received day', { receivedFrom: '2026-10-09', receivedTo: '2026-10-09' }, true],
    ['the day before', { receivedTo: '2026-10-08' }, false],
    ['the day after', { receivedFrom: '2026-10-10' }, false],
    ['its kind', { kindId: 'complaint' }, true],
    ['another kind', { kindId: 'request' }, false],
    ['its parent category', { categoryId: 'equipment' }, true],
    ['a sibling category', { categoryId: 'lighting' }, false],
    ['its level', { levelId: 'general' }, true],
    ['another level', { levelId: 'major' }, false],
    ['its status', { status: 'dispatched' }, true],
    ['open', { status: 'open' }, true],
    ['closed', { status: 'closed' }, false],
    ['its unit', { unitId: 'unit-eng' }, true],
    ['another unit', { unitId: 'unit-x' }, false],
    ['its handler', { handlerName: '李强' }, true],
    ['another handler', { handlerName: '张三' }, false],
    ['its channel', { channelId: 'phone' }, true],
    ['another channel', { channelId: 'walkIn' }, false],
    ['overdue (it is)', { overdue: true }, true],
    ['text in the subject', { text: '电梯' }, true],
    ['text in the room', { text: '1502' }, true],
    ['text it does not hold', { text: '漏水' }, false],
    ['another matter', { matterId: 'case-other' }, false],
  ])('%s', (_name, filter, expected) => {
    expect(registerRowMatches(lift, criteriaOf(filter), ADMIN)).toBe(expected);
  });

  it('filters by the desk that registered the case; this desk also owns its cases from before it had a code', () => {
    const fromA = row({ originDeskCode: 'A01' });
    const fromB = row({ originDeskCode: 'B01' });
    const older = row();
    const byA = criteriaOf({ deskCode: ' A01 ' });
    expect(byA).toEqual({ deskCode: 'A01' });
    expect([fromA, fromB, older].map((r) => registerRowMatches(r, byA, CLERK))).toEqual([
      true,
      false,
      false,
    ]);
    const own = registerCriteria({ deskCode: 'B01' }, { ...CTX, ownDeskCode: 'B01' });
    if (!own.ok) throw new Error('refused');
    expect([fromA, fromB, older].map((r) => registerRowMatches(r, own.criteria, CLERK))).toEqual([
      false,
      true,
      true,
    ]);
    // A masked case still shows where it came from: the filter does not reveal its content.
    const secret = row({ originDeskCode: 'A01', flags: ['confidential'] });
    expect(registerRowMatches(secret, byA, CLERK)).toBe(true);
    expect(registerHasCriteria(criteriaOf({ deskCode: '' }))).toBe(false);
  });

  it('counts as overdue only a running deadline before now', () => {
    const overdue = criteriaOf({ overdue: true });
    const future = { ...lift, openDueAt: '2026-10-21T09:30:00.000Z' as IsoInstant };
    const closed = { ...lift, status: 'closed' as const, openDueAt: undefined };
    expect(registerRowMatches(future, overdue, ADMIN)).toBe(false);
    expect(registerRowMatches(closed, overdue, ADMIN)).toBe(false);
    expect(registerRowMatches({ ...lift, openDueAt: NOW }, overdue, ADMIN)).toBe(false);
  });

  it('never matches a masked case by what the mask hides', () => {
    const secret = { ...lift, flags: ['confidential' as const] };
    for (const filter of [
      { text: '电梯' },
      { categoryId: 'lift' },
      { unitId: 'unit-eng' },
      { handlerName: '李强' },
    ]) {
      expect(registerRowMatches(secret, criteriaOf(filter), CLERK)).toBe(false);
      expect(registerRowMatches(secret, criteriaOf(filter), ADMIN)).toBe(true);
    }
    // What the mask leaves visible still filters.
    expect(registerRowMatches(secret, criteriaOf({ kindId: 'complaint' }), CLERK)).toBe(true);
    expect(registerRowMatches(secret, criteriaOf({ overdue: true }), CLERK)).toBe(true);
  });
});

describe('register order and cursors', () => {
  const at = (h: number) => `2026-10-09T0${h}:00:00.000Z` as IsoInstant;
  const rows = [
    row({ id: 'c1' as CaseId, number: '2610-0003', receivedAt: at(1), openDueAt: at(9) }),
    row({ id: 'c2' as CaseId, number: '2610-0001', receivedAt: at(3), openDueAt: undefined }),
    row({ id: 'c3' as CaseId, number: '2610-0002', receivedAt: at(3), openDueAt: at(5) }),
    row({ id: 'c4' as CaseId, number: '2610-0004', receivedAt: at(2), openDueAt: undefined }),
  ];
  const order = (sort: RegisterSort) =>
    [...rows].sort((a, b) => registerCompare(a, b, sort)).map((r) => r.id);

  it.each<[RegisterSort, string[]]>([
    ['receivedDesc', ['c3', 'c2', 'c4', 'c1']],
    ['receivedAsc', ['c1', 'c4', 'c2', 'c3']],
    ['numberAsc', ['c2', 'c3', 'c1', 'c4']],
    ['numberDesc', ['c4', 'c1', 'c3', 'c2']],
    // Running deadlines soonest first, then the rest newest first.
    ['deadlineAsc', ['c3', 'c1', 'c2', 'c4']],
  ])('%s', (sort, expected) => {
    expect(order(sort)).toEqual(expected);
  });

  it.each(REGISTER_SORTS)('%s: a cursor splits the list exactly after its case', (sort) => {
    const sorted = [...rows].sort((a, b) => registerCompare(a, b, sort));
    sorted.forEach((last, i) => {
      const cursor = registerCursorOf(last, sort);
      expect(sorted.filter((r) => registerIsAfter(r, cursor, sort))).toEqual(sorted.slice(i + 1));
    });
  });

  it('puts cases without a running deadline in the second run of the deadline sort', () => {
    expect(rows.map((r) => registerPhaseOf(r, 'deadlineAsc'))).toEqual([0, 1, 0, 1]);
    expect(rows.map((r) => registerPhaseOf(r, 'receivedDesc'))).toEqual([0, 0, 0, 0]);
  });
});

describe('registerPlan', () => {
  it('walks the received index, bounded by the dates, newest first', () => {
    expect(registerPlan(criteriaOf({ receivedFrom: '2026-10-08' }), 'receivedDesc')).toEqual({
      source: 'walk',
      walks: [
        {
          index: '[receivedAt+id]',
          prefix: [],
          from: '2026-10-07T16:00:00.000Z',
          reverse: true,
          phase: 0,
        },
      ],
    });
  });

  it.each<[RegisterFilter, string, string]>([
    [{ status: 'dispatched', kindId: 'complaint' }, '[status+receivedAt+id]', 'dispatched'],
    [{ kindId: 'complaint' }, '[kindId+receivedAt+id]', 'complaint'],
    [{ unitId: 'u1', status: 'accepted' }, '[unitId+receivedAt+id]', 'u1'],
    [{ handlerName: '李强', unitId: 'u1' }, '[handlerName+receivedAt+id]', '李强'],
    [{ categoryId: 'lift', levelId: 'major' }, '[categoryId+receivedAt+id]', 'lift'],
    // A parent category is several values: another index, the predicate checks it.
    [{ categoryId: 'equipment', levelId: 'major' }, '[levelId+receivedAt+id]', 'major'],
    [{ channelId: 'phone' }, '[channelId+receivedAt+id]', 'phone'],
    [{ matterId: 'm1', kindId: 'complaint' }, '[matterId+receivedAt+id]', 'm1'],
    [{ status: 'open', kindId: 'request' }, '[kindId+receivedAt+id]', 'request'],
  ])('walks the most selective equality index for %j', (filter, index, value) => {
    const plan = registerPlan(criteriaOf(filter), 'receivedAsc');
    expect(plan).toMatchObject({
      source: 'walk',
      walks: [{ index, prefix: [value], reverse: false }],
    });
  });

  it('walks running deadlines, then the rest, for the deadline sort', () => {
    const plan = registerPlan(criteriaOf({ kindId: 'complaint' }), 'deadlineAsc');
    expect(plan).toMatchObject({
      source: 'walk',
      walks: [
        { index: '[openDueAt+id]', prefix: [], reverse: false, phase: 0 },
        { index: '[kindId+receivedAt+id]', prefix: ['complaint'], reverse: true, phase: 1 },
      ],
    });
  });

  it('walks only overdue deadlines when asked for overdue cases', () => {
    expect(registerPlan(criteriaOf({ overdue: true, unitId: 'u1' }), 'deadlineAsc')).toEqual({
      source: 'walk',
      walks: [
        { index: '[unitId+openDueAt+id]', prefix: ['u1'], before: NOW, reverse: false, phase: 0 },
      ],
    });
  });

  it('walks the number index for the number sorts', () => {
    expect(registerPlan(criteriaOf({ kindId: 'complaint' }), 'numberDesc')).toEqual({
      source: 'walk',
      walks: [{ index: 'number', prefix: [], reverse: true, phase: 0 }],
    });
  });

  it('lets the full-text index choose the candidates of a search', () => {
    expect(registerPlan(criteriaOf({ text: ' 电梯 ', kindId: 'complaint' }), 'numberAsc')).toEqual({
      source: 'search',
      text: '电梯',
    });
  });
});

describe('registerCount', () => {
  it('counts linked cases once as a matter', () => {
    const m = (matterId: string) => ({ matterId: matterId as CaseId });
    expect(registerCount([m('a'), m('b'), m('a'), m('c'), m('a')])).toEqual({
      cases: 5,
      matters: 3,
    });
    expect(registerCount([])).toEqual({ cases: 0, matters: 0 });
  });
});

describe('registerSearchWalkDone and caseIdTimeFor', () => {
  const at = (iso: string) => ({ receivedAt: iso as IsoInstant });
  const idAt = (iso: string) => newId<CaseId>(Date.parse(iso));

  it('stops only once enough matches are held and the next id is older than the last of them', () => {
    const held = [at('2026-11-05T02:00:00.000Z'), at('2026-11-05T01:00:00.000Z')];
    expect(registerSearchWalkDone(held, 2, idAt('2026-11-05T00:59:59.999Z'))).toBe(true);
    // Same millisecond: that case may have been received at the same time, with a larger id.
    expect(registerSearchWalkDone(held, 2, idAt('2026-11-05T01:00:00.000Z'))).toBe(false);
    expect(registerSearchWalkDone(held, 3, idAt('2026-01-01T00:00:00.000Z'))).toBe(false);
    // An id that is not a UUIDv7 says nothing about its time: keep walking.
    expect(registerSearchWalkDone(held, 2, 'case-1')).toBe(false);
  });

  it('makes an id no older than the receipt', () => {
    const now = Date.parse('2026-11-05T01:00:00.000Z');
    expect(caseIdTimeFor(now, '2026-11-04T01:00:00.000Z' as IsoInstant)).toBe(now);
    expect(caseIdTimeFor(now, '2026-11-05T01:03:00.000Z' as IsoInstant)).toBe(now + 180_000);
    expect(caseIdTimeFor(now, 'not a time' as IsoInstant)).toBe(now);
  });
});
