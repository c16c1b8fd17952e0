import { describe, expect, it } from 'vitest';
import { PROPERTY_PRESET } from '../rules/presets/property';
import {
  statsAverageReplyDays,
  statsAverageScore,
  statsFollowUpRate,
  statsOnTimeRate,
  statsSatisfiedShare,
  statsVisitShare,
} from './figures';
import { mattersInRange } from './matters';
import { periodOfMonth } from './period';
import { statsReport } from './report';
import {
  FIXTURE_AS_OF,
  FIXTURE_CTX,
  fixtureCase,
  statsFixture,
  statsFixtureGroups,
} from './test-fixture';

const november = periodOfMonth(2026, 11, PROPERTY_PRESET.reportPeriodStartDay);

function novemberReport() {
  return statsReport({
    cases: statsFixture(),
    range: november,
    rules: PROPERTY_PRESET,
    deadlineContext: FIXTURE_CTX,
    asOf: FIXTURE_AS_OF,
  });
}

describe('the monthly report of a property desk, November 2026 (Oct 25 to Nov 24)', () => {
  // Group sizes of the fixture (test-fixture.ts), from which every figure below is worked out:
  // A 80 complaints on time, phone 5 | B 40 complaints late, visit 5 | C 30 requests, 10
  // unsatisfied (score 4), 20 not sampled | D 20 open overdue | E 10 exempt | I 12 invalid
  // complaints | J 4 major | L 3 of one customer, visit 5 | F 15 further reports of A |
  // G 1 matter of Oct 20 + 5 further reports | H 6 + 7 + 8 + 9 answered on the edges.
  const report = novemberReport();

  it('has a few hundred cases in the fixture', () => {
    const sizes = Object.values(statsFixtureGroups()).map((g) => g.length);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(
      80 + 40 + 30 + 20 + 10 + 12 + 4 + 3 + 15 + 6 + 30,
    );
  });

  it('counts each matter once, in the period of its first report, and the edges right', () => {
    // A B C D E I J L + the edge cases of Oct 25 00:00 (7) and Nov 24 23:59 (8).
    expect(report.matters).toBe(80 + 40 + 30 + 20 + 10 + 12 + 4 + 3 + 7 + 8);
    // Every case received in the period, further reports (F 15, G 5) included.
    expect(report.reports).toBe(report.matters + 15 + 5);
  });

  it('counts valid complaints, invalid complaints as requests, and requests', () => {
    expect(report.validComplaints).toBe(80 + 40 + 20 + 10 + 4 + 3);
    expect(report.invalidComplaints).toBe(12);
    expect(report.requests).toBe(30 + 15 + 12);
    expect(report.byKind).toEqual({ complaint: 157, request: 57 });
  });

  it('counts by first-level category of the kind counted under, and by level', () => {
    expect(report.byCategory).toEqual({
      'complaint/equipment': 80,
      'complaint/environment': 40,
      'complaint/order': 20,
      'complaint/building': 10 + 3,
      'complaint/generalServices': 4,
      'request/basicService': 30,
      'request/inquiryService': 15,
      // Invalid complaints filed under a complaint category count as requests without one.
      'request/': 12,
    });
    expect(report.byLevel).toEqual({ general: 214 - 4, major: 4 });
  });

  it('counts under the final cause, not the intake category', () => {
    expect(report.byFinalCause).toEqual({
      equipmentFault: 80,
      // B was filed as cleaning; the cause found was staff attitude.
      serviceAttitude: 40,
      other: 20,
      feeDispute: 4,
      repairDelay: 3,
      // Not closed (C 10, D 20, E 10, H 15) or closed as invalid without a cause (I 12).
      '': 10 + 20 + 10 + 15 + 12,
    });
  });

  it('measures timeliness in working days; exempt cases are never overdue', () => {
    expect(report.timeliness).toEqual({
      onTime: 80 + 30 + 4 + 3,
      late: 40,
      openOverdue: 20,
      openInTime: 0,
      exempt: 10,
      uncounted: 15 + 12,
      replied: 80 + 40 + 30 + 4 + 3 + 15,
      // The 8 cases of Nov 24 23:59 were answered five minutes later: on Wednesday the 25th.
      replyWorkingDays: 80 * 2 + 40 * 7 + 30 * 3 + 4 * 1 + 3 * 2 + 7 * 0 + 8 * 1,
      // The property preset sets no dispatch or interim deadline.
      dispatchOnTime: 0,
      dispatchLate: 0,
      interimOnTime: 0,
      interimLate: 0,
    });
    expect(statsOnTimeRate(report.timeliness)).toBeCloseTo(117 / (117 + 40 + 20), 10);
    expect(statsAverageReplyDays(report.timeliness)).toBeCloseTo(548 / 172, 10);
  });

  it('computes the follow-up rate, visit share and satisfaction', () => {
    expect(report.followUp).toEqual({
      replied: 172,
      followedUp: 80 + 40 + 10 + 4 + 3,
      visits: 40 + 3,
      scoreTotal: 80 * 5 + 40 * 5 + 10 * 4 + 4 * 5 + 3 * 5,
      satisfied: 80 + 40 + 4 + 3,
      unreachable: 0,
      waived: 20 + 15,
      pending: 0,
    });
    expect(statsFollowUpRate(report.followUp)).toBeCloseTo(137 / 172, 10);
    expect(statsVisitShare(report.followUp)).toBeCloseTo(43 / 137, 10);
    expect(statsAverageScore(report.followUp)).toBeCloseTo(675 / 137, 10);
    expect(statsSatisfiedShare(report.followUp)).toBeCloseTo(127 / 137, 10);
  });

  it('breaks the figures down by handling unit and handler', () => {
    expect(
      Object.fromEntries(Object.entries(report.byUnit).map(([k, g]) => [k, g.matters])),
    ).toEqual({
      工程部: 80 + 30 + 10 + 4 + 3,
      保洁部: 40,
      保安部: 20,
      '': 15 + 12,
    });
    const engineering = report.byUnit['工程部'];
    expect(engineering?.timeliness.onTime).toBe(80 + 30 + 4 + 3);
    expect(engineering?.timeliness.exempt).toBe(10);
    expect(report.byUnit['保洁部']?.followUp.visits).toBe(40);
    expect(report.byHandler['李强']?.matters).toBe(127);
  });

  it('lists the major and the overdue matters by number', () => {
    expect(report.notable.filter((n) => n.major)).toHaveLength(4);
    expect(report.notable.filter((n) => n.overdue)).toHaveLength(40 + 20);
    expect(report.notable).toHaveLength(64);
    expect(report.notable.find((n) => n.major)?.unitName).toBe('工程部');
  });
});

