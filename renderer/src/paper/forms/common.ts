/**
 * What every form builder shares: the words, the desk, the page header, ruled-grid helpers
 * and the case fields most forms start with.
 */
import type { DeadlineContext } from '@shared/calendar/deadline';
import type { IsoInstant } from '@shared/kernel/brand';
import type { CaseEntity } from '@shared/model/entities';
import { printFormTitle, printSignatureRoles, type PrintFormId } from '@shared/paper/forms';
import { printDate } from '@shared/paper/dates';
import { scanCodeOf } from '@shared/paper/scan-code';
import type { PrintSettings } from '@shared/paper/settings';
import { rulesCategoryPath } from '@shared/rules/rules-query';
import { yuanFromFen } from '@shared/kernel/brand';
import {
  channelText,
  dateTime,
  deadlineText,
  kindText,
  levelText,
  words,
  type WordsContext,
} from '../../vocabulary/rules-words';
import type {
  PrintCell,
  PrintDocument,
  PrintRow,
  PrintSection,
  PrintSignaturesSection,
  PrintTableSection,
} from '../model';

export interface FormContext extends WordsContext {
  readonly settings: PrintSettings;
  /** The desk's header text, or the organisation's name. */
  readonly organisation: string;
  readonly printedAt: IsoInstant;
  /** The desk's calendar and hours: how a case stands against its deadline when printed. */
  readonly deadlineContext: DeadlineContext;
}

export const label = (text: string, extra: Partial<PrintCell> = {}): PrintCell => ({
  text,
  role: 'label',
  ...extra,
});
export const value = (text: string | undefined, extra: Partial<PrintCell> = {}): PrintCell => ({
  text: text ?? '',
  role: 'value',
  ...extra,
});
export const head = (text: string, extra: Partial<PrintCell> = {}): PrintCell => ({
  text,
  role: 'head',
  ...extra,
});
export const blank = (minHeightMm?: number, extra: Partial<PrintCell> = {}): PrintCell => ({
  text: '',
  role: 'blank',
  ...(minHeightMm ? { minHeightMm } : {}),
  ...extra,
});

export const row = (key: string, ...cells: PrintCell[]): PrintRow => ({ key, cells });

/** The four columns of a form grid: label, value, label, value. */
export const GRID_COLUMNS = [15, 35, 15, 35] as const;

/** A label and a value over the three remaining columns of a form grid. */
export function wideRow(key: string, name: string, text: string | undefined): PrintRow {
  return row(key, label(name), value(text, { colSpan: 3 }));
}

/** A label over empty room to write in by hand, across the three remaining columns. */
export function blankRow(key: string, name: string, minHeightMm: number): PrintRow {
  return row(key, label(name), blank(minHeightMm, { colSpan: 3 }));
}

/** What is already known, or room to write it in by hand when nothing is. */
export function wideRowOrBlank(
  key: string,
  name: string,
  text: string | undefined,
  minHeightMm: number,
): PrintRow {
  return text ? wideRow(key, name, text) : blankRow(key, name, minHeightMm);
}

/** Two label-value pairs side by side. */
export function pairRow(
  key: string,
  a: readonly [string, string | undefined],
  b: readonly [string, string | undefined],
): PrintRow {
  return row(key, label(a[0]), value(a[1]), label(b[0]), value(b[1]));
}

export function gridTable(
  key: string,
  caption: string | undefined,
  rows: PrintRow[],
): PrintTableSection {
  return { type: 'table', key, caption, columns: GRID_COLUMNS, head: [], rows };
}

export function formTitle(ctx: FormContext, form: PrintFormId): string {
  return words(ctx, printFormTitle(ctx.rules, form));
}

export {
  channelText,
  dateTime,
  deadlineText,
  finalCauseText,
  kindText,
  levelText,
  words,
  type Translate,
} from '../../vocabulary/rules-words';

/** The document frame every form has: header, footer and its orientation. */
export function documentFrame(
  ctx: FormContext,
  form: PrintFormId,
  key: string,
  left: string,
  footerLeft: string,
): Omit<PrintDocument, 'sections' | 'orientation' | 'density'> {
  const date = printDate(ctx.printedAt, ctx.timeZone);
  return {
    key,
    form,
    header: {
      organisation: ctx.organisation,
      title: formTitle(ctx, form),
      left,
      right: ctx.t('printForms.printDate', { date }),
    },
    footerLeft,
    footerRight: formTitle(ctx, form),
  };
}

/**
 * A form about one case: portrait, its number in the header and the footer, its signature
 * lines after the sections.
 */
export function caseDocument(
  ctx: FormContext,
  form: PrintFormId,
  c: Pick<CaseEntity, 'id' | 'number'>,
  sections: readonly PrintSection[],
): PrintDocument {
  const number = ctx.t('printForms.number', { number: c.number });
  const frame = documentFrame(ctx, form, `${form}:${c.id}`, number, number);
  return {
    ...frame,
    header: { ...frame.header, code: scanCodeOf(c.number, form) },
    orientation: 'portrait',
    density: 'normal',
    caseId: c.id,
    sections: [...sections, ...signatures(ctx, form)],
  };
}

