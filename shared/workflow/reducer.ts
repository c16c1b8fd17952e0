/**
 * The workflow reducer (DOMAIN.md section 2, DESIGN.md "Data model" and "Sync"): folds a case's
 * events into its snapshot. Pure: every time and every deadline comes from the events, so every
 * replica derives the same snapshot from the same events.
 *
 * - `caseCheck` says whether an event applies, and why not (a `WorkflowRefusal`).
 * - `caseApply` checks, then applies one event.
 * - `caseFold` applies a whole history in HLC order; events that do not apply (for example two
 *   desks that accepted and returned the same case at once) are listed in `ignoredEventIds`.
 *
 * Applying one event to a snapshot gives the same result as folding only when the event is the
 * latest by HLC; an event that arrives late (from sync) should be folded in with the rest.
 * Header fields converge either way: they merge last-writer-wins by HLC (`fieldClock`).
 */
import { missingCaseError, strictAssert } from '../kernel/assert';
import type { EventId, HlcStamp, IsoInstant } from '../kernel/brand';
import type { CaseEntity, CaseEventEntity, CaseFollowUp, CaseStatus } from '../model/entities';
import { hlcCompare, hlcMax } from '../kernel/hlc';
import { searchTermsOf, searchTextsOf } from '../register/search';
import type {
  CaseEventOf,
  CaseEventType,
  CaseHeaderFields,
  CasePayloadOf,
  HeaderFieldName,
  InterimMove,
} from './events';
import type { WorkflowRefusal, WorkflowRefusalCode } from './refusals';

export type CaseApplyResult =
  | { readonly ok: true; readonly next: CaseEntity; readonly history: 'record' }
  | { readonly ok: false; readonly refusal: WorkflowRefusal };

/**
 * A case event whose payload type follows its `type`, so a `switch` on the type narrows the
 * payload (`CaseEventEntity` of the whole union does not).
 */
export type CaseEventRecord = {
  [T in CaseEventType]: CaseEventEntity<CaseEventOf<T>>;
}[CaseEventType];

/** Which statuses an event applies in: a list, every open status, or any status at all. */
type StatusRule = readonly CaseStatus[] | 'open' | 'any' | 'noCase';

const FOLLOW_UP_STATUSES: readonly CaseStatus[] = [
  'handledDirectly',
  'replied',
  'awaitingFollowUp',
];

/**
 * From which statuses each event applies (DOMAIN.md section 2). Keyed by event type, so a new
 * event does not compile until someone decides where it applies. The order is the order
 * `caseAllowedEvents` lists actions in.
 */
const APPLIES_IN: { readonly [T in CaseEventType]: StatusRule } = {
  'case/received': 'noCase',
  'case/handledDirectly': ['registered'],
  'case/dispatched': ['registered', 'returned', 'dispatched', 'escalated', 'underReview'],
  'case/accepted': ['dispatched'],
  'case/returned': ['dispatched', 'accepted'],
  'case/extensionRequested': ['dispatched', 'accepted'],
  'case/extensionDecided': 'open',
  'case/replied': ['accepted', 'dispatched', 'underReview'],
  'case/urged': 'open',
  'case/supervised': 'open',
  'case/interimMet': 'open',
  'case/escalated': [
    'registered',
    'handledDirectly',
    'dispatched',
    'accepted',
    'returned',
    'replied',
    'awaitingFollowUp',
  ],
  'case/reviewed': ['escalated', 'underReview'],
  'case/consulted': ['underReview'],
  'case/followUpAttempted': FOLLOW_UP_STATUSES,
  'case/followedUp': FOLLOW_UP_STATUSES,
  'case/followUpWaived': FOLLOW_UP_STATUSES,
  'case/closed': FOLLOW_UP_STATUSES,
  'case/reopened': ['closed'],
  'case/fieldsChanged': 'any',
  'case/converted': 'open',
  'case/markedInvalid': 'any',
  'case/exempted': 'open',
  'case/levelChanged': 'open',
  'case/deadlineChanged': 'open',
  'case/responsibilityDetermined': 'any',
  'case/correctiveAction': 'any',
  'case/noted': 'any',
  'case/linked': 'any',
  'case/unlinked': 'any',
  'case/printed': 'any',
  'case/exported': 'any',
  'case/attachmentAdded': 'any',
  'case/attachmentRemoved': 'any',
};