describe('linked matters', () => {
  it('counts a matter in the period of its first report even when the lead is linked later', () => {
    // The second report came first: the matter belongs to October's period.
    const lead = fixtureCase({
      id: 'x1',
      number: '2611-9001',
      received: '2026-10-26T10:00',
      kindId: 'complaint',
      matterId: 'x1',
    });
    const earlier = fixtureCase({
      id: 'x2',
      number: '2610-9002',
      received: '2026-10-23T10:00',
      kindId: 'complaint',
      matterId: 'x1',
    });
    expect(mattersInRange([lead, earlier], november, 'Asia/Shanghai')).toHaveLength(0);
    const october = periodOfMonth(2026, 10, 25);
    const [matter] = mattersInRange([lead, earlier], october, 'Asia/Shanghai');
    expect(matter?.lead.id).toBe('x1');
    expect(matter?.cases).toHaveLength(2);
  });

  it('takes the final cause from a linked report when the lead has none', () => {
    const lead = fixtureCase({
      id: 'y1',
      number: '2611-9101',
      received: '2026-11-02T10:00',
      kindId: 'complaint',
    });
    const other = fixtureCase({
      id: 'y2',
      number: '2611-9102',
      received: '2026-11-02T11:00',
      kindId: 'complaint',
      matterId: 'y1',
      dispatch: { unit: '工程部', handler: '李强' },
      replyAfterWorkingDays: 1,
      followUp: { method: 'phone', score: 5 },
      closeWith: 'repairDelay',
    });
    const report = statsReport({
      cases: [lead, other],
      range: november,
      rules: PROPERTY_PRESET,
      deadlineContext: FIXTURE_CTX,
      asOf: FIXTURE_AS_OF,
    });
    expect(report.matters).toBe(1);
    expect(report.byFinalCause).toEqual({ repairDelay: 1 });
  });
});
