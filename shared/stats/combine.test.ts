import { describe, expect, it } from 'vitest';
import { PROPERTY_PRESET } from '../rules/presets/property';
import {
  REPORT_DOCUMENT_FORMAT,
  reportDocumentParse,
  statsCombine,
  statsLabelsOf,
  type ReportDocument,
} from './combine';
import { statsOnTimeRate } from './figures';
import { periodOfMonth } from './period';
import { statsReport } from './report';
import { FIXTURE_AS_OF, FIXTURE_CTX, fixtureCase, statsFixture } from './test-fixture';

const november = periodOfMonth(2026, 11, 25);

function documentOf(deskId: string, deskName: string, cases = statsFixture()): ReportDocument {
  return {
    format: REPORT_DOCUMENT_FORMAT,
    version: 1,
    desks: [{ deskId, organisationName: '阳光物业', deskName }],
    period: { year: 2026, month: 11, mode: 'report' },
    labels: statsLabelsOf(PROPERTY_PRESET),
    figures: statsReport({
      cases,
      range: november,
      rules: PROPERTY_PRESET,
      deadlineContext: FIXTURE_CTX,
      asOf: FIXTURE_AS_OF,
    }),
  };
}

const smallDesk = () =>
  documentOf('desk-b', '二号客服台', [
    fixtureCase({
      id: 's1',
      number: 'B-2611-0001',
      received: '2026-11-03T10:00',
      kindId: 'complaint',
      categoryId: 'lift',
      dispatch: { unit: '工程部', handler: '王工' },
      replyAfterWorkingDays: 8,
      followUp: { method: 'visit', score: 2 },
    }),
    fixtureCase({
      id: 's2',
      number: 'B-2611-0002',
      received: '2026-11-04T10:00',
      kindId: 'request',
    }),
  ]);

describe('statsCombine', () => {
  it('sums the desks with the same rules and computes rates from the sums', () => {
    const a = documentOf('desk-a', '一号客服台');
    const b = smallDesk();
    const result = statsCombine([a, b]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const f = result.document.figures;
    expect(result.document.desks.map((d) => d.deskName)).toEqual(['一号客服台', '二号客服台']);
    expect(f.matters).toBe(a.figures.matters + 2);
    expect(f.validComplaints).toBe(a.figures.validComplaints + 1);
    expect(f.byKind).toEqual({ complaint: 158, request: 58 });
    expect(f.byUnit['工程部']?.matters).toBe(127 + 1);
    expect(f.timeliness.late).toBe(40 + 1);
    expect(f.followUp.visits).toBe(43 + 1);
    // The rate of the sums, not the average of the two desks' rates.
    // Desk B: one complaint replied late, one request still open past its deadline.
    expect(statsOnTimeRate(f.timeliness)).toBeCloseTo(117 / (117 + (40 + 1) + (20 + 1)), 10);
    expect(f.notable.filter((n) => n.deskName === '二号客服台')).toHaveLength(2);
  });

  it('refuses reports of different periods and one desk twice', () => {
    const a = documentOf('desk-a', '一号客服台');
    const october = {
      ...smallDesk(),
      period: { year: 2026, month: 10, mode: 'report' as const },
    };
    expect(statsCombine([a, october])).toMatchObject({
      ok: false,
      problem: { code: 'periodsDiffer' },
    });
    expect(statsCombine([a, a])).toMatchObject({
      ok: false,
      problem: { code: 'sameDeskTwice', deskName: '一号客服台' },
    });
    expect(statsCombine([])).toMatchObject({ ok: false, problem: { code: 'noReports' } });
  });
});

describe('reportDocumentParse', () => {
  it('reads a document back from JSON and refuses anything else', () => {
    const a = documentOf('desk-a', '一号客服台');
    expect(reportDocumentParse(JSON.parse(JSON.stringify(a)))).toEqual(
      JSON.parse(JSON.stringify(a)),
    );
    expect(reportDocumentParse({ ...a, format: 'other' })).toBeUndefined();
    expect(reportDocumentParse({ ...a, figures: { ...a.figures, matters: -1 } })).toBeUndefined();
    expect(reportDocumentParse('not json')).toBeUndefined();
  });
});
