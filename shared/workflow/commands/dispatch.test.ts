import { describe, expect, it } from 'vitest';
import type { UnitId } from '../../kernel/brand';
import type { CaseDeadline } from '../../model/entities';
import {
  dispatchCheck,
  dispatchPayload,
  dispatchProposedDeadline,
  type DispatchInput,
} from './dispatch';
import { commandContextAt, sh } from './test-context';

/** A property complaint received the day before National Day. */
const complaint = {
  kindId: 'complaint',
  levelId: 'general',
  flags: [],
  receivedAt: sh('2026-09-30 10:00'),
  deadline: { dueAt: sh('2026-10-13 17:30'), basis: 'handling' } satisfies CaseDeadline,
} as const;

const form = (overrides: Partial<DispatchInput> = {}): DispatchInput => ({
  unitName: ' 工程部 ',
  handlerName: '李强',
  dueMode: 'rules',
  dueAtLocal: '',
  deadlineReason: '',
  instructions: '',
  ...overrides,
});

describe('dispatchProposedDeadline', () => {
  it('counts the handling deadline from the intake across National Day', () => {
    const ctx = commandContextAt('2026-10-08 09:00');
    // Oct 1-7 off; Oct 8, 9, Sat 10 (make-up), 12, 13.
    expect(dispatchProposedDeadline(complaint, ctx)).toEqual({
      dueAt: sh('2026-10-13 17:30'),
      basis: 'handling',
    });
  });

  it('keeps the deadline an escalation or an approved extension set', () => {
    const ctx = commandContextAt('2026-10-08 09:00');
    for (const basis of ['escalated', 'extension', 'recomputed'] as const) {
      const deadline = { dueAt: sh('2026-10-27 17:30'), basis };
      expect(dispatchProposedDeadline({ ...complaint, deadline }, ctx)).toEqual(deadline);
    }
  });

  it('recounts after a manual deadline: a re-dispatch proposes the rules again', () => {
    const ctx = commandContextAt('2026-10-08 09:00');
    const deadline = { dueAt: sh('2026-10-20 12:00'), basis: 'manual' as const };
    expect(dispatchProposedDeadline({ ...complaint, deadline }, ctx)?.dueAt).toBe(
      sh('2026-10-13 17:30'),
    );
  });

  it('uses the case deadline when no rule covers the kind', () => {
    const ctx = commandContextAt('2026-10-08 09:00');
    expect(dispatchProposedDeadline({ ...complaint, kindId: 'unknown' }, ctx)).toEqual(
      complaint.deadline,
    );
    expect(
      dispatchProposedDeadline({ ...complaint, kindId: 'unknown', deadline: undefined }, ctx),
    ).toBeUndefined();
  });
});

describe('dispatchCheck', () => {
  const ctx = commandContextAt('2026-09-30 11:00');

  it('builds the payload with the rules deadline and trimmed names', () => {
    const result = dispatchCheck(form({ instructions: '今天派人查看' }), complaint, ctx);
    expect(result).toEqual({
      ok: true,
      payload: {
        unitName: '工程部',
        handlerName: '李强',
        deadline: { dueAt: sh('2026-10-13 17:30'), basis: 'handling' },
        instructions: '今天派人查看',
      },
    });
    if (!result.ok) throw new Error('expected ok');
    expect(dispatchPayload(result.payload, 'unit-1' as UnitId).unitId).toBe('unit-1');
  });

  it('leaves empty optional fields out of the payload', () => {
    const result = dispatchCheck(form({ handlerName: ' ' }), complaint, ctx);
    expect(result.ok && Object.keys(result.payload).sort()).toEqual(['deadline', 'unitName']);
  });

  it('takes a manual deadline with its reason', () => {
    const result = dispatchCheck(
      form({ dueMode: 'manual', dueAtLocal: '2026-10-09T12:00', deadlineReason: '与业主约定' }),
      complaint,
      ctx,
    );
    expect(result.ok && result.payload.deadline).toEqual({
      dueAt: sh('2026-10-09 12:00'),
      basis: 'manual',
    });
    expect(result.ok && result.payload.deadlineReason).toBe('与业主约定');
  });

  it.each([
    ['no unit', form({ unitName: '  ' }), [{ field: 'unitName', code: 'required' }]],
    [
      'a unit name longer than a unit may have',
      form({ unitName: '部'.repeat(51) }),
      [{ field: 'unitName', code: 'tooLong' }],
    ],
    [
      'a manual deadline before the intake',
      form({ dueMode: 'manual', dueAtLocal: '2026-09-29T17:30', deadlineReason: '约定' }),
      [{ field: 'dueAt', code: 'beforeIntake' }],
    ],
    [
      'a manual deadline at the intake itself',
      form({ dueMode: 'manual', dueAtLocal: '2026-09-30T10:00', deadlineReason: '约定' }),
      [{ field: 'dueAt', code: 'beforeIntake' }],
    ],
    [
      'a manual deadline already past',
      form({ dueMode: 'manual', dueAtLocal: '2026-09-30T10:30', deadlineReason: '约定' }),
      [{ field: 'dueAt', code: 'notInFuture' }],
    ],
    [
      'a manual deadline without a reason',
      form({ dueMode: 'manual', dueAtLocal: '2026-10-09T12:00' }),
      [{ field: 'deadlineReason', code: 'required' }],
    ],
    [
      'a manual deadline that is no date',
      form({ dueMode: 'manual', dueAtLocal: '2026-02-30T12:00', deadlineReason: '约定' }),
      [{ field: 'dueAt', code: 'invalidTime' }],
    ],
    [
      'a manual deadline left empty',
      form({ dueMode: 'manual', deadlineReason: '约定' }),
      [{ field: 'dueAt', code: 'required' }],
    ],
    [
      'instructions too long',
      form({ instructions: '长'.repeat(2001) }),
      [{ field: 'instructions', code: 'tooLong' }],
    ],
  ])('refuses %s', (_name, input, errors) => {
    expect(dispatchCheck(input, complaint, ctx)).toEqual({ ok: false, errors });
  });

  it('asks for a deadline when the rules set none, without a reason to differ from them', () => {
    const bare = { ...complaint, kindId: 'unknown', deadline: undefined };
    expect(dispatchCheck(form(), bare, ctx)).toEqual({
      ok: false,
      errors: [{ field: 'dueAt', code: 'required' }],
    });
    const manual = dispatchCheck(
      form({ dueMode: 'manual', dueAtLocal: '2026-10-09T12:00' }),
      bare,
      ctx,
    );
    expect(manual.ok).toBe(true);
  });
});
