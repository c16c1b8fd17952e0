/**
 * The hospital's two forms (S004-A): the hand-over sheet (服务态度投诉交办单, 第九条: handed
 * over and accepted the same day) and the handling notice (服务态度投诉处理通知单, 第十六条:
 * the department analyses the complaint and proposes improvements; the person responsible
 * writes a self-criticism).
 */
import type { CaseWithEvents } from '../../db/repos/print';
import type { PrintDocument } from '../model';
import {
  blank,
  channelText,
  dateTime,
  deadlineText,
  documentFrame,
  gridTable,
  kindAndCategory,
  label,
  levelText,
  pairRow,
  row,
  signatures,
  terms,
  value,
  wideRow,
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
  const number = t('printForms.number', { number: item.number });
  const requirement = [
    h('handoverRequirement', { due: deadlineText(ctx, item.deadline) }),
    dispatched?.payload.instructions,
  ]
    .filter(Boolean)
    .join('\n');
  return {
    ...documentFrame(ctx, 'handover', `handover:${item.id}`, number, number),
    orientation: 'portrait',
    density: 'normal',
    caseId: item.id,
    sections: [
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
        row(
          'findings',
          label(h('findings')),
          item.reply ? value(item.reply, { colSpan: 3 }) : blank(45, { colSpan: 3 }),
        ),
        row('measures', label(h('measures')), blank(30, { colSpan: 3 })),
      ]),
      ...signatures(ctx, 'handover'),
    ],
  };
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
  const number = t('printForms.number', { number: item.number });
  return {
    ...documentFrame(ctx, 'handlingNotice', `handlingNotice:${item.id}`, number, number),
    orientation: 'portrait',
    density: 'normal',
    caseId: item.id,
    sections: [
      gridTable('to', undefined, [
        wideRow('to', h('to'), responsibility?.unitName ?? item.unitName),
      ]),
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
              ? t(responsibility.valid ? 'printForms.valid' : 'printForms.invalid')
              : '',
          ],
        ),
        wideRow('opinion', h('opinion'), determined?.payload.note),
        wideRow('corrective', h('corrective'), corrective && eventDetailText(ctx, corrective)),
      ]),
      { type: 'note', key: 'instruction', text: h('noticeInstruction') },
      gridTable('reply', h('replyPart'), [
        row('analysis', label(h('analysis')), blank(45, { colSpan: 3 })),
        row('selfCriticism', label(h('selfCriticism')), blank(30, { colSpan: 3 })),
      ]),
      ...signatures(ctx, 'handlingNotice'),
    ],
  };
}
