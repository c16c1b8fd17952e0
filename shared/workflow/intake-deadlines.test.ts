import { describe, expect, it } from 'vitest';
import { calendarCreate } from '../calendar/working-calendar';
import { DEFAULT_BUSINESS_HOURS, type DeadlineContext } from '../calendar/deadline';
import { localDateTimeToInstant } from '../kernel/time';
import type { IsoInstant } from '../kernel/brand';
import { presetFor } from '../rules/presets';
import type { PresetId } from '../rules/rules';
import { intakePayload, intakePreview, type IntakeDraft } from './intake';
import type { StaffId } from '../kernel/brand';

const ctx: DeadlineContext = {
  calendar: calendarCreate([]),
  businessHours: DEFAULT_BUSINESS_HOURS,
  timeZone: 'Asia/Shanghai',
};

function sh(local: string): IsoInstant {
  const instant = localDateTimeToInstant(local, 'Asia/Shanghai');
  if (!instant) throw new Error(local);
  return instant;
}

function draftOf(presetId: PresetId, overrides: Partial<IntakeDraft>): IntakeDraft {
  const rules = presetFor(presetId);
  return {
    customerName: '张建国',
    phone: '13812345678',
    address: '3-1502',
    organisation: '',
    channelId: rules.channels[0]?.id ?? '',
    kindId: 'complaint',
    categoryId: '',
    levelId: '',
    subject: '投诉',
    content: '',
    demand: '',
    amountYuan: '',
    flags: [],
    receivedAtLocal: '2026-11-23T09:00',
    ...overrides,
  };
}

function payloadOf(presetId: PresetId, overrides: Partial<IntakeDraft>) {
  return intakePayload(draftOf(presetId, overrides), {
    rules: presetFor(presetId),
    deadline: ctx,
    receiver: { id: 's1' as StaffId, name: '王芳' },
  });
}

describe('deadlines decided at intake, in every preset', () => {
  it('hotline: dispatch within 1 hour of the call', () => {
    const p = payloadOf('hotline', { kindId: 'appeal', receivedAtLocal: '2026-11-23T09:00' });
    expect(p.dispatchDeadline?.dueAt).toBe(sh('2026-11-23T10:00'));
    expect(p.interimDeadline).toBeUndefined();
  });

  it('hotline: a call at night is dispatched within 1 hour of opening', () => {
    const p = payloadOf('hotline', { kindId: 'appeal', receivedAtLocal: '2026-11-23T21:00' });
    expect(p.dispatchDeadline?.dueAt).toBe(sh('2026-11-24T09:30'));
  });

  it('hospital: handed over by the end of the working day it came in', () => {
    const p = payloadOf('hospital', { receivedAtLocal: '2026-11-23T16:50' });
    expect(p.dispatchDeadline?.dueAt).toBe(sh('2026-11-23T17:30'));
  });

  it('company: forwarded within 30 minutes; a major complaint owes its temporary measure in 8 working hours', () => {
    const p = payloadOf('company', { levelId: 'major', receivedAtLocal: '2026-09-30T16:00' });
    expect(p.dispatchDeadline?.dueAt).toBe(sh('2026-09-30T16:30'));
    // 16:00-17:30 on Sep 30, then the National Day holiday, then 3.5 h + 3 h on Oct 8.
    expect(p.interimDeadline?.dueAt).toBe(sh('2026-10-08T16:30'));
    expect(p.deadline?.dueAt).toBe(sh('2026-10-09T17:30'));
  });

  it('company: a general complaint has no interim step', () => {
    const p = payloadOf('company', { receivedAtLocal: '2026-09-30T16:00' });
    expect(p.interimDeadline).toBeUndefined();
    expect(p).not.toHaveProperty('interimDeadline');
  });

  it('property: no dispatch deadline; a complaint registered as major gets 15 working days', () => {
    const general = payloadOf('property', { receivedAtLocal: '2026-11-23T10:00' });
    const major = payloadOf('property', { levelId: 'major', receivedAtLocal: '2026-11-23T10:00' });
    expect(general).not.toHaveProperty('dispatchDeadline');
    expect(general.deadline?.dueAt).toBe(sh('2026-11-30T17:30'));
    expect(major.deadline?.dueAt).toBe(sh('2026-12-14T17:30'));
  });
});

describe('intakePreview', () => {
  const rules = presetFor('property');
  it('suggests major for 2,000 yuan and keeps the chosen level for the deadline', () => {
    const preview = intakePreview(draftOf('property', { amountYuan: '2000' }), {
      rules,
      deadline: ctx,
    });
    expect(preview?.suggestion?.levelId).toBe('major');
    expect(preview?.suggestion?.reasons).toEqual([{ type: 'amountAtLeast', fen: 200_000 }]);
    expect(preview?.deadline?.dueAt).toBe(sh('2026-11-30T17:30'));
  });

  it('suggests nothing below 2,000 yuan or once the level is major', () => {
    expect(
      intakePreview(draftOf('property', { amountYuan: '1999.99' }), { rules, deadline: ctx })
        ?.suggestion,
    ).toBeUndefined();
    const taken = intakePreview(draftOf('property', { amountYuan: '2000', levelId: 'major' }), {
      rules,
      deadline: ctx,
    });
    expect(taken?.suggestion).toBeUndefined();
    expect(taken?.deadline?.dueAt).toBe(sh('2026-12-14T17:30'));
  });

  it('has nothing to show while the received time cannot be read', () => {
    expect(
      intakePreview(draftOf('property', { receivedAtLocal: '2026-13-40T99:00' as never }), {
        rules,
        deadline: ctx,
      }),
    ).toBeUndefined();
  });
});
