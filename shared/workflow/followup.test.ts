import { describe, expect, it } from 'vitest';
import type { IsoInstant } from '../kernel/brand';
import { calendarCreate } from '../calendar/working-calendar';
import {
  DEFAULT_BUSINESS_HOURS,
  DEFAULT_TIME_ZONE,
  type DeadlineContext,
} from '../calendar/deadline';
import type { CaseFollowUp } from '../model/entities';
import {
  followUpAttemptCheck,
  followUpAttemptPayload,
  followUpDrawNumber,
  followUpNeed,
  followUpPeriodOf,
  followUpResultCheck,
  followUpResultPayload,
  followUpRoundAttempts,
  followUpSampleRate,
  followUpSampledFlag,
  followUpScore,
  followUpUnreachable,
  followUpWaivers,
  type FollowUpAttemptRecord,
  type FollowUpResultDraft,
} from './followup';
import { presetFor } from '../rules/presets';
import { caseStory } from './test-builders';

const property = presetFor('property');
const hotline = presetFor('hotline');
const hospital = presetFor('hospital');

/** A Shanghai wall-clock time (`2026-09-30 10:00`) as an instant. */
function sh(local: string): IsoInstant {
  return new Date(`${local.replace(' ', 'T')}:00.000+08:00`).toISOString() as IsoInstant;
}

const ctx: DeadlineContext = {
  calendar: calendarCreate([]),
  businessHours: DEFAULT_BUSINESS_HOURS,
  timeZone: DEFAULT_TIME_ZONE,
};

describe('followUpDrawNumber', () => {
  it('gives the same number for the same case, whenever it is asked', () => {
    const id = '0199a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b';
    expect(followUpDrawNumber(id)).toBe(followUpDrawNumber(id));
  });

  it('is spread evenly over [0, 1) for UUIDv7 case ids made the same millisecond', () => {
    const numbers = Array.from({ length: 4000 }, (_v, i) =>
      followUpDrawNumber(`0199a1b2-c3d4-7e5f-8a6b-${i.toString(16).padStart(12, '0')}`),
    );
    expect(Math.min(...numbers)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...numbers)).toBeLessThan(1);
    const drawnAt15 = numbers.filter((n) => n < 0.15).length / numbers.length;
    expect(drawnAt15).toBeGreaterThan(0.12);
    expect(drawnAt15).toBeLessThan(0.18);
    const tenths = new Array<number>(10).fill(0);
    numbers.forEach((n) => (tenths[Math.floor(n * 10)] = (tenths[Math.floor(n * 10)] ?? 0) + 1));
    tenths.forEach((count) => expect(count).toBeGreaterThan(300));
  });
});

describe('followUpNeed', () => {
  it.each([
    // Property: every complaint; requests by a 15% sample of the satisfied.
    ['property complaint', property, 'complaint', 0.99, undefined, 'always'],
    ['property request drawn', property, 'request', 0.1, undefined, 'drawn'],
    ['property request at the rate is not drawn', property, 'request', 0.15, undefined, 'notDrawn'],
    ['property request not drawn', property, 'request', 0.5, undefined, 'notDrawn'],
    ['property request, customer not fully satisfied', property, 'request', 0.5, false, 'always'],
    // Hotline: praise is not followed up and the sample rate is 0.
    ['hotline appeal', hotline, 'appeal', 0, undefined, 'always'],
    ['hotline praise', hotline, 'praise', 0, undefined, 'notRequired'],
  ] as const)('%s', (_name, rules, kindId, random01, satisfiedOnReply, expected) => {
    const kind = rules.kinds.find((k) => k.id === kindId);
    expect(kind, `kind ${kindId} exists in the preset`).toBeDefined();
    expect(followUpNeed(rules, kindId, random01, satisfiedOnReply)).toBe(expected);
  });

  it('records sampled only for cases the sample applied to', () => {
    expect(followUpSampledFlag('always')).toBeUndefined();
    expect(followUpSampledFlag('drawn')).toBe(true);
    expect(followUpSampledFlag('notDrawn')).toBe(false);
    expect(followUpSampledFlag('notRequired')).toBeUndefined();
  });
});

