/**
 * The events of an imported case: a `case/received` marked `imported`, with the original number,
 * then the steps the register recorded, each at its historical time. The importing operator is
 * the actor of every event but the follow-up, whose actor is the follow-up caller the register
 * names (that is whom the case's follow-up record shows).
 */
import type {
  CaseId,
  CustomerId,
  DeskId,
  EventId,
  HlcStamp,
  StaffId,
  UnitId,
} from '../kernel/brand';
import type { CaseEventEntity } from '../model/entities';
import { hlcNext } from '../kernel/hlc';
import { newId } from '../kernel/ids';
import { missingCaseError } from '../kernel/assert';
import type { CaseEvent } from '../workflow/events';
import type { ImportedCase, ImportStep } from './check';

export interface ImportEventContext {
  readonly caseId: CaseId;
  readonly actor: { readonly id: StaffId; readonly name: string };
  readonly deskId: DeskId;
  /** The desk's clock now: ids and HLC stamps are of the import, not of history. */
  readonly wallMs: number;
  /** The last HLC stamp the desk issued; the case's stamps follow it. */
  readonly clock: HlcStamp | undefined;
  /** The id of each handling unit by name (the repository finds or creates them). */
  readonly unitIds: ReadonlyMap<string, UnitId>;
  /** The channel imported cases are filed under (the rules' first one). */
  readonly channelId: string;
  /** The customer file the case is linked to, when there is one. */
  readonly customerId?: CustomerId;
}

function stepEvent(step: ImportStep, unitIds: ReadonlyMap<string, UnitId>): CaseEvent {
  switch (step.type) {
    case 'case/dispatched': {
      const unitId = unitIds.get(step.unitName);
      if (!unitId) throw new Error(`No unit id for ${step.unitName}`);
      return {
        type: step.type,
        payload: {
          unitId,
          unitName: step.unitName,
          handlerName: step.handlerName,
          deadline: step.deadline,
        },
      };
    }
    case 'case/accepted':
      return { type: step.type, payload: { handlerName: step.handlerName } };
    case 'case/replied':
      return { type: step.type, payload: { reply: step.reply, toldCustomer: '' } };
    case 'case/handledDirectly':
      return {
        type: step.type,
        payload: { answer: step.answer, followUpRequired: step.followUpRequired },
      };
    case 'case/followedUp':
      return {
        type: step.type,
        payload: {
          method: 'phone',
          satisfaction: step.satisfaction,
          satisfied: step.satisfied,
          answers: [],
        },
      };
    case 'case/followUpWaived':
      return { type: step.type, payload: { reason: 'notSampled' } };
    case 'case/closed':
      return { type: step.type, payload: { finalCauseId: step.finalCauseId, summary: '' } };
    default:
      throw missingCaseError(step);
  }
}

/** The units an imported case is dispatched to, by name. */
export function importUnitNames(c: ImportedCase): string[] {
  return c.steps.flatMap((step) => (step.type === 'case/dispatched' ? [step.unitName] : []));
}

/** The events of one imported case, in order, with their HLC stamps following `ctx.clock`. */
export function importEventsOf(c: ImportedCase, ctx: ImportEventContext): CaseEventEntity[] {
  let clock = ctx.clock;
  const entity = (event: CaseEvent, at: ImportStep['at'], actorName: string): CaseEventEntity => {
    clock = hlcNext(clock, ctx.wallMs, ctx.deskId);
    return {
      id: newId<EventId>(ctx.wallMs),
      caseId: ctx.caseId,
      type: event.type,
      at,
      hlc: clock,
      actorId: ctx.actor.id,
      actorName,
      deskId: ctx.deskId,
      payload: event.payload,
    } as CaseEventEntity;
  };
  const customer = {
    name: c.customer.name,
    phone: c.customer.phone,
    address: c.customer.address,
    ...(ctx.customerId ? { customerId: ctx.customerId } : {}),
  };
  const received: CaseEvent = {
    type: 'case/received',
    payload: {
      number: c.number,
      receivedAt: c.receivedAt,
      receiverId: ctx.actor.id,
      receiverName: c.receiverName,
      kindId: c.kindId,
      categoryId: c.categoryId,
      levelId: c.levelId,
      channelId: ctx.channelId,
      customer,
      subject: c.subject,
      content: c.subject,
      demand: '',
      flags: [],
      deadline: c.deadline,
      imported: true,
    },
  };
  return [
    entity(received, c.receivedAt, ctx.actor.name),
    ...c.steps.map((step) =>
      entity(
        stepEvent(step, ctx.unitIds),
        step.at,
        step.type === 'case/followedUp' && step.byName !== '' ? step.byName : ctx.actor.name,
      ),
    ),
  ];
}