/** The signature lines of a form under the desk's settings, or none when all are turned off. */
export function signatures(ctx: FormContext, form: PrintFormId): PrintSignaturesSection[] {
  const roles = printSignatureRoles(form, ctx.settings);
  if (roles.length === 0) return [];
  return [
    {
      type: 'signatures',
      key: 'signatures',
      lines: roles.map((role) => ({
        label: ctx.t('printForms.signature', { role: ctx.t(`printForms.roles.${role}`) }),
      })),
      dateText: ctx.t('printForms.dateLine'),
    },
  ];
}

export function categoryText(
  ctx: FormContext,
  c: Pick<CaseEntity, 'kindId' | 'categoryId'>,
): string {
  if (!c.categoryId) return '';
  const path = rulesCategoryPath(ctx.rules, c.kindId, c.categoryId);
  return path.length > 0 ? path.map((node) => words(ctx, node.label)).join('/') : c.categoryId;
}

export function flagsText(ctx: FormContext, c: Pick<CaseEntity, 'flags'>): string {
  return c.flags.map((flag) => ctx.t(`flag.${flag}`)).join('、');
}

export function amountText(ctx: FormContext, c: Pick<CaseEntity, 'amountFen'>): string {
  if (c.amountFen === undefined) return '';
  const yuan = yuanFromFen(c.amountFen).toLocaleString('zh-CN', { minimumFractionDigits: 2 });
  return ctx.t('printForms.amount', { yuan });
}

/** 「投诉 · 设备管理/电梯」. */
export function kindAndCategory(
  ctx: FormContext,
  c: Pick<CaseEntity, 'kindId' | 'categoryId'>,
): string {
  const category = categoryText(ctx, c);
  return category ? `${kindText(ctx, c)} · ${category}` : kindText(ctx, c);
}

/** The preset's word for the customer (客户, 来电人, 投诉人) and the address (房号, 地址 ...). */
export function terms(ctx: FormContext) {
  return {
    customer: words(ctx, ctx.rules.terms.customer),
    room: words(ctx, ctx.rules.terms.room),
    handler: words(ctx, ctx.rules.terms.handler),
    caseNoun: words(ctx, ctx.rules.terms.caseNoun),
  };
}

/** When the case is due, or why it has no deadline. */
export function dueText(
  ctx: FormContext,
  c: Pick<CaseEntity, 'exemptReason' | 'deadline'>,
): string {
  return c.exemptReason
    ? ctx.t('printForms.exempt', { reason: c.exemptReason })
    : deadlineText(ctx, c.deadline);
}

/** The unit the case is with and its handler. */
export function unitRow(
  ctx: FormContext,
  c: Pick<CaseEntity, 'unitName' | 'handlerName'>,
): PrintRow {
  const f = (key: string) => ctx.t(`printForms.field.${key}`);
  return pairRow('unit', [f('unit'), c.unitName], [f('handler'), c.handlerName]);
}

/** Who took the case when, and who the customer is. */
export function receivedRows(ctx: FormContext, c: CaseEntity): PrintRow[] {
  const t = ctx.t;
  const term = terms(ctx);
  return [
    pairRow(
      'received',
      [t('printForms.field.receivedAt'), dateTime(ctx, c.receivedAt)],
      [t('printForms.field.receiver'), c.receiverName],
    ),
    pairRow(
      'customer',
      [t('printForms.field.customerName', { customer: term.customer }), c.customer.name],
      [t('printForms.field.phone'), c.customer.phone],
    ),
  ];
}

/** The case fields a case form opens with: who, when, what kind, what about. */
export function caseFieldRows(ctx: FormContext, c: CaseEntity): PrintRow[] {
  const t = ctx.t;
  const term = terms(ctx);
  return [
    ...receivedRows(ctx, c),
    c.customer.organisation
      ? pairRow(
          'address',
          [term.room, c.customer.address],
          [t('printForms.field.organisation'), c.customer.organisation],
        )
      : wideRow('address', term.room, c.customer.address),
    pairRow(
      'channel',
      [t('printForms.field.channel'), channelText(ctx, c.channelId)],
      [t('printForms.field.kind'), kindAndCategory(ctx, c)],
    ),
    pairRow(
      'level',
      [t('printForms.field.level'), levelText(ctx, c.levelId)],
      [
        t('printForms.field.flags'),
        [flagsText(ctx, c), amountText(ctx, c)].filter(Boolean).join('；'),
      ],
    ),
    wideRow('subject', t('printForms.field.subject'), c.subject),
    wideRow('content', t('printForms.field.content'), c.content),
    wideRow('demand', t('printForms.field.demand'), c.demand),
  ];
}
