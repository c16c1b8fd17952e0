/**
 * The events a generated case can go through, as steps whose payloads are made the way the
 * desk makes them: deadlines from the desk's rules, texts from the templates, the caller's file.
 */
import type { IsoInstant, StaffId } from '@shared/kernel/brand';
import { fenFromYuan } from '@shared/kernel/brand';
import {
  DEFAULT_TIME_ZONE,
  deadlineCompute,
  type DeadlineComputed,
} from '@shared/calendar/deadline';
import type { CaseDeadline } from '@shared/model/entities';
import type { CaseFlag, DeadlineSpec } from '@shared/rules/rules';
import { rulesFollowUpDeadline, rulesHandlingDeadline } from '@shared/rules/rules-query';
import type { CaseEventType, CasePayloadOf } from '@shared/workflow/events';
import type { BenchDesk, CasePlan } from './case-maker';
import type { Random } from './random';
import { CHANNEL_WEIGHTS, HANDLERS, TOPICS, WHEN, type Topic } from './texts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export interface Step {
  readonly type: CaseEventType;
  /** Minutes after the previous event: drawn between the two bounds. */
  readonly gap: readonly [number, number];
  readonly payload: (atMs: number) => unknown;
}

const SHANGHAI_OFFSET = 8 * 60 * MINUTE;
const deadlineMemos = new WeakMap<BenchDesk, Map<string, DeadlineComputed>>();

/**
 * `deadlineCompute`, remembered per local day for working-day deadlines (they end at the close
 * of the n-th working day, whatever the hour): the generator asks for 200,000 of them. The day
 * is Shanghai's (no daylight saving), the zone `deskSetUp` gives a new desk.
 */
function deadlineAt(desk: BenchDesk, spec: DeadlineSpec, atMs: number): DeadlineComputed {
  const start = instantAt(atMs);
  if (
    spec.unit !== 'workingDays' ||
    spec.amount === 0 ||
    desk.deadline.timeZone !== DEFAULT_TIME_ZONE
  ) {
    return deadlineCompute(spec, start, desk.deadline);
  }
  let memo = deadlineMemos.get(desk);
  if (!memo) {
    memo = new Map();
    deadlineMemos.set(desk, memo);
  }
  const key = `${spec.amount}:${Math.floor((atMs + SHANGHAI_OFFSET) / DAY)}`;
  let computed = memo.get(key);
  if (!computed) {
    computed = deadlineCompute(spec, start, desk.deadline);
    memo.set(key, computed);
  }
  return computed;
}

function fill(template: string, vars: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}

export function instantAt(ms: number): IsoInstant {
  return new Date(ms).toISOString() as IsoInstant;
}

function topicFor(random: Random): Topic {
  // A property desk hears more requests (repairs, questions) than complaints.
  const kindId = random.chance(0.55) ? 'request' : 'complaint';
  return random.weighted(
    TOPICS.filter((t) => t.kindId === kindId).map((t) => [t, t.weight] as const),
  );
}

/** The steps of one case, and what the path through them depends on. */
export interface CaseSteps {
  readonly topic: Topic;
  readonly complaint: boolean;
  readonly clerk: { readonly id: StaffId; readonly name: string };
  readonly received: Step;
  readonly dispatched: Step;
  readonly accepted: Step;
  readonly replied: Step;
  readonly followedUp: (satisfied: boolean) => Step;
  readonly attempted: Step;
  readonly waived: Step;
  readonly closed: Step;
  readonly returned: Step;
  readonly escalated: Step;
  readonly reviewed: Step;
  readonly consulted: Step;
  readonly handledDirectly: (followUpRequired: boolean) => Step;
  readonly responsibility: Step;
}

