/**
 * What each step of a case's history says on paper, for the handling record's 「办理经过」 and
 * the review record's event history. The facts themselves are described in vocabulary/.
 */
import type { CaseEventEntity } from '@shared/model/entities';
import type { CaseEventRecord } from '@shared/workflow/reducer';
import { eventFacts, factsOnPaper } from '../../vocabulary/event-facts';
import { dateTime, type FormContext } from './common';

/**
 * When a step happened: the time the case was received for the intake step (it may be entered
 * later than the call came in), else the step's own time.
 */
export function eventTime(ctx: FormContext, entity: CaseEventEntity): string {
  const event = entity as CaseEventRecord;
  return dateTime(ctx, event.type === 'case/received' ? event.payload.receivedAt : event.at);
}

/** The step's name, as the history column 「环节」 prints it. */
export function eventStepText(ctx: FormContext, event: CaseEventEntity): string {
  return ctx.t(`event.${event.type}`);
}

/** The facts of one step, in words: one sentence, its phrases joined by 「；」. */
export function eventDetailText(ctx: FormContext, event: CaseEventEntity): string {
  return factsOnPaper(eventFacts(event, ctx));
}
