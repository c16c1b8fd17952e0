/**
 * Follow-up (回访) decisions (DOMAIN.md sections 2 and 4): whether a replied case must be
 * followed up or only if the sample draws it, when an unreachable customer's case may be closed,
 * the sampling rate a desk achieved, and the checks of the follow-up form. Pure: the clock, the
 * events and the random draw are passed in.
 */
import type { IsoDate, IsoInstant } from '../kernel/brand';
import { deadlineCompute, localDateOf, type DeadlineContext } from '../calendar/deadline';
import { isoDateAddDays, isoDateFromParts } from '../calendar/iso-date';
import { localMomentToMs } from '../calendar/local-time';
import type { CaseEntity, CaseEventEntity } from '../model/entities';
import type { DeskRules, FollowUpMethod } from '../rules/rules';
import { rulesFollowUpRequired, rulesIsSatisfied, rulesSampleDraw } from '../rules/rules-query';
import type { CasePayloadOf, FollowUpOutcome } from './events';

/**
 * What the rules ask of a replied case: a follow-up in every case (`always`), or one only when
 * the sample of satisfied cases drew it (`drawn`), or none (`notDrawn`, waived as not sampled;
 * `notRequired` when the rules sample none of its kind, like praise on the hotline).
 */
export type FollowUpNeed = 'always' | 'drawn' | 'notDrawn' | 'notRequired';

/** Outcomes of a call that did not get through: the customer was not reached. */
export const FOLLOW_UP_FAILED_OUTCOMES = [
  'noAnswer',
  'busy',
  'switchedOff',
  'refused',
  'wrongNumber',
] as const satisfies readonly FollowUpOutcome[];

/** Every outcome an attempt may record, in the order the form offers them. */
export const FOLLOW_UP_ATTEMPT_OUTCOMES = [
  ...FOLLOW_UP_FAILED_OUTCOMES,
  'booked',
] as const satisfies readonly Exclude<FollowUpOutcome, 'reached'>[];

export type FollowUpAttemptOutcome = (typeof FOLLOW_UP_ATTEMPT_OUTCOMES)[number];

/** Longest free text kept with a follow-up (a note or one answer). */
export const FOLLOW_UP_TEXT_LIMIT = 1_000;

/**
 * A number in [0, 1) that depends only on the case id. The draw of a case is made from it, so
 * drawing again gives the same answer: a clerk cannot draw until the sample says what they
 * want. Case ids are UUIDv7 with 74 random bits, so the numbers are uniform across cases.
 */
