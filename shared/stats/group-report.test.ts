import { describe, expect, it } from 'vitest';
import { PROPERTY_PRESET } from '../rules/presets/property';
import { statsCombine, reportDocumentParse, type ReportDocument } from './combine';
import { statsOnTimeRate } from './figures';
import { GroupCaseLog, statsGroupReport, type DeskEvent } from './group-report';
import { periodOfMonth } from './period';
import { statsReport } from './report';
import {
  FIXTURE_AS_OF,
  FIXTURE_CTX,
  fixtureCase,
  fixtureEvents,
  statsFixtureGroups,
} from './test-fixture';

/**
 * Two desks of the November fixture: desk N1 received groups A (80 complaints replied in time),
 * F (15 further reports of A's matters) and D (20 open and overdue); desk N2 received B (40
 * replied late), C (30 requests in time) and J (4 major, in time). Desk N2's handlers worked A's
 * first ten cases (a dispatch across desks): their later events come from N2, the cases stay N1's.
 */
function twoDesks(): DeskEvent[] {
  const groups = statsFixtureGroups();
  const events: DeskEvent[] = [];
  for (const [desk, names] of [
    ['N1', ['A', 'F', 'D']],
    ['N2', ['B', 'C', 'J']],
  ] as const) {
    for (const name of names) {
      for (const [i, spec] of (groups[name] ?? []).entries()) {
        for (const event of fixtureEvents(spec)) {
          const crossDesk = name === 'A' && i < 10 && event.type !== 'case/received';
          events.push({ ...event, originDeskCode: crossDesk ? 'N2' : desk });
        }
      }
    }
  }
  return events;
}

const DESKS = [
  { code: 'N1', name: '北区客服台' },
  { code: 'N2', name: '南区客服台' },
  { code: 'N3', name: '东区客服台' },
];

function groupReportOf(log: GroupCaseLog): ReportDocument {
  return statsGroupReport({
    organisationName: '阳光物业',
    desks: DESKS,
    cases: log.cases(),
    period: { year: 2026, month: 11, mode: 'report' },
    rules: PROPERTY_PRESET,
    deadlineContext: FIXTURE_CTX,
    asOf: FIXTURE_AS_OF,
  });
}

/** A deterministic shuffle, so a failure can be replayed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let a = seed >>> 0;
  const random = () => {
    a = (a * 1664525 + 1013904223) >>> 0;
    return a / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('the group monthly report from the events of many desks', () => {
  it('counts every desk with the desk report rules and breaks the figures down by desk', () => {
    const log = new GroupCaseLog();
    log.add(twoDesks());
    const doc = groupReportOf(log);
    const f = doc.figures;
    expect(f.range).toEqual({ first: '2026-10-25', last: '2026-11-24' });
    // 80 + 20 on N1 (F's further reports merge into A's matters), 40 + 30 + 4 on N2.
    expect(f.matters).toBe(174);
    expect(f.reports).toBe(189);
    expect(f.timeliness).toMatchObject({ onTime: 114, late: 40, openOverdue: 20 });
    expect(statsOnTimeRate(f.timeliness)).toBeCloseTo(114 / 174, 10);
    expect(f.byDesk?.['北区客服台']).toMatchObject({
      matters: 100,
      timeliness: { onTime: 80, openOverdue: 20, late: 0 },
      followUp: { followedUp: 80, satisfied: 80 },
    });
    expect(f.byDesk?.['南区客服台']).toMatchObject({
      matters: 74,
      timeliness: { onTime: 34, late: 40, openOverdue: 0 },
      followUp: { followedUp: 54, visits: 40 },
    });
    // A desk with nothing this month is listed with zeros.
    expect(f.byDesk?.['东区客服台']).toMatchObject({ matters: 0 });
    // The notable matters name their desk: N1's 20 overdue, N2's 40 late and 4 major.
    expect(f.notable.filter((n) => n.deskName === '北区客服台')).toHaveLength(20);
    expect(f.notable.filter((n) => n.deskName === '南区客服台')).toHaveLength(44);
    expect(doc.desks.map((d) => d.deskName)).toEqual(['北区客服台', '南区客服台', '东区客服台']);
    // The document travels like a desk's monthly report (it parses as one).
    expect(reportDocumentParse(JSON.parse(JSON.stringify(doc)))).toBeDefined();
  });

  it('gives the figures of one desk holding the same cases (the same statistics code)', () => {
    const groups = statsFixtureGroups();
    const cases = ['A', 'F', 'D', 'B', 'C', 'J'].flatMap((name) =>
      (groups[name] ?? []).map((spec) => fixtureCase(spec)),
    );
    const oneDesk = statsReport({
      cases,
      range: periodOfMonth(2026, 11, 25),
      rules: PROPERTY_PRESET,
      deadlineContext: FIXTURE_CTX,
      asOf: FIXTURE_AS_OF,
    });
    const log = new GroupCaseLog();
    log.add(twoDesks());
    const { byDesk, notable, ...group } = groupReportOf(log).figures;
    const { notable: deskNotable, ...desk } = oneDesk;
    expect(group).toEqual(desk);
    expect(notable.map(({ deskName: _, ...n }) => n)).toEqual(deskNotable);
    expect(Object.values(byDesk ?? {}).reduce((n, g) => n + g.matters, 0)).toBe(oneDesk.matters);
  });

  it('gives the same report whatever the order, the pages and the duplicates of the events', () => {
    const events = twoDesks();
    const reference = new GroupCaseLog();
    reference.add(events);
    const expected = groupReportOf(reference);
    for (const seed of [1, 2, 3]) {
      const log = new GroupCaseLog();
      // Pages of 97 as a pull delivers them, a tenth of the events delivered again.
      const delivered = shuffled([...events, ...events.filter((_, i) => i % 10 === seed)], seed);
      for (let i = 0; i < delivered.length; i += 97) log.add(delivered.slice(i, i + 97));
      expect(log.eventCount).toBe(events.length);
      expect(groupReportOf(log)).toEqual(expected);
    }
  });

  it('leaves out a case whose intake has not arrived yet', () => {
    const events = twoDesks();
    const intake = events.find((e) => e.type === 'case/received' && e.caseId === 'd000');
    const log = new GroupCaseLog();
    log.add(events.filter((e) => e !== intake));
    const f = groupReportOf(log).figures;
    expect(f.matters).toBe(173);
    expect(f.byDesk?.['北区客服台']?.timeliness.openOverdue).toBe(19);
  });

  it('sums again with the file-based group report, keeping the breakdown by desk', () => {
    const log = new GroupCaseLog();
    log.add(twoDesks());
    const doc = groupReportOf(log);
    const combined = statsCombine([doc]);
    expect(combined.ok && combined.document.figures.byDesk).toEqual(doc.figures.byDesk);
  });
});