const CASE_EVENT_TYPES = Object.keys(APPLIES_IN) as CaseEventType[];

/**
 * The editable header fields and whether each may be cleared (set to undefined). Keyed by the
 * type's keys, so a new header field does not compile until it is listed here.
 */
const HEADER_FIELDS: { readonly [K in HeaderFieldName]: { readonly optional: boolean } } = {
  kindId: { optional: false },
  categoryId: { optional: true },
  levelId: { optional: true },
  channelId: { optional: false },
  customer: { optional: false },
  subject: { optional: false },
  content: { optional: false },
  demand: { optional: false },
  amountFen: { optional: true },
  flags: { optional: false },
};

const HEADER_FIELD_NAMES = Object.keys(HEADER_FIELDS) as HeaderFieldName[];

/** Whether the case is still being worked on (any status but closed). */
export function caseIsOpen(state: Pick<CaseEntity, 'status'>): boolean {
  return state.status !== 'closed';
}

function isInStatus(rule: StatusRule, status: CaseStatus): boolean {
  if (typeof rule !== 'string') {
    return rule.includes(status);
  }
  switch (rule) {
    case 'any':
      return true;
    case 'open':
      return status !== 'closed';
    case 'noCase':
      return false;
    default:
      throw missingCaseError(rule);
  }
}

function isBlank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}

/** Whether the follow-up allows closing: done, waived, unreachable, or none was due. */
function isFollowUpSettled(state: Pick<CaseEntity, 'status' | 'followUp'>): boolean {
  switch (state.followUp.state) {
    case 'done':
    case 'waived':
    case 'unreachable':
      return true;
    case 'notDue':
      return state.status === 'handledDirectly';
    case 'pending':
      return false;
    default:
      throw missingCaseError(state.followUp.state);
  }
}

/**
 * Refusals that depend on the state beyond its status, whatever the payload (so
 * `caseAllowedEvents` can take them into account).
 */
const STATE_REFUSALS: {
  readonly [T in CaseEventType]?: (state: CaseEntity) => WorkflowRefusalCode | undefined;
} = {
  'case/extensionRequested': (state) => (state.pendingExtension ? 'extensionPending' : undefined),
  'case/extensionDecided': (state) => (state.pendingExtension ? undefined : 'noPendingExtension'),
  'case/interimMet': (state) =>
    state.interimDeadline === undefined || state.interimMetAt !== undefined
      ? 'noInterimDue'
      : undefined,
  'case/closed': (state) => (isFollowUpSettled(state) ? undefined : 'followUpNotDone'),
};

function stateRefusalOf(state: CaseEntity, type: CaseEventType): WorkflowRefusalCode | undefined {
  return STATE_REFUSALS[type]?.(state);
}

/** Refusals that depend on the payload. */
function payloadRefusalOf(
  state: CaseEntity,
  e: CaseEventRecord,
): Pick<WorkflowRefusal, 'code' | 'field'> | undefined {
  switch (e.type) {
    case 'case/fieldsChanged':
      return 'subject' in e.payload.fields && isBlank(e.payload.fields.subject)
        ? { code: 'missingField', field: 'subject' }
        : undefined;
    case 'case/extensionDecided':
      return e.payload.approved && !e.payload.deadline
        ? { code: 'missingField', field: 'deadline' }
        : undefined;
    case 'case/converted':
      return e.payload.fromKindId === state.kindId ? undefined : { code: 'wrongKind' };
    case 'case/linked':
    case 'case/unlinked':
      return e.payload.otherCaseId === state.id ? { code: 'selfLink' } : undefined;
    case 'case/attachmentAdded':
      return isBlank(e.payload.hash) ? { code: 'missingField', field: 'hash' } : undefined;
    case 'case/attachmentRemoved':
      return (state.attachmentIds ?? []).includes(e.payload.attachmentId)
        ? undefined
        : { code: 'notAttached' };
    case 'case/received':
    case 'case/handledDirectly':
    case 'case/dispatched':
    case 'case/accepted':
    case 'case/returned':
    case 'case/extensionRequested':
    case 'case/replied':
    case 'case/urged':
    case 'case/supervised':
    case 'case/interimMet':
    case 'case/escalated':
    case 'case/reviewed':
    case 'case/consulted':
    case 'case/followUpAttempted':
    case 'case/followedUp':
    case 'case/followUpWaived':
    case 'case/responsibilityDetermined':
    case 'case/correctiveAction':
    case 'case/closed':
    case 'case/reopened':
    case 'case/markedInvalid':
    case 'case/exempted':
    case 'case/levelChanged':
    case 'case/deadlineChanged':
    case 'case/noted':
    case 'case/printed':
    case 'case/exported':
      return undefined;
    default:
      throw missingCaseError(e);
  }
}

