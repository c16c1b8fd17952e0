import { describe, expect, it } from 'vitest';
import type { CaseEntity, CaseStatus } from '@shared/model/entities';
import { presetFor } from '@shared/rules/presets';
import { caseAt } from '@shared/workflow/test-builders';
import { isRedispatch } from './case-step';
import { caseStepsOffered } from './case-steps';

const property = presetFor('property');
const hotline = presetFor('hotline');

function offered(status: CaseStatus, overrides: Partial<CaseEntity> = {}, rules = property) {
  return caseStepsOffered(caseAt(status, overrides).state, rules).map((step) => step.id);
}

describe('caseStepsOffered', () => {
  it('offers handling directly or dispatching a newly registered case', () => {
    const ids = offered('registered');
    expect(ids).toEqual(expect.arrayContaining(['handleDirectly', 'dispatch', 'escalate', 'urge']));
    expect(ids).not.toContain('accept');
    expect(ids).not.toContain('close');
  });

  it('offers accepting or returning a dispatched case, and replying', () => {
    expect(offered('dispatched')).toEqual(
      expect.arrayContaining(['accept', 'return', 'reply', 'extensionRequest', 'dispatch']),
    );
  });

  it('offers the extension decision only while a request waits', () => {
    expect(offered('accepted')).not.toContain('extensionDecision');
    const pendingExtension = { requestedDueAt: '2026-10-20T09:30:00.000Z', reason: '配件' };
    const waiting = offered('accepted', { pendingExtension } as Partial<CaseEntity>);
    expect(waiting).toContain('extensionDecision');
    expect(waiting).not.toContain('extensionRequest');
  });

  it('offers the follow-up while it is pending, and closing only once it is settled', () => {
    const pending = offered('replied', { followUp: { state: 'pending', attempts: 0 } });
    expect(pending).toContain('followUp');
    expect(pending).not.toContain('close');
    const done = offered('replied', { followUp: { state: 'done', attempts: 0 } });
    expect(done).toContain('close');
    expect(done).not.toContain('followUp');
  });

  it('offers reopening a closed case and nothing of its open workflow', () => {
    const ids = offered('closed');
    expect(ids).toContain('reopen');
    expect(ids).not.toContain('urge');
    expect(ids).not.toContain('dispatch');
  });

  it('offers internal review for an escalated case, and the consultation after it', () => {
    expect(offered('escalated')).toContain('review');
    expect(offered('underReview')).toEqual(expect.arrayContaining(['review', 'consult']));
  });

  it('offers conversion only for an inquiry, and judging validity only for a complaint', () => {
    const inquiry = offered('registered', { kindId: 'inquiry' }, hotline);
    expect(inquiry).toContain('convert');
    expect(inquiry).not.toContain('markInvalid');
    const complaint = offered('registered', { kindId: 'complaintReport' }, hotline);
    expect(complaint).not.toContain('convert');
    expect(complaint).toContain('markInvalid');
    expect(offered('registered', { valid: false })).not.toContain('markInvalid');
  });

  it('offers the exemption once, and only with a deadline', () => {
    expect(offered('dispatched')).toContain('exempt');
    expect(offered('dispatched', { exemptReason: '工期长' })).not.toContain('exempt');
    expect(offered('dispatched', { deadline: undefined })).not.toContain('exempt');
  });
});

describe('isRedispatch', () => {
  it('is a re-dispatch once the case had a unit', () => {
    expect(isRedispatch(caseAt('registered').state)).toBe(false);
    expect(isRedispatch(caseAt('returned', { unitId: 'u' as CaseEntity['unitId'] }).state)).toBe(
      true,
    );
  });
});
