/**
 * The one builder of the report workbooks (the monthly report, the group report and the
 * quarterly analysis): a printable portrait A4 sheet with the title, the desk and period line,
 * the report's own ruled tables, and the made-by line; and the tables the reports share (by
 * unit, lists of matters) with their cells. Each report names only what differs: its sheet,
 * column widths, title, period and tables (monthly-workbook.ts, quarterly-workbook.ts).
 */
import type ExcelJS from 'exceljs';
import type { IsoInstant } from '@shared/kernel/brand';
import { excelLocalClock } from '@shared/export/register-sheet';
import {
  FULL_WIDTH_SPACE,
  STYLE_DATE_TIME,
  STYLE_DECIMAL,
  STYLE_PERCENT,
  STYLE_TEXT,
  sheetOptions,
} from '@shared/export/sheet-style';
import {
  NONE_KEY,
  statsAverageReplyDays,
  statsOverdueCount,
  statsSatisfiedShare,
  type GroupFigures,
} from '@shared/stats/figures';
import { FormSheet, type FormCell, type FormValue } from './form-sheet';
import { fill, type SheetLanguage } from './sheet-words';

export interface ReportSheetContext {
  readonly lang: SheetLanguage;
  readonly timeZone: string;
  /** The words for the kind of matters (客户投诉/需求, 工单 ...). */
  readonly noun: string;
  readonly madeBy: string;
  /** Local date the report is made, `YYYY-MM-DD`. */
  readonly madeOn: string;
}

/** What differs between the report sheets. */
export interface ReportSheetSpec {
  readonly sheetName: string;
  /** The grid's column widths: wider where a report's list holds date-times. */
  readonly widths: readonly number[];
  readonly title: string;
  /** Who reports (the desk, or the desks of a group report), before the period. */
  readonly deskLine: string;
  readonly periodLine: string;
  /** Writes the report's tables between its heading and the made-by line. */
  readonly tables: (form: FormSheet) => void;
}

/** Adds a report sheet to the workbook. */
export function reportSheet(
  workbook: ExcelJS.Workbook,
  spec: ReportSheetSpec,
  ctx: ReportSheetContext,
): ExcelJS.Worksheet {
  const w = ctx.lang.words;
  const sheet = workbook.addWorksheet(
    spec.sheetName,
    sheetOptions({
      landscape: false,
      frozenRows: 3,
      footer: w.pageFooter,
    }) as Partial<ExcelJS.AddWorksheetOptions>,
  );
  const form = new FormSheet(sheet, spec.widths);
  form.title(spec.title);
  form.subtitle(`${spec.deskLine}${FULL_WIDTH_SPACE}${spec.periodLine}`);
  form.blank();
  spec.tables(form);
  form.blank();
  form.note(fill(w.madeLine, { name: ctx.madeBy, date: ctx.madeOn }));
  return sheet;
}

export function percentCell(rate: number | undefined): FormCell {
  return rate === undefined ? { value: '—' } : { value: rate, style: STYLE_PERCENT };
}

export function decimalCell(value: number | undefined): FormCell {
  return value === undefined ? { value: '—' } : { value, style: STYLE_DECIMAL };
}

/** Keys of counts in the order of the labels (the rules' order), then any others. */
export function orderedKeys(
  counts: Readonly<Record<string, number>>,
  labelled: readonly string[],
): string[] {
  const extra = Object.keys(counts).filter((key) => !labelled.includes(key));
  return [
    ...labelled.filter((key) => (counts[key] ?? 0) > 0),
    ...extra.filter((key) => (counts[key] ?? 0) > 0),
  ];
}

/** The by-unit table. */
export function unitSection(
  form: FormSheet,
  title: string,
  byUnit: Readonly<Record<string, GroupFigures>>,
  ctx: ReportSheetContext,
  heading: string = ctx.lang.words.monthly.unit,
): void {
  const m = ctx.lang.words.monthly;
  form.section(title);
  form.header([
    { value: heading, span: 2 },
    ctx.lang.words.count,
    m.onTime,
    m.overdue,
    m.averageDays,
    m.followedUp,
    m.satisfiedShare,
  ]);
  const units = Object.entries(byUnit).sort(
    ([a, ga], [b, gb]) => gb.matters - ga.matters || a.localeCompare(b, 'zh-CN'),
  );
  for (const [name, g] of units) {
    form.cells([
      { value: name === NONE_KEY ? m.notDispatched : name, span: 2, style: STYLE_TEXT },
      g.matters,
      g.timeliness.onTime,
      statsOverdueCount(g.timeliness),
      decimalCell(statsAverageReplyDays(g.timeliness)),
      g.followUp.followedUp,
      percentCell(statsSatisfiedShare(g.followUp)),
    ]);
  }
  if (units.length === 0) form.labelled(ctx.lang.words.none, [''], 2);
}

/** One matter in a list of matters. */
export interface MatterListRow {
  readonly number: string;
  readonly subject: string;
  readonly unit: string;
  readonly receivedAt: IsoInstant | undefined;
  readonly dueAt: IsoInstant | undefined;
  /** The list's own last two columns. */
  readonly more: readonly [FormCell | FormValue, FormCell | FormValue];
}

/** A date-time cell in the desk's time zone, or an empty one. */
export function dateTimeCell(ctx: ReportSheetContext): (instant?: IsoInstant) => FormCell {
  const clock = excelLocalClock(ctx.timeZone);
  return (instant) =>
    instant ? { value: clock.dateTime(instant), style: STYLE_DATE_TIME } : { value: '' };
}

/**
 * A list of matters (the monthly report's major and overdue matters, the quarter's unresolved
 * issues): number, subject, unit, received and due, then the list's own two columns.
 */
export function matterListSection(
  form: FormSheet,
  title: string,
  moreHeads: readonly [string, string],
  rows: readonly MatterListRow[],
  ctx: ReportSheetContext,
): void {
  const m = ctx.lang.words.monthly;
  const when = dateTimeCell(ctx);
  form.section(title);
  form.header([
    m.number,
    { value: m.subject, span: 2 },
    m.unit,
    m.receivedAt,
    m.dueAt,
    ...moreHeads,
  ]);
  for (const row of rows) {
    form.cells([
      row.number,
      { value: row.subject, span: 2, style: STYLE_TEXT },
      { value: row.unit, style: STYLE_TEXT },
      when(row.receivedAt),
      when(row.dueAt),
      ...row.more,
    ]);
  }
  if (rows.length === 0) form.labelled(ctx.lang.words.none, [''], 1);
}
