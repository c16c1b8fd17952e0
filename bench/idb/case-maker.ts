/**
 * One generated case: its events, made the way the desk makes them (UUIDv7 ids, HLC stamps,
 * payloads with deadlines from the desk's rules), and its snapshot folded by the app's reducer.
 * Pure: all randomness, ids included, comes from the seeded source.
 */
import type {
  CaseId,
  CustomerId,
  DeskId,
  EventId,
  HlcStamp,
  StaffId,
  UnitId,
} from '@shared/kernel/brand';
import type { DeadlineContext } from '@shared/calendar/deadline';
import type { CaseEntity, CaseEventEntity, CaseStatus } from '@shared/model/entities';
import { hlcNext } from '@shared/kernel/hlc';
import { newId } from '@shared/kernel/ids';
import type { DeskRules } from '@shared/rules/rules';
import { caseApply } from '@shared/workflow/reducer';
import { caseSteps, instantAt, withExtras, type Step } from './case-steps';
import type { Random } from './random';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export interface BenchDesk {
  readonly deskId: DeskId;
  readonly rules: DeskRules;
  readonly deadline: DeadlineContext;
  readonly clerks: readonly { readonly id: StaffId; readonly name: string }[];
  readonly units: readonly { readonly id: UnitId; readonly name: string }[];
  /** The generation's "now": no event happens after it. */
  readonly nowMs: number;
}

export interface CustomerPlan {
  readonly id: CustomerId;
  readonly name: string;
  readonly phone: string;
  /** `翠湖苑 3-1502`: estate, then building-room. */
  readonly address: string;
  readonly building: number;
  readonly room: string;
}

export interface CasePlan {
  readonly receivedMs: number;
  readonly number: string;
  /** Absent: an anonymous caller. */
  readonly customer?: CustomerPlan;
  /** Notes and urgings to add on top of the workflow's own events. */
  readonly extraEvents: number;
}

export interface MadeCase {
  readonly snapshot: CaseEntity;
  readonly events: readonly CaseEventEntity[];
}

type FinalStatus = Exclude<CaseStatus, 'handledDirectly'> | 'handledDirectlyOpen';

/** The status a case has reached, by its age: recent cases are still being worked on. */
function finalStatusFor(ageMs: number, random: Random): FinalStatus {
  const days = ageMs / DAY;
  if (days < 1 / 6) {
    return random.weighted([
      ['registered', 55],
      ['dispatched', 35],
      ['handledDirectlyOpen', 10],
    ]);
  }
  if (days < 2) {
    return random.weighted([
      ['registered', 8],
      ['dispatched', 25],
      ['accepted', 35],
      ['handledDirectlyOpen', 5],
      ['closed', 17],
      ['returned', 3],
      ['escalated', 2],
      ['replied', 5],
    ]);
  }
  if (days < 10) {
    return random.weighted([
      ['dispatched', 4],
      ['accepted', 22],
      ['replied', 18],
      ['awaitingFollowUp', 8],
      ['closed', 40],
      ['escalated', 4],
      ['underReview', 2],
      ['returned', 2],
    ]);
  }
  if (days < 30) {
    return random.weighted([
      ['closed', 78],
      ['accepted', 6],
      ['replied', 7],
      ['awaitingFollowUp', 4],
      ['escalated', 3],
      ['underReview', 2],
    ]);
  }
  // Old cases: nearly all closed; the few left open are the backlog that falls overdue.
  return random.weighted([
    ['closed', 970],
    ['accepted', 9],
    ['replied', 7],
    ['awaitingFollowUp', 5],
    ['escalated', 3],
    ['underReview', 2],
    ['dispatched', 2],
    ['registered', 1],
    ['returned', 1],
  ]);
}