describe('followUpRoundAttempts', () => {
  it('keeps only the attempts after the last reply, oldest first', () => {
    const story = caseStory();
    const events = [
      story.event('case/received'),
      story.event('case/dispatched'),
      story.event('case/replied'),
      story.event('case/followUpAttempted', { outcome: 'busy', smsSent: false }),
      story.event('case/followedUp', { satisfied: false, satisfaction: 2 }),
      story.event('case/replied'),
      story.event('case/followUpAttempted', {
        outcome: 'noAnswer',
        smsSent: true,
        note: '晚上再打',
      }),
      story.event('case/noted'),
      story.event('case/followUpAttempted', { outcome: 'switchedOff' }),
    ];
    const attempts = followUpRoundAttempts(events);
    expect(attempts.map((a) => [a.outcome, a.smsSent, a.note])).toEqual([
      ['noAnswer', true, '晚上再打'],
      ['switchedOff', false, undefined],
    ]);
    expect(attempts[0]?.at).toBe(events[6]?.at);
  });

  it('is empty before any attempt', () => {
    const story = caseStory();
    expect(followUpRoundAttempts([story.event('case/received')])).toEqual([]);
  });
});

function attempt(
  local: string,
  outcome: FollowUpAttemptRecord['outcome'],
  smsSent = false,
): FollowUpAttemptRecord {
  return { at: sh(local), outcome, method: 'phone', smsSent };
}

describe('followUpUnreachable (hotline: SMS, then 2 working days)', () => {
  it('is not in the property rules', () => {
    const attempts = [attempt('2026-11-02 10:00', 'noAnswer', true)];
    expect(followUpUnreachable(property, attempts, sh('2026-12-01 10:00'), ctx)).toEqual({
      allowed: false,
      reason: 'notInRules',
    });
  });

  it('needs an SMS first, however many calls failed', () => {
    const attempts = [
      attempt('2026-11-02 10:00', 'noAnswer'),
      attempt('2026-11-03 10:00', 'busy'),
      attempt('2026-11-04 10:00', 'switchedOff'),
    ];
    expect(followUpUnreachable(hotline, attempts, sh('2026-11-20 10:00'), ctx)).toEqual({
      allowed: false,
      reason: 'noSms',
    });
  });

  it('counts two working days from the SMS, to the close of business', () => {
    // Thursday 2026-11-05 SMS: Friday 6 (1), Monday 9 (2) -> from Monday 17:30.
    const attempts = [
      attempt('2026-11-04 10:00', 'noAnswer'),
      attempt('2026-11-05 15:00', 'busy', true),
    ];
    const smsAt = sh('2026-11-05 15:00');
    const from = sh('2026-11-09 17:30');
    expect(followUpUnreachable(hotline, attempts, sh('2026-11-09 17:29'), ctx)).toEqual({
      allowed: false,
      reason: 'waiting',
      smsAt,
      from,
    });
    expect(followUpUnreachable(hotline, attempts, from, ctx)).toEqual({
      allowed: true,
      smsAt,
      since: from,
    });
  });

  it('skips the National Day holiday when counting', () => {
    const attempts = [attempt('2026-09-30 11:00', 'wrongNumber', true)];
    const result = followUpUnreachable(hotline, attempts, sh('2026-10-07 18:00'), ctx);
    // Oct 1-7 are holidays: Oct 8 (1), Oct 9 (2).
    expect(result).toMatchObject({
      allowed: false,
      reason: 'waiting',
      from: sh('2026-10-09 17:30'),
    });
  });

  it('starts again after the customer was in contact (a booked call)', () => {
    const attempts = [
      attempt('2026-11-02 10:00', 'noAnswer', true),
      attempt('2026-11-03 10:00', 'booked'),
      attempt('2026-11-04 10:00', 'refused'),
    ];
    expect(followUpUnreachable(hotline, attempts, sh('2026-11-30 10:00'), ctx)).toEqual({
      allowed: false,
      reason: 'noSms',
    });
  });
});

