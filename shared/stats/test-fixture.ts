/**
 * Test data for statistics: cases made by folding real events (received, dispatched, replied,
 * followed up, closed ...) so their snapshots are what the desk would store. `statsFixture()`
 * is a property desk's November 2026 (report period 2026-10-25 to 2026-11-24) of a few hundred
 * cases in groups of known size, so tests can work out the expected figures by hand.
 * For tests only (no test framework imported).
 */
import type { CaseId, Fen, IsoInstant, UnitId } from '../kernel/brand';
import { fenFromYuan } from '../kernel/brand';
import {
  DEFAULT_BUSINESS_HOURS,
  deadlineCompute,
  localDateOf,
  type DeadlineContext,
} from '../calendar/deadline';
import { calendarAddWorkingDays, calendarCreate } from '../calendar/working-calendar';
import type { CaseEntity, CaseEventEntity, CustomerRef } from '../model/entities';
import { PROPERTY_PRESET } from '../rules/presets/property';
import type { DeskRules, FollowUpMethod } from '../rules/rules';
import { localDateTimeToInstant } from '../kernel/time';
import { caseFold } from '../workflow/reducer';
import { caseStory } from '../workflow/test-builders';

export const FIXTURE_TZ = 'Asia/Shanghai';

export const FIXTURE_CTX: DeadlineContext = {
  calendar: calendarCreate([]),
  businessHours: DEFAULT_BUSINESS_HOURS,
  timeZone: FIXTURE_TZ,
};

/** A Shanghai wall time (`2026-10-26T10:00`) as an instant. */
export function shanghai(local: string): IsoInstant {
  const instant = localDateTimeToInstant(local, FIXTURE_TZ);
  if (!instant) throw new Error(`bad local time ${local}`);
  return instant;
}

export interface FixtureCaseSpec {
  readonly id: string;
  readonly number: string;
  /** Local Shanghai time of intake, `YYYY-MM-DDTHH:mm`. */
  readonly received: string;
  readonly kindId: string;
  readonly categoryId?: string;
  readonly levelId?: string;
  readonly amountYuan?: number;
  readonly customer?: CustomerRef;
  /** The case this one is a further report of. */
  readonly matterId?: string;
  /** Whether intake computed a handling deadline (default yes). */
  readonly deadline?: boolean;
  readonly dispatch?: { readonly unit: string; readonly handler: string };
  /** Reply this many working days after intake, at 15:00. */
  readonly replyAfterWorkingDays?: number;
  readonly handledDirectly?: boolean;
  readonly followUp?: { readonly method: FollowUpMethod; readonly score: number };
  readonly waive?: 'notSampled' | 'unreachable' | 'notRequired';
  readonly closeWith?: string;
  readonly exempt?: boolean;
  readonly invalidInto?: string;
  readonly responsibility?: {
    readonly unit: string;
    readonly person: string;
    readonly valid: boolean;
  };
}

const HOUR_MS = 3_600_000;

