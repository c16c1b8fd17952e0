/**
 * The register as printed: the shared column model (../register-columns.ts) turned into the
 * text of each cell, with dates and times in the desk's zone.
 */
import type { IsoInstant } from '../kernel/brand';
import type { CaseEntity } from '../model/entities';
import {
  REGISTER_COLUMNS,
  registerRow,
  type RegisterCellKind,
  type RegisterCellValue,
  type RegisterColumn,
  type RegisterContext,
} from '../register/columns';
import { printDate, printTime } from './dates';

/** The text a register cell prints: a local date or time, a number, or the text itself. */
export function registerCellText(
  value: RegisterCellValue,
  kind: RegisterCellKind,
  timeZone: string,
): string {
  if (value === undefined || value === '') return '';
  switch (kind) {
    case 'date':
      return printDate(value as IsoInstant, timeZone);
    case 'time':
      return printTime(value as IsoInstant, timeZone);
    case 'number':
    case 'text':
      return String(value);
  }
}

/**
 * The printed rows of the register: one per case, in the order given, numbered from
 * `firstIndex` (序号; 1 unless the cases continue a list built a part at a time).
 */
export function registerPrintRows(
  cases: readonly CaseEntity[],
  ctx: Omit<RegisterContext, 'index'> & {
    readonly timeZone: string;
    readonly firstIndex?: number;
  },
  columns: readonly RegisterColumn[] = REGISTER_COLUMNS,
): string[][] {
  const first = ctx.firstIndex ?? 1;
  return cases.map((c, i) =>
    registerRow(c, { ...ctx, index: first + i }, columns).map((value, j) =>
      registerCellText(value, columns[j]?.kind ?? 'text', ctx.timeZone),
    ),
  );
}
