/**
 * The columns of the register (客户投诉/需求登记表, S001-A annex 4; DOMAIN.md section 6), as a
 * pure column model shared by the printed register, the Excel export (both the in-memory
 * workbook and the streaming writer) and the import, so all of them have the same shape:
 *
 *   序号 | 客户姓名 | 客户房号 | 联系方式 | 客户投诉、需求事项 | 受理人 | 受理时间 (日期, 时间) |
 *   投诉、需求类型 (类别, 投诉类型, 需求类型) | 处理情况(单据联号) | 处理人/接单人 |
 *   接单时间 (日期, 时间) | 返单时间 (日期, 时间) | 回访人 | 回访时间 (日期, 时间) | 回访满意度
 *
 * Other presets relabel columns where their words differ (来电人 for 客户, 承办单位 for
 * 处理人/接单人) from `DeskRules.terms`, but keep the shape.
 */
import type { IsoInstant } from '../kernel/brand';
import type { CaseEntity, CaseStatus } from '../model/entities';
import type { DeskRules, LocalizedText, Locale } from '../rules/rules';
import { rulesCategoryPath, rulesKind, rulesLabel } from '../rules/rules-query';

/** What a cell holds: text, a number, or an instant shown as its local date or local time. */
export type RegisterCellKind = 'text' | 'number' | 'date' | 'time';

export type RegisterCellValue = string | number | IsoInstant | undefined;

/** Everything a column needs besides the case. */
export interface RegisterContext {
  readonly rules: DeskRules;
  readonly locale: Locale;
  /** 1-based position of the row in the register (序号). */
  readonly index: number;
  /** Show phones as `138****0000` (脱敏, DOMAIN.md section 8). */
  readonly maskPhones: boolean;
  /** The status word in the locale (the UI's `status.*` words). */
  readonly statusLabel: (status: CaseStatus) => string;
  /**
   * How the case stands against its deadline, in words (`deadlineStanding` put into the
   * locale by the caller, who knows the time and the calendar); empty when not given. Printed
   * on its own line in the 处理情况 cell: DOMAIN.md section 6 gives the register exactly its
   * columns, and how the handling stands against its time limit is part of 处理情况.
   */
  readonly standingText?: (c: CaseEntity) => string;
}

export type RegisterColumnId =
  | 'index'
  | 'customerName'
  | 'room'
  | 'phone'
  | 'subject'
  | 'receiver'
  | 'receivedDate'
  | 'receivedTime'
  | 'kind'
  | 'complaintCategory'
  | 'requestCategory'
  | 'handling'
  | 'handler'
  | 'acceptedDate'
  | 'acceptedTime'
  | 'repliedDate'
  | 'repliedTime'
  | 'followUpBy'
  | 'followUpDate'
  | 'followUpTime'
  | 'satisfaction';

/** The first header row's label of a group of columns (受理时间 over 日期 and 时间). */
export type RegisterGroupId = 'receivedAt' | 'type' | 'acceptedAt' | 'repliedAt' | 'followUpAt';

export interface RegisterColumn {
  readonly id: RegisterColumnId;
  /** The group this column sits under in the two-level header; absent for a one-level column. */
  readonly group?: RegisterGroupId;
  /** The column's own label: the second header row under a group, else both rows merged. */
  readonly label: (rules: DeskRules) => LocalizedText;
  /**
   * Width in Excel character units (a Han character is two). Together the columns fit A4
   * landscape at 80 % or more (`sheetPrintScale`), so the 10-point text prints at 8 points or
   * more; long text wraps in its cell rather than widening the sheet.
   */
  readonly width: number;
  readonly kind: RegisterCellKind;
  readonly value: (c: CaseEntity, ctx: RegisterContext) => RegisterCellValue;
}

const t = (zh: string, en: string): LocalizedText => ({ zh, en });

function fixed(text: LocalizedText): (rules: DeskRules) => LocalizedText {
  return () => text;
}