/** The events of one case as its spec describes them (on desk `desk-a`). */
export function fixtureEvents(
  spec: FixtureCaseSpec,
  rules: DeskRules = PROPERTY_PRESET,
): CaseEventEntity[] {
  const receivedAt = shanghai(spec.received);
  const startMs = Date.parse(receivedAt);
  const story = caseStory({ caseId: spec.id as CaseId, startMs, stepMs: 60_000 });
  const handling = deadlineCompute({ amount: 5, unit: 'workingDays' }, receivedAt, FIXTURE_CTX);
  const deadline =
    spec.deadline === false ? undefined : { dueAt: handling.dueAt, basis: 'handling' as const };
  const events: CaseEventEntity[] = [
    story.event(
      'case/received',
      {
        number: spec.number,
        receivedAt,
        kindId: spec.kindId,
        categoryId: spec.categoryId,
        levelId: spec.levelId ?? 'general',
        amountFen:
          spec.amountYuan === undefined ? undefined : (fenFromYuan(spec.amountYuan) as Fen),
        // One household per case unless the spec names one: the serial keeps them apart.
        customer: spec.customer ?? {
          name: `客户${spec.id}`,
          phone: `1380000${spec.number.replace(/\D/g, '').slice(-4)}`,
          address: `1-${spec.number.replace(/\D/g, '').slice(-4)}`,
        },
        matterId: spec.matterId as CaseId | undefined,
        deadline,
      },
      { atMs: startMs },
    ),
  ];
  if (spec.exempt) events.push(story.event('case/exempted', { reason: '需整体更换设备' }));
  if (spec.dispatch && deadline) {
    events.push(
      story.event('case/dispatched', {
        unitId: `unit-${spec.dispatch.unit}` as UnitId,
        unitName: spec.dispatch.unit,
        handlerName: spec.dispatch.handler,
        deadline,
      }),
      story.event('case/accepted', { handlerName: spec.dispatch.handler }),
    );
  }
  let replyMs: number | undefined;
  if (spec.handledDirectly) {
    replyMs = startMs + 5 * 60_000;
    events.push(
      story.event(
        'case/handledDirectly',
        { answer: '已当场答复', followUpRequired: false },
        { atMs: replyMs },
      ),
    );
  } else if (spec.replyAfterWorkingDays !== undefined) {
    const replyDate = calendarAddWorkingDays(
      FIXTURE_CTX.calendar,
      localDateOf(receivedAt, FIXTURE_TZ),
      spec.replyAfterWorkingDays,
    );
    replyMs = Date.parse(shanghai(`${replyDate}T15:00`));
    events.push(
      story.event(
        'case/replied',
        { reply: '已处理', toldCustomer: '已告知客户', followUpDueAt: undefined },
        { atMs: replyMs },
      ),
    );
  }
  if (spec.followUp && replyMs !== undefined) {
    events.push(
      story.event(
        'case/followedUp',
        {
          method: spec.followUp.method,
          satisfaction: spec.followUp.score,
          satisfied: spec.followUp.score >= rules.followUp.scale.satisfiedAtLeast,
          answers: [],
        },
        { atMs: replyMs + HOUR_MS },
      ),
    );
  }
  if (spec.waive && replyMs !== undefined) {
    events.push(
      story.event('case/followUpWaived', { reason: spec.waive }, { atMs: replyMs + HOUR_MS }),
    );
  }
  if (spec.responsibility) {
    events.push(
      story.event('case/responsibilityDetermined', {
        unitId: undefined,
        unitName: spec.responsibility.unit,
        personName: spec.responsibility.person,
        valid: spec.responsibility.valid,
      }),
    );
  }
  if (spec.closeWith && replyMs !== undefined) {
    events.push(
      story.event(
        'case/closed',
        { finalCauseId: spec.closeWith, summary: '已结案' },
        { atMs: replyMs + 2 * HOUR_MS },
      ),
    );
  }
  if (spec.invalidInto) {
    events.push(
      story.event('case/markedInvalid', {
        explanation: '非本小区业主',
        newKindId: spec.invalidInto,
        close: true,
      }),
    );
  }
  return events;
}

/** The snapshot of one case after the events its spec describes. */
export function fixtureCase(spec: FixtureCaseSpec, rules: DeskRules = PROPERTY_PRESET): CaseEntity {
  const state = caseFold(fixtureEvents(spec, rules));
  if (!state) throw new Error(`fixture case ${spec.id} was not created`);
  if (state.ignoredEventIds.length > 0) {
    throw new Error(
      `fixture case ${spec.id}: ${state.ignoredEventIds.length} events did not apply`,
    );
  }
  return state;
}

/** Working days (Mon-Fri; November 2026 has no holidays) from 2026-10-26 to 2026-11-20. */
export const FIXTURE_WEEKDAYS: readonly string[] = (() => {
  const days: string[] = [];
  for (let d = Date.UTC(2026, 9, 26); d <= Date.UTC(2026, 10, 20); d += 86_400_000) {
    const day = new Date(d);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) days.push(day.toISOString().slice(0, 10));
  }
  return days;
})();

function weekday(i: number, upTo = FIXTURE_WEEKDAYS.length): string {
  return FIXTURE_WEEKDAYS[i % upTo] as string;
}

