/**
 * The register (登记表) as a table sheet: the columns and two-level header of
 * `register-columns.ts`, dates and times as real Excel dates and times, one row per case.
 * Shared by the Web Worker's in-memory workbook and the Electron main process's streaming
 * writer so both produce the same sheet.
 */
import type { IsoInstant } from '../kernel/brand';
import { instantToMs, localMomentOf } from '../calendar/local-time';
import type { CaseEntity } from '../model/entities';
import {
  REGISTER_COLUMNS,
  registerHeader,
  type RegisterCellKind,
  type RegisterColumn,
  type RegisterContext,
} from '../register/columns';
import type { DeskRules, LocalizedText, Locale } from '../rules/rules';
import { rulesLabel } from '../rules/rules-query';
import {
  FULL_WIDTH_SPACE,
  STYLE_CENTRED,
  STYLE_CENTRED_WRAP,
  STYLE_DATE,
  STYLE_INTEGER,
  STYLE_TEXT,
  STYLE_TIME,
  type SheetCellStyle,
  type SheetPaper,
} from './sheet-style';
import type { SheetCellValue, TableLayout } from './table-sheet';

const MS_PER_DAY = 86_400_000;

/** Words of the exported tables that are not column labels. */
export const SHEET_WORDS = {
  pageFooter: { zh: '第 &P 页 共 &N 页', en: 'Page &P of &N' },
  total: { zh: '合计：{count} 件', en: 'Total: {count}' },
  // The printed register's two lines (printSignatureRoles('register')): who drew it up, who approved it.
  signature: {
    zh: '制表人签字：{name}　　{date}　　　　　　审核人签字：＿＿＿＿＿＿＿＿　　　　年　　月　　日',
    en: 'Prepared by: {name}    {date}            Approved by: ________________    Date: __________',
  },
  period: { zh: '{first} 至 {last}', en: '{first} to {last}' },
} as const satisfies Record<string, LocalizedText>;

/** A word of the sheets in the locale, with `{name}` placeholders filled. */
export function sheetWord(
  word: keyof typeof SHEET_WORDS,
  locale: Locale,
  values: Readonly<Record<string, string | number>> = {},
): string {
  let text = rulesLabel(SHEET_WORDS[word], locale);
  for (const [key, value] of Object.entries(values)) text = text.replace(`{${key}}`, String(value));
  return text;
}

/** Zone offsets change only at whole quarter hours (UTC): one offset serves each quarter. */
const OFFSET_BUCKET_MS = 15 * 60_000;

/**
 * The local wall time of an instant as Excel stores it: a `Date` whose UTC fields are the
 * desk's local fields (Excel has no time zones). A register has several instants per row, so
 * the zone's offset is looked up once per quarter hour and then added, rather than asking the
 * time-zone database for every instant (it dominated a 100,000-row export).
 */
export function excelLocalClock(timeZone: string) {
  const offsets = new Map<number, number>();
  const localMs = (instant: IsoInstant): number => {
    const ms = instantToMs(instant);
    const bucket = Math.floor(ms / OFFSET_BUCKET_MS);
    let offset = offsets.get(bucket);
    if (offset === undefined) {
      const local = localMomentOf(bucket * OFFSET_BUCKET_MS, timeZone);
      const [y = NaN, m = NaN, d = NaN] = local.date.split('-').map(Number);
      offset = Date.UTC(y, m - 1, d) + local.msOfDay - bucket * OFFSET_BUCKET_MS;
      // Bounded: a register spans months, not decades.
      if (offsets.size > 100_000) offsets.clear();
      offsets.set(bucket, offset);
    }
    return ms + offset;
  };
  return {
    /** The local date, as an Excel date (midnight). */
    date: (instant: IsoInstant) => {
      const local = localMs(instant);
      return new Date(local - (((local % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY));
    },
    /** The local date and time to the minute, as an Excel date-time. */
    dateTime: (instant: IsoInstant) => new Date(Math.floor(localMs(instant) / 60_000) * 60_000),
    /** The local time of day to the minute, as an Excel time (a fraction of a day). */
    time: (instant: IsoInstant) => {
      const local = localMs(instant);
      const msOfDay = ((local % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
      return (Math.floor(msOfDay / 60_000) * 60_000) / MS_PER_DAY;
    },
  };
}

export type ExcelLocalClock = ReturnType<typeof excelLocalClock>;

function styleOf(kind: RegisterCellKind, id: RegisterColumn['id']): SheetCellStyle {
  switch (kind) {
    case 'date':
      return STYLE_DATE;
    case 'time':
      return STYLE_TIME;
    case 'number':
      return STYLE_INTEGER;
    case 'text':
      // Short codes and names read better centred; long text wraps on the left.
      return id === 'subject' ||
        id === 'room' ||
        id === 'handling' ||
        id === 'complaintCategory' ||
        id === 'requestCategory'
        ? STYLE_TEXT
        : // A phone number stays on one line (a masked landline is still one number).
          id === 'phone'
          ? STYLE_CENTRED
          : STYLE_CENTRED_WRAP;
  }
}

export interface RegisterLayoutInput {
  readonly rules: DeskRules;
  readonly locale: Locale;
  readonly organisationName: string;
  readonly deskName: string;
  /** `2026-10-25 至 2026-11-24`. */
  readonly periodText: string;
  readonly operatorName: string;
  /** The local date the table is made, `YYYY-MM-DD`. */
  readonly madeOn: string;
  readonly columns?: readonly RegisterColumn[];
  /** The paper the desk prints its register on (print settings); A4 when absent. */
  readonly paper?: SheetPaper;
}

/** The register's table layout in the desk's words. */
export function registerTableLayout(input: RegisterLayoutInput): TableLayout {
  const { rules, locale } = input;
  const columns = input.columns ?? REGISTER_COLUMNS;
  const header = registerHeader(rules, locale, columns).map((cell) => ({
    text: cell.text,
    firstRow: cell.row,
    lastRow: cell.spansBothRows ? 1 : cell.row,
    firstColumn: cell.firstColumn,
    lastColumn: cell.lastColumn,
  }));
  return {
    sheetName: rulesLabel(rules.terms.registerTitle, locale)
      .replace(/[\\/?*[\]:]/g, '、')
      .slice(0, 31),
    title: rulesLabel(rules.terms.registerTitle, locale),
    subtitle: `${input.organisationName}${FULL_WIDTH_SPACE}${input.deskName}${FULL_WIDTH_SPACE}${input.periodText}`,
    headerRows: 2,
    header,
    columns: columns.map((column) => ({
      width: column.width,
      style: styleOf(column.kind, column.id),
    })),
    landscape: true,
    ...(input.paper === undefined ? {} : { paper: input.paper }),
    pageFooter: sheetWord('pageFooter', locale),
    totalText: sheetWord('total', locale),
    signature: sheetWord('signature', locale, { name: input.operatorName, date: input.madeOn }),
  };
}

/** One case's cells: dates and times as Excel dates and times in the desk's zone. */
export function registerCellValues(
  c: CaseEntity,
  ctx: RegisterContext,
  clock: ExcelLocalClock,
  columns: readonly RegisterColumn[] = REGISTER_COLUMNS,
): SheetCellValue[] {
  return columns.map((column) => {
    const value = column.value(c, ctx);
    if (value === undefined || value === '') return null;
    switch (column.kind) {
      case 'date':
        return clock.date(value as IsoInstant);
      case 'time':
        return clock.time(value as IsoInstant);
      case 'number':
      case 'text':
        return value;
    }
  });
}
