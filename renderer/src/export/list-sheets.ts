/**
 * The overdue list (超期事项清单) and the follow-up list (待回访清单) as table sheets: one ruled
 * row per case under a one-level header, like the register.
 */
import type { IsoInstant } from '@shared/kernel/brand';
import { workingDaysBetween, type DeadlineContext } from '@shared/calendar/deadline';
import type { CaseEntity } from '@shared/model/entities';
import { excelLocalClock } from '@shared/export/register-sheet';
import { formatDateTime } from '../vocabulary/date-time';
import {
  FULL_WIDTH_SPACE,
  STYLE_CENTRED,
  STYLE_DATE_TIME,
  STYLE_INTEGER,
  STYLE_TEXT,
  type SheetCellStyle,
} from '@shared/export/sheet-style';
import type { SheetCellValue, TableLayout } from '@shared/export/table-sheet';
import { phoneMask, registerHandlerText } from '@shared/register/columns';
import type { DeskRules } from '@shared/rules/rules';
import { rulesDefaultLevel, rulesKind, rulesLabel, rulesLevel } from '@shared/rules/rules-query';
import { fill, type SheetLanguage } from './sheet-words';

export interface ListColumn {
  readonly label: string;
  readonly width: number;
  readonly style: SheetCellStyle;
}

/** A one-level-header, landscape table sheet of these columns: the lists' and the audit log's shape. */
export function listLayout(
  columns: readonly ListColumn[],
  input: { title: string; sheet: string; subtitle: string; lang: SheetLanguage; madeLine: string },
): TableLayout {
  return {
    sheetName: input.sheet,
    title: input.title,
    subtitle: input.subtitle,
    headerRows: 1,
    header: columns.map((column, i) => ({
      text: column.label,
      firstRow: 0,
      lastRow: 0,
      firstColumn: i,
      lastColumn: i,
    })),
    columns: columns.map(({ width, style }) => ({ width, style })),
    landscape: true,
    pageFooter: input.lang.words.pageFooter,
    totalText: `${input.lang.words.total}：{count}`,
    signature: input.madeLine,
  };
}

export interface ListContext {
  readonly lang: SheetLanguage;
  readonly rules: DeskRules;
  readonly deadlineContext: DeadlineContext;
  readonly now: IsoInstant;
  readonly maskPhones: boolean;
  /** `单位 受理台`, under the title. */
  readonly deskLine: string;
  readonly madeLine: string;
}

// Cases arrive as their reader may see them (shared/access/mask.ts); only phones are masked here,
// when the desk asks for it.
function customerName(c: CaseEntity): string {
  return c.customer.name;
}

function customerPhone(c: CaseEntity, mask: boolean): string {
  if (!c.customer.phone) return '';
  return mask ? phoneMask(c.customer.phone) : c.customer.phone;
}

export function overdueListLayout(ctx: ListContext): TableLayout {
  const o = ctx.lang.words.overdue;
  const timeText = formatDateTime(ctx.now, ctx.deadlineContext.timeZone);
  return listLayout(
    [
      { label: o.index, width: 6, style: STYLE_INTEGER },
      { label: o.number, width: 12, style: STYLE_CENTRED },
      { label: o.customer, width: 10, style: STYLE_CENTRED },
      { label: o.room, width: 12, style: STYLE_TEXT },
      { label: o.subject, width: 34, style: STYLE_TEXT },
      { label: o.kind, width: 8, style: STYLE_CENTRED },
      { label: o.level, width: 8, style: STYLE_CENTRED },
      { label: o.unit, width: 12, style: STYLE_CENTRED },
      { label: o.handler, width: 10, style: STYLE_CENTRED },
      { label: o.receivedAt, width: 17, style: STYLE_DATE_TIME },
      { label: o.dueAt, width: 17, style: STYLE_DATE_TIME },
      { label: o.overdueDays, width: 10, style: STYLE_INTEGER },
      { label: o.urged, width: 8, style: STYLE_INTEGER },
      { label: o.status, width: 10, style: STYLE_CENTRED },
    ],
    {
      title: o.title,
      sheet: o.sheet,
      subtitle: `${ctx.deskLine}${FULL_WIDTH_SPACE}${fill(o.asOf, { time: timeText })}`,
      lang: ctx.lang,
      madeLine: ctx.madeLine,
    },
  );
}

export function overdueListRow(c: CaseEntity, index: number, ctx: ListContext): SheetCellValue[] {
  const clock = excelLocalClock(ctx.deadlineContext.timeZone);
  const kind = rulesKind(ctx.rules, c.kindId);
  const level =
    (c.levelId === undefined ? undefined : rulesLevel(ctx.rules, c.levelId)) ??
    rulesDefaultLevel(ctx.rules);
  const dueAt = c.deadline?.dueAt;
  return [
    index,
    c.number,
    customerName(c),
    c.customer.address || null,
    c.subject,
    kind ? rulesLabel(kind.label, ctx.lang.locale) : c.kindId,
    rulesLabel(level.label, ctx.lang.locale),
    c.unitName ?? null,
    c.handlerName ?? null,
    clock.dateTime(c.receivedAt),
    dueAt ? clock.dateTime(dueAt) : null,
    dueAt ? Math.max(0, workingDaysBetween(dueAt, ctx.now, ctx.deadlineContext)) : null,
    c.urgeCount,
    ctx.lang.status(c.status),
  ];
}

export function followUpListLayout(ctx: ListContext): TableLayout {
  const f = ctx.lang.words.followUps;
  return listLayout(
    [
      { label: f.index, width: 6, style: STYLE_INTEGER },
      { label: f.number, width: 12, style: STYLE_CENTRED },
      { label: f.customer, width: 10, style: STYLE_CENTRED },
      { label: f.phone, width: 14, style: STYLE_CENTRED },
      { label: f.room, width: 12, style: STYLE_TEXT },
      { label: f.subject, width: 32, style: STYLE_TEXT },
      { label: f.unit, width: 12, style: STYLE_CENTRED },
      { label: f.repliedAt, width: 17, style: STYLE_DATE_TIME },
      { label: f.dueAt, width: 17, style: STYLE_DATE_TIME },
      { label: f.result, width: 16, style: STYLE_TEXT },
      { label: f.satisfaction, width: 8, style: STYLE_CENTRED },
      { label: f.by, width: 8, style: STYLE_CENTRED },
    ],
    {
      title: f.title,
      sheet: f.sheet,
      subtitle: ctx.deskLine,
      lang: ctx.lang,
      madeLine: ctx.madeLine,
    },
  );
}

export function followUpListRow(c: CaseEntity, index: number, ctx: ListContext): SheetCellValue[] {
  const clock = excelLocalClock(ctx.deadlineContext.timeZone);
  return [
    index,
    c.number,
    customerName(c),
    customerPhone(c, ctx.maskPhones),
    c.customer.address || null,
    c.subject,
    registerHandlerText(c) || null,
    c.repliedAt ? clock.dateTime(c.repliedAt) : null,
    c.followUp.dueAt ? clock.dateTime(c.followUp.dueAt) : null,
    // Left blank: the clerk writes the result during the call.
    null,
    null,
    null,
  ];
}