/** Draws a topic, a caller's words, a clerk and a unit, and makes the case's possible steps. */
export function caseSteps(desk: BenchDesk, plan: CasePlan, random: Random): CaseSteps {
  const topic = topicFor(random);
  const complaint = topic.kindId === 'complaint';
  const building = plan.customer?.building ?? random.int(1, 30);
  const vars = {
    b: String(building),
    room: plan.customer?.room ?? `${building}-${random.int(1, 33)}0${random.int(1, 4)}`,
    floor: String(random.int(2, 33)),
    when: random.pick(WHEN),
    n: String(random.int(2, 60)),
  };
  const clerk = random.pick(desk.clerks);
  const unit = desk.units[topic.unit] ?? random.pick(desk.units);
  const handlerName = random.pick(HANDLERS);
  const reply = fill(random.pick(topic.replies), vars);
  const major = complaint && random.chance(0.05);
  const flags: CaseFlag[] = random.chance(0.03) ? ['urgent'] : [];
  if (major && random.chance(0.2)) flags.push('media');
  const levelId = complaint ? (major ? 'major' : 'general') : undefined;
  const receivedAt = instantAt(plan.receivedMs);
  const handlingSpec = rulesHandlingDeadline(desk.rules, { kindId: topic.kindId, levelId, flags });
  const handling: CaseDeadline | undefined = handlingSpec && {
    ...deadlineAt(desk, handlingSpec, plan.receivedMs),
    basis: 'handling',
  };
  const deadlineOf = (spec: DeadlineSpec, atMs: number, basis: CaseDeadline['basis']) =>
    ({ ...deadlineAt(desk, spec, atMs), basis }) satisfies CaseDeadline;
  const followUpSpec = rulesFollowUpDeadline(desk.rules, topic.kindId);
  const followUpDue = (atMs: number) =>
    followUpSpec ? deadlineAt(desk, followUpSpec, atMs).dueAt : undefined;

  const received: Step = {
    type: 'case/received',
    gap: [1, 8],
    payload: () =>
      ({
        number: plan.number,
        receivedAt,
        receiverId: clerk.id,
        receiverName: clerk.name,
        kindId: topic.kindId,
        categoryId: topic.categoryId,
        levelId,
        channelId: random.weighted(CHANNEL_WEIGHTS),
        customer: plan.customer
          ? {
              customerId: plan.customer.id,
              name: plan.customer.name,
              phone: plan.customer.phone,
              address: plan.customer.address,
            }
          : { name: '', phone: '', address: '' },
        subject: fill(random.pick(topic.subjects), vars),
        content: fill(random.pick(topic.contents), vars),
        demand: fill(random.pick(topic.demands), vars),
        amountFen:
          topic.categoryId === 'fees' && random.chance(0.5)
            ? fenFromYuan(random.int(100, 5_000))
            : undefined,
        flags,
        deadline: handling,
      }) satisfies CasePayloadOf<'case/received'>,
  };
  const dispatched: Step = {
    type: 'case/dispatched',
    gap: [5, 180],
    payload: (atMs) =>
      ({
        unitId: unit.id,
        unitName: unit.name,
        handlerName,
        deadline: handling ?? deadlineOf({ amount: 5, unit: 'workingDays' }, atMs, 'handling'),
      }) satisfies CasePayloadOf<'case/dispatched'>,
  };
  const accepted: Step = {
    type: 'case/accepted',
    gap: [10, 360],
    payload: () => ({ handlerName }) satisfies CasePayloadOf<'case/accepted'>,
  };
  const replied: Step = {
    type: 'case/replied',
    gap: [240, 5760],
    payload: (atMs) =>
      ({
        reply,
        toldCustomer: '已电话告知客户处理结果',
        followUpDueAt: followUpDue(atMs),
      }) satisfies CasePayloadOf<'case/replied'>,
  };
  const followedUp = (satisfied: boolean): Step => ({
    type: 'case/followedUp',
    gap: [60, 1440],
    payload: () =>
      ({
        method: random.chance(0.8) ? 'phone' : 'visit',
        satisfaction: satisfied ? 5 : random.int(1, 4),
        satisfied,
        answers: satisfied ? ['满意'] : ['处理不彻底'],
        ...(complaint ? {} : { sampled: true }),
      }) satisfies CasePayloadOf<'case/followedUp'>,
  });
  const simple = <T extends CaseEventType>(
    type: T,
    gap: readonly [number, number],
    payload: CasePayloadOf<T>,
  ): Step => ({ type, gap, payload: () => payload });
  const attempted = simple('case/followUpAttempted', [120, 1200], {
    outcome: 'noAnswer',
    method: 'phone',
  });
  const waived = simple('case/followUpWaived', [60, 1440], { reason: 'notSampled' });
  const closed = simple('case/closed', [10, 600], {
    finalCauseId: topic.finalCauseId,
    summary: reply,
  });
  const returned = simple('case/returned', [30, 480], { reason: '不属于本部门职责，退回重新派单' });
  const escalated: Step = {
    type: 'case/escalated',
    gap: [600, 4320],
    payload: (atMs) =>
      ({
        reason: '客户对处理结果不满意，升级处理',
        levelId: 'major',
        deadline: deadlineOf(desk.rules.deadlines.escalated, atMs, 'escalated'),
      }) satisfies CasePayloadOf<'case/escalated'>,
  };
  const reviewed = simple('case/reviewed', [600, 4320], {
    review: {
      customerDemand: vars.when + '的问题要求赔偿',
      progress: '已初步处理',
      proposedSolution: '减免一个月物业费并彻底维修',
      feasibility: '可行',
      cost: '约' + vars.n + '百元',
      fairness: '与以往同类处理一致',
      reviewers: ['赵敏', '钱进'],
      decision: '同意方案',
      round: 1,
    },
  });
  const consulted = simple('case/consulted', [120, 2880], {
    outcome: 'agrees',
    note: '客户同意处理方案',
  });
  const handledDirectly = (followUpRequired: boolean): Step => ({
    type: 'case/handledDirectly',
    gap: [2, 30],
    payload: (atMs) =>
      ({
        answer: reply,
        followUpRequired,
        ...(followUpRequired ? { followUpDueAt: followUpDue(atMs) } : {}),
      }) satisfies CasePayloadOf<'case/handledDirectly'>,
  });
  const responsibility = simple('case/responsibilityDetermined', [10, 600], {
    unitId: unit.id,
    unitName: unit.name,
    personName: handlerName,
    valid: true,
  });

  return {
    topic,
    complaint,
    clerk,
    received,
    dispatched,
    accepted,
    replied,
    followedUp,
    attempted,
    waived,
    closed,
    returned,
    escalated,
    reviewed,
    consulted,
    handledDirectly,
    responsibility,
  };
}

/** Notes and urgings between the workflow's events (urging only while the case is open). */
export function withExtras(steps: Step[], count: number, closes: boolean, random: Random): Step[] {
  const out = [...steps];
  for (let i = 0; i < count; i++) {
    const last = closes ? out.length - 1 : out.length;
    const at = random.int(1, Math.max(1, last));
    const urge = random.chance(0.4);
    out.splice(at, 0, {
      type: urge ? 'case/urged' : 'case/noted',
      gap: [30, 2880],
      payload: () =>
        urge
          ? ({ note: '客户来电催促，请尽快处理' } satisfies CasePayloadOf<'case/urged'>)
          : ({ note: '客户来电询问处理进度' } satisfies CasePayloadOf<'case/noted'>),
    });
  }
  return out;
}
