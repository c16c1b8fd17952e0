import { describe, expect, it } from 'vitest';
import type { IsoInstant } from '../kernel/brand';
import {
  DEFAULT_BUSINESS_HOURS,
  DEFAULT_TIME_ZONE,
  deadlineCompute,
  type DeadlineContext,
} from '../calendar/deadline';
import { calendarCreate } from '../calendar/working-calendar';
import type { CaseDeadline, CaseEntity } from '../model/entities';
import { presetFor } from '../rules/presets';
import type { DeskRules } from '../rules/rules';
import {
  deadlineChangedPayload,
  deadlineStartsOf,
  deadlineRecompute,
  type DeadlineRecomputeContext,
} from './deadline-recompute';
import { caseFold } from './reducer';
import { caseStory } from './test-builders';

function sh(local: string): IsoInstant {
  return new Date(`${local.replace(' ', 'T')}:00.000+08:00`).toISOString() as IsoInstant;
}

const property = presetFor('property');
const without2027: DeadlineContext = {
  calendar: calendarCreate([]),
  businessHours: DEFAULT_BUSINESS_HOURS,
  timeZone: DEFAULT_TIME_ZONE,
};
// New Year 2027 (Jan 1) as an administrator would add it.
const with2027: DeadlineContext = {
  ...without2027,
  calendar: calendarCreate([{ year: 2027, holidays: ['2027-01-01'], workdays: [] }]),
};
const ctxOf = (
  deadline: DeadlineContext,
  rules: DeskRules = property,
): DeadlineRecomputeContext => ({
  rules,
  deadline,
});

const RECEIVED = sh('2026-12-29 10:00');

/** A property complaint received on 2026-12-29 with the deadline intake gave it then. */
function complaint(deadline?: CaseDeadline): CaseEntity {
  const computed = deadlineCompute({ amount: 5, unit: 'workingDays' }, RECEIVED, without2027);
  const story = caseStory({ startMs: Date.parse(RECEIVED) });
  const state = caseFold([
    story.event('case/received', {
      kindId: 'complaint',
      receivedAt: RECEIVED,
      deadline: deadline ?? { ...computed, basis: 'handling' },
    }),
  ]);
  if (!state) throw new Error('no case');
  return state;
}

