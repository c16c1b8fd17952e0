import { describe, expect, it } from 'vitest';
import type { StaffId, UnitId } from '../kernel/brand';
import type { CaseEntity } from '../model/entities';
import { caseAt } from '../workflow/test-builders';
import {
  MASKED_TEXT,
  caseForViewer,
  caseIsMasked,
  caseReadingOf,
  viewerMayReadConfidential,
  viewerReadsCase,
  viewerReadsEveryCase,
  type CaseViewer,
} from './mask';

const ENG = 'unit-eng' as UnitId;
const ADMIN: CaseViewer = { id: 'staff-admin' as StaffId, name: '王芳', roles: ['admin'] };
const SUPERVISOR: CaseViewer = { id: 'staff-s' as StaffId, name: '周敏', roles: ['supervisor'] };
const CLERK: CaseViewer = { id: 'staff-clerk' as StaffId, name: '赵敏', roles: ['clerk'] };
const SHIFT: CaseViewer = { id: 'staff-lead' as StaffId, name: '钱立', roles: ['shiftLead'] };
const HANDLER: CaseViewer = {
  id: 'staff-h' as StaffId,
  name: '李强',
  roles: ['handler'],
  unitId: ENG,
};
const OTHER_HANDLER: CaseViewer = {
  id: 'staff-h2' as StaffId,
  name: '孙丽',
  roles: ['handler'],
  unitId: 'unit-green' as UnitId,
};

function row(overrides: Partial<CaseEntity> = {}): CaseEntity {
  return caseAt('dispatched', {
    customer: { name: '张三', phone: '13800000000', address: '3-2-101' },
    subject: '举报 保安收钱',
    content: '夜班保安收取装修押金不开票',
    unitId: ENG,
    unitName: '工程部',
    handlerName: '刘工',
    ...overrides,
  }).state;
}

describe('viewerMayReadConfidential', () => {
  it.each<[string, CaseViewer, boolean]>([
    ['an administrator', ADMIN, true],
    ['a supervisor', SUPERVISOR, true],
    ['a handler of its unit', HANDLER, true],
    ['its named handler of another unit', { ...OTHER_HANDLER, name: '刘工' }, true],
    ['a handler of another unit', OTHER_HANDLER, false],
    ['a clerk, even the one who registered it', CLERK, false],
    ['a shift lead', SHIFT, false],
    ['a clerk named like its handler', { ...CLERK, name: '刘工' }, false],
  ])('%s → %s', (_who, viewer, expected) => {
    expect(viewerMayReadConfidential(viewer, row({ flags: ['confidential'] }))).toBe(expected);
  });
});

describe('viewerReadsEveryCase', () => {
  it.each<[string, CaseViewer]>([
    ['an administrator', ADMIN],
    ['a supervisor', SUPERVISOR],
    ['a handler', HANDLER],
    ['a clerk', CLERK],
    ['a shift lead', SHIFT],
  ])('%s: only when every flagged case is read in full', (_who, viewer) => {
    const flagged = [
      row({ flags: ['confidential'] }),
      row({ flags: ['reporterWithheld'] }),
      row({ flags: ['confidential'], unitId: 'unit-green' as UnitId, handlerName: '孙丽' }),
    ];
    const every = flagged.every((c) => viewerReadsCase(c, viewer));
    expect(viewerReadsEveryCase(viewer)).toBe(every);
  });
});

describe('caseForViewer', () => {
  it('returns an ordinary case as it is, to anyone', () => {
    const c = row();
    expect(caseForViewer(c, CLERK)).toBe(c);
  });

  it('keeps the shape of a confidential case and drops its identity and content', () => {
    const c = row({ flags: ['confidential'] });
    const seen = caseForViewer(c, CLERK);
    expect(caseIsMasked(seen)).toBe(true);
    expect(seen).toMatchObject({
      id: c.id,
      number: c.number,
      status: c.status,
      receivedAt: c.receivedAt,
      kindId: c.kindId,
      flags: ['confidential'],
      customer: { name: MASKED_TEXT, phone: '', address: '' },
      subject: MASKED_TEXT,
      content: '',
      demand: '',
      searchTerms: [],
    });
    const text = JSON.stringify(seen);
    for (const secret of ['张三', '13800000000', '3-2-101', '保安', '押金', '工程部', '刘工']) {
      expect(text).not.toContain(secret);
    }
    expect(caseForViewer(c, SUPERVISOR)).toBe(c);
    expect(caseForViewer(c, HANDLER)).toBe(c);
  });

  it('withholds the reporter from everyone but supervisors and administrators', () => {
    const c = row({ flags: ['confidential', 'reporterWithheld'] });
    expect(caseReadingOf(c, HANDLER)).toBe('withoutReporter');
    const seen = caseForViewer(c, HANDLER);
    expect(seen.content).toBe(c.content);
    expect(seen.masked).toBe('reporter');
    expect(caseIsMasked(seen)).toBe(false);
    expect(JSON.stringify(seen)).not.toMatch(/张三|13800000000|3-2-101/);
    expect(caseForViewer(c, CLERK).masked).toBe('case');
    expect(caseForViewer(c, ADMIN)).toBe(c);
    expect(caseForViewer(c, SUPERVISOR)).toBe(c);
  });
});