/**
 * Why the event cannot be applied to the case, or undefined when it can. Checks in order: the
 * case exists (or not, for `case/received`), the status, the rest of the state, the payload.
 */
export function caseCheck(
  state: CaseEntity | undefined,
  event: CaseEventEntity,
): WorkflowRefusal | undefined {
  const e = event as CaseEventRecord;
  const eventType = e.type;
  if (state === undefined) {
    if (e.type !== 'case/received') {
      return { code: 'notCreated', eventType };
    }
    return isBlank(e.payload.subject)
      ? { code: 'missingField', eventType, field: 'subject' }
      : undefined;
  }
  const { status } = state;
  if (e.type === 'case/received') {
    return { code: 'alreadyCreated', eventType, status };
  }
  if (!isInStatus(APPLIES_IN[eventType], status)) {
    return { code: caseIsOpen(state) ? 'notAllowedInStatus' : 'closed', eventType, status };
  }
  const stateCode = stateRefusalOf(state, eventType);
  if (stateCode) {
    return { code: stateCode, eventType, status };
  }
  const payloadRefusal = payloadRefusalOf(state, e);
  return payloadRefusal ? { ...payloadRefusal, eventType, status } : undefined;
}

/**
 * The event types `caseCheck` would accept for this state whatever their payload: those allowed
 * in its status and by the rest of the state (a pending extension, the follow-up before closing).
 * For the UI to offer actions; payload checks (a wrong kind, a self-link) still apply.
 */
export function caseAllowedEvents(state: CaseEntity | undefined): CaseEventType[] {
  if (state === undefined) {
    return ['case/received'];
  }
  return CASE_EVENT_TYPES.filter(
    (type) =>
      isInStatus(APPLIES_IN[type], state.status) && stateRefusalOf(state, type) === undefined,
  );
}

/**
 * Writes one header field last-writer-wins: only when the event's stamp is later than the last
 * write recorded for that field.
 */
function writeField<K extends HeaderFieldName>(
  state: CaseEntity,
  name: K,
  value: CaseHeaderFields[K],
  hlc: HlcStamp,
): CaseEntity {
  const clock = state.fieldClock[name];
  if (clock !== undefined && hlcCompare(hlc, clock) <= 0) {
    return state;
  }
  if (value === undefined && !HEADER_FIELDS[name].optional) {
    return state;
  }
  return { ...state, [name]: value, fieldClock: { ...state.fieldClock, [name]: hlc } };
}

function withSearchTerms(state: CaseEntity): CaseEntity {
  return { ...state, searchTerms: searchTermsOf(searchTextsOf(state)) };
}

function created(event: CaseEventEntity<CaseEventOf<'case/received'>>): CaseEntity {
  const p = event.payload;
  const fieldClock: Record<string, HlcStamp> = {};
  for (const name of HEADER_FIELD_NAMES) {
    fieldClock[name] = event.hlc;
  }
  return withSearchTerms({
    id: event.caseId,
    number: p.number,
    deskId: event.deskId,
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
    amountFen: p.amountFen,
    flags: p.flags,
    status: 'registered',
    deadline: p.deadline,
    dispatchDeadline: p.dispatchDeadline,
    interimDeadline: p.interimDeadline,
    escalated: false,
    remedial: false,
    valid: undefined,
    followUp: { state: 'notDue', attempts: 0 },
    matterId: p.matterId ?? event.caseId,
    urgeCount: 0,
    supervised: false,
    imported: p.imported ?? false,
    createdAt: event.at,
    updatedAt: event.at,
    lastHlc: event.hlc,
    eventCount: 0,
    fieldClock,
    ignoredEventIds: [],
    searchTerms: [],
  });
}

function changedFields(
  state: CaseEntity,
  fields: CasePayloadOf<'case/fieldsChanged'>['fields'],
  hlc: HlcStamp,
): CaseEntity {
  let next = state;
  for (const name of HEADER_FIELD_NAMES) {
    if (Object.hasOwn(fields, name)) {
      next = writeField(next, name, fields[name], hlc);
    }
  }
  return next === state ? state : withSearchTerms(next);
}