/** The groups of the November fixture, by name, with their specs. */
export function statsFixtureGroups(): Record<string, FixtureCaseSpec[]> {
  let serial = 0;
  const next = (prefix: string, i: number) => {
    serial += 1;
    return {
      id: `${prefix}${String(i).padStart(3, '0')}`,
      number: `2611-${String(serial).padStart(4, '0')}`,
    };
  };
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  const engineering = { unit: '工程部', handler: '李强' };
  const groups: Record<string, FixtureCaseSpec[]> = {
    // Complaints replied in 2 working days, followed up by phone (5), closed.
    A: range(80).map((i) => ({
      ...next('a', i),
      received: `${weekday(i, 19)}T10:00`,
      kindId: 'complaint',
      categoryId: 'lift',
      dispatch: engineering,
      replyAfterWorkingDays: 2,
      followUp: { method: 'phone', score: 5 },
      closeWith: 'equipmentFault',
    })),
    // Filed as cleaning at intake; the final cause found was staff attitude. Replied late.
    B: range(40).map((i) => ({
      ...next('b', i),
      received: `${weekday(i, 11)}T11:00`,
      kindId: 'complaint',
      categoryId: 'cleaning',
      dispatch: { unit: '保洁部', handler: '赵敏' },
      replyAfterWorkingDays: 7,
      followUp: { method: 'visit', score: 5 },
      closeWith: 'serviceAttitude',
    })),
    // Requests replied in 3 days; 10 not satisfied (back to remedial work), 20 not sampled.
    C: range(30).map((i) => ({
      ...next('c', i),
      received: `${weekday(i, 17)}T09:00`,
      kindId: 'request',
      categoryId: 'basicService',
      dispatch: engineering,
      replyAfterWorkingDays: 3,
      ...(i < 10
        ? { followUp: { method: 'phone' as const, score: 4 } }
        : { waive: 'notSampled' as const, closeWith: 'other' }),
    })),
    // Open complaints past their deadline.
    D: range(20).map((i) => ({
      ...next('d', i),
      received: `${weekday(i, 9)}T14:00`,
      kindId: 'complaint',
      categoryId: 'visitors',
      dispatch: { unit: '保安部', handler: '孙涛' },
    })),
    // Open complaints exempt from the deadline (long repairs): never overdue.
    E: range(10).map((i) => ({
      ...next('e', i),
      received: `${weekday(i, 5)}T14:30`,
      kindId: 'complaint',
      categoryId: 'commonPartsRepair',
      dispatch: engineering,
      exempt: true,
    })),
    // Invalid complaints, counted as requests (S001-A 4.1.1.2), closed without a reply.
    I: range(12).map((i) => ({
      ...next('i', i),
      received: `${weekday(i)}T16:00`,
      kindId: 'complaint',
      categoryId: 'fees',
      invalidInto: 'request',
    })),
    // Major complaints (3,000 yuan), replied the next working day.
    J: range(4).map((i) => ({
      ...next('j', i),
      received: `${weekday(i + 2)}T10:30`,
      kindId: 'complaint',
      categoryId: 'fees',
      levelId: 'major',
      amountYuan: 3000,
      dispatch: engineering,
      replyAfterWorkingDays: 1,
      followUp: { method: 'phone', score: 5 },
      closeWith: 'feeDispute',
    })),
    // Three different matters from one customer: counted separately.
    L: range(3).map((i) => ({
      ...next('l', i),
      received: `${weekday(i * 5)}T09:30`,
      kindId: 'complaint',
      categoryId: 'buildingUpkeep',
      customer: { name: '周老师', phone: '13900000001', address: '8-0801' },
      dispatch: engineering,
      replyAfterWorkingDays: 2,
      followUp: { method: 'visit', score: 5 },
      closeWith: 'repairDelay',
    })),
  };
  // Further reports of 15 of A's matters, the evening of their first report: one matter each.
  groups.F = range(15).map((i) => {
    const lead = groups.A?.[i] as FixtureCaseSpec;
    return {
      ...next('f', i),
      received: `${lead.received.slice(0, 10)}T18:00`,
      kindId: 'complaint',
      categoryId: 'lift',
      matterId: lead.id,
    };
  });
  // A matter first reported in the previous period (Oct 20), reported 5 more times in November.
  groups.G = [
    { ...next('g', 0), received: '2026-10-20T10:00', kindId: 'complaint', categoryId: 'lift' },
    ...range(5).map((i) => ({
      ...next('g', i + 1),
      received: `${weekday(i)}T12:00`,
      kindId: 'complaint',
      categoryId: 'lift',
      matterId: 'g000',
    })),
  ];
  // Requests answered on the spot on the period's edges: Oct 24 23:59 and Nov 25 00:00 are out,
  // Oct 25 00:00 and Nov 24 23:59 are in.
  const edge = (prefix: string, n: number, received: string) =>
    range(n).map((i) => ({
      ...next(prefix, i),
      received,
      kindId: 'request',
      categoryId: 'inquiryService',
      deadline: false,
      handledDirectly: true,
    }));
  groups.H = [
    ...edge('hb', 6, '2026-10-24T23:59'),
    ...edge('hf', 7, '2026-10-25T00:00'),
    ...edge('hl', 8, '2026-11-24T23:59'),
    ...edge('ha', 9, '2026-11-25T00:00'),
  ];
  return groups;
}

/** The November fixture's cases (about 250), in no particular order. */
export function statsFixture(rules: DeskRules = PROPERTY_PRESET): CaseEntity[] {
  return Object.values(statsFixtureGroups())
    .flat()
    .map((spec) => fixtureCase(spec, rules));
}

/** When the November report is made: the morning of the 25th. */
export const FIXTURE_AS_OF = shanghai('2026-11-25T09:00');
