import { describe, expect, it } from 'vitest';
import {
  acceptCommand,
  exemptCommand,
  handleDirectlyCommand,
  noteCommand,
  replyCommand,
  returnCommand,
} from './handling';
import { commandContextAt, sh } from './test-context';

const complaint = { kindId: 'complaint', levelId: 'general', flags: [] } as const;
const request = { kindId: 'request', levelId: undefined, flags: [] } as const;

describe('replyCommand', () => {
  it('sets the follow-up due 24 clock hours after a complaint is replied (property)', () => {
    const ctx = commandContextAt('2026-09-30 16:00');
    expect(
      replyCommand({ reply: ' 已更换灯管 ', toldCustomer: '已电话告知' }, complaint, ctx),
    ).toEqual({
      ok: true,
      payload: {
        reply: '已更换灯管',
        toldCustomer: '已电话告知',
        followUpDueAt: sh('2026-10-01 16:00'),
      },
    });
  });

  it('gives requests 72 hours (property)', () => {
    const ctx = commandContextAt('2026-09-30 16:00');
    const result = replyCommand({ reply: '已处理', toldCustomer: '已告知' }, request, ctx);
    expect(result.ok && result.payload.followUpDueAt).toBe(sh('2026-10-03 16:00'));
  });

  it('counts 3 working days on the hotline, over the holiday', () => {
    const ctx = commandContextAt('2026-09-30 16:00', 'hotline');
    const result = replyCommand(
      { reply: '已处理', toldCustomer: '已告知' },
      { kindId: 'appeal', levelId: undefined, flags: [] },
      ctx,
    );
    // Oct 8, 9, Sat 10 (make-up working day).
    expect(result.ok && result.payload.followUpDueAt).toBe(sh('2026-10-10 17:30'));
  });

  it('refuses a reply with no content, naming both fields', () => {
    const ctx = commandContextAt('2026-09-30 16:00');
    expect(replyCommand({ reply: '  ', toldCustomer: '' }, complaint, ctx)).toEqual({
      ok: false,
      errors: [
        { field: 'reply', code: 'required' },
        { field: 'toldCustomer', code: 'required' },
      ],
    });
  });

  it('refuses a reply longer than a record holds', () => {
    const ctx = commandContextAt('2026-09-30 16:00');
    const result = replyCommand({ reply: '长'.repeat(10_001), toldCustomer: '好' }, complaint, ctx);
    expect(result).toEqual({ ok: false, errors: [{ field: 'reply', code: 'tooLong' }] });
  });
});

describe('handleDirectlyCommand', () => {
  const ctx = commandContextAt('2026-09-30 10:00');

  it('records the answer and the follow-up due time when one is required', () => {
    expect(
      handleDirectlyCommand({ answer: '已告知缴费方式', followUpRequired: true }, request, ctx),
    ).toEqual({
      ok: true,
      payload: {
        answer: '已告知缴费方式',
        followUpRequired: true,
        followUpDueAt: sh('2026-10-03 10:00'),
      },
    });
  });

  it('records no follow-up time when none is required', () => {
    expect(
      handleDirectlyCommand({ answer: '已转告', followUpRequired: false }, request, ctx),
    ).toEqual({ ok: true, payload: { answer: '已转告', followUpRequired: false } });
  });

  it('refuses an empty answer', () => {
    expect(handleDirectlyCommand({ answer: '', followUpRequired: false }, request, ctx)).toEqual({
      ok: false,
      errors: [{ field: 'answer', code: 'required' }],
    });
  });
});

describe('one-text steps', () => {
  it.each([
    ['accept', () => acceptCommand({ handlerName: ' ' }), 'handlerName'],
    ['return', () => returnCommand({ reason: '' }), 'reason'],
    ['note', () => noteCommand({ note: '\n' }), 'note'],
    ['exempt', () => exemptCommand({ reason: '' }), 'reason'],
  ])('%s requires its text', (_name, run, field) => {
    expect(run()).toEqual({ ok: false, errors: [{ field, code: 'required' }] });
  });

  it('build their payloads from trimmed text', () => {
    expect(acceptCommand({ handlerName: ' 李强 ' })).toEqual({
      ok: true,
      payload: { handlerName: '李强' },
    });
    expect(returnCommand({ reason: '不属本部门' })).toEqual({
      ok: true,
      payload: { reason: '不属本部门' },
    });
    expect(noteCommand({ note: '请今日处理' })).toEqual({
      ok: true,
      payload: { note: '请今日处理' },
    });
    expect(exemptCommand({ reason: '整体更换电梯' })).toEqual({
      ok: true,
      payload: { reason: '整体更换电梯' },
    });
  });
});
