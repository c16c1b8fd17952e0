import { describe, expect, it } from 'vitest';
import { rolesMayAppend } from '@shared/access/permissions';
import {
  CASE_STATUSES,
  STAFF_ROLES,
  type CaseEntity,
  type CaseStatus,
  type StaffRole,
} from '@shared/model/entities';
import { caseAllowedEvents } from '@shared/workflow/reducer';
import { presetFor } from '@shared/rules/presets';
import { caseAt } from '@shared/workflow/test-builders';
import { isRedispatch } from './case-step';
import { CASE_STEPS, caseStepsOffered } from './case-steps';

const property = presetFor('property');
const hotline = presetFor('hotline');

function offered(
  status: CaseStatus,
  overrides: Partial<CaseEntity> = {},
  rules = property,
  roles: readonly StaffRole[] = ['admin'],
) {
  return caseStepsOffered(caseAt(status, overrides).state, rules, roles).map((step) => step.id);
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

describe('the steps each role is offered', () => {
  it('every step × every role × every state: offered exactly when the role may append it', () => {
    let offeredSomewhere = 0;
    for (const status of CASE_STATUSES) {
      const state = caseAt(status).state;
      const allowed = new Set(caseAllowedEvents(state));
      const all = offered(status);
      for (const role of STAFF_ROLES) {
        const ids = offered(status, {}, property, [role]);
        for (const step of CASE_STEPS) {
          const may = step.events.some((e) => allowed.has(e) && rolesMayAppend([role], e));
          expect(ids.includes(step.id), `${role} ${step.id} in ${status}`).toBe(
            all.includes(step.id) && may,
          );
          if (ids.includes(step.id)) offeredSomewhere += 1;
        }
      }
    }
    expect(offeredSomewhere).toBeGreaterThan(50);
  });

  it('a clerk is not offered the office’s steps; a unit handler not the shift lead’s', () => {
    const clerk = offered('dispatched', {}, property, ['clerk']);
    for (const id of ['supervise', 'markInvalid', 'responsibility', 'exempt', 'dispatch'])
      expect(clerk).not.toContain(id);
    expect(clerk).toContain('note');
    const handler = offered('dispatched', {}, property, ['handler']);
    expect(handler).toEqual(expect.arrayContaining(['accept', 'return', 'reply']));
    for (const id of ['supervise', 'urge', 'dispatch']) expect(handler).not.toContain(id);
    expect(offered('dispatched', {}, property, ['supervisor'])).toContain('supervise');
    // Several roles: the union.
    expect(offered('dispatched', {}, property, ['clerk', 'handler'])).toEqual(
      expect.arrayContaining(['accept', 'note']),
    );
    expect(offered('dispatched', {}, property, [])).toEqual([]);
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