/** Where a case goes back to for remedial work: its unit if it has one, else the desk. */
function remedialStatus(state: Pick<CaseEntity, 'unitId'>): CaseStatus {
  return state.unitId === undefined ? 'registered' : 'accepted';
}

function followUpResult(
  e: CaseEventEntity<CaseEventOf<'case/followedUp'>>,
): Omit<CaseFollowUp, 'state' | 'attempts'> {
  const p = e.payload;
  return {
    at: e.at,
    byId: e.actorId,
    byName: e.actorName,
    method: p.method,
    satisfaction: p.satisfaction,
    satisfied: p.satisfied,
    sampled: p.sampled,
  };
}

/** The state after an event that `caseCheck` accepted, before the bookkeeping fields. */
function applied(state: CaseEntity, e: CaseEventRecord): CaseEntity {
  switch (e.type) {
    case 'case/received':
      // caseCheck refuses a second intake.
      throw new Error('case/received applies only to a new case');
    case 'case/fieldsChanged':
      return changedFields(state, e.payload.fields, e.hlc);
    case 'case/handledDirectly':
      return {
        ...state,
        status: 'handledDirectly',
        reply: e.payload.answer,
        repliedAt: e.at,
        followUp: {
          state: e.payload.followUpRequired ? 'pending' : 'notDue',
          dueAt: e.payload.followUpRequired ? e.payload.followUpDueAt : undefined,
          attempts: 0,
        },
      };
    case 'case/dispatched':
      return {
        ...state,
        status: 'dispatched',
        unitId: e.payload.unitId,
        unitName: e.payload.unitName,
        handlerName: e.payload.handlerName,
        dispatchedAt: e.at,
        acceptedAt: undefined,
        deadline: e.payload.deadline,
      };
    case 'case/accepted':
      return {
        ...state,
        status: 'accepted',
        acceptedAt: e.at,
        handlerName: e.payload.handlerName,
      };
    case 'case/returned':
      // The unit stays recorded (who sent it back) until the case is dispatched again.
      return { ...state, status: 'returned' };
    case 'case/extensionRequested':
      return {
        ...state,
        pendingExtension: { requestedDueAt: e.payload.requestedDueAt, reason: e.payload.reason },
      };
    case 'case/extensionDecided':
      return {
        ...state,
        pendingExtension: undefined,
        deadline: e.payload.approved ? e.payload.deadline : state.deadline,
      };
    case 'case/replied':
      return {
        ...state,
        status: 'replied',
        // A reply straight from dispatched means the unit took the job.
        acceptedAt: state.acceptedAt ?? (state.status === 'dispatched' ? e.at : undefined),
        reply: e.payload.reply,
        repliedAt: e.at,
        followUp: { state: 'pending', dueAt: e.payload.followUpDueAt, attempts: 0 },
      };
    case 'case/urged':
      return { ...state, urgeCount: state.urgeCount + 1 };
    case 'case/supervised':
      return { ...state, supervised: true };
    case 'case/interimMet':
      return { ...state, interimMetAt: e.at };
    case 'case/escalated': {
      const next: CaseEntity = {
        ...state,
        status: 'escalated',
        escalated: true,
        deadline: e.payload.deadline,
      };
      return withInterimMove(
        e.payload.levelId === undefined
          ? next
          : writeField(next, 'levelId', e.payload.levelId, e.hlc),
        e.payload,
      );
    }
    case 'case/reviewed':
      return { ...state, status: 'underReview' };
    case 'case/consulted':
      switch (e.payload.outcome) {
        case 'agrees':
          return { ...state, status: 'accepted' };
        case 'cannotBeMet':
          return {
            ...state,
            status: 'replied',
            reply: e.payload.note,
            repliedAt: e.at,
            followUp: { state: 'pending', dueAt: e.payload.followUpDueAt, attempts: 0 },
          };
        case 'revise':
        case 'escalateFurther':
        case 'externalReview':
          return state;
        default:
          throw missingCaseError(e.payload.outcome);
      }
    case 'case/followUpAttempted':
      return {
        ...state,
        status: 'awaitingFollowUp',
        followUp: {
          ...state.followUp,
          state: 'pending',
          attempts: state.followUp.attempts + 1,
          lastAttemptAt: e.at,
        },
      };
    case 'case/followedUp':
      if (e.payload.satisfied) {
        return {
          ...state,
          status: state.status === 'handledDirectly' ? 'handledDirectly' : 'replied',
          followUp: { ...state.followUp, ...followUpResult(e), state: 'done' },
        };
      }
      // Not satisfied: back to remedial work (补救); a new follow-up comes after the next reply.
      return {
        ...state,
        status: remedialStatus(state),
        remedial: true,
        followUp: { ...state.followUp, ...followUpResult(e), state: 'notDue', dueAt: undefined },
      };
    case 'case/followUpWaived':
      return {
        ...state,
        followUp: {
          ...state.followUp,
          state: e.payload.reason === 'unreachable' ? 'unreachable' : 'waived',
          at: e.at,
          byId: e.actorId,
          byName: e.actorName,
        },
      };
    case 'case/responsibilityDetermined':
      return {
        ...state,
        valid: e.payload.valid,
        responsibility: {
          unitId: e.payload.unitId,
          unitName: e.payload.unitName,
          personName: e.payload.personName,
          valid: e.payload.valid,
        },
      };
    case 'case/closed':
      return {
        ...state,
        status: 'closed',
        closedAt: e.at,
        finalCauseId: e.payload.finalCauseId,
      };
    case 'case/reopened':
      return {
        ...state,
        status: remedialStatus(state),
        remedial: true,
        closedAt: undefined,
        finalCauseId: undefined,
        followUp: { state: 'notDue', attempts: 0 },
        deadline: e.payload.deadline ?? state.deadline,
      };
    case 'case/converted':
      return writeField(state, 'kindId', e.payload.toKindId, e.hlc);
    case 'case/markedInvalid': {
      const invalid: CaseEntity = {
        ...state,
        valid: false,
        ...(e.payload.close && caseIsOpen(state)
          ? { status: 'closed' as const, closedAt: e.at }
          : {}),
      };
      return e.payload.newKindId === undefined
        ? invalid
        : writeField(invalid, 'kindId', e.payload.newKindId, e.hlc);
    }
    case 'case/exempted':
      return { ...state, exemptReason: e.payload.reason };
    case 'case/levelChanged': {
      const next = withInterimMove(
        writeField(state, 'levelId', e.payload.levelId, e.hlc),
        e.payload,
      );
      return e.payload.deadline === undefined ? next : { ...next, deadline: e.payload.deadline };
    }
    case 'case/deadlineChanged':
      return { ...state, deadline: e.payload.deadline };
    case 'case/linked':
      return { ...state, matterId: e.payload.matterId };
    case 'case/unlinked':
      return { ...state, matterId: state.id };
    case 'case/attachmentAdded':
      return { ...state, attachmentIds: [...(state.attachmentIds ?? []), e.payload.attachmentId] };
    case 'case/attachmentRemoved': {
      const { attachmentIds: _ids, ...rest } = state;
      const left = (state.attachmentIds ?? []).filter((id) => id !== e.payload.attachmentId);
      // No key at all once the last is removed, as on a case that never had one.
      return left.length === 0 ? rest : { ...rest, attachmentIds: left };
    }
    case 'case/correctiveAction':
    case 'case/noted':
    case 'case/printed':
    case 'case/exported':
      return state;
    default:
      throw missingCaseError(e);
  }
}

