/**
 * The dispatch sheet (交办单 / 派工单 / 客户投诉信息反馈单): one case handed to a unit, with a
 * part the unit fills in (its reply) and the signatures of 交办人, 接单人 and 负责人.
 */
import type { PrintDocument } from '../model';
import type { CaseWithEvents } from '../../db/repos/print';
import {
  blank,
  caseFieldRows,
  dateTime,
  deadlineText,
  documentFrame,
  gridTable,
  label,
  pairRow,
  row,
  signatures,
  value,
  wideRow,
  type FormContext,
} from './common';
import { lastEvent } from './events-of';

export function dispatchDocument(
  ctx: FormContext,
  { item, events }: CaseWithEvents,
): PrintDocument {
  const t = ctx.t;
  const f = (key: string) => t(`printForms.field.${key}`);
  const d = (key: string) => t(`printForms.dispatch.${key}`);
  const dispatched = lastEvent(events, 'case/dispatched');
  const replied = lastEvent(events, 'case/replied');
  const number = t('printForms.number', { number: item.number });
  return {
    ...documentFrame(ctx, 'dispatch', `dispatch:${item.id}`, number, number),
    orientation: 'portrait',
    density: 'normal',
    caseId: item.id,
    sections: [
      gridTable('case', undefined, [
        ...caseFieldRows(ctx, item),
        pairRow('unit', [f('unit'), item.unitName], [f('handler'), item.handlerName]),
        pairRow(
          'dispatch',
          [f('dispatchedAt'), dateTime(ctx, item.dispatchedAt)],
          [
            f('dueAt'),
            item.exemptReason
              ? t('printForms.exempt', { reason: item.exemptReason })
              : deadlineText(ctx, item.deadline),
          ],
        ),
        wideRow('instructions', f('instructions'), dispatched?.payload.instructions),
      ]),
      gridTable('unit', d('unitPart'), [
        pairRow(
          'accepted',
          [d('acceptedBy'), item.acceptedAt ? item.handlerName : ''],
          [d('acceptedAt'), dateTime(ctx, item.acceptedAt)],
        ),
        row(
          'handling',
          label(d('handling')),
          item.reply ? value(item.reply, { colSpan: 3 }) : blank(45, { colSpan: 3 }),
        ),
        row(
          'told',
          label(d('toldCustomer')),
          replied?.payload.toldCustomer
            ? value(replied.payload.toldCustomer, { colSpan: 3 })
            : blank(18, { colSpan: 3 }),
        ),
        pairRow('done', [d('completedAt'), dateTime(ctx, item.repliedAt)], [d('checkedBy'), '']),
      ]),
      ...signatures(ctx, 'dispatch'),
    ],
  };
}
