/**
 * The hospital's two forms (S004-A): the hand-over sheet (服务态度投诉交办单, 第九条: handed
 * over and accepted the same day) and the handling notice (服务态度投诉处理通知单, 第十六条:
 * the department analyses the complaint and proposes improvements; the person responsible
 * writes a self-criticism).
 */
import type { CaseWithEvents } from '../../db/repos/print';
import type { PrintDocument } from '../model';
import {
  blankRow,
  caseDocument,
  channelText,
  dateTime,
  deadlineText,
  gridTable,
  kindAndCategory,
  levelText,
  pairRow,
  terms,
  wideRow,
  wideRowOrBlank,
  type FormContext,
} from './common';
import { eventDetailText } from './event-text';
import { lastEvent } from './events-of';

export function handoverDocument(
  ctx: FormContext,
  { item, events }: CaseWithEvents,
): PrintDocument {
  const t = ctx.t;
  const h = (key: string, options?: Record<string, unknown>) =>
    t(`printForms.hospital.${key}`, options);
  const term = terms(ctx);
  const dispatched = lastEvent(events, 'case/dispatched');
  const requirement = [
    h('handoverRequirement', { due: deadlineText(ctx, item.deadline) }),
    dispatched?.payload.instructions,
  ]
    .filter(Boolean)
    .join('\n');
  return caseDocument(ctx, 'handover', item, [
    gridTable('case', undefined, [
      pairRow(
        'received',
        [h('complainedAt'), dateTime(ctx, item.receivedAt)],
        [t('printForms.field.receiver'), item.receiverName],
      ),
      pairRow(
        'customer',
        [term.customer, item.customer.name],
        [t('printForms.field.phone'), item.customer.phone],
      ),
      pairRow(
        'address',
        [term.room, item.customer.address],
        [h('channel'), channelText(ctx, item.channelId)],
      ),
      pairRow(
        'unit',
        [h('department'), item.unitName],
        [h('person'), item.responsibility?.personName ?? ''],
      ),
      pairRow(
        'kind',
        [h('category'), kindAndCategory(ctx, item)],
        [h('level'), levelText(ctx, item.levelId)],
      ),
      wideRow('subject', h('subject'), item.subject),
      wideRow('content', h('content'), item.content),
      wideRow('demand', h('demand'), item.demand),
      pairRow(
        'dispatch',
        [h('handedOverAt'), dateTime(ctx, item.dispatchedAt)],
        [h('replyBy'), deadlineText(ctx, item.deadline)],
      ),
      wideRow('requirement', h('requirement'), requirement),
    ]),
    gridTable('department', h('departmentPart'), [
      pairRow(
        'received',
        [h('signedBy'), item.acceptedAt ? (item.handlerName ?? '') : ''],
        [h('signedAt'), dateTime(ctx, item.acceptedAt)],
      ),
      wideRowOrBlank('findings', h('findings'), item.reply, 45),
      blankRow('measures', h('measures'), 30),
    ]),
  ]);
}

export function handlingNoticeDocument(
  ctx: FormContext,
  { item, events }: CaseWithEvents,
): PrintDocument {
  const t = ctx.t;
  const h = (key: string) => t(`printForms.hospital.${key}`);
  const term = terms(ctx);
  const determined = lastEvent(events, 'case/responsibilityDetermined');
  const corrective = lastEvent(events, 'case/correctiveAction');
  const responsibility = item.responsibility;
  return caseDocument(ctx, 'handlingNotice', item, [
    gridTable('to', undefined, [wideRow('to', h('to'), responsibility?.unitName ?? item.unitName)]),
    gridTable('complaint', h('complaintPart'), [
      pairRow(
        'received',
        [h('complainedAt'), dateTime(ctx, item.receivedAt)],
        [term.customer, item.customer.name],
      ),
      wideRow('subject', h('subject'), item.subject),
      wideRow('content', h('content'), item.content),
      wideRow('demand', h('demand'), item.demand),
    ]),
    gridTable('finding', h('findingPart'), [
      wideRow('findings', h('findings'), item.reply),
      pairRow(
        'responsible',
        [h('department'), responsibility?.unitName],
        [h('person'), responsibility?.personName],
      ),
      pairRow(
        'level',
        [h('level'), levelText(ctx, item.levelId)],
        [
          h('validity'),
          responsibility
            ? t(responsibility.valid ? 'eventFacts.paper.valid' : 'eventFacts.paper.invalid')
            : '',
        ],
      ),
      wideRow('opinion', h('opinion'), determined?.payload.note),
      wideRow('corrective', h('corrective'), corrective && eventDetailText(ctx, corrective)),
    ]),
    { type: 'note', key: 'instruction', text: h('noticeInstruction') },
    gridTable('reply', h('replyPart'), [
      blankRow('analysis', h('analysis'), 45),
      blankRow('selfCriticism', h('selfCriticism'), 30),
    ]),
  ]);
}
