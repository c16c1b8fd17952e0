import { describe, expect, it } from 'vitest';
import { HOSPITAL_PRESET } from '../rules/presets/hospital';
import { PROPERTY_PRESET } from '../rules/presets/property';
import { statsPareto } from './pareto';
import { statsPerPersonYear } from './per-person';
import { periodOfQuarter } from './period';
import { statsQuarterly } from './quarterly';
import { FIXTURE_AS_OF, FIXTURE_CTX, fixtureCase, statsFixture } from './test-fixture';

describe('statsPareto', () => {
  it('sorts causes by count with cumulative shares and marks the causes that make up 80%', () => {
    const table = statsPareto({ a: 10, b: 50, c: 25, d: 10, e: 5, '': 7 }, ['d', 'a']);
    expect(table.total).toBe(100);
    expect(table.undetermined).toBe(7);
    expect(table.rows.map((r) => [r.causeId, r.count, r.cumulativeShare, r.vital])).toEqual([
      ['b', 50, 0.5, true],
      ['c', 25, 0.75, true],
      // Reaches 80% (85%): included; ties keep the rules' order (d before a).
      ['d', 10, 0.85, true],
      ['a', 10, 0.95, false],
      ['e', 5, 1, false],
    ]);
  });

  it('stops at the row that reaches exactly 80%', () => {
    const table = statsPareto({ a: 4, b: 1 });
    expect(table.rows.map((r) => r.vital)).toEqual([true, false]);
  });

  it('is empty when nothing was closed', () => {
    expect(statsPareto({ '': 3 })).toEqual({ rows: [], total: 0, undetermined: 3 });
  });
});

describe('the quarterly analysis of Q4 2026 (Sep 25 to Dec 24)', () => {
  const quarterly = statsQuarterly({
    cases: statsFixture(),
    quarter: periodOfQuarter(2026, 4, 25),
    rules: PROPERTY_PRESET,
    deadlineContext: FIXTURE_CTX,
    asOf: FIXTURE_AS_OF,
  });

  it('trends by month: October holds the matter of Oct 20 and the 6 edge cases of Oct 24', () => {
    expect(quarterly.months.map((m) => m.matters)).toEqual([1 + 6, 214, 9]);
    expect(quarterly.total.matters).toBe(7 + 214 + 9);
  });

  it('ranks the final causes', () => {
    const total = 80 + 40 + 20 + 4 + 3;
    expect(quarterly.pareto.total).toBe(total);
    expect(quarterly.pareto.rows.map((r) => r.causeId)).toEqual([
      'equipmentFault',
      'serviceAttitude',
      'other',
      'feeDispute',
      'repairDelay',
    ]);
    expect(quarterly.pareto.rows[1]?.cumulativeShare).toBeCloseTo(120 / total, 10);
    expect(quarterly.pareto.rows.filter((r) => r.vital)).toHaveLength(2);
  });

  it('finds the customer who complained about three matters', () => {
    expect(quarterly.repeatCustomers).toHaveLength(1);
    expect(quarterly.repeatCustomers[0]).toMatchObject({ name: '周老师', matters: 3 });
  });

  it('lists the most overdue open matters first', () => {
    expect(quarterly.unresolved).toHaveLength(10);
    const [first, second] = quarterly.unresolved;
    // G's first report: received Tue Oct 20, due Tue Oct 27 17:30, never dispatched: 21
    // working days late by Wed Nov 25.
    expect(first).toMatchObject({ subject: '三号楼电梯故障停运', overdueWorkingDays: 21 });
    expect(first?.unitName).toBeUndefined();
    // Then the cases of Mon Oct 26 (due Mon Nov 2 17:30, 17 working days late), oldest first:
    // a request back in remedial work since its follow-up (09:00), D's first complaint (14:00).
    expect(second).toMatchObject({
      unitName: '工程部',
      overdueWorkingDays: 17,
      status: 'accepted',
    });
    expect(quarterly.unresolved[2]).toMatchObject({ unitName: '保安部', overdueWorkingDays: 17 });
  });
});

describe('statsPerPersonYear (hospital)', () => {
  const spec = (id: string, person: string, levelId: string, valid = true) =>
    fixtureCase(
      {
        id,
        number: `2603-${id}`,
        received: '2026-03-02T10:00',
        kindId: 'complaint',
        categoryId: 'poorAttitude',
        levelId,
        responsibility: { unit: '门诊部', person, valid },
      },
      HOSPITAL_PRESET,
    );

  it('counts confirmed complaints per person by level, once per matter', () => {
    const linked = fixtureCase(
      {
        id: 'p9',
        number: '2603-p9',
        received: '2026-03-03T10:00',
        kindId: 'complaint',
        levelId: 'level3',
        matterId: 'p1',
        responsibility: { unit: '门诊部', person: '刘医生', valid: true },
      },
      HOSPITAL_PRESET,
    );
    const rows = statsPerPersonYear(
      [
        spec('p1', '刘医生', 'level3'),
        linked,
        spec('p2', '刘医生', 'level2'),
        spec('p3', '陈护士', 'level3'),
        spec('p4', '陈护士', 'level1', false),
      ],
      2026,
      HOSPITAL_PRESET,
      'Asia/Shanghai',
    );
    expect(rows).toEqual([
      { unitName: '门诊部', personName: '刘医生', byLevel: { level3: 1, level2: 1 }, total: 2 },
      { unitName: '门诊部', personName: '陈护士', byLevel: { level3: 1 }, total: 1 },
    ]);
  });
});