describe('followUpWaivers', () => {
  it('offers not-sampled only to a case the draw passed over', () => {
    const none: FollowUpAttemptRecord[] = [];
    const at = sh('2026-11-02 10:00');
    expect(followUpWaivers(property, 'notDrawn', none, at, ctx).notSampled).toBe(true);
    expect(followUpWaivers(property, 'drawn', none, at, ctx).notSampled).toBe(false);
    expect(followUpWaivers(property, 'always', none, at, ctx).notSampled).toBe(false);
    expect(followUpWaivers(hotline, 'notRequired', none, at, ctx)).toMatchObject({
      notSampled: false,
      notRequired: true,
    });
    expect(followUpWaivers(hotline, 'always', none, at, ctx).unreachable).toEqual({
      allowed: false,
      reason: 'noSms',
    });
  });
});

function followUp(state: CaseFollowUp['state'], sampled?: boolean): CaseFollowUp {
  return { state, attempts: 0, ...(sampled === undefined ? {} : { sampled }) };
}

describe('followUpSampleRate', () => {
  it('counts the settled follow-ups of sampled kinds only', () => {
    const cases = [
      { kindId: 'request', followUp: followUp('done', true) },
      { kindId: 'request', followUp: followUp('done', false) },
      { kindId: 'request', followUp: followUp('waived') },
      { kindId: 'request', followUp: followUp('waived') },
      { kindId: 'request', followUp: followUp('waived') },
      // Not settled, or always followed up, or unreachable: left out.
      { kindId: 'request', followUp: followUp('pending') },
      { kindId: 'complaint', followUp: followUp('done') },
      { kindId: 'complaint', followUp: followUp('waived') },
      { kindId: 'request', followUp: followUp('unreachable') },
    ];
    expect(followUpSampleRate(cases, property)).toEqual({
      target: 0.15,
      eligible: 5,
      drawn: 1,
      followedUp: 2,
      achieved: 0.4,
    });
  });

  it('has no rate when nothing was eligible', () => {
    expect(followUpSampleRate([], property)).toEqual({
      target: 0.15,
      eligible: 0,
      drawn: 0,
      followedUp: 0,
    });
  });
});

function result(overrides: Partial<FollowUpResultDraft> = {}): FollowUpResultDraft {
  return {
    method: 'visit',
    satisfaction: '5',
    answers: ['好', '好', '满意', '无', '无'],
    note: '',
    ...overrides,
  };
}

describe('followUpResultCheck', () => {
  it('accepts a complete result', () => {
    expect(followUpResultCheck(result(), property)).toEqual([]);
  });

  it.each([
    ['no method', { method: '' }, [{ field: 'method', code: 'required' }]],
    [
      'a method the rules do not offer',
      { method: 'visit' },
      [{ field: 'method', code: 'unknownOption' }],
    ],
    ['no score', { satisfaction: '' }, [{ field: 'satisfaction', code: 'required' }]],
    [
      'a score above the scale',
      { satisfaction: '6' },
      [{ field: 'satisfaction', code: 'outOfScale' }],
    ],
    [
      'a score below the scale',
      { satisfaction: '0' },
      [{ field: 'satisfaction', code: 'outOfScale' }],
    ],
    ['a fraction', { satisfaction: '4.5' }, [{ field: 'satisfaction', code: 'outOfScale' }]],
    [
      'a blank answer',
      { answers: ['好', ' ', '好', '好'] },
      [{ field: 'answers.1', code: 'required' }],
    ],
    [
      'a missing answer',
      { answers: ['好', '好', '好'] },
      [{ field: 'answers.3', code: 'required' }],
    ],
    ['a long note', { note: '长'.repeat(1001) }, [{ field: 'note', code: 'tooLong' }]],
  ] as const)('refuses %s', (_name, overrides, expected) => {
    // The hotline: phone only, four questions, 1-5.
    const draft = result({ method: 'phone', answers: ['是', '是', '满意', '无'], ...overrides });
    expect(followUpResultCheck(draft, hotline)).toEqual(expected);
  });
});

