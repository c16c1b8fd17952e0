/**
 * The follow-up sheet (回访记录表): the follow-ups to make on a day, overdue ones first, with
 * blank columns for the method, the score, the customer's words and who called.
 */
import type { IsoDate } from '@shared/kernel/brand';
import type { CaseEntity } from '@shared/model/entities';
import { printFormOrientation } from '@shared/paper/forms';
import { scanCodeOf } from '@shared/paper/scan-code';
import { caseIsMasked } from '@shared/access/mask';
import type { PrintDocument, PrintRow } from '../model';
import {
  blank,
  dateTime,
  documentFrame,
  head,
  row,
  signatures,
  terms,
  value,
  type FormContext,
} from './common';

/** Room to write by hand in each row. */
const WRITING_HEIGHT_MM = 13;

function unitText(c: CaseEntity): string {
  return [c.unitName, c.handlerName].filter(Boolean).join('/');
}

export function followUpSheetDocument(
  ctx: FormContext,
  cases: readonly CaseEntity[],
  day: IsoDate,
): PrintDocument {
  const t = ctx.t;
  const c = (key: string) => t(`printForms.followUp.${key}`);
  const term = terms(ctx);
  const rows: PrintRow[] = cases.map((item, i) => {
    // A case the operator may not read arrives masked (shared/access/mask.ts): its subject
    // shows as withheld and its unit stays blank.
    const readable = !caseIsMasked(item);
    return row(
      item.id,
      value(String(i + 1), { align: 'center' }),
      value(item.number, { code: scanCodeOf(item.number, 'followUpSheet') }),
      value(item.customer.name),
      value(item.customer.phone),
      value(readable ? item.subject : t('printForms.masked')),
      value(readable ? unitText(item) : ''),
      value(dateTime(ctx, item.repliedAt)),
      value(dateTime(ctx, item.followUp.dueAt)),
      value(c('methodChoice'), { minHeightMm: WRITING_HEIGHT_MM }),
      blank(),
      blank(),
      blank(),
    );
  });
  if (rows.length === 0)
    rows.push(row('empty', value(c('empty'), { colSpan: 12, align: 'center' })));
  const dayText = t('printForms.followUp.day', { date: day });
  return {
    ...documentFrame(
      ctx,
      'followUpSheet',
      `followUpSheet:${day}`,
      `${dayText}\u3000${t('printForms.count', { count: cases.length })}`,
      dayText,
    ),
    orientation: printFormOrientation('followUpSheet', ctx.settings),
    density: 'compact',
    sections: [
      {
        type: 'table',
        key: 'followUps',
        columns: [6, 14, 12, 18, 34, 16, 15, 15, 12, 10, 40, 10],
        head: [
          row(
            'head',
            head(c('index')),
            head(t('printForms.field.number')),
            head(term.customer),
            head(t('printForms.field.phone')),
            head(t('printForms.field.subject')),
            head(term.handler),
            head(c('repliedAt')),
            head(c('dueAt')),
            head(c('method')),
            head(c('score')),
            head(c('opinion')),
            head(c('caller')),
          ),
        ],
        rows,
      },
      ...signatures(ctx, 'followUpSheet'),
    ],
  };
}
