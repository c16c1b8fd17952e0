/**
 * The handling record (处理单 / 处理登记表): one case with its whole history, its
 * responsibility, corrective action and follow-up.
 */
import type { CaseWithEvents } from '../../db/repos/print';
import { attachmentsOf } from '@shared/attachments/attachments';
import type { AttachmentsAnnex } from '../../db/repos/attachments';
import { formatBytes } from '../../vocabulary/bytes';
import type { PrintDocument, PrintImagesSection, PrintRow, PrintSection } from '../model';
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

/** The list of a case's attachments: one row each, with its caption and who added it. */
function attachmentsTable(ctx: FormContext, events: CaseWithEvents['events']): PrintSection[] {
  const list = attachmentsOf(events);
  if (list.length === 0) return [];
  const r = (key: string) => ctx.t(`printForms.record.${key}`);
  return [
    {
      type: 'table',
      key: 'attachments',
      caption: r('attachments'),
      columns: [7, 27, 11, 10, 25, 20],
      head: [
        row(
          'head',
          head(r('index')),
          head(r('fileName')),
          head(r('fileKind')),
          head(r('fileSize')),
          head(r('fileCaption')),
          head(r('fileAdded')),
        ),
      ],
      rows: list.map((a, i) =>
        row(
          a.attachmentId,
          value(String(i + 1), { align: 'center' }),
          value(a.name),
          value(r(`fileKinds.${a.kind}`)),
          value(formatBytes(a.size, ctx.locale)),
          value(a.caption ?? ''),
          value(`${a.addedByName} ${dateTime(ctx, a.addedAt)}`),
        ),
      ),
    },
  ];
}

/** The annex: the case's images, two or four to a page, each with its caption. */
export function annexSections(ctx: FormContext, annex: AttachmentsAnnex | undefined) {
  if (!annex) return [];
  const sections: PrintImagesSection[] = [];
  for (let start = 0; start < annex.images.length; start += annex.perPage) {
    const page = annex.images.slice(start, start + annex.perPage);
    sections.push({
      type: 'images',
      key: `annex-${start}`,
      caption:
        start === 0
          ? ctx.t('printForms.record.annex')
          : `${ctx.t('printForms.record.annex')}${ctx.t('printForms.continued')}`,
      perPage: annex.perPage,
      images: page.map(({ attachment, image }, i) => ({
        key: attachment.attachmentId,
        image,
        caption: ctx.t('printForms.record.annexItem', {
          n: start + i + 1,
          caption: attachment.caption ?? attachment.name,
        }),
      })),
    });
  }
  return sections;
}

export function handlingRecordDocument(
  ctx: FormContext,
  { item, events, annex }: CaseWithEvents,
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

  const document = caseDocument(ctx, 'handlingRecord', item, [
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
    ...attachmentsTable(ctx, events),
  ]);
  // The annex follows the signature lines: it is attached to the record, not part of it.
  return { ...document, sections: [...document.sections, ...annexSections(ctx, annex)] };
}