/** Statuses in which the reply is in: the handling deadline has been met or missed for good. */
const REPLY_IN: readonly CaseStatus[] = ['handledDirectly', 'replied', 'awaitingFollowUp'];

/**
 * The due time that still counts against the case: set only while the case is open, has a
 * deadline, is not exempt and still waits for its reply (DOMAIN.md section 3: overdue means no
 * reply by the deadline; the follow-up has its own due time and queue), so an index on it holds
 * exactly the cases that can fall overdue. A reopened case counts again.
 */
function openDueAtOf(state: CaseEntity): IsoInstant | undefined {
  if (!caseIsOpen(state) || state.exemptReason !== undefined) return undefined;
  if (REPLY_IN.includes(state.status)) return undefined;
  return state.deadline?.dueAt;
}

/**
 * The dispatch due time that still counts: while the case waits for its first dispatch (a
 * direct answer, an escalation or closing settles it: no dispatch is owed any more).
 */
function dispatchOpenDueAtOf(state: CaseEntity): IsoInstant | undefined {
  if (state.status !== 'registered' || state.dispatchedAt !== undefined) return undefined;
  if (state.exemptReason !== undefined) return undefined;
  return state.dispatchDeadline?.dueAt;
}

/** The interim step as a change of level moved it (`InterimMove`). */
function withInterimMove(state: CaseEntity, move: InterimMove): CaseEntity {
  if (move.interimDeadline !== undefined)
    return { ...state, interimDeadline: move.interimDeadline };
  if (move.interimDropped !== true) return state;
  const { interimDeadline: _dropped, ...rest } = state;
  return rest;
}

