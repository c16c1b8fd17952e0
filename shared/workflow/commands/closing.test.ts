import { describe, expect, it } from 'vitest';
import type { UnitId } from '../../kernel/brand';
import { presetFor } from '../../rules/presets';
import type { DeskRules } from '../../rules/rules';
import {
  closeCommand,
  convertCommand,
  convertTargets,
  correctiveActionCommand,
  finalCauseChoices,
  markInvalidCommand,
  reopenCommand,
  responsibilityCommand,
} from './closing';
import { commandContextAt, sh } from './test-context';

describe('responsibilityCommand', () => {
  it('names the unit and the person of a valid complaint', () => {
    expect(
      responsibilityCommand({
        validity: 'valid',
        unitName: '心内科',
        unitId: 'unit-1' as UnitId,
        personName: '刘医生',
        note: '',
      }),
    ).toEqual({
      ok: true,
      payload: { unitName: '心内科', unitId: 'unit-1', personName: '刘医生', valid: true },
    });
  });

  it('requires the validity, and unit and person when valid', () => {
    expect(responsibilityCommand({ validity: '', unitName: '', personName: '', note: '' })).toEqual(
      { ok: false, errors: [{ field: 'validity', code: 'required' }] },
    );
    expect(
      responsibilityCommand({ validity: 'valid', unitName: ' ', personName: '', note: '' }),
    ).toEqual({
      ok: false,
      errors: [
        { field: 'unitName', code: 'required' },
        { field: 'personName', code: 'required' },
      ],
    });
  });

  it('records an invalid complaint without anyone responsible', () => {
    expect(
      responsibilityCommand({ validity: 'invalid', unitName: '', personName: '', note: '误解' }),
    ).toEqual({ ok: true, payload: { valid: false, note: '误解' } });
  });
});

describe('correctiveActionCommand', () => {
  it('requires root cause, action and owner; approval and check are optional', () => {
    expect(
      correctiveActionCommand({
        rootCause: '',
        action: '',
        owner: '',
        approvedBy: '',
        effectCheck: '',
      }),
    ).toEqual({
      ok: false,
      errors: [
        { field: 'rootCause', code: 'required' },
        { field: 'action', code: 'required' },
        { field: 'owner', code: 'required' },
      ],
    });
    expect(
      correctiveActionCommand({
        rootCause: '控制板老化',
        action: '每季度检查',
        owner: '工程部',
        approvedBy: '',
        effectCheck: '',
      }),
    ).toEqual({
      ok: true,
      payload: { rootCause: '控制板老化', action: '每季度检查', owner: '工程部' },
    });
  });
});

describe('closeCommand', () => {
  const twoLevel: DeskRules = {
    ...presetFor('property'),
    finalCauses: [
      {
        id: 'equipment',
        label: { zh: '设备', en: 'Equipment' },
        children: [{ id: 'lift', label: { zh: '电梯', en: 'Lift' } }],
      },
      { id: 'other', label: { zh: '其他', en: 'Other' } },
    ],
  };

  it('offers second-level causes and first-level causes without children', () => {
    expect(finalCauseChoices(twoLevel).map(({ cause }) => cause.id)).toEqual(['lift', 'other']);
  });

  it('closes under a known cause with a summary', () => {
    expect(closeCommand({ finalCauseId: 'lift', summary: '已修复' }, { rules: twoLevel })).toEqual({
      ok: true,
      payload: { finalCauseId: 'lift', summary: '已修复' },
    });
  });

  it.each([
    ['', 'required'],
    ['equipment', 'unknownOption'],
    ['nothing', 'unknownOption'],
  ])('refuses the cause %j', (finalCauseId, code) => {
    expect(closeCommand({ finalCauseId, summary: '好' }, { rules: twoLevel })).toEqual({
      ok: false,
      errors: [{ field: 'finalCauseId', code }],
    });
  });

  it('requires the summary', () => {
    expect(closeCommand({ finalCauseId: 'other', summary: '' }, { rules: twoLevel })).toEqual({
      ok: false,
      errors: [{ field: 'summary', code: 'required' }],
    });
  });
});

describe('reopenCommand', () => {
  it('gives the reopened case a fresh handling deadline from now', () => {
    const ctx = commandContextAt('2026-10-09 10:00');
    expect(
      reopenCommand(
        { reason: '再次故障' },
        { kindId: 'complaint', levelId: 'general', flags: [] },
        ctx,
      ),
    ).toEqual({
      ok: true,
      payload: {
        reason: '再次故障',
        // Sat Oct 10 (make-up), 12, 13, 14, 15.
        deadline: { dueAt: sh('2026-10-15 17:30'), basis: 'recomputed' },
      },
    });
  });

  it('requires a reason', () => {
    const ctx = commandContextAt('2026-10-09 10:00');
    expect(
      reopenCommand({ reason: '' }, { kindId: 'complaint', levelId: undefined, flags: [] }, ctx),
    ).toEqual({ ok: false, errors: [{ field: 'reason', code: 'required' }] });
  });
});

describe('convertCommand', () => {
  const hotline = commandContextAt('2026-10-09 10:00', 'hotline');

  it('offers complaint kinds for an inquiry, nothing for a complaint', () => {
    expect(convertTargets({ kindId: 'inquiry' }, hotline.rules).map((k) => k.id)).toEqual([
      'complaintReport',
    ]);
    expect(convertTargets({ kindId: 'complaintReport' }, hotline.rules)).toEqual([]);
  });

  it('converts an inquiry into a complaint with a reason', () => {
    expect(
      convertCommand(
        { toKindId: 'complaintReport', reason: '来电人要求投诉' },
        { kindId: 'inquiry' },
        hotline,
      ),
    ).toEqual({
      ok: true,
      payload: { fromKindId: 'inquiry', toKindId: 'complaintReport', reason: '来电人要求投诉' },
    });
  });

  it('refuses the reverse and a missing target', () => {
    expect(
      convertCommand(
        { toKindId: 'inquiry', reason: '误登' },
        { kindId: 'complaintReport' },
        hotline,
      ),
    ).toEqual({ ok: false, errors: [{ field: 'toKindId', code: 'cannotConvert' }] });
    expect(convertCommand({ toKindId: '', reason: '' }, { kindId: 'inquiry' }, hotline)).toEqual({
      ok: false,
      errors: [
        { field: 'toKindId', code: 'required' },
        { field: 'reason', code: 'required' },
      ],
    });
  });
});

describe('markInvalidCommand', () => {
  it('counts an invalid complaint as a request in the property preset, and keeps it open', () => {
    const ctx = commandContextAt('2026-10-09 10:00', 'property');
    expect(
      markInvalidCommand({ explanation: '非本小区业主' }, { kindId: 'complaint' }, ctx),
    ).toEqual({
      ok: true,
      payload: { explanation: '非本小区业主', newKindId: 'request', close: false },
    });
  });

  it('closes it with the explanation elsewhere', () => {
    const ctx = commandContextAt('2026-10-09 10:00', 'hotline');
    expect(
      markInvalidCommand({ explanation: '反映不实' }, { kindId: 'complaintReport' }, ctx),
    ).toEqual({ ok: true, payload: { explanation: '反映不实', close: true } });
  });

  it('refuses a case that is not a complaint, and an empty explanation', () => {
    const ctx = commandContextAt('2026-10-09 10:00', 'hotline');
    expect(markInvalidCommand({ explanation: '' }, { kindId: 'inquiry' }, ctx)).toEqual({
      ok: false,
      errors: [
        { field: 'explanation', code: 'required' },
        { field: 'kindId', code: 'notAComplaint' },
      ],
    });
  });
});
