import { describe, expect, it } from 'vitest';
import type { CaseDeadline } from '../../model/entities';
import { extensionDecisionCommand, extensionLatest, extensionRequestCommand } from './extension';
import { commandContextAt, sh } from './test-context';

/** A hospital complaint due at the close of Friday 2026-10-09. */
const due = {
  deadline: { dueAt: sh('2026-10-09 17:30'), basis: 'handling' } satisfies CaseDeadline,
};

describe('extensionLatest', () => {
  it('caps a hospital extension at 5 working days after the current deadline', () => {
    const ctx = commandContextAt('2026-10-09 10:00', 'hospital');
    // Sat Oct 10 (make-up), 12, 13, 14, 15.
    expect(extensionLatest(due, ctx)).toBe(sh('2026-10-15 17:30'));
  });

  it('sets no cap where the rules set none', () => {
    expect(extensionLatest(due, commandContextAt('2026-10-09 10:00', 'property'))).toBeUndefined();
  });
});

describe('extensionRequestCommand', () => {
  const ctx = commandContextAt('2026-10-09 10:00', 'hospital');

  it('asks for a later deadline with a reason', () => {
    expect(
      extensionRequestCommand(
        { requestedDueAtLocal: '2026-10-14T17:30', reason: '需会同医务科调查' },
        due,
        ctx,
      ),
    ).toEqual({
      ok: true,
      payload: { requestedDueAt: sh('2026-10-14 17:30'), reason: '需会同医务科调查' },
    });
  });

  it.each([
    ['earlier than the deadline', '2026-10-09T12:00', 'notAfterDeadline'],
    ['the deadline itself', '2026-10-09T17:30', 'notAfterDeadline'],
    ['past the cap', '2026-10-16T09:00', 'beyondMaxExtension'],
    ['no date', '2026-13-01T09:00', 'invalidTime'],
    ['nothing', '', 'required'],
  ])('refuses %s', (_name, requestedDueAtLocal, code) => {
    expect(extensionRequestCommand({ requestedDueAtLocal, reason: '原因' }, due, ctx)).toEqual({
      ok: false,
      errors: [{ field: 'requestedDueAt', code }],
    });
  });

  it('without a deadline, asks for a time after now', () => {
    expect(
      extensionRequestCommand(
        { requestedDueAtLocal: '2026-10-09T09:00', reason: '原因' },
        { deadline: undefined },
        ctx,
      ),
    ).toEqual({ ok: false, errors: [{ field: 'requestedDueAt', code: 'notInFuture' }] });
  });

  it('requires the reason', () => {
    const result = extensionRequestCommand(
      { requestedDueAtLocal: '2026-10-12T17:30', reason: ' ' },
      due,
      ctx,
    );
    expect(result).toEqual({ ok: false, errors: [{ field: 'reason', code: 'required' }] });
  });
});

describe('extensionDecisionCommand', () => {
  const pending = {
    pendingExtension: { requestedDueAt: sh('2026-10-14 17:30'), reason: '调查' },
  };

  it('approval moves the deadline to the date asked for', () => {
    expect(extensionDecisionCommand({ approved: true, note: '' }, pending)).toEqual({
      ok: true,
      payload: { approved: true, deadline: { dueAt: sh('2026-10-14 17:30'), basis: 'extension' } },
    });
  });

  it('a refusal needs its reason and keeps the deadline', () => {
    expect(extensionDecisionCommand({ approved: false, note: '' }, pending)).toEqual({
      ok: false,
      errors: [{ field: 'note', code: 'required' }],
    });
    expect(extensionDecisionCommand({ approved: false, note: '两天内可完成' }, pending)).toEqual({
      ok: true,
      payload: { approved: false, note: '两天内可完成' },
    });
  });
});