describe('followUpResultPayload', () => {
  it('derives satisfied from the rules threshold and records the sample', () => {
    // Property: only 5 out of 5 is satisfied.
    const four = followUpResultPayload(result({ satisfaction: '4' }), property, 'drawn');
    expect(four).toEqual({
      method: 'visit',
      satisfaction: 4,
      satisfied: false,
      answers: ['好', '好', '满意', '无', '无'],
      sampled: true,
    });
    // Hospital: 4 and above is satisfied; complaints are always followed up.
    const draft = result({
      satisfaction: '4',
      answers: ['是', '满意', '好', '无'],
      note: ' 谢谢 ',
    });
    expect(followUpResultPayload(draft, hospital, 'always')).toEqual({
      method: 'visit',
      satisfaction: 4,
      satisfied: true,
      answers: ['是', '满意', '好', '无'],
      note: '谢谢',
    });
  });

  it('refuses a draft that has not been checked', () => {
    expect(() => followUpResultPayload(result({ satisfaction: '9' }), property, 'always')).toThrow(
      RangeError,
    );
  });

  it('reads scores only on the scale', () => {
    expect(followUpScore(property, ' 3 ')).toBe(3);
    expect(followUpScore(property, '')).toBeUndefined();
    expect(followUpScore(property, 'abc')).toBeUndefined();
  });
});

describe('followUpAttemptCheck', () => {
  const draft = { outcome: 'noAnswer', method: 'phone', smsSent: true, note: '' };

  it('accepts an attempt and makes its payload', () => {
    expect(followUpAttemptCheck(draft, hotline)).toEqual([]);
    expect(followUpAttemptPayload(draft, hotline)).toEqual({
      outcome: 'noAnswer',
      method: 'phone',
      smsSent: true,
    });
  });

  it.each([
    ['no outcome', { outcome: '' }, [{ field: 'outcome', code: 'required' }]],
    [
      'reached is not an attempt',
      { outcome: 'reached' },
      [{ field: 'outcome', code: 'unknownOption' }],
    ],
    ['a visit at the hotline', { method: 'visit' }, [{ field: 'method', code: 'unknownOption' }]],
  ] as const)('refuses %s', (_name, overrides, expected) => {
    expect(followUpAttemptCheck({ ...draft, ...overrides }, hotline)).toEqual(expected);
    expect(() => followUpAttemptPayload({ ...draft, ...overrides }, hotline)).toThrow(RangeError);
  });
});

describe('followUpPeriodOf', () => {
  it.each([
    ['property: after the 25th', '2026-10-26 09:00', 25, '2026-10-25', '2026-11-24'],
    ['property: before the 25th', '2026-10-09 09:00', 25, '2026-09-25', '2026-10-24'],
    ['property: on the 25th', '2026-12-25 00:00', 25, '2026-12-25', '2027-01-24'],
    ['property: across the new year', '2027-01-03 09:00', 25, '2026-12-25', '2027-01-24'],
    ['calendar month', '2026-02-14 09:00', 1, '2026-02-01', '2026-02-28'],
  ])('%s', (_name, now, startDay, from, to) => {
    const period = followUpPeriodOf(sh(now), startDay, DEFAULT_TIME_ZONE);
    expect(period).toEqual({
      from,
      to,
      start: sh(`${from} 00:00`),
      end: new Date(Date.parse(sh(`${to} 00:00`)) + 86_400_000).toISOString(),
    });
  });
});
