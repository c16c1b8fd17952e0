/**
 * What each step of a case's history says on paper: the facts the event holds, in words,
 * for the handling record's 「办理经过」 and the review record's event history.
 */
import { missingCaseError } from '../../../../shared/assert';
import type { CaseEventEntity } from '../../../../shared/entities';
import { isPrintFormId } from '../../../../shared/print/forms';
import type { CaseEventRecord } from '../../../../shared/workflow/reducer';
import {
  channelText,
  dateTime,
  deadlineText,
  finalCauseText,
  formTitle,
  kindText,
  levelText,
  type FormContext,
} from './common';

const join = (parts: readonly (string | false | undefined)[]) =>
  parts.filter((part): part is string => typeof part === 'string' && part.trim() !== '').join('；');

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

/** The facts of one step, in words. */
export function eventDetailText(ctx: FormContext, entity: CaseEventEntity): string {
  const t = ctx.t;
  const w = (key: string, options?: Record<string, unknown>) =>
    t(`printForms.event.${key}`, options);
  const event = entity as CaseEventRecord;
  switch (event.type) {
    case 'case/received':
      return join([
        w('channel', { channel: channelText(ctx, event.payload.channelId) }),
        w('kind', { kind: kindText(ctx, event.payload) }),
        event.payload.deadline && w('due', { due: deadlineText(ctx, event.payload.deadline) }),
        event.payload.imported && w('imported'),
      ]);
    case 'case/fieldsChanged':
      return join([
        w('fieldsChanged', {
          fields: Object.keys(event.payload.fields)
            .map((name) => t(`printForms.fieldName.${name}`))
            .join('、'),
        }),
        event.payload.reason,
      ]);
    case 'case/handledDirectly':
      return event.payload.answer;
    case 'case/dispatched':
      return join([
        w('dispatched', { unit: event.payload.unitName }),
        event.payload.handlerName && w('handler', { name: event.payload.handlerName }),
        w('due', { due: deadlineText(ctx, event.payload.deadline) }),
        event.payload.deadlineReason,
        event.payload.instructions,
      ]);
    case 'case/accepted':
      return w('handler', { name: event.payload.handlerName });
    case 'case/returned':
      return w('reason', { reason: event.payload.reason });
    case 'case/extensionRequested':
      return join([
        w('requested', { due: dateTime(ctx, event.payload.requestedDueAt) }),
        event.payload.reason,
      ]);
    case 'case/extensionDecided':
      return join([
        event.payload.approved
          ? w('approved', { due: deadlineText(ctx, event.payload.deadline) })
          : w('refused'),
        event.payload.note,
      ]);
    case 'case/replied':
      return join([event.payload.reply, w('toldCustomer', { text: event.payload.toldCustomer })]);
    case 'case/urged':
    case 'case/supervised':
    case 'case/noted':
      return event.payload.note;
    case 'case/escalated':
      return join([
        event.payload.reason,
        event.payload.levelId && w('level', { level: levelText(ctx, event.payload.levelId) }),
        w('due', { due: deadlineText(ctx, event.payload.deadline) }),
        event.payload.suggestedByRule && w('byRule'),
      ]);
    case 'case/reviewed':
      return join([
        w('reviewRound', { round: event.payload.review.round }),
        event.payload.review.decision,
      ]);
    case 'case/consulted':
      return join([t(`printForms.consult.${event.payload.outcome}`), event.payload.note]);
    case 'case/followUpAttempted':
      return join([
        t(`printForms.method.${event.payload.method}`),
        t(`printForms.attempt.${event.payload.outcome}`),
        event.payload.smsSent && w('smsSent'),
        event.payload.note,
      ]);
    case 'case/followedUp':
      return join([
        t(`printForms.method.${event.payload.method}`),
        w('satisfaction', {
          score: event.payload.satisfaction,
          verdict: t(event.payload.satisfied ? 'printForms.satisfied' : 'printForms.notSatisfied'),
        }),
        event.payload.answers.join('；'),
        event.payload.note,
        event.payload.sampled && w('sampled'),
      ]);
    case 'case/followUpWaived':
      return join([t(`printForms.waived.${event.payload.reason}`), event.payload.note]);
    case 'case/responsibilityDetermined':
      return join([
        event.payload.unitName && w('responsibleUnit', { unit: event.payload.unitName }),
        event.payload.personName && w('responsiblePerson', { name: event.payload.personName }),
        t(event.payload.valid ? 'printForms.valid' : 'printForms.invalid'),
        event.payload.note,
      ]);
    case 'case/correctiveAction':
      return join([
        w('rootCause', { text: event.payload.rootCause }),
        w('action', { text: event.payload.action }),
        w('owner', { name: event.payload.owner }),
        event.payload.approvedBy && w('approvedBy', { name: event.payload.approvedBy }),
        event.payload.effectCheck && w('effectCheck', { text: event.payload.effectCheck }),
      ]);
    case 'case/closed':
      return join([
        w('finalCause', { cause: finalCauseText(ctx, event.payload.finalCauseId) }),
        event.payload.summary,
      ]);
    case 'case/reopened':
      return join([
        event.payload.reason,
        event.payload.deadline && w('due', { due: deadlineText(ctx, event.payload.deadline) }),
      ]);
    case 'case/converted':
      return join([
        w('converted', {
          from: kindText(ctx, { kindId: event.payload.fromKindId }),
          to: kindText(ctx, { kindId: event.payload.toKindId }),
        }),
        event.payload.reason,
      ]);
    case 'case/markedInvalid':
      return join([
        event.payload.explanation,
        event.payload.newKindId &&
          w('countedAs', { kind: kindText(ctx, { kindId: event.payload.newKindId }) }),
      ]);
    case 'case/exempted':
      return event.payload.reason;
    case 'case/levelChanged':
      return join([
        w('level', { level: levelText(ctx, event.payload.levelId) }),
        event.payload.reason,
        event.payload.suggestedByRule && w('byRule'),
      ]);
    case 'case/deadlineChanged':
      return join([
        w('due', { due: deadlineText(ctx, event.payload.deadline) }),
        event.payload.reason,
      ]);
    case 'case/linked':
      return w('linked');
    case 'case/unlinked':
      return w('unlinked');
    case 'case/printed':
      return isPrintFormId(event.payload.form)
        ? formTitle(ctx, event.payload.form)
        : event.payload.form;
    case 'case/exported':
      return event.payload.table;
    default:
      throw missingCaseError(event);
  }
}