/** `138****0000`: the first three and last four digits stay; short numbers keep their ends. */
export function phoneMask(phone: string): string {
  const digits = phone.replace(/[\s\-()（）]/g, '');
  if (digits.length <= 4) return digits.replace(/./g, '*');
  if (digits.length < 8)
    return `${digits.slice(0, 1)}${'*'.repeat(digits.length - 2)}${digits.slice(-1)}`;
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

/** The kind class the 投诉类型 column is for; every other kind goes under 需求类型. */
function isComplaintKind(rules: DeskRules, kindId: string): boolean {
  return rulesKind(rules, kindId)?.class === 'complaint';
}

function categoryText(c: CaseEntity, ctx: RegisterContext): string {
  if (c.categoryId === undefined) return '';
  const path = rulesCategoryPath(ctx.rules, c.kindId, c.categoryId);
  return path.length > 0
    ? path.map((node) => rulesLabel(node.label, ctx.locale)).join('/')
    : c.categoryId;
}

/** The label of the first kind of a class, or a fallback, for relabelled columns. */
function kindClassLabel(rules: DeskRules, kindClass: 'complaint' | 'request'): LocalizedText {
  const kind = rules.kinds.find((k) => k.class === kindClass);
  if (kind) return kind.label;
  return kindClass === 'complaint' ? t('投诉', 'Complaint') : t('其他', 'Other');
}

/** `工程部/李强` when the unit and the person differ, else whichever is known. */
export function registerHandlerText(c: Pick<CaseEntity, 'unitName' | 'handlerName'>): string {
  const unit = c.unitName?.trim() ?? '';
  const person = c.handlerName?.trim() ?? '';
  if (unit && person && unit !== person) return `${unit}/${person}`;
  return person || unit;
}

/**
 * The 处理情况(单据联号) cell: the number and the status, and on a second line how the case
 * stands against its deadline (按时回复, 超时回复（超期 1 个工作日）, 剩余 3 个工作日 ...) when the
 * caller words it.
 */
export function registerHandlingText(
  c: CaseEntity,
  ctx: Pick<RegisterContext, 'statusLabel' | 'standingText'>,
): string {
  const handling = `${c.number}（${ctx.statusLabel(c.status)}）`;
  const standing = ctx.standingText?.(c) ?? '';
  return standing === '' ? handling : `${handling}\n${standing}`;
}

/** The words for the group headers (first header row), relabelled by the preset's terms. */
export function registerGroupLabel(rules: DeskRules, group: RegisterGroupId): LocalizedText {
  switch (group) {
    case 'receivedAt':
      return t('受理时间', 'Received');
    case 'type':
      return rules.presetId === 'property' ? t('投诉、需求类型', 'Type') : t('类型', 'Type');
    case 'acceptedAt':
      return t('接单时间', 'Accepted');
    case 'repliedAt':
      return t('返单时间', 'Replied');
    case 'followUpAt':
      return t('回访时间', 'Followed up');
  }
}

const DATE_LABEL = t('日期', 'Date');
const TIME_LABEL = t('时间', 'Time');

/** The register's columns, left to right. */

/**
 * Whether a follow-up took place: the customer was reached and gave a score, as the report
 * counts it (stats/report.ts). A waived follow-up (the sampling rule, unreachable, a request
 * closed without one) records who waived it and when, but prints no 回访人 or 回访时间.
 */
export function registerFollowedUp(c: Pick<CaseEntity, 'followUp'>): boolean {
  return c.followUp.satisfaction !== undefined;
}

export const REGISTER_COLUMNS: readonly RegisterColumn[] = [
  {
    id: 'index',
    label: fixed(t('序号', 'No.')),
    width: 5,
    kind: 'number',
    value: (_c, ctx) => ctx.index,
  },
  {
    id: 'customerName',
    label: (rules) => ({
      zh: `${rules.terms.customer.zh}姓名`,
      en: `${rules.terms.customer.en} name`,
    }),
    width: 7,
    kind: 'text',
    // A case the reader may not read arrives masked (shared/access/mask.ts).
    value: (c) => c.customer.name,
  },
  {
    id: 'room',
    label: (rules) => rules.terms.room,
    width: 8,
    kind: 'text',
    value: (c) => c.customer.address,
  },
  {
    id: 'phone',
    label: fixed(t('联系方式', 'Phone')),
    width: 12,
    kind: 'text',
    value: (c, ctx) =>
      c.customer.phone && ctx.maskPhones ? phoneMask(c.customer.phone) : c.customer.phone,
  },
  {
    id: 'subject',
    label: (rules) =>
      rules.presetId === 'property'
        ? t('客户投诉、需求事项', 'Complaint or request')
        : { zh: `${rules.terms.caseNoun.zh}事项`, en: rules.terms.caseNoun.en },
    width: 15,
    kind: 'text',
    value: (c) => c.subject,
  },
  {
    id: 'receiver',
    label: fixed(t('受理人', 'Received by')),
    width: 6,
    kind: 'text',
    value: (c) => c.receiverName,
  },
  {
    id: 'receivedDate',
    group: 'receivedAt',
    label: fixed(DATE_LABEL),
    width: 10,
    kind: 'date',
    value: (c) => c.receivedAt,
  },
  {
    id: 'receivedTime',
    group: 'receivedAt',
    label: fixed(TIME_LABEL),
    width: 5,
    kind: 'time',
    value: (c) => c.receivedAt,
  },
  {
    id: 'kind',
    group: 'type',
    label: fixed(t('类别', 'Kind')),
    width: 5,
    kind: 'text',
    value: (c, ctx) => {
      const kind = rulesKind(ctx.rules, c.kindId);
      return kind ? rulesLabel(kind.label, ctx.locale) : c.kindId;
    },
  },
  {
    id: 'complaintCategory',
    group: 'type',
    label: (rules) => {
      const label = kindClassLabel(rules, 'complaint');
      return { zh: `${label.zh}类型`, en: `${label.en} type` };
    },
    width: 10,
    kind: 'text',
    value: (c, ctx) => (isComplaintKind(ctx.rules, c.kindId) ? categoryText(c, ctx) : ''),
  },
  {
    id: 'requestCategory',
    group: 'type',
    label: (rules) => {
      const label = kindClassLabel(rules, 'request');
      return { zh: `${label.zh}类型`, en: `${label.en} type` };
    },
    width: 8,
    kind: 'text',
    value: (c, ctx) => (isComplaintKind(ctx.rules, c.kindId) ? '' : categoryText(c, ctx)),
  },
  {
    id: 'handling',
    label: fixed(t('处理情况(单据联号)', 'Handling (slip no.)')),
    width: 14,
    kind: 'text',
    value: (c, ctx) => registerHandlingText(c, ctx),
  },
  {
    id: 'handler',
    label: (rules) => rules.terms.handler,
    width: 9,
    kind: 'text',
    value: (c) => registerHandlerText(c),
  },
  {
    id: 'acceptedDate',
    group: 'acceptedAt',
    label: fixed(DATE_LABEL),
    width: 10,
    kind: 'date',
    value: (c) => c.acceptedAt,
  },
  {
    id: 'acceptedTime',
    group: 'acceptedAt',
    label: fixed(TIME_LABEL),
    width: 5,
    kind: 'time',
    value: (c) => c.acceptedAt,
  },
  {
    id: 'repliedDate',
    group: 'repliedAt',
    label: fixed(DATE_LABEL),
    width: 10,
    kind: 'date',
    value: (c) => c.repliedAt,
  },
  {
    id: 'repliedTime',
    group: 'repliedAt',
    label: fixed(TIME_LABEL),
    width: 5,
    kind: 'time',
    value: (c) => c.repliedAt,
  },
  {
    id: 'followUpBy',
    label: fixed(t('回访人', 'Followed up by')),
    width: 6,
    kind: 'text',
    value: (c) => (registerFollowedUp(c) ? c.followUp.byName : undefined),
  },
  {
    id: 'followUpDate',
    group: 'followUpAt',
    label: fixed(DATE_LABEL),
    width: 10,
    kind: 'date',
    value: (c) => (registerFollowedUp(c) ? c.followUp.at : undefined),
  },
  {
    id: 'followUpTime',
    group: 'followUpAt',
    label: fixed(TIME_LABEL),
    width: 5,
    kind: 'time',
    value: (c) => (registerFollowedUp(c) ? c.followUp.at : undefined),
  },
  {
    id: 'satisfaction',
    label: fixed(t('回访满意度', 'Satisfaction')),
    width: 5,
    kind: 'number',
    value: (c) => c.followUp.satisfaction,
  },
];

/** One cell of the two-level header: its text and the span it covers (0-based, inclusive). */
export interface RegisterHeaderCell {
  readonly text: string;
  readonly row: 0 | 1;
  readonly firstColumn: number;
  readonly lastColumn: number;
  /** A one-level column's label covers both header rows. */
  readonly spansBothRows: boolean;
}

/**
 * The two-level header in the locale: one cell per group (over its columns) and per one-level
 * column (over both rows), then the group's column labels in the second row.
 */
export function registerHeader(
  rules: DeskRules,
  locale: Locale,
  columns: readonly RegisterColumn[] = REGISTER_COLUMNS,
): RegisterHeaderCell[] {
  const cells: RegisterHeaderCell[] = [];
  let i = 0;
  while (i < columns.length) {
    const column = columns[i];
    if (!column) break;
    if (column.group === undefined) {
      cells.push({
        text: rulesLabel(column.label(rules), locale),
        row: 0,
        firstColumn: i,
        lastColumn: i,
        spansBothRows: true,
      });
      i += 1;
      continue;
    }
    const group = column.group;
    let last = i;
    while (columns[last + 1]?.group === group) last += 1;
    cells.push({
      text: rulesLabel(registerGroupLabel(rules, group), locale),
      row: 0,
      firstColumn: i,
      lastColumn: last,
      spansBothRows: false,
    });
    for (let j = i; j <= last; j++) {
      const child = columns[j];
      if (!child) continue;
      cells.push({
        text: rulesLabel(child.label(rules), locale),
        row: 1,
        firstColumn: j,
        lastColumn: j,
        spansBothRows: false,
      });
    }
    i = last + 1;
  }
  return cells;
}

/** The row of cell values of one case, left to right. */
export function registerRow(
  c: CaseEntity,
  ctx: RegisterContext,
  columns: readonly RegisterColumn[] = REGISTER_COLUMNS,
): RegisterCellValue[] {
  return columns.map((column) => column.value(c, ctx));
}