/** The interim due time that still counts: open, not exempt, the step not yet recorded. */
function interimOpenDueAtOf(state: CaseEntity): IsoInstant | undefined {
  if (!caseIsOpen(state) || state.exemptReason !== undefined) return undefined;
  if (state.interimMetAt !== undefined) return undefined;
  return state.interimDeadline?.dueAt;
}

/**
 * The derived due-time fields (`openDueAt`, `dispatchOpenDueAt`, `interimOpenDueAt`) of a
 * snapshot. Absent, not undefined-valued, when they do not count: IndexedDB then leaves the row
 * out of the index. Exported for the schema upgrade that fills them on stored cases.
 */
export function caseWithOpenDueTimes(state: CaseEntity): CaseEntity {
  const {
    openDueAt: _open,
    dispatchOpenDueAt: _dispatch,
    interimOpenDueAt: _interim,
    ...rest
  } = state;
  const openDueAt = openDueAtOf(state);
  const dispatchOpenDueAt = dispatchOpenDueAtOf(state);
  const interimOpenDueAt = interimOpenDueAtOf(state);
  return {
    ...rest,
    ...(openDueAt === undefined ? {} : { openDueAt }),
    ...(dispatchOpenDueAt === undefined ? {} : { dispatchOpenDueAt }),
    ...(interimOpenDueAt === undefined ? {} : { interimOpenDueAt }),
  };
}

/** Counts the event and moves the times and the clock forward (never back). */
function recorded(state: CaseEntity, event: CaseEventEntity): CaseEntity {
  return caseWithOpenDueTimes({
    ...state,
    updatedAt: event.at > state.updatedAt ? event.at : state.updatedAt,
    lastHlc: hlcMax(state.lastHlc, event.hlc),
    eventCount: state.eventCount + 1,
  });
}

/** Checks the event and, when it applies, returns the case after it. Pure. */
export function caseApply(state: CaseEntity | undefined, event: CaseEventEntity): CaseApplyResult {
  const refusal = caseCheck(state, event);
  if (refusal) {
    return { ok: false, refusal };
  }
  const e = event as CaseEventRecord;
  let next: CaseEntity;
  if (state === undefined) {
    strictAssert(e.type === 'case/received', 'caseCheck lets only case/received create a case');
    next = created(e);
  } else {
    strictAssert(
      event.caseId === state.id,
      `event ${event.id} of case ${event.caseId} applied to case ${state.id}`,
    );
    next = applied(state, e);
  }
  return { ok: true, next: recorded(next, event), history: 'record' };
}

/** Orders events by HLC, then by id (two events never share both). */
export function caseEventCompare(a: CaseEventEntity, b: CaseEventEntity): number {
  return hlcCompare(a.hlc, b.hlc) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The snapshot of a case from its events, in any order and with duplicates: they are sorted by
 * (HLC, id) and applied in turn. Events that do not apply are listed in `ignoredEventIds`.
 * Undefined when there is no `case/received` event.
 */
export function caseFold(events: readonly CaseEventEntity[]): CaseEntity | undefined {
  // Logs merged from several desks may hold an event twice: it counts once.
  const unique = new Map<EventId, CaseEventEntity>();
  for (const event of events) {
    if (!unique.has(event.id)) {
      unique.set(event.id, event);
    }
  }
  const ordered = [...unique.values()].sort(caseEventCompare);
  let state: CaseEntity | undefined;
  const ignored: EventId[] = [];
  for (const event of ordered) {
    const result = caseApply(state, event);
    if (result.ok) {
      state = result.next;
    } else {
      ignored.push(event.id);
    }
  }
  return state && ignored.length > 0
    ? { ...state, ignoredEventIds: [...state.ignoredEventIds, ...ignored] }
    : state;
}