export function followUpDrawNumber(caseId: string): number {
  // FNV-1a over the id, then murmur3's finaliser so every bit of the id moves every output bit.
  let h = 0x811c9dc5;
  for (let i = 0; i < caseId.length; i++) {
    h = Math.imul(h ^ caseId.charCodeAt(i), 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 2 ** 32;
}

/**
 * Whether a replied case needs a follow-up (S001-A 4.3): always for the classes the rules name
 * and for customers not fully satisfied with the reply; otherwise the sample decides.
 *
 * @param random01 a uniform draw in [0, 1), e.g. `followUpDrawNumber(case.id)`.
 * @param satisfiedOnReply false when the customer said at completion they were not fully
 *   satisfied (unknown counts as satisfied).
 */
export function followUpNeed(
  rules: Pick<DeskRules, 'kinds' | 'followUp'>,
  kindId: string,
  random01: number,
  satisfiedOnReply?: boolean,
): FollowUpNeed {
  if (rulesFollowUpRequired(rules, kindId, satisfiedOnReply) === 'always') return 'always';
  if (rules.followUp.sampleRateSatisfied <= 0) return 'notRequired';
  return rulesSampleDraw(rules, random01) ? 'drawn' : 'notDrawn';
}

/** The `sampled` flag recorded with a follow-up: absent when the case was not up to the sample. */
export function followUpSampledFlag(need: FollowUpNeed): boolean | undefined {
  switch (need) {
    case 'always':
    case 'notRequired':
      return undefined;
    case 'drawn':
      return true;
    case 'notDrawn':
      return false;
  }
}

/** One call of the current follow-up round that did not give a result. */
export interface FollowUpAttemptRecord {
  readonly at: IsoInstant;
  readonly outcome: FollowUpAttemptOutcome;
  readonly method: FollowUpMethod;
  readonly smsSent: boolean;
  readonly note?: string;
}

/** Events after which a new follow-up round starts (a reply, or an answer on the spot). */
const ROUND_STARTS: readonly string[] = ['case/replied', 'case/handledDirectly', 'case/consulted'];

/**
 * The attempts of the current follow-up round, oldest first: the `case/followUpAttempted`
 * events after the last reply. `events` must be in the reducer's order (HLC), as the
 * repository returns them.
 */
export function followUpRoundAttempts(events: readonly CaseEventEntity[]): FollowUpAttemptRecord[] {
  let attempts: FollowUpAttemptRecord[] = [];
  for (const event of events) {
    if (ROUND_STARTS.includes(event.type)) {
      attempts = [];
    } else if (event.type === 'case/followUpAttempted') {
      const p = event.payload as CasePayloadOf<'case/followUpAttempted'>;
      attempts.push({
        at: event.at,
        outcome: p.outcome,
        method: p.method,
        smsSent: p.smsSent === true,
        ...(p.note ? { note: p.note } : {}),
      });
    }
  }
  return attempts;
}

/** Whether the case may be closed as unreachable now, and if not, why not or from when. */
export type FollowUpUnreachable =
  | { readonly allowed: true; readonly smsAt: IsoInstant; readonly since: IsoInstant }
  /** The rules have no unreachable rule (only the hotline preset has one). */
  | { readonly allowed: false; readonly reason: 'notInRules' }
  /** No SMS was sent after the last contact (a booked call counts as contact). */
  | { readonly allowed: false; readonly reason: 'noSms' }
  /** The SMS was sent; the customer still has until `from` to answer. */
  | {
      readonly allowed: false;
      readonly reason: 'waiting';
      readonly smsAt: IsoInstant;
      readonly from: IsoInstant;
    };

/**
 * The unreachable rule (S003-I): after an SMS and `unreachableAfterWorkingDays` working days
 * without contact, the case may be closed as unreachable. The days are counted from the first
 * SMS after the last contact, like any working-day period: from the day after, to the close of
 * business on the last day (so the customer has the whole period to call back).
 */
export function followUpUnreachable(
  rules: Pick<DeskRules, 'followUp'>,
  attempts: readonly FollowUpAttemptRecord[],
  now: IsoInstant,
  ctx: DeadlineContext,
): FollowUpUnreachable {
  const days = rules.followUp.unreachableAfterWorkingDays;
  if (days === undefined) return { allowed: false, reason: 'notInRules' };
  let lastContact = -1;
  attempts.forEach((attempt, i) => {
    if (attempt.outcome === 'booked') lastContact = i;
  });
  const sms = attempts.slice(lastContact + 1).find((attempt) => attempt.smsSent);
  if (!sms) return { allowed: false, reason: 'noSms' };
  const from = deadlineCompute({ amount: days, unit: 'workingDays' }, sms.at, ctx).dueAt;
  return Date.parse(now) >= Date.parse(from)
    ? { allowed: true, smsAt: sms.at, since: from }
    : { allowed: false, reason: 'waiting', smsAt: sms.at, from };
}

/** How the sample of satisfied cases went: what the rules ask and what the desk did. */
export interface FollowUpSampleRate {
  /** The share the rules ask for (0..1). */
  readonly target: number;
  /** Settled follow-ups of cases that were up to the sample. */
  readonly eligible: number;
  /** Of those, the cases the draw picked and that were followed up. */
  readonly drawn: number;
  /** Of those, the cases followed up (drawn, or not drawn but followed up all the same). */
  readonly followedUp: number;
  /** `followedUp / eligible`, undefined when nothing was eligible. */
  readonly achieved?: number;
}

/**
 * The sampling rate achieved over a set of cases. A case counts once its follow-up is settled:
 * followed up with a `sampled` flag (it was up to the sample), or waived while its kind is one
 * the rules sample. Unreachable cases and cases always followed up are left out.
 */
export function followUpSampleRate(
  cases: readonly Pick<CaseEntity, 'kindId' | 'followUp'>[],
  rules: Pick<DeskRules, 'kinds' | 'followUp'>,
): FollowUpSampleRate {
  let eligible = 0;
  let drawn = 0;
  let followedUp = 0;
  for (const c of cases) {
    const { state, sampled } = c.followUp;
    if (state === 'done' && sampled !== undefined) {
      eligible += 1;
      followedUp += 1;
      if (sampled) drawn += 1;
    } else if (state === 'waived' && rulesFollowUpRequired(rules, c.kindId) === 'sample') {
      eligible += 1;
    }
  }
  return {
    target: rules.followUp.sampleRateSatisfied,
    eligible,
    drawn,
    followedUp,
    ...(eligible > 0 ? { achieved: followedUp / eligible } : {}),
  };
}

/** A report period: local dates from `from` to `to` inclusive, and the instants it spans. */
export interface FollowUpPeriod {
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** Midnight starting `from`, local time. */
  readonly start: IsoInstant;
  /** Midnight after `to`, local time (excluded). */
  readonly end: IsoInstant;
}

/**
 * The report period holding `now` (DOMAIN.md section 6): from `startDay` of a month to the day
 * before it the next month (25 -> the 25th to the 24th; 1 -> the calendar month). The sampling
 * rate is shown per period, as the monthly report counts it. `startDay` is kept within 1-28.
 */
export function followUpPeriodOf(
  now: IsoInstant,
  startDay: number,
  timeZone: string,
): FollowUpPeriod {
  const day = Math.min(28, Math.max(1, Math.trunc(startDay)));
  const today = localDateOf(now, timeZone);
  const [year = NaN, month = NaN, dayOfMonth = NaN] = today.split('-').map(Number);
  const from = isoDateFromParts(year, dayOfMonth >= day ? month : month - 1, day);
  const [fromYear = NaN, fromMonth = NaN] = from.split('-').map(Number);
  const next = isoDateFromParts(fromYear, fromMonth + 1, day);
  const midnight = (date: IsoDate) =>
    new Date(localMomentToMs({ date, msOfDay: 0 }, timeZone)).toISOString() as IsoInstant;
  return { from, to: isoDateAddDays(next, -1), start: midnight(from), end: midnight(next) };
}

export type FollowUpFormErrorCode = 'required' | 'unknownOption' | 'outOfScale' | 'tooLong';

/** `answers.0`, `answers.1` ... name the answers to the rules' questions, in order. */
export type FollowUpFormField =
  'outcome' | 'method' | 'satisfaction' | 'note' | `answers.${number}`;

export interface FollowUpFormError {
  readonly field: FollowUpFormField;
  readonly code: FollowUpFormErrorCode;
}

/** The result form as typed. */
export interface FollowUpResultDraft {
  readonly method: string;
  /** The score as chosen, e.g. `5`; empty when none was chosen. */
  readonly satisfaction: string;
  /** One answer per question of the rules, in order. */
  readonly answers: readonly string[];
  readonly note: string;
}

/** The attempt form as typed. */
export interface FollowUpAttemptDraft {
  readonly outcome: string;
  readonly method: string;
  readonly smsSent: boolean;
  readonly note: string;
}

function methodError(
  rules: Pick<DeskRules, 'followUp'>,
  method: string,
): FollowUpFormError | undefined {
  if (method === '') return { field: 'method', code: 'required' };
  return rules.followUp.methods.includes(method as FollowUpMethod)
    ? undefined
    : { field: 'method', code: 'unknownOption' };
}

function noteError(note: string): FollowUpFormError | undefined {
  return note.trim().length > FOLLOW_UP_TEXT_LIMIT ? { field: 'note', code: 'tooLong' } : undefined;
}

/** The score as an integer on the rules' scale, or undefined when it is not one. */
export function followUpScore(
  rules: Pick<DeskRules, 'followUp'>,
  satisfaction: string,
): number | undefined {
  const text = satisfaction.trim();
  if (!/^\d+$/.test(text)) return undefined;
  const score = Number(text);
  const { min, max } = rules.followUp.scale;
  return score >= min && score <= max ? score : undefined;
}

/**
 * What is wrong with a result as typed (empty when it can be saved): a method the rules offer,
 * a score on the rules' scale, an answer to every question of the rules, texts not too long.
 */
export function followUpResultCheck(
  draft: FollowUpResultDraft,
  rules: Pick<DeskRules, 'followUp'>,
): FollowUpFormError[] {
  const errors: FollowUpFormError[] = [];
  const method = methodError(rules, draft.method);
  if (method) errors.push(method);
  if (draft.satisfaction.trim() === '') {
    errors.push({ field: 'satisfaction', code: 'required' });
  } else if (followUpScore(rules, draft.satisfaction) === undefined) {
    errors.push({ field: 'satisfaction', code: 'outOfScale' });
  }
  rules.followUp.questions.forEach((_question, i) => {
    const answer = (draft.answers[i] ?? '').trim();
    if (answer === '') errors.push({ field: `answers.${i}`, code: 'required' });
    else if (answer.length > FOLLOW_UP_TEXT_LIMIT) {
      errors.push({ field: `answers.${i}`, code: 'tooLong' });
    }
  });
  const note = noteError(draft.note);
  if (note) errors.push(note);
  return errors;
}

/**
 * The `case/followedUp` payload of a checked result: satisfied or not by the rules' threshold,
 * with the sample flag of the case's need.
 *
 * @throws RangeError when the draft has errors (check it first).
 */
export function followUpResultPayload(
  draft: FollowUpResultDraft,
  rules: Pick<DeskRules, 'followUp'>,
  need: FollowUpNeed,
): CasePayloadOf<'case/followedUp'> {
  const score = followUpScore(rules, draft.satisfaction);
  if (score === undefined || followUpResultCheck(draft, rules).length > 0) {
    throw new RangeError('followUpResultPayload: check the draft first');
  }
  const sampled = followUpSampledFlag(need);
  const note = draft.note.trim();
  return {
    method: draft.method as FollowUpMethod,
    satisfaction: score,
    satisfied: rulesIsSatisfied(rules, score),
    answers: rules.followUp.questions.map((_q, i) => (draft.answers[i] ?? '').trim()),
    ...(note ? { note } : {}),
    ...(sampled === undefined ? {} : { sampled }),
  };
}

/** What is wrong with an attempt as typed (empty when it can be saved). */
export function followUpAttemptCheck(
  draft: FollowUpAttemptDraft,
  rules: Pick<DeskRules, 'followUp'>,
): FollowUpFormError[] {
  const errors: FollowUpFormError[] = [];
  if (draft.outcome === '') errors.push({ field: 'outcome', code: 'required' });
  else if (!(FOLLOW_UP_ATTEMPT_OUTCOMES as readonly string[]).includes(draft.outcome)) {
    errors.push({ field: 'outcome', code: 'unknownOption' });
  }
  const method = methodError(rules, draft.method);
  if (method) errors.push(method);
  const note = noteError(draft.note);
  if (note) errors.push(note);
  return errors;
}

/**
 * The `case/followUpAttempted` payload of a checked attempt.
 *
 * @throws RangeError when the draft has errors (check it first).
 */
export function followUpAttemptPayload(
  draft: FollowUpAttemptDraft,
  rules: Pick<DeskRules, 'followUp'>,
): CasePayloadOf<'case/followUpAttempted'> {
  if (followUpAttemptCheck(draft, rules).length > 0) {
    throw new RangeError('followUpAttemptPayload: check the draft first');
  }
  const note = draft.note.trim();
  return {
    outcome: draft.outcome as FollowUpAttemptOutcome,
    method: draft.method as FollowUpMethod,
    smsSent: draft.smsSent,
    ...(note ? { note } : {}),
  };
}

/**
 * The waivers a case may get now: not sampled (the draw passed it over), not required (the
 * rules sample none of its kind), or unreachable.
 */
export interface FollowUpWaivers {
  readonly notSampled: boolean;
  readonly notRequired: boolean;
  readonly unreachable: FollowUpUnreachable;
}

/** Which waivers apply to a case with this need and these attempts at `now`. */
export function followUpWaivers(
  rules: Pick<DeskRules, 'followUp'>,
  need: FollowUpNeed,
  attempts: readonly FollowUpAttemptRecord[],
  now: IsoInstant,
  ctx: DeadlineContext,
): FollowUpWaivers {
  return {
    notSampled: need === 'notDrawn',
    notRequired: need === 'notRequired',
    unreachable: followUpUnreachable(rules, attempts, now, ctx),
  };
}
