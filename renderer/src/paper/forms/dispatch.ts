/**
 * The dispatch sheet (交办单 / 派工单 / 客户投诉信息反馈单): one case handed to a unit, with a
 * part the unit fills in (its reply) and the signatures of 交办人, 接单人 and 负责人.
 */
import type { PrintDocument } from '../model';
import type { CaseWithEvents } from '../../db/repos/print';
import {
  caseDocument,
  caseFieldRows,
  dateTime,
  dueText,
  gridTable,
  pairRow,
  unitRow,
  wideRow,
  wideRowOrBlank,
  type FormContext,
} from './common';
import { lastEvent } from './events-of';

export function dispatchDocument(
  ctx: FormContext,
  { item, events }: CaseWithEvents,
): PrintDocument {
  const f = (key: string) => ctx.t(`printForms.field.${key}`);
  const d = (key: string) => ctx.t(`printForms.dispatch.${key}`);
  const dispatched = lastEvent(events, 'case/dispatched');
  const replied = lastEvent(events, 'case/replied');
  return caseDocument(ctx, 'dispatch', item, [
    gridTable('case', undefined, [
      ...caseFieldRows(ctx, item),
      unitRow(ctx, item),
      pairRow(
        'dispatch',
        [f('dispatchedAt'), dateTime(ctx, item.dispatchedAt)],
        [f('dueAt'), dueText(ctx, item)],
      ),
      wideRow('instructions', f('instructions'), dispatched?.payload.instructions),
    ]),
    gridTable('unit', d('unitPart'), [
      pairRow(
        'accepted',
        [d('acceptedBy'), item.acceptedAt ? item.handlerName : ''],
        [d('acceptedAt'), dateTime(ctx, item.acceptedAt)],
      ),
      wideRowOrBlank('handling', d('handling'), item.reply, 45),
      wideRowOrBlank('told', d('toldCustomer'), replied?.payload.toldCustomer, 18),
      pairRow('done', [d('completedAt'), dateTime(ctx, item.repliedAt)], [d('checkedBy'), '']),
    ]),
  ]);
}
