import { describe, expect, it } from 'vitest';
import type { CaseId, IsoInstant } from '../kernel/brand';
import {
  matterLinkPlan,
  matterPlanResult,
  matterRoot,
  matterUnlinkPlan,
  type MatterMember,
} from './matters';

function member(id: string, hour: number, matterId: string = id): MatterMember {
  return {
    id: id as CaseId,
    matterId: matterId as CaseId,
    receivedAt: `2026-10-09T${String(hour).padStart(2, '0')}:00:00.000Z` as IsoInstant,
  };
}

/** Applies a plan and returns each case's matter id, by case id. */
function after(members: readonly MatterMember[], plan: ReturnType<typeof matterLinkPlan>) {
  if (!plan.ok) throw new Error(plan.code);
  return Object.fromEntries(matterPlanResult(members, plan.steps));
}

describe('matterRoot', () => {
  it('is the earliest received, the smaller id among equal times', () => {
    expect(matterRoot([member('b', 3), member('a', 5), member('c', 3)])?.id).toBe('b');
    expect(matterRoot([])).toBeUndefined();
  });
});

describe('matterLinkPlan', () => {
  it('links two single cases under the earlier one, with an event on each', () => {
    const a = member('a', 5);
    const b = member('b', 2);
    const plan = matterLinkPlan(a, [a], b, [b]);
    expect(plan).toEqual({
      ok: true,
      steps: [
        { caseId: 'a', type: 'case/linked', payload: { matterId: 'b', otherCaseId: 'b' } },
        { caseId: 'b', type: 'case/linked', payload: { matterId: 'b', otherCaseId: 'a' } },
      ],
    });
    expect(after([a, b], plan)).toEqual({ a: 'b', b: 'b' });
  });

  it('moves the whole later matter, not only the case that was linked', () => {
    // Matter x: x1 (root, 1h), x2. Matter y: y1 (root, 4h), y2, y3.
    const x1 = member('x1', 1);
    const x2 = member('x2', 6, 'x1');
    const y1 = member('y1', 4);
    const y2 = member('y2', 7, 'y1');
    const y3 = member('y3', 8, 'y1');
    const plan = matterLinkPlan(y2, [y1, y2, y3], x2, [x1, x2]);
    expect(after([x1, x2, y1, y2, y3], plan)).toEqual({
      x1: 'x1',
      x2: 'x1',
      y1: 'x1',
      y2: 'x1',
      y3: 'x1',
    });
    if (plan.ok) expect(plan.steps).toHaveLength(4);
  });

  it('refuses a self-link and cases already of one matter', () => {
    const a = member('a', 1);
    const b = member('b', 2, 'a');
    expect(matterLinkPlan(a, [a], a, [a])).toEqual({ ok: false, code: 'selfLink' });
    expect(matterLinkPlan(b, [a, b], a, [a, b])).toEqual({ ok: false, code: 'alreadyLinked' });
  });
});

describe('matterUnlinkPlan', () => {
  const a = member('a', 1);
  const b = member('b', 2, 'a');
  const c = member('c', 3, 'a');

  it('splits a matter of two into two single cases', () => {
    const plan = matterUnlinkPlan(b, [a, b]);
    expect(plan).toEqual({
      ok: true,
      steps: [
        { caseId: 'b', type: 'case/unlinked', payload: { otherCaseId: 'a' } },
        { caseId: 'a', type: 'case/unlinked', payload: { otherCaseId: 'b' } },
      ],
    });
    expect(after([a, b], plan)).toEqual({ a: 'a', b: 'b' });
  });

  it('takes a later case out and leaves the rest together', () => {
    expect(after([a, b, c], matterUnlinkPlan(c, [a, b, c]))).toEqual({ a: 'a', b: 'a', c: 'c' });
  });

  it('gives the matter a new root when its root leaves', () => {
    const plan = matterUnlinkPlan(a, [a, b, c]);
    expect(after([a, b, c], plan)).toEqual({ a: 'a', b: 'b', c: 'b' });
    if (plan.ok) {
      expect(plan.steps.map((s) => `${s.caseId}:${s.type}`)).toEqual([
        'a:case/unlinked',
        'b:case/unlinked',
        'c:case/linked',
      ]);
    }
  });

  it('refuses to unlink a case that is alone', () => {
    expect(matterUnlinkPlan(a, [a])).toEqual({ ok: false, code: 'notLinked' });
  });
});
