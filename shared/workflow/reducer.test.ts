import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseId, UnitId } from '../kernel/brand';
import type { CaseEntity, CaseEventEntity, CaseStatus } from '../model/entities';
import { CASE_STATUSES } from '../model/entities';
import { hlcCompare } from '../kernel/hlc';
import type { CaseEventType } from './events';
import {
  caseAllowedEvents,
  caseApply,
  caseCheck,
  caseEventCompare,
  caseFold,
  caseIsOpen,
} from './reducer';
import { WORKFLOW_REFUSAL_CODES } from './refusals';
import {
  SAMPLE_PAYLOADS,
  TEST_UNIT,
  caseAt,
  caseStory,
  instantAt,
  receivedPayload,
  testDeadline,
  T0_MS,
} from './test-builders';

const OPEN = CASE_STATUSES.filter((s) => s !== 'closed');
const FOLLOW_UP: readonly CaseStatus[] = ['handledDirectly', 'replied', 'awaitingFollowUp'];
const same = (from: CaseStatus): CaseStatus => from;

/**
 * DOMAIN.md section 2, written out independently of the reducer's own table: where each event
 * applies (with the sample payloads of test-builders.ts) and the status it leads to.
 */
const EXPECTED: {
  readonly [T in Exclude<CaseEventType, 'case/received'>]: {
    readonly from: readonly CaseStatus[];
    readonly to: (from: CaseStatus) => CaseStatus;
  };
} = {
  'case/fieldsChanged': { from: CASE_STATUSES, to: same },
  'case/handledDirectly': { from: ['registered'], to: () => 'handledDirectly' },
  'case/dispatched': {
    from: ['registered', 'returned', 'dispatched', 'escalated', 'underReview'],
    to: () => 'dispatched',
  },
  'case/accepted': { from: ['dispatched'], to: () => 'accepted' },
  'case/returned': { from: ['dispatched', 'accepted'], to: () => 'returned' },
  'case/extensionRequested': { from: ['dispatched', 'accepted'], to: same },
  'case/extensionDecided': { from: OPEN, to: same },
  'case/replied': { from: ['accepted', 'dispatched', 'underReview'], to: () => 'replied' },
  'case/urged': { from: OPEN, to: same },
  'case/supervised': { from: OPEN, to: same },
  'case/interimMet': { from: OPEN, to: same },
  'case/escalated': {
    from: OPEN.filter((s) => s !== 'escalated' && s !== 'underReview'),
    to: () => 'escalated',
  },
  'case/reviewed': { from: ['escalated', 'underReview'], to: () => 'underReview' },
  'case/consulted': { from: ['underReview'], to: () => 'accepted' },
  'case/followUpAttempted': { from: FOLLOW_UP, to: () => 'awaitingFollowUp' },
  'case/followedUp': {
    from: FOLLOW_UP,
    to: (from) => (from === 'handledDirectly' ? 'handledDirectly' : 'replied'),
  },
  'case/followUpWaived': { from: FOLLOW_UP, to: same },
  'case/responsibilityDetermined': { from: CASE_STATUSES, to: same },
  'case/correctiveAction': { from: CASE_STATUSES, to: same },
  'case/closed': { from: FOLLOW_UP, to: () => 'closed' },
  'case/reopened': { from: ['closed'], to: () => 'accepted' },
  'case/converted': { from: OPEN, to: same },
  'case/markedInvalid': { from: CASE_STATUSES, to: () => 'closed' },
  'case/exempted': { from: OPEN, to: same },
  'case/levelChanged': { from: OPEN, to: same },
  'case/deadlineChanged': { from: OPEN, to: same },
  'case/noted': { from: CASE_STATUSES, to: same },
  'case/linked': { from: CASE_STATUSES, to: same },
  'case/unlinked': { from: CASE_STATUSES, to: same },
  'case/printed': { from: CASE_STATUSES, to: same },
  'case/exported': { from: CASE_STATUSES, to: same },
  'case/attachmentAdded': { from: CASE_STATUSES, to: same },
  'case/attachmentRemoved': { from: CASE_STATUSES, to: same },
};

const EVENT_TYPES = Object.keys(EXPECTED) as (keyof typeof EXPECTED)[];

/**
 * A case in `status` where only the status can stand in the way: it has a unit, a settled
 * follow-up, and a pending extension exactly when the event decides one.
 */
function matrixCase(status: CaseStatus, type: CaseEventType) {
  return caseAt(status, {
    ...TEST_UNIT,
    followUp: { state: 'done', attempts: 1 },
    pendingExtension:
      type === 'case/extensionDecided'
        ? { requestedDueAt: instantAt(T0_MS + 9 * 86_400_000), reason: '需要采购配件' }
        : undefined,
    interimDeadline:
      type === 'case/interimMet' ? { dueAt: instantAt(T0_MS + 8 * 3_600_000) } : undefined,
    // The sample removal takes off the sample attachment, which the case must have.
    attachmentIds: type === 'case/attachmentRemoved' ? ['att-1'] : undefined,
  });
}

