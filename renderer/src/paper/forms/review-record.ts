/**
 * The internal review record (客户投诉解决方案内部评审表, S001-A 6.6): the case's history, the
 * customer's demand, the progress, the proposed solution and its feasibility, cost and
 * fairness, the reviewers, the decision, and the customer's opinion afterwards. Before a
 * review is recorded it prints with blank space to be filled in at the meeting.
 */
import type { CaseEventEntity } from '@shared/model/entities';
import type { ReviewRecord } from '@shared/workflow/events';
import type { CaseWithEvents } from '../../db/repos/print';
import type { PrintDocument, PrintTableSection } from '../model';
import {
  blankRow,
  caseDocument,
  dateTime,
  gridTable,
  kindAndCategory,
  label,
  levelText,
  pairRow,
  receivedRows,
  row,
  unitRow,
  value,
  wideRow,
  wideRowOrBlank,
  type FormContext,
} from './common';
import { eventDetailText, eventStepText, eventTime } from './event-text';
import { eventsOf } from './events-of';

/** Steps that say nothing about how the case was handled. */
const NOT_HISTORY = new Set(['case/printed', 'case/exported']);

function historyText(ctx: FormContext, events: readonly CaseEventEntity[]): string {
  return events
    .filter((event) => !NOT_HISTORY.has(event.type))
    .map((event) => {
      const detail = eventDetailText(ctx, event);
      const step = `${eventTime(ctx, event)} ${eventStepText(ctx, event)}（${event.actorName}）`;
      return detail ? `${step}：${detail}` : step;
    })
    .join('\n');
}

function roundTable(
  ctx: FormContext,
  key: string,
  caption: string,
  review: ReviewRecord | undefined,
  demand: string,
  at: string,
): PrintTableSection {
  const v = (name: string) => ctx.t(`printForms.review.${name}`);
  return gridTable(key, caption, [
    wideRowOrBlank('demand', v('customerDemand'), review?.customerDemand || demand, 15),
    wideRowOrBlank('progress', v('progress'), review?.progress, 18),
    wideRowOrBlank('solution', v('solution'), review?.proposedSolution, 25),
    wideRowOrBlank('feasibility', v('feasibility'), review?.feasibility, 15),
    wideRowOrBlank('cost', v('cost'), review?.cost, 12),
    wideRowOrBlank('fairness', v('fairness'), review?.fairness, 15),
    wideRowOrBlank('reviewers', v('reviewers'), review?.reviewers.join('、'), 12),
    wideRowOrBlank('decision', v('decision'), review?.decision, 20),
    pairRow('at', [v('reviewedAt'), at], [v('round'), review ? String(review.round) : '']),
  ]);
}

export function reviewRecordDocument(
  ctx: FormContext,
  { item, events }: CaseWithEvents,
): PrintDocument {
  const t = ctx.t;
  const v = (name: string, options?: Record<string, unknown>) =>
    t(`printForms.review.${name}`, options);
  const reviews = eventsOf(events, 'case/reviewed');
  const consulted = eventsOf(events, 'case/consulted');

  const rounds: PrintTableSection[] =
    reviews.length > 0
      ? reviews.map((event, i) =>
          roundTable(
            ctx,
            `round${i}`,
            v('roundCaption', { round: event.payload.review.round }),
            event.payload.review,
            item.demand,
            dateTime(ctx, event.at),
          ),
        )
      : [roundTable(ctx, 'round0', v('roundCaption', { round: 1 }), undefined, item.demand, '')];

  const opinion =
    consulted.length > 0
      ? [
          wideRow(
            'opinion',
            v('customerOpinion'),
            consulted
              .map((event) => `${dateTime(ctx, event.at)} ${eventDetailText(ctx, event)}`)
              .join('\n'),
          ),
        ]
      : [blankRow('opinion', v('customerOpinion'), 25)];

  return caseDocument(ctx, 'reviewRecord', item, [
    gridTable('case', v('basics'), [
      ...receivedRows(ctx, item),
      pairRow(
        'kind',
        [t('printForms.field.kind'), kindAndCategory(ctx, item)],
        [t('printForms.field.level'), levelText(ctx, item.levelId)],
      ),
      unitRow(ctx, item),
      wideRow('subject', t('printForms.field.subject'), item.subject),
      row('history', label(v('history')), value(historyText(ctx, events), { colSpan: 3 })),
    ]),
    ...rounds,
    gridTable('customer', v('customerPart'), opinion),
  ]);
}
