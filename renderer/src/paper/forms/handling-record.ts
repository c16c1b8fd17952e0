/**
 * The handling record (处理单 / 处理登记表): one case with its whole history, its
 * responsibility, corrective action and follow-up.
 */
import type { CaseWithEvents } from '../../db/repos/print';
import type { PrintDocument, PrintRow } from '../model';
import {
  caseDocument,
  caseFieldRows,
  dateTime,
  dueText,
  finalCauseText,
  gridTable,
  head,
  pairRow,
  row,
  unitRow,
  value,
  wideRow,
  type FormContext,
} from './common';
import { eventDetailText, eventStepText, eventTime } from './event-text';
import { lastEvent } from './events-of';

export function handlingRecordDocument(
  ctx: FormContext,
  { item, events }: CaseWithEvents,
): PrintDocument {
  const t = ctx.t;
  const f = (key: string) => t(`printForms.field.${key}`);
  const r = (key: string) => t(`printForms.record.${key}`);
  const followedUp = lastEvent(events, 'case/followedUp');
  const corrective = lastEvent(events, 'case/correctiveAction');
  const closed = lastEvent(events, 'case/closed');
  const responsibility = item.responsibility;

  const history: PrintRow[] = events.map((event, i) =>
    row(
      event.id,
      value(String(i + 1), { align: 'center' }),
      value(eventTime(ctx, event)),
      value(eventStepText(ctx, event)),
      value(event.actorName),
      value(eventDetailText(ctx, event)),
    ),
  );

  return caseDocument(ctx, 'handlingRecord', item, [
    gridTable('case', r('basics'), [
      ...caseFieldRows(ctx, item),
      unitRow(ctx, item),
      pairRow(
        'status',
        [f('status'), t(`status.${item.status}`)],
        [f('dueAt'), dueText(ctx, item)],
      ),
    ]),
    {
      type: 'table',
      key: 'history',
      caption: r('history'),
      columns: [7, 20, 13, 11, 49],
      head: [
        row(
          'head',
          head(r('index')),
          head(r('time')),
          head(r('step')),
          head(r('actor')),
          head(r('detail')),
        ),
      ],
      rows: history,
    },
    gridTable('result', r('result'), [
      pairRow(
        'replied',
        [r('repliedAt'), dateTime(ctx, item.repliedAt)],
        [r('closedAt'), dateTime(ctx, item.closedAt)],
      ),
      wideRow('reply', r('reply'), item.reply),
      pairRow(
        'responsible',
        [r('responsibleUnit'), responsibility?.unitName],
        [r('responsiblePerson'), responsibility?.personName],
      ),
      pairRow(
        'validity',
        [
          r('validity'),
          item.valid === undefined
            ? ''
            : t(item.valid ? 'eventFacts.paper.valid' : 'eventFacts.paper.invalid'),
        ],
        [r('finalCause'), finalCauseText(ctx, item.finalCauseId)],
      ),
      wideRow('corrective', r('corrective'), corrective && eventDetailText(ctx, corrective)),
      pairRow(
        'followUp',
        [r('followUpBy'), item.followUp.byName],
        [r('followUpAt'), dateTime(ctx, item.followUp.at)],
      ),
      pairRow(
        'satisfaction',
        [
          r('method'),
          item.followUp.method ? t(`eventFacts.paper.method.${item.followUp.method}`) : '',
        ],
        [
          r('satisfaction'),
          item.followUp.satisfaction === undefined
            ? ''
            : t('printForms.score', { score: item.followUp.satisfaction }),
        ],
      ),
      wideRow(
        'opinion',
        r('followUpOpinion'),
        followedUp &&
          [...followedUp.payload.answers, followedUp.payload.note].filter(Boolean).join('；'),
      ),
      wideRow('summary', r('summary'), closed?.payload.summary),
    ]),
  ]);
}