function applyOk(state: CaseEntity | undefined, event: CaseEventEntity): CaseEntity {
  const result = caseApply(state, event);
  if (!result.ok) {
    throw new Error(`refused ${event.type}: ${JSON.stringify(result.refusal)}`);
  }
  return result.next;
}

/** Applies events in order from `start` (no case yet when undefined); each must be accepted. */
function run(start: CaseEntity | undefined, events: readonly CaseEventEntity[]): CaseEntity {
  let state = start;
  for (const event of events) {
    state = applyOk(state, event);
  }
  if (!state) {
    throw new Error('no events');
  }
  return state;
}

/** A deterministic shuffle (mulberry32), so a failure can be replayed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('status matrix: every event type in every status', () => {
  const rows = EVENT_TYPES.flatMap((type) =>
    CASE_STATUSES.map((from) => ({ type, from, allowed: EXPECTED[type].from.includes(from) })),
  );

  it.each(rows.filter((r) => r.allowed))('$type applies in $from', ({ type, from }) => {
    const { state, story } = matrixCase(from, type);
    const result = caseApply(state, story.event(type));
    expect(result).toMatchObject({
      ok: true,
      history: 'record',
      next: { status: EXPECTED[type].to(from) },
    });
  });

  it.each(rows.filter((r) => !r.allowed))('$type is refused in $from', ({ type, from }) => {
    const { state, story } = matrixCase(from, type);
    const event = story.event(type);
    const refusal = {
      code: from === 'closed' ? 'closed' : 'notAllowedInStatus',
      eventType: type,
      status: from,
    };
    expect(caseCheck(state, event)).toEqual(refusal);
    expect(caseApply(state, event)).toEqual({ ok: false, refusal });
  });

  it.each(CASE_STATUSES)('caseAllowedEvents offers what applies in %s', (status) => {
    const { state } = caseAt(status, { ...TEST_UNIT, followUp: { state: 'done', attempts: 1 } });
    const expected = EVENT_TYPES.filter(
      // No extension is pending, so none can be decided; no interim step is due.
      (type) =>
        EXPECTED[type].from.includes(status) &&
        type !== 'case/extensionDecided' &&
        type !== 'case/interimMet',
    );
    expect([...caseAllowedEvents(state)].sort()).toEqual([...expected].sort());
  });

  it('caseAllowedEvents offers only intake before there is a case', () => {
    expect(caseAllowedEvents(undefined)).toEqual(['case/received']);
  });

  it('caseAllowedEvents follows the pending extension and the follow-up', () => {
    const pending = caseAt('accepted', {
      pendingExtension: { requestedDueAt: instantAt(T0_MS), reason: 'r' },
    }).state;
    expect(caseAllowedEvents(pending)).toContain('case/extensionDecided');
    expect(caseAllowedEvents(pending)).not.toContain('case/extensionRequested');
    const replied = caseAt('replied', { followUp: { state: 'pending', attempts: 0 } }).state;
    expect(caseAllowedEvents(replied)).not.toContain('case/closed');
  });

  it('caseIsOpen is false only when closed', () => {
    expect(CASE_STATUSES.filter((status) => !caseIsOpen({ status }))).toEqual(['closed']);
  });
});

describe('intake (case/received)', () => {
  it('creates the snapshot from the payload', () => {
    const story = caseStory();
    const event = story.event('case/received');
    const state = applyOk(undefined, event);
    const p = receivedPayload();
    expect(state).toEqual({
      id: story.caseId,
      number: p.number,
      deskId: story.deskId,
      kindId: p.kindId,
      categoryId: p.categoryId,
      levelId: p.levelId,
      channelId: p.channelId,
      customer: p.customer,
      subject: p.subject,
      content: p.content,
      demand: p.demand,
      receivedAt: p.receivedAt,
      receiverId: p.receiverId,
      receiverName: p.receiverName,
      flags: [],
      status: 'registered',
      deadline: p.deadline,
      openDueAt: p.deadline?.dueAt,
      escalated: false,
      remedial: false,
      followUp: { state: 'notDue', attempts: 0 },
      matterId: story.caseId,
      urgeCount: 0,
      supervised: false,
      imported: false,
      createdAt: event.at,
      updatedAt: event.at,
      lastHlc: event.hlc,
      eventCount: 1,
      fieldClock: {
        kindId: event.hlc,
        categoryId: event.hlc,
        levelId: event.hlc,
        channelId: event.hlc,
        customer: event.hlc,
        subject: event.hlc,
        content: event.hlc,
        demand: event.hlc,
        amountFen: event.hlc,
        flags: event.hlc,
      },
      ignoredEventIds: [],
      searchTerms: expect.arrayContaining(['2610', '0001', '张伟', '5678', '3', '1502', '电梯']),
    });
    expect(state.valid).toBeUndefined();
  });

  it('keeps a given matter id and the imported flag', () => {
    const event = caseStory().event('case/received', {
      matterId: 'case-first' as CaseId,
      imported: true,
    });
    expect(applyOk(undefined, event)).toMatchObject({ matterId: 'case-first', imported: true });
  });

  it('needs nothing but a subject: no one may refuse to register a complaint', () => {
    const bare = caseStory().event('case/received', {
      customer: { name: '', phone: '', address: '' },
      content: '',
      demand: '',
      categoryId: undefined,
      levelId: undefined,
      deadline: undefined,
    });
    expect(caseCheck(undefined, bare)).toBeUndefined();
  });

  it.each(['', '   '])('refuses the subject %j', (subject) => {
    const event = caseStory().event('case/received', { subject });
    expect(caseCheck(undefined, event)).toEqual({
      code: 'missingField',
      eventType: 'case/received',
      field: 'subject',
    });
  });

  it('refuses a second intake', () => {
    const story = caseStory();
    const state = applyOk(undefined, story.event('case/received'));
    expect(caseCheck(state, story.event('case/received'))).toEqual({
      code: 'alreadyCreated',
      eventType: 'case/received',
      status: 'registered',
    });
  });

  it('refuses any other event before intake', () => {
    expect(caseCheck(undefined, caseStory().event('case/dispatched'))).toEqual({
      code: 'notCreated',
      eventType: 'case/dispatched',
    });
  });

  it('throws when an event of another case is applied', () => {
    const state = applyOk(undefined, caseStory().event('case/received'));
    const other = caseStory({ caseId: 'case-other' as CaseId });
    expect(() => caseApply(state, other.event('case/noted'))).toThrow(/applied to case/);
  });
});

describe('refusals beyond status', () => {
  it.each([
    {
      name: 'a second extension request while one is pending',
      status: 'accepted' as const,
      overrides: { pendingExtension: { requestedDueAt: instantAt(T0_MS), reason: 'r' } },
      type: 'case/extensionRequested' as const,
      payload: {},
      refusal: { code: 'extensionPending' },
    },
    {
      name: 'an extension decision with none pending',
      status: 'accepted' as const,
      overrides: {},
      type: 'case/extensionDecided' as const,
      payload: {},
      refusal: { code: 'noPendingExtension' },
    },
    {
      name: 'an approved extension without a deadline',
      status: 'accepted' as const,
      overrides: { pendingExtension: { requestedDueAt: instantAt(T0_MS), reason: 'r' } },
      type: 'case/extensionDecided' as const,
      payload: { approved: true, deadline: undefined },
      refusal: { code: 'missingField', field: 'deadline' },
    },
    {
      name: 'closing before the follow-up',
      status: 'replied' as const,
      overrides: { followUp: { state: 'pending' as const, attempts: 0 } },
      type: 'case/closed' as const,
      payload: {},
      refusal: { code: 'followUpNotDone' },
    },
    {
      name: 'closing after an unanswered attempt',
      status: 'awaitingFollowUp' as const,
      overrides: { followUp: { state: 'pending' as const, attempts: 2 } },
      type: 'case/closed' as const,
      payload: {},
      refusal: { code: 'followUpNotDone' },
    },
    {
      name: 'closing a direct answer whose follow-up is required',
      status: 'handledDirectly' as const,
      overrides: { followUp: { state: 'pending' as const, attempts: 0 } },
      type: 'case/closed' as const,
      payload: {},
      refusal: { code: 'followUpNotDone' },
    },
    {
      name: 'converting from a kind the case no longer has',
      status: 'registered' as const,
      overrides: { kindId: 'request' },
      type: 'case/converted' as const,
      payload: { fromKindId: 'inquiry', toKindId: 'complaint' },
      refusal: { code: 'wrongKind' },
    },
    {
      name: 'emptying the subject',
      status: 'accepted' as const,
      overrides: {},
      type: 'case/fieldsChanged' as const,
      payload: { fields: { subject: ' ' } },
      refusal: { code: 'missingField', field: 'subject' },
    },
  ])('refuses $name', ({ status, overrides, type, payload, refusal }) => {
    const { state, story } = caseAt(status, overrides);
    expect(caseCheck(state, story.event(type, payload))).toEqual({
      ...refusal,
      eventType: type,
      status,
    });
  });

  it.each(['case/linked', 'case/unlinked'] as const)('refuses %s with the case itself', (type) => {
    const { state, story } = caseAt('registered');
    expect(
      caseCheck(state, story.event(type, { matterId: state.id, otherCaseId: state.id })),
    ).toEqual({ code: 'selfLink', eventType: type, status: 'registered' });
  });

  it('closes a direct answer that needs no follow-up', () => {
    const { state, story } = caseAt('handledDirectly');
    expect(caseCheck(state, story.event('case/closed'))).toBeUndefined();
  });

  it.each(['done', 'waived', 'unreachable'] as const)('closes after a follow-up %s', (fu) => {
    const { state, story } = caseAt('awaitingFollowUp', { followUp: { state: fu, attempts: 3 } });
    expect(caseCheck(state, story.event('case/closed'))).toBeUndefined();
  });

  it('has codes that are unique', () => {
    expect(new Set(WORKFLOW_REFUSAL_CODES).size).toBe(WORKFLOW_REFUSAL_CODES.length);
  });
});

describe('what each event records', () => {
  it('dispatch sets unit, handler, time and deadline, and clears an earlier acceptance', () => {
    const { state, story } = caseAt('returned', { acceptedAt: instantAt(T0_MS) });
    const event = story.event('case/dispatched');
    expect(applyOk(state, event)).toMatchObject({
      status: 'dispatched',
      unitId: TEST_UNIT.unitId,
      unitName: TEST_UNIT.unitName,
      handlerName: '李强',
      dispatchedAt: event.at,
      acceptedAt: undefined,
      deadline: SAMPLE_PAYLOADS['case/dispatched'].deadline,
    });
  });

  it('a reply straight from dispatched counts as accepted, and makes the follow-up due', () => {
    const { state, story } = caseAt('dispatched', { ...TEST_UNIT });
    const event = story.event('case/replied');
    expect(applyOk(state, event)).toMatchObject({
      status: 'replied',
      acceptedAt: event.at,
      repliedAt: event.at,
      reply: SAMPLE_PAYLOADS['case/replied'].reply,
      followUp: {
        state: 'pending',
        dueAt: SAMPLE_PAYLOADS['case/replied'].followUpDueAt,
        attempts: 0,
      },
    });
  });

  it('a direct answer records the answer and, when asked, a pending follow-up', () => {
    const { state, story } = caseAt('registered');
    const dueAt = instantAt(T0_MS + 86_400_000);
    const event = story.event('case/handledDirectly', {
      followUpRequired: true,
      followUpDueAt: dueAt,
    });
    expect(applyOk(state, event)).toMatchObject({
      status: 'handledDirectly',
      reply: SAMPLE_PAYLOADS['case/handledDirectly'].answer,
      repliedAt: event.at,
      followUp: { state: 'pending', dueAt, attempts: 0 },
    });
  });

  it('an extension request waits; approval replaces the deadline; refusal keeps it', () => {
    const { state, story } = caseAt('accepted', { deadline: testDeadline(instantAt(T0_MS)) });
    const requested = applyOk(state, story.event('case/extensionRequested'));
    expect(requested.pendingExtension).toEqual({
      requestedDueAt: SAMPLE_PAYLOADS['case/extensionRequested'].requestedDueAt,
      reason: SAMPLE_PAYLOADS['case/extensionRequested'].reason,
    });
    const approved = applyOk(requested, story.event('case/extensionDecided'));
    expect(approved.pendingExtension).toBeUndefined();
    expect(approved.deadline).toEqual(SAMPLE_PAYLOADS['case/extensionDecided'].deadline);
    const refused = applyOk(
      requested,
      story.event('case/extensionDecided', { approved: false, deadline: undefined }),
    );
    expect(refused.pendingExtension).toBeUndefined();
    expect(refused.deadline).toEqual(state.deadline);
  });

  it('follow-up attempts are counted and make the follow-up pending', () => {
    const { state, story } = caseAt('handledDirectly');
    const first = applyOk(state, story.event('case/followUpAttempted'));
    const second = story.event('case/followUpAttempted', { outcome: 'busy' });
    expect(applyOk(first, second)).toMatchObject({
      status: 'awaitingFollowUp',
      followUp: { state: 'pending', attempts: 2, lastAttemptAt: second.at },
    });
  });

  it('a satisfied follow-up records who, how and the score', () => {
    const { state, story } = caseAt('awaitingFollowUp', {
      followUp: { state: 'pending', attempts: 1 },
    });
    const event = story.event('case/followedUp', { sampled: true });
    expect(applyOk(state, event)).toMatchObject({
      status: 'replied',
      followUp: {
        state: 'done',
        attempts: 1,
        at: event.at,
        byId: event.actorId,
        byName: event.actorName,
        method: 'phone',
        satisfaction: 5,
        satisfied: true,
        sampled: true,
      },
    });
  });

  it.each([
    { unit: TEST_UNIT, expected: 'accepted' },
    { unit: {}, expected: 'registered' },
  ])('an unsatisfied follow-up sends the case back to $expected', ({ unit, expected }) => {
    const { state, story } = caseAt('replied', {
      ...unit,
      followUp: { state: 'pending', dueAt: instantAt(T0_MS), attempts: 0 },
    });
    const next = applyOk(
      state,
      story.event('case/followedUp', { satisfied: false, satisfaction: 1 }),
    );
    expect(next).toMatchObject({
      status: expected,
      remedial: true,
      followUp: { state: 'notDue', satisfied: false, satisfaction: 1 },
    });
    expect(next.followUp.dueAt).toBeUndefined();
  });

  it.each([
    ['notSampled', 'waived'],
    ['notRequired', 'waived'],
    ['unreachable', 'unreachable'],
  ] as const)('waiving for %s leaves the follow-up %s', (reason, expected) => {
    const { state, story } = caseAt('replied', { followUp: { state: 'pending', attempts: 3 } });
    expect(applyOk(state, story.event('case/followUpWaived', { reason }))).toMatchObject({
      status: 'replied',
      followUp: { state: expected, attempts: 3 },
    });
  });

  it.each([
    ['revise', 'underReview'],
    ['escalateFurther', 'underReview'],
    ['externalReview', 'underReview'],
    ['agrees', 'accepted'],
    ['cannotBeMet', 'replied'],
  ] as const)('consulting with outcome %s leads to %s', (outcome, expected) => {
    const { state, story } = caseAt('underReview', { escalated: true });
    const next = applyOk(state, story.event('case/consulted', { outcome }));
    expect(next.status).toBe(expected);
    if (outcome === 'cannotBeMet') {
      expect(next.followUp.state).toBe('pending');
      expect(next.reply).toBe(SAMPLE_PAYLOADS['case/consulted'].note);
    }
  });

  it('escalation sets the flag, the level and the deadline', () => {
    const { state, story } = caseAt('accepted');
    expect(applyOk(state, story.event('case/escalated'))).toMatchObject({
      status: 'escalated',
      escalated: true,
      levelId: 'major',
      deadline: SAMPLE_PAYLOADS['case/escalated'].deadline,
    });
  });

  it('closing records the final cause and time; reopening sends it back for remedy', () => {
    const { state, story } = caseAt('replied', {
      ...TEST_UNIT,
      followUp: { state: 'done', attempts: 1 },
    });
    const closeEvent = story.event('case/closed');
    const closed = applyOk(state, closeEvent);
    expect(closed).toMatchObject({
      status: 'closed',
      closedAt: closeEvent.at,
      finalCauseId: 'equipmentFailure',
    });
    const deadline = testDeadline(instantAt(T0_MS + 20 * 86_400_000), 'manual');
    const reopened = applyOk(closed, story.event('case/reopened', { deadline }));
    expect(reopened).toMatchObject({
      status: 'accepted',
      remedial: true,
      followUp: { state: 'notDue', attempts: 0 },
      deadline,
    });
    expect(reopened.closedAt).toBeUndefined();
    expect(reopened.finalCauseId).toBeUndefined();
  });

  it('conversion changes the kind', () => {
    const { state, story } = caseAt('registered', { kindId: 'inquiry' });
    const next = applyOk(
      state,
      story.event('case/converted', { fromKindId: 'inquiry', toKindId: 'complaint' }),
    );
    expect(next.kindId).toBe('complaint');
  });

  it('an invalid complaint is kept, re-kinded and closed when asked', () => {
    const { state, story } = caseAt('accepted');
    const event = story.event('case/markedInvalid', { newKindId: 'request', close: true });
    expect(applyOk(state, event)).toMatchObject({
      valid: false,
      kindId: 'request',
      status: 'closed',
      closedAt: event.at,
    });
    const open = applyOk(state, story.event('case/markedInvalid', { close: false }));
    expect(open).toMatchObject({ valid: false, status: 'accepted', kindId: state.kindId });
  });

  it('marking a closed case invalid keeps its closing time', () => {
    const closedAt = instantAt(T0_MS);
    const { state, story } = caseAt('closed', { closedAt });
    expect(applyOk(state, story.event('case/markedInvalid')).closedAt).toBe(closedAt);
  });

  it('urging counts, supervising flags, exemption and deadline changes are kept', () => {
    const { state, story } = caseAt('accepted');
    const next = run(state, [
      story.event('case/urged'),
      story.event('case/urged'),
      story.event('case/supervised'),
      story.event('case/exempted'),
      story.event('case/deadlineChanged'),
      story.event('case/levelChanged', { levelId: 'critical' }),
    ]);
    expect(next).toMatchObject({
      urgeCount: 2,
      supervised: true,
      exemptReason: SAMPLE_PAYLOADS['case/exempted'].reason,
      deadline: SAMPLE_PAYLOADS['case/deadlineChanged'].deadline,
      levelId: 'critical',
    });
  });

  it('responsibility sets the unit, person and validity', () => {
    const { state, story } = caseAt('closed');
    const next = applyOk(state, story.event('case/responsibilityDetermined', { valid: false }));
    expect(next.valid).toBe(false);
    expect(next.responsibility).toEqual({ ...TEST_UNIT, personName: '李强', valid: false });
  });

  it('linking joins a matter; unlinking leaves it', () => {
    const { state, story } = caseAt('registered');
    const first = 'case-first' as CaseId;
    const linked = applyOk(
      state,
      story.event('case/linked', { matterId: first, otherCaseId: first }),
    );
    expect(linked.matterId).toBe(first);
    const unlinked = applyOk(linked, story.event('case/unlinked', { otherCaseId: first }));
    expect(unlinked.matterId).toBe(state.id);
  });

  it('every applied event counts, moves updatedAt and lastHlc forward, never back', () => {
    const { state, story } = caseAt('registered');
    const later = story.event('case/noted', {}, { atMs: T0_MS + 3_600_000 });
    // Entered later on the desk, but says it happened earlier.
    const backdated = { ...story.event('case/noted'), at: instantAt(T0_MS + 60_000) };
    const s1 = applyOk(state, later);
    const s2 = applyOk(s1, backdated);
    expect(s2.eventCount).toBe(state.eventCount + 2);
    expect(s2.updatedAt).toBe(later.at);
    expect(s2.lastHlc).toBe(backdated.hlc);
    expect(hlcCompare(s2.lastHlc, later.hlc)).toBeGreaterThan(0);
  });
});

describe('journeys', () => {
  it('dispatch, return, re-dispatch, remedy after an unsatisfied follow-up, close, reopen', () => {
    const desk = caseStory();
    const events = [
      desk.event('case/received'),
      desk.event('case/dispatched', { unitId: 'unit-security' as UnitId, unitName: '秩序部' }),
      desk.event('case/returned'),
      desk.event('case/dispatched'),
      desk.event('case/accepted'),
      desk.event('case/urged'),
      desk.event('case/replied'),
      desk.event('case/followedUp', { satisfied: false, satisfaction: 2 }),
      desk.event('case/replied', { reply: '更换整套控制系统' }),
      desk.event('case/followedUp'),
      desk.event('case/closed'),
      desk.event('case/reopened'),
    ];
    const statuses: CaseStatus[] = [];
    let state: CaseEntity | undefined;
    for (const event of events) {
      state = applyOk(state, event);
      statuses.push(state.status);
    }
    expect(statuses).toEqual([
      'registered',
      'dispatched',
      'returned',
      'dispatched',
      'accepted',
      'accepted',
      'replied',
      'accepted',
      'replied',
      'replied',
      'closed',
      'accepted',
    ]);
    expect(state).toMatchObject({
      unitId: TEST_UNIT.unitId,
      unitName: TEST_UNIT.unitName,
      reply: '更换整套控制系统',
      urgeCount: 1,
      remedial: true,
      followUp: { state: 'notDue', attempts: 0 },
      eventCount: events.length,
      lastHlc: events.at(-1)?.hlc,
      updatedAt: events.at(-1)?.at,
      ignoredEventIds: [],
    });
    expect(caseFold(events)).toEqual(state);
  });

  it('escalation: review, the customer agrees, reply, follow-up, close', () => {
    const desk = caseStory();
    const events = [
      desk.event('case/received'),
      desk.event('case/escalated'),
      desk.event('case/reviewed'),
      desk.event('case/consulted', { outcome: 'revise' }),
      desk.event('case/reviewed'),
      desk.event('case/consulted', { outcome: 'agrees' }),
      desk.event('case/replied'),
      desk.event('case/followedUp'),
      desk.event('case/closed'),
    ];
    const states = events.reduce<CaseEntity[]>(
      (all, event) => [...all, applyOk(all.at(-1), event)],
      [],
    );
    expect(states.map((s) => s.status)).toEqual([
      'registered',
      'escalated',
      'underReview',
      'underReview',
      'underReview',
      'accepted',
      'replied',
      'replied',
      'closed',
    ]);
    expect(states.at(-1)).toMatchObject({
      escalated: true,
      levelId: 'major',
      followUp: { state: 'done', satisfied: true },
      finalCauseId: 'equipmentFailure',
    });
  });

  it('a direct answer with a required follow-up that cannot reach the customer', () => {
    const desk = caseStory();
    const state = run(undefined, [
      desk.event('case/received', { kindId: 'inquiry', subject: '物业费怎么交' }),
      desk.event('case/handledDirectly', { followUpRequired: true }),
      desk.event('case/followUpAttempted'),
      desk.event('case/followUpAttempted', { outcome: 'switchedOff', smsSent: true }),
      desk.event('case/followUpWaived', { reason: 'unreachable' }),
      desk.event('case/closed'),
    ]);
    expect(state).toMatchObject({
      status: 'closed',
      followUp: { state: 'unreachable', attempts: 2 },
    });
  });
});

describe('caseFold', () => {
  function journey() {
    const a = caseStory({ deskId: 'desk-a' });
    const received = a.event('case/received');
    const dispatched = a.event('case/dispatched');
    // The unit works on desk b, whose clock is five minutes behind.
    const b = a.desk('desk-b');
    const accepted = b.event('case/accepted', {}, { atMs: T0_MS - 300_000 });
    const edited = b.event('case/fieldsChanged', {
      fields: { customer: { name: '张伟', phone: '13900001111', address: '3-1502' } },
    });
    const replied = b.event('case/replied');
    a.see(accepted, edited, replied);
    return [
      received,
      dispatched,
      accepted,
      edited,
      a.event('case/urged'),
      replied,
      a.event('case/followedUp', { satisfied: false, satisfaction: 1 }),
      a.event('case/replied', { reply: '二次维修完成' }),
      a.event('case/supervised'),
      a.event('case/followedUp'),
      a.event('case/closed'),
    ];
  }

  it('gives the same snapshot in whatever order the events arrive', () => {
    const events = journey();
    const expected = caseFold(events);
    expect(expected).toMatchObject({
      status: 'closed',
      customer: { phone: '13900001111' },
      remedial: true,
      eventCount: events.length,
      ignoredEventIds: [],
    });
    expect(expected?.searchTerms).toContain('13900001111');
    expect(expected?.searchTerms).not.toContain('13812345678');
    for (let seed = 1; seed <= 25; seed++) {
      expect(caseFold(shuffled(events, seed))).toEqual(expected);
    }
  });

  it('equals applying the events one by one in HLC order', () => {
    const events = journey();
    expect(caseFold(events)).toEqual(run(undefined, [...events].sort(caseEventCompare)));
  });

  it('counts an event delivered twice once', () => {
    const events = journey();
    expect(caseFold([...events, ...events.slice(2, 5)])).toEqual(caseFold(events));
  });

  it('has no case without an intake', () => {
    expect(caseFold([])).toBeUndefined();
    expect(caseFold(journey().slice(1))).toBeUndefined();
  });

  it('lists the event that lost a race between two desks, in any arrival order', () => {
    const a = caseStory({ deskId: 'desk-a' });
    const received = a.event('case/received');
    const dispatched = a.event('case/dispatched');
    const b = a.desk('desk-b');
    // Both desks act on the dispatched case without seeing each other.
    const returned = a.event('case/returned');
    const accepted = b.event('case/accepted');
    const events = [received, dispatched, returned, accepted];
    const [first, second] = [returned, accepted].sort(caseEventCompare) as [
      CaseEventEntity,
      CaseEventEntity,
    ];
    for (let seed = 1; seed <= 5; seed++) {
      const state = caseFold(shuffled(events, seed));
      expect(state?.status).toBe(first.type === 'case/returned' ? 'returned' : 'accepted');
      expect(state?.ignoredEventIds).toEqual([second.id]);
      expect(state?.eventCount).toBe(3);
    }
  });
});

describe('sync: any delivery of the same events folds to the same snapshot (property)', () => {
  const STEP_TYPES = EVENT_TYPES;
  const DESKS = ['desk-a', 'desk-b', 'desk-c'] as const;

  /** One step of the case's life: which desk acts, what it does, and how far its clock is off. */
  const stepArb = fc.record({
    desk: fc.integer({ min: 0, max: DESKS.length - 1 }),
    type: fc.constantFrom(...STEP_TYPES),
    /** Minutes the desk's wall clock is off (desks' clocks disagree; the HLC copes). */
    skewMin: fc.integer({ min: -30, max: 30 }),
    /** Which header fields an edit sets, and to what. */
    variant: fc.integer({ min: 0, max: 3 }),
    /** Whether the desk synced (saw every event so far) before acting. */
    synced: fc.boolean(),
  });

  type Step = typeof stepArb extends fc.Arbitrary<infer S> ? S : never;

  /** The events of one case worked on by three desks, many of them concurrent. */
  function historyOf(steps: readonly Step[]): CaseEventEntity[] {
    const a = caseStory({ deskId: DESKS[0] });
    const events: CaseEventEntity[] = [a.event('case/received')];
    const desks = [a, a.desk(DESKS[1]), a.desk(DESKS[2])];
    steps.forEach((step, i) => {
      const desk = desks[step.desk] ?? a;
      if (step.synced) desk.see(...events);
      const atMs = T0_MS + (i + 1) * 60_000 + step.skewMin * 60_000;
      const payload =
        step.type === 'case/fieldsChanged'
          ? {
              fields: [
                { subject: `主题${i}` },
                { demand: `诉求${i}`, categoryId: undefined },
                {
                  subject: `主题${i}`,
                  customer: { name: `客户${i}`, phone: '13900000000', address: `${i}-101` },
                },
                { levelId: `level-${i}`, amountFen: undefined },
              ][step.variant],
            }
          : undefined;
      events.push(desk.event(step.type, payload as never, { atMs }));
    });
    return events;
  }

  /** How a pull could deliver them: any order, in batches, some events twice. */
  const deliveryArb = (count: number) =>
    fc.record({
      order: fc.array(fc.nat(), { minLength: count, maxLength: count }),
      batches: fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: count }),
      again: fc.array(fc.nat({ max: count - 1 }), { maxLength: Math.ceil(count / 2) }),
    });

  function deliver(
    events: readonly CaseEventEntity[],
    d: { order: readonly number[]; batches: readonly number[]; again: readonly number[] },
  ): CaseEventEntity[][] {
    const keyed = events.map((e, i) => ({ e, key: d.order[i] ?? 0 }));
    const stream = [
      ...keyed.sort((x, y) => x.key - y.key).map((k) => k.e),
      ...d.again.map((i) => events[i] as CaseEventEntity),
    ];
    const out: CaseEventEntity[][] = [];
    for (let at = 0, b = 0; at < stream.length; b++) {
      const size = d.batches[b % d.batches.length] ?? 1;
      out.push(stream.slice(at, at + size));
      at += size;
    }
    return out;
  }

  it('converges whatever the order, batching and duplicates of a pull', () => {
    fc.assert(
      fc.property(
        fc
          .array(stepArb, { minLength: 1, maxLength: 24 })
          .map(historyOf)
          .chain((events) => fc.tuple(fc.constant(events), deliveryArb(events.length))),
        ([events, delivery]) => {
          const expected = caseFold(events);
          // A desk stores each page with what it already had, then folds the case again.
          const stored = new Map<string, CaseEventEntity>();
          let state: CaseEntity | undefined;
          for (const batch of deliver(events, delivery)) {
            for (const e of batch) stored.set(e.id, e);
            state = caseFold([...stored.values()]);
          }
          expect(state).toEqual(expected);
          // Every event counts once, applied or listed as lost to a concurrent one.
          expect((state?.eventCount ?? 0) + (state?.ignoredEventIds.length ?? 0)).toBe(
            events.length,
          );
          // Each header field holds the value of its latest write by HLC.
          const subjectWrites = events
            .filter(
              (e) =>
                e.type === 'case/received' ||
                (e.type === 'case/fieldsChanged' &&
                  'subject' in (e.payload as { fields: object }).fields &&
                  !state?.ignoredEventIds.includes(e.id)),
            )
            .sort(caseEventCompare);
          const last = subjectWrites[subjectWrites.length - 1] as CaseEventEntity;
          const lastSubject =
            last.type === 'case/received'
              ? (last.payload as { subject: string }).subject
              : (last.payload as { fields: { subject: string } }).fields.subject;
          expect(state?.subject).toBe(lastSubject);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('header fields merge last-writer-wins by HLC', () => {
  function twoDesks() {
    const a = caseStory({ deskId: 'desk-a' });
    const received = a.event('case/received');
    const b = a.desk('desk-b', { stepMs: 120_000 });
    // Concurrent edits: desk b writes a minute later by the clock.
    const fromA = a.event('case/fieldsChanged', {
      fields: { subject: '电梯坏了', demand: '今天修好' },
    });
    const fromB = b.event('case/fieldsChanged', {
      fields: { subject: '电梯故障困人', categoryId: 'safety' },
    });
    expect(hlcCompare(fromB.hlc, fromA.hlc)).toBeGreaterThan(0);
    return { received, fromA, fromB };
  }

  it('converges whichever edit arrives first', () => {
    const { received, fromA, fromB } = twoDesks();
    const base = applyOk(undefined, received);
    const aThenB = run(base, [fromA, fromB]);
    const bThenA = run(base, [fromB, fromA]);
    expect(bThenA).toEqual(aThenB);
    expect(aThenB).toMatchObject({
      // The later write wins the field both changed; each keeps the fields only it changed.
      subject: '电梯故障困人',
      demand: '今天修好',
      categoryId: 'safety',
      fieldClock: { subject: fromB.hlc, demand: fromA.hlc, categoryId: fromB.hlc },
    });
    expect(aThenB.searchTerms).toContain('困人');
    expect(aThenB.searchTerms).not.toContain('坏了');
    expect(caseFold([fromB, received, fromA])).toEqual(aThenB);
  });

  it('clears an optional field but never a required one', () => {
    const desk = caseStory();
    const base = applyOk(undefined, desk.event('case/received'));
    const next = applyOk(
      base,
      desk.event('case/fieldsChanged', {
        fields: { categoryId: undefined, content: undefined as unknown as string },
      }),
    );
    expect(next.categoryId).toBeUndefined();
    expect(next.content).toBe(base.content);
  });

  it('keeps a level changed by a later event against an older field edit', () => {
    const a = caseStory({ deskId: 'desk-a' });
    const received = a.event('case/received');
    const b = a.desk('desk-b');
    const edit = b.event('case/fieldsChanged', { fields: { levelId: 'minor' } });
    const level = a.event('case/levelChanged', { levelId: 'major' }, { atMs: T0_MS + 600_000 });
    const base = applyOk(undefined, received);
    expect(run(base, [level, edit]).levelId).toBe('major');
    expect(run(base, [edit, level]).levelId).toBe('major');
  });
});

describe('openDueAt (the index of cases that can fall overdue)', () => {
  it('follows the deadline while open, and goes away when closed or exempt', () => {
    const story = caseStory();
    const received = story.event('case/received');
    let state = caseFold([received]);
    expect(state?.openDueAt).toBe(state?.deadline?.dueAt);
    expect(state?.openDueAt).toBeDefined();

    state = caseFold([received, story.event('case/exempted', { reason: '大型工程维修' })]);
    expect(state).not.toHaveProperty('openDueAt');
  });
});

describe('openDueAt once the reply is in', () => {
  it('goes away when the unit replies, and comes back when an unsatisfied follow-up reopens it', () => {
    const desk = caseStory();
    let state: CaseEntity | undefined;
    const seen: [CaseStatus, boolean][] = [];
    for (const event of [
      desk.event('case/received'),
      desk.event('case/dispatched'),
      desk.event('case/accepted'),
      desk.event('case/replied'),
      desk.event('case/followedUp', { satisfied: false, satisfaction: 2 }),
      desk.event('case/replied', { reply: '更换整套控制系统' }),
    ]) {
      state = applyOk(state, event);
      seen.push([state.status, state.openDueAt !== undefined]);
    }
    expect(seen).toEqual([
      ['registered', true],
      ['dispatched', true],
      ['accepted', true],
      ['replied', false],
      ['accepted', true],
      ['replied', false],
    ]);
    // The deadline itself is kept: statistics still say whether the reply was on time.
    expect(state?.deadline?.dueAt).toBeDefined();
  });
});
