/**
 * The register (登记表, DOMAIN.md section 6): the cases received in a date range, landscape,
 * with the two-level header of S001-A annex 4 repeated on every page.
 */
import { caseIsMasked } from '@shared/access/mask';
import type { IsoDate } from '@shared/kernel/brand';
import type { CaseEntity, CaseStatus } from '@shared/model/entities';
import { printFormOrientation, printFormPaper } from '@shared/paper/forms';
import { registerPrintRows } from '@shared/paper/register-cells';
import { REGISTER_COLUMNS, registerHeader, type RegisterColumnId } from '@shared/register/columns';
import { registerStandingText } from '../../vocabulary/standing';
import type { PrintCell, PrintDocument, PrintRow } from '../model';
import { documentFrame, head, row, signatures, value, type FormContext } from './common';

/**
 * Widths on paper, in millimetres of the landscape page (about 270 mm inside the margins; the
 * table scales them to fit), keyed by column so that a new column does not compile until its
 * width is chosen. Sized so that most rows take one or two lines at the compact 8.5 pt: a date
 * (月-日, the year is in the header) and a time keep to one line, the masked phone to one (it
 * never breaks), a category, a subject, a handling number with its status on one line and the deadline's
 * standing on the next.
 */
const PRINT_WIDTHS: { readonly [K in RegisterColumnId]: number } = {
  index: 8,
  customerName: 11,
  room: 14,
  phone: 20,
  subject: 27,
  receiver: 10,
  receivedDate: 9,
  receivedTime: 9,
  kind: 8.5,
  complaintCategory: 21.5,
  requestCategory: 15,
  handling: 26,
  handler: 12,
  acceptedDate: 9,
  acceptedTime: 9,
  repliedDate: 9,
  repliedTime: 9,
  followUpBy: 10,
  followUpDate: 9,
  followUpTime: 9,
  satisfaction: 6,
};

const CENTRED = new Set<RegisterColumnId>([
  'index',
  'receivedDate',
  'receivedTime',
  'kind',
  'acceptedDate',
  'acceptedTime',
  'repliedDate',
  'repliedTime',
  'followUpDate',
  'followUpTime',
  'satisfaction',
]);

/**
 * Cells that never break: a serial number of four digits (「191/3」) or a masked landline
 * (`057*****0007`) split over two lines reads as two numbers. Their widths above hold them.
 */
const UNBROKEN = new Set<RegisterColumnId>(['index', 'phone']);

/** The cells of a masked case (shared/access/mask.ts) that say so in words rather than blank. */
const MASKED = new Set<RegisterColumnId>([
  'customerName',
  'room',
  'phone',
  'subject',
  'complaintCategory',
  'requestCategory',
  'handler',
]);

export interface RegisterRange {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** `10-09` for a date in the register's year, the whole date otherwise. */
function shortDate(text: string, year: string): string {
  return text.startsWith(`${year}-`) ? text.slice(5) : text;
}

/**
 * The printed rows of `cases`, numbered from `firstIndex`: the register is read and built a part
 * at a time (the preview shows its first page before the month is read), and the parts joined
 * are the rows `registerDocument` builds at once.
 */
export function registerRows(
  ctx: FormContext,
  cases: readonly CaseEntity[],
  range: RegisterRange,
  firstIndex = 1,
): PrintRow[] {
  const t = ctx.t;
  const columns = REGISTER_COLUMNS;
  const year = range.from.slice(0, 4);
  const texts = registerPrintRows(cases, {
    rules: ctx.rules,
    locale: ctx.locale,
    maskPhones: ctx.settings.maskPhones,
    statusLabel: (status: CaseStatus) => t(`status.${status}`),
    standingText: registerStandingText(ctx.printedAt, ctx.deadlineContext, ctx.locale),
    timeZone: ctx.timeZone,
    firstIndex,
  });
  return texts.map((cells, i) => {
    const item = cases[i];
    const masked = item !== undefined && caseIsMasked(item);
    return row(
      item?.id ?? String(firstIndex - 1 + i),
      ...cells.map((text, j): PrintCell => {
        const column = columns[j];
        const shown =
          masked && column && MASKED.has(column.id)
            ? t('printForms.masked')
            : column?.kind === 'date'
              ? shortDate(text, year)
              : text;
        return value(shown, {
          ...(column && CENTRED.has(column.id) ? { align: 'center' as const } : {}),
          ...(column && UNBROKEN.has(column.id) ? { nowrap: true } : {}),
        });
      }),
    );
  });
}

/**
 * The register of `count` cases whose rows are `rows` (from `registerRows`; while the rest are
 * still being read, the first of them). The header says `count`, so it does not change as the
 * rows come in.
 */
export function registerDocumentOf(
  ctx: FormContext,
  rows: readonly PrintRow[],
  count: number,
  range: RegisterRange,
): PrintDocument {
  const t = ctx.t;
  const columns = REGISTER_COLUMNS;
  const header = registerHeader(ctx.rules, ctx.locale, columns);
  const headRow = (level: 0 | 1): PrintRow =>
    row(
      `head${level}`,
      ...header
        .filter((cell) => cell.row === level)
        .map((cell) =>
          // 「处理情况(单据联号)」 breaks before its bracket rather than inside it.
          head(cell.text.replace(/(.)([（(])/, '$1\n$2'), {
            colSpan: cell.lastColumn - cell.firstColumn + 1,
            rowSpan: cell.spansBothRows ? 2 : undefined,
          }),
        ),
    );
  const body =
    count === 0
      ? [
          row(
            'empty',
            value(t('printForms.register.empty'), { colSpan: columns.length, align: 'center' }),
          ),
        ]
      : rows;

  const rangeText = t('printForms.register.range', { from: range.from, to: range.to });
  return {
    ...documentFrame(
      ctx,
      'register',
      `register:${range.from}:${range.to}`,
      `${rangeText}\u3000${t('printForms.count', { count })}`,
      rangeText,
    ),
    orientation: printFormOrientation('register', ctx.settings),
    paper: printFormPaper('register', ctx.settings),
    density: 'compact',
    sections: [
      {
        type: 'table',
        key: 'register',
        columns: columns.map((column) => PRINT_WIDTHS[column.id]),
        head: [headRow(0), headRow(1)],
        rows: body,
      },
      ...signatures(ctx, 'register'),
    ],
  };
}

export function registerDocument(
  ctx: FormContext,
  cases: readonly CaseEntity[],
  range: RegisterRange,
): PrintDocument {
  return registerDocumentOf(ctx, registerRows(ctx, cases, range), cases.length, range);
}