/** Makes one case; throws if the reducer refuses an event (a generator bug). */
export function caseMake(desk: BenchDesk, plan: CasePlan, random: Random): MadeCase {
  const s = caseSteps(desk, plan, random);
  const { complaint, received, dispatched, accepted, replied, followedUp, attempted } = s;
  const { waived, closed, returned, escalated, reviewed, consulted, handledDirectly } = s;
  const directly =
    s.topic.categoryId === 'inquiryService' ? random.chance(0.9) : !complaint && random.chance(0.4);
  const status = finalStatusFor(desk.nowMs - plan.receivedMs, random);
  // Complaints skip "accepted" now and then: a unit may reply straight away.
  const work = random.chance(complaint ? 0.7 : 0.4) ? [dispatched, accepted] : [dispatched];
  let steps: Step[];
  switch (status) {
    case 'registered':
      steps = [received];
      break;
    case 'handledDirectlyOpen':
      steps = [received, handledDirectly(true)];
      break;
    case 'dispatched':
      steps = random.chance(0.2)
        ? [received, dispatched, returned, dispatched]
        : [received, dispatched];
      break;
    case 'returned':
      steps = [received, dispatched, returned];
      break;
    case 'accepted':
      steps = random.chance(0.1)
        ? [received, dispatched, accepted, replied, followedUp(false)]
        : [received, dispatched, accepted];
      break;
    case 'replied':
      steps = [received, ...work, replied];
      break;
    case 'awaitingFollowUp':
      steps = [received, ...work, replied, attempted];
      break;
    case 'escalated':
      steps = [received, dispatched, accepted, escalated];
      break;
    case 'underReview':
      steps = [received, dispatched, escalated, reviewed];
      break;
    case 'closed':
      if (directly) {
        steps = complaint
          ? [received, handledDirectly(true), followedUp(true), closed]
          : [received, handledDirectly(false), closed];
      } else if (random.chance(0.02)) {
        steps = [
          received,
          ...work,
          replied,
          escalated,
          reviewed,
          consulted,
          replied,
          followedUp(true),
          closed,
        ];
      } else {
        const followUp: Step[] = complaint
          ? random.chance(0.08)
            ? [followedUp(false), replied, followedUp(true)]
            : [followedUp(true)]
          : [random.chance(0.15) ? followedUp(true) : waived];
        if (random.chance(0.1)) followUp.unshift(attempted);
        steps = [received, ...work, replied, ...followUp];
        if (complaint && random.chance(0.15)) steps.push(s.responsibility);
        steps.push(closed);
      }
      break;
  }
  steps = withExtras(steps, plan.extraEvents, status === 'closed', random);
  return applySteps(desk, plan, s.clerk, steps, random);
}

function applySteps(
  desk: BenchDesk,
  plan: CasePlan,
  clerk: { readonly id: StaffId; readonly name: string },
  steps: readonly Step[],
  random: Random,
): MadeCase {
  // Times: drawn gaps, squeezed to end before "now" when the case is recent.
  const offsets: number[] = [];
  let offset = 0;
  for (const step of steps) {
    offset += random.int(step.gap[0], step.gap[1]) * MINUTE;
    offsets.push(offset);
  }
  const room = desk.nowMs - MINUTE - plan.receivedMs;
  const scale = offset > room ? Math.max(room, 0) / offset : 1;
  // Seeded bytes: the platform's random source costs more than the rest of an id.
  const caseId = newId<CaseId>(plan.receivedMs, random.bytes16());
  let state: CaseEntity | undefined;
  let hlc: HlcStamp | undefined;
  let previousMs = 0;
  const events: CaseEventEntity[] = [];
  steps.forEach((step, i) => {
    const atMs = Math.max(plan.receivedMs + Math.floor((offsets[i] ?? 0) * scale), previousMs + 1);
    previousMs = atMs;
    hlc = hlcNext(hlc, atMs, desk.deskId);
    const event = {
      id: newId<EventId>(atMs, random.bytes16()),
      caseId,
      type: step.type,
      at: instantAt(atMs),
      hlc,
      actorId: clerk.id,
      actorName: clerk.name,
      deskId: desk.deskId,
      payload: step.payload(atMs),
    } as CaseEventEntity;
    const result = caseApply(state, event);
    if (!result.ok) {
      throw new Error(
        `generator: ${step.type} refused (${result.refusal.code}) in ${state?.status}`,
      );
    }
    state = result.next;
    events.push(event);
  });
  if (!state) throw new Error('generator: a case without events');
  return { snapshot: state, events };
}
