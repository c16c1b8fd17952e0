/**
 * Test data for the workflow: sample payloads for every event type and a `caseStory` that makes
 * the events of one case on one desk with advancing times, HLC stamps and deterministic ids.
 * For tests only (no test framework imported, so any test project may use it).
 *
 * @example
 * const desk = caseStory();
 * const events = [desk.event('case/received'), desk.event('case/dispatched')];
 * const other = desk.desk('desk-b'); // a second desk that has seen those events
 */
import type {
  CaseId,
  DeskId,
  EventId,
  HlcStamp,
  IsoInstant,
  StaffId,
  UnitId,
} from '../kernel/brand';
import type { CaseDeadline, CaseEntity, CaseEventEntity, CaseStatus } from '../model/entities';
import { hlcNext, hlcReceive } from '../kernel/hlc';
import { newId } from '../kernel/ids';
import type { CaseEventOf, CaseEventType, CasePayloadOf } from './events';
import { caseFold } from './reducer';

/** 2026-10-09 09:30 in Shanghai: the time stories start at. */
export const T0_MS = Date.UTC(2026, 9, 9, 1, 30);
const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

export function instantAt(ms: number): IsoInstant {
  return new Date(ms).toISOString() as IsoInstant;
}

/** 16 bytes that depend only on the seed (xorshift), for deterministic ids. */
export function seededBytes(seed: number): Uint8Array {
  const bytes = new Uint8Array(16);
  let x = (seed | 0) ^ 0x9e3779b9 || 1;
  for (let i = 0; i < bytes.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

function hashOf(text: string): number {
  let h = 2166136261;
  for (const char of text) {
    h = Math.imul(h ^ (char.codePointAt(0) ?? 0), 16777619);
  }
  return h >>> 0;
}

export function testDeadline(
  dueAt: IsoInstant | string,
  basis: CaseDeadline['basis'] = 'handling',
): CaseDeadline {
  return { dueAt: dueAt as IsoInstant, basis };
}

export const TEST_UNIT = { unitId: 'unit-engineering' as UnitId, unitName: '工程部' } as const;

export function receivedPayload(
  overrides: Partial<CasePayloadOf<'case/received'>> = {},
): CasePayloadOf<'case/received'> {
  return {
    number: '2610-0001',
    receivedAt: instantAt(T0_MS),
    receiverId: 'staff-clerk' as StaffId,
    receiverName: '王丽',
    kindId: 'complaint',
    categoryId: 'facilities',
    levelId: 'general',
    channelId: 'phone',
    customer: { name: '张伟', phone: '13812345678', address: '3-1502' },
    subject: '三号楼电梯故障停运',
    content: '电梯从昨天晚上开始停运，老人上下楼困难。',
    demand: '尽快修复电梯',
    flags: [],
    deadline: testDeadline(instantAt(T0_MS + 3 * DAY_MS)),
    ...overrides,
  };
}

/** A payload for every event type that applies wherever its status allows. */
export const SAMPLE_PAYLOADS: { readonly [T in CaseEventType]: CasePayloadOf<T> } = {
  'case/received': receivedPayload(),
  'case/fieldsChanged': { fields: { demand: '今天之内修复' } },
  'case/handledDirectly': { answer: '已告知物业费缴纳方式', followUpRequired: false },
  'case/dispatched': {
    ...TEST_UNIT,
    handlerName: '李强',
    deadline: testDeadline(instantAt(T0_MS + 2 * DAY_MS)),
  },
  'case/accepted': { handlerName: '李强' },
  'case/returned': { reason: '不属于本部门职责' },
  'case/extensionRequested': {
    requestedDueAt: instantAt(T0_MS + 10 * DAY_MS),
    reason: '需要采购配件',
  },
  'case/extensionDecided': {
    approved: true,
    deadline: testDeadline(instantAt(T0_MS + 10 * DAY_MS), 'extension'),
  },
  'case/replied': {
    reply: '已更换电梯控制板，恢复运行',
    toldCustomer: '已电话告知业主',
    followUpDueAt: instantAt(T0_MS + 4 * DAY_MS),
  },
  'case/urged': { note: '临近时限，请尽快处理' },
  'case/supervised': { note: '多次投诉，列入督办' },
  'case/interimMet': { note: '已安排临时替换产品' },
  'case/escalated': {
    reason: '客户不满意，升级处理',
    levelId: 'major',
    deadline: testDeadline(instantAt(T0_MS + 5 * DAY_MS), 'escalated'),
  },
  'case/reviewed': {
    review: {
      customerDemand: '赔偿误工费',
      progress: '已修复',
      proposedSolution: '减免一个月物业费',
      feasibility: '可行',
      cost: '300元',
      fairness: '与以往同类处理一致',
      reviewers: ['赵敏', '钱进'],
      decision: '同意方案',
      round: 1,
    },
  },
  'case/consulted': { outcome: 'agrees', note: '客户同意减免方案' },
  'case/followUpAttempted': { outcome: 'noAnswer', method: 'phone' },
  'case/followedUp': {
    method: 'phone',
    satisfaction: 5,
    satisfied: true,
    answers: ['满意'],
  },
  'case/followUpWaived': { reason: 'notSampled' },
  'case/responsibilityDetermined': { ...TEST_UNIT, personName: '李强', valid: true },
  'case/correctiveAction': {
    rootCause: '控制板老化',
    action: '每季度检查控制板',
    owner: '工程部',
  },
  'case/closed': { finalCauseId: 'equipmentFailure', summary: '电梯已修复，业主满意' },
  'case/reopened': { reason: '电梯再次故障' },
  'case/converted': { fromKindId: 'complaint', toKindId: 'request', reason: '属于报修需求' },
  'case/markedInvalid': { explanation: '非本小区业主', close: true },
  'case/exempted': { reason: '需整体更换电梯，工期较长' },
  'case/levelChanged': { levelId: 'major', reason: '逾期升级' },
  'case/deadlineChanged': {
    deadline: testDeadline(instantAt(T0_MS + 7 * DAY_MS), 'manual'),
    reason: '与客户约定',
  },
  'case/noted': { note: '客户来电询问进度' },
  'case/linked': { matterId: 'case-first' as CaseId, otherCaseId: 'case-first' as CaseId },
  'case/unlinked': { otherCaseId: 'case-first' as CaseId },
  'case/printed': { form: 'dispatchSheet' },
  'case/exported': { table: 'register' },
  'case/attachmentAdded': {
    attachmentId: 'att-1',
    hash: 'ab'.repeat(32),
    name: '漏水照片.jpg',
    kind: 'image',
    mediaType: 'image/jpeg',
    inline: true,
    size: 1234,
    caption: '卫生间顶棚漏水',
  },
  'case/attachmentRemoved': { attachmentId: 'att-1', name: '漏水照片.jpg' },
};

export interface CaseStoryOptions {
  readonly caseId?: CaseId;
  readonly deskId?: string;
  readonly startMs?: number;
  /** How far the desk's wall clock moves between two events (default one minute). */
  readonly stepMs?: number;
  readonly actorName?: string;
}

export interface CaseEventOptions {
  /** The wall time of the event (the desk's clock moves there), instead of one step on. */
  readonly atMs?: number;
}

export interface CaseStory {
  readonly caseId: CaseId;
  readonly deskId: DeskId;
  /**
   * The next event of the case on this desk: its payload is the sample for its type with
   * `payload` laid over it.
   */
  event<T extends CaseEventType>(
    type: T,
    payload?: Partial<CasePayloadOf<T>>,
    options?: CaseEventOptions,
  ): CaseEventEntity<CaseEventOf<T>>;
  /** Moves this desk's clock past events it received from other desks. */
  see(...events: readonly CaseEventEntity[]): void;
  /** A second desk on the same case that has seen everything this one made so far. */
  desk(deskId: string, options?: Pick<CaseStoryOptions, 'stepMs' | 'actorName'>): CaseStory;
}

export function caseStory(options: CaseStoryOptions = {}): CaseStory {
  const deskId = (options.deskId ?? 'desk-a') as DeskId;
  const startMs = options.startMs ?? T0_MS;
  const caseId = options.caseId ?? newId<CaseId>(startMs, seededBytes(hashOf(`case:${deskId}`)));
  return storyOf({
    caseId,
    deskId,
    wallMs: startMs,
    stepMs: options.stepMs ?? MINUTE_MS,
    actorName: options.actorName ?? '王丽',
    clock: undefined,
  });
}

interface StoryState {
  readonly caseId: CaseId;
  readonly deskId: DeskId;
  wallMs: number;
  readonly stepMs: number;
  readonly actorName: string;
  clock: HlcStamp | undefined;
}

function storyOf(s: StoryState): CaseStory {
  let count = 0;
  return {
    caseId: s.caseId,
    deskId: s.deskId,
    event<T extends CaseEventType>(
      type: T,
      payload?: Partial<CasePayloadOf<T>>,
      options?: CaseEventOptions,
    ): CaseEventEntity<CaseEventOf<T>> {
      s.wallMs = options?.atMs ?? (s.clock === undefined ? s.wallMs : s.wallMs + s.stepMs);
      s.clock = hlcNext(s.clock, s.wallMs, s.deskId);
      count += 1;
      // The sample and the overrides are of the type's payload; TS cannot follow T through them.
      const event: unknown = {
        id: newId<EventId>(s.wallMs, seededBytes(hashOf(`${s.caseId}:${s.deskId}:${count}`))),
        caseId: s.caseId,
        type,
        at: instantAt(s.wallMs),
        hlc: s.clock,
        actorId: `staff-${s.deskId}` as StaffId,
        actorName: s.actorName,
        deskId: s.deskId,
        payload: { ...SAMPLE_PAYLOADS[type], ...payload },
      };
      return event as CaseEventEntity<CaseEventOf<T>>;
    },
    see(...events) {
      for (const event of events) {
        s.clock = hlcReceive(s.clock, event.hlc, s.wallMs, s.deskId);
      }
    },
    desk(deskId, options) {
      return storyOf({
        caseId: s.caseId,
        deskId: deskId as DeskId,
        wallMs: s.wallMs,
        stepMs: options?.stepMs ?? s.stepMs,
        actorName: options?.actorName ?? s.actorName,
        clock: s.clock === undefined ? undefined : hlcReceive(undefined, s.clock, s.wallMs, deskId),
      });
    },
  };
}

/**
 * A case put straight into a status (with `overrides` laid over it), and the story that made it,
 * for events that follow. Not reachable by events in every combination: for tables of rules.
 */
export function caseAt(
  status: CaseStatus,
  overrides: Partial<CaseEntity> = {},
): { readonly state: CaseEntity; readonly story: CaseStory } {
  const story = caseStory();
  const base = caseFold([story.event('case/received')]);
  if (base === undefined) {
    throw new Error('caseAt: the sample intake did not create a case');
  }
  return { state: { ...base, status, ...overrides }, story };
}