describe('deadlineRecompute', () => {
  it('counts a handling deadline again once next year has its holidays', () => {
    const state = complaint();
    // Without 2027 data: Dec 30, 31, Jan 1, 4, 5, with a warning.
    expect(state.deadline).toEqual({
      dueAt: sh('2027-01-05 17:30'),
      warning: 'noCalendarData',
      warningYears: [2027],
      basis: 'handling',
    });
    const result = deadlineRecompute(state, ctxOf(with2027));
    // With New Year's Day off: Dec 30, 31, Jan 4, 5, 6; no warning.
    expect(result).toEqual({
      outcome: 'changed',
      previous: state.deadline,
      deadline: { dueAt: sh('2027-01-06 17:30'), basis: 'handling' },
    });
    if (result.outcome !== 'changed') throw new Error('changed expected');
    expect(deadlineChangedPayload(result, '节假日已补充')).toEqual({
      deadline: { dueAt: sh('2027-01-06 17:30'), basis: 'handling' },
      reason: '节假日已补充',
    });
  });

  it('leaves a deadline that the calendar still gives', () => {
    expect(deadlineRecompute(complaint(), ctxOf(without2027))).toEqual({ outcome: 'unchanged' });
  });

  it('follows a change of business hours', () => {
    const earlier: DeadlineContext = {
      ...with2027,
      businessHours: [
        { start: '09:00', end: '12:00' },
        { start: '13:00', end: '17:00' },
      ],
    };
    expect(deadlineRecompute(complaint(), ctxOf(earlier))).toMatchObject({
      outcome: 'changed',
      deadline: { dueAt: sh('2027-01-06 17:00'), basis: 'handling' },
    });
  });

  it('follows a change of policy (a shorter handling deadline)', () => {
    const strict: DeskRules = {
      ...property,
      deadlines: {
        ...property.deadlines,
        handling: [{ kindIds: ['complaint'], deadline: { amount: 2, unit: 'workingDays' } }],
      },
    };
    expect(deadlineRecompute(complaint(), ctxOf(without2027, strict))).toMatchObject({
      outcome: 'changed',
      deadline: { dueAt: sh('2026-12-31 17:30'), basis: 'handling' },
    });
  });

  it.each([
    ['an extension', 'extension'],
    ['a deadline set by hand', 'manual'],
  ] as const)('keeps %s', (_name, basis) => {
    const state = complaint({ dueAt: sh('2027-01-04 17:30'), basis });
    expect(deadlineRecompute(state, ctxOf(with2027))).toEqual({
      outcome: 'kept',
      why: 'setByHand',
    });
  });

  it('keeps closed cases and cases without a deadline as they are', () => {
    expect(deadlineRecompute({ ...complaint(), status: 'closed' }, ctxOf(with2027))).toEqual({
      outcome: 'kept',
      why: 'closed',
    });
    const { deadline: _none, ...noDeadline } = complaint();
    expect(deadlineRecompute(noDeadline, ctxOf(with2027))).toEqual({
      outcome: 'kept',
      why: 'noDeadline',
    });
  });

  it('keeps the deadline when the rules no longer give one', () => {
    const noHandling: DeskRules = {
      ...property,
      deadlines: { ...property.deadlines, handling: [] },
    };
    expect(deadlineRecompute(complaint(), ctxOf(with2027, noHandling))).toEqual({
      outcome: 'kept',
      why: 'noRule',
    });
  });

  it('counts an escalated deadline from the last escalation', () => {
    const escalatedAt = sh('2026-12-30 09:00');
    const old = deadlineCompute({ amount: 15, unit: 'workingDays' }, escalatedAt, without2027);
    const state: CaseEntity = {
      ...complaint(),
      status: 'escalated',
      escalated: true,
      deadline: { ...old, basis: 'escalated' },
    };
    const result = deadlineRecompute(state, ctxOf(with2027), { escalatedAt });
    // 15 working days from Dec 30: Dec 31, then Jan 4-8, 11-15, 18-21 with Jan 1 off.
    expect(result).toMatchObject({
      outcome: 'changed',
      deadline: { dueAt: sh('2027-01-21 17:30'), basis: 'escalated' },
    });
    expect(deadlineRecompute(state, ctxOf(with2027))).toEqual({
      outcome: 'kept',
      why: 'startUnknown',
    });
  });

  it('counts a reopened case from its reopening', () => {
    const reopenedAt = sh('2026-12-30 14:00');
    const old = deadlineCompute({ amount: 5, unit: 'workingDays' }, reopenedAt, without2027);
    const state = complaint({ ...old, basis: 'recomputed' });
    // Dec 31, Jan 4, 5, 6, 7 with New Year's Day off.
    expect(deadlineRecompute(state, ctxOf(with2027), { reopenedAt })).toEqual({
      outcome: 'changed',
      previous: state.deadline,
      deadline: { dueAt: sh('2027-01-07 17:30'), basis: 'recomputed' },
    });
    expect(deadlineRecompute(state, ctxOf(with2027))).toEqual({
      outcome: 'kept',
      why: 'startUnknown',
    });
  });
});

describe('deadlineStartsOf', () => {
  it('gives the times of the last escalation and the last reopening', () => {
    const story = caseStory();
    const events = [
      story.event('case/received'),
      story.event('case/escalated'),
      story.event('case/reviewed'),
      story.event('case/escalated'),
      story.event('case/noted'),
    ];
    expect(deadlineStartsOf(events)).toEqual({ escalatedAt: events[3]?.at });
    expect(deadlineStartsOf(events.slice(0, 1))).toEqual({});
    const reopened = story.event('case/reopened');
    expect(deadlineStartsOf([...events, reopened])).toEqual({
      escalatedAt: events[3]?.at,
      reopenedAt: reopened.at,
    });
  });
});
