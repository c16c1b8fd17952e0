/**
 * Case numbers (编号, DOMAIN.md section 5): a pattern of date tokens and a running serial that
 * restarts each month, year or never. The default `{YY}{MM}-{SEQ:4}` gives `2611-0042`; with a
 * desk code, `A01-2611-0042`. The repository keeps the last serial per period key and assigns
 * the next one in the transaction that stores the case, so a number is never reused.
 */
import type { IsoDate } from '../kernel/brand';
import { missingCaseError } from '../kernel/assert';
import type { NumberingRules } from '../rules/rules';

export type NumberResetEvery = NumberingRules['resetEvery'];

/** Why a pattern cannot be saved, for the settings form. */
export type NumberPatternProblemCode =
  /** No `{SEQ:n}` (or bare `{SEQ}`, unpadded): every case of a period would get one number. */
  | 'noSerial'
  /** More than one `{SEQ:n}`. */
  | 'manySerials'
  /** `{SEQ:n}` with n outside 1..10. */
  | 'badSerialWidth'
  /** A `{...}` that is not a known token, or an unmatched brace. */
  | 'unknownToken'
  /** The serial restarts each month (year) but the pattern does not show the month (year). */
  | 'serialNotResettable';

export interface NumberPatternProblem {
  readonly code: NumberPatternProblemCode;
  /** The offending token as written, for `unknownToken` and `badSerialWidth`. */
  readonly token?: string;
}

/** Widest serial padding a pattern may ask for. */
export const NUMBER_MAX_SERIAL_WIDTH = 10;

const TOKEN = /\{([^{}]*)\}/g;
const SERIAL = /^SEQ(?::(\d+))?$/;
const DATE_TOKENS = ['YYYY', 'YY', 'MM', 'DD'] as const;
type DateToken = (typeof DATE_TOKENS)[number];

interface DateParts {
  readonly year: string;
  readonly month: string;
  readonly day: string;
}

function dateParts(localDate: IsoDate): DateParts {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(localDate);
  if (!match?.[1] || !match[2] || !match[3]) {
    throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(localDate)}`);
  }
  return { year: match[1], month: match[2], day: match[3] };
}

function dateToken(token: DateToken, parts: DateParts): string {
  switch (token) {
    case 'YYYY':
      return parts.year;
    case 'YY':
      return parts.year.slice(2);
    case 'MM':
      return parts.month;
    case 'DD':
      return parts.day;
    default:
      throw missingCaseError(token);
  }
}

function isDateToken(name: string): name is DateToken {
  return (DATE_TOKENS as readonly string[]).includes(name);
}

/**
 * The key under which the last serial of a period is kept: `2611` (YYMM) when the serial
 * restarts each month, `2026` each year, `all` when it never restarts.
 */
export function numberPeriodKey(
  rules: Pick<NumberingRules, 'resetEvery'>,
  localDate: IsoDate,
): string {
  const parts = dateParts(localDate);
  switch (rules.resetEvery) {
    case 'month':
      return parts.year.slice(2) + parts.month;
    case 'year':
      return parts.year;
    case 'never':
      return 'all';
    default:
      throw missingCaseError(rules.resetEvery);
  }
}

/**
 * The number of the `serial`-th case of the period holding `localDate`, e.g. `2611-0042`, or
 * `A01-2611-0042` with a desk code. A serial wider than its padding is printed in full.
 * Unknown tokens are left as written (numberPatternProblems reports them).
 *
 * @throws RangeError when `serial` is not a positive integer or the date is not YYYY-MM-DD.
 */
export function numberFormat(
  rules: Pick<NumberingRules, 'pattern'>,
  localDate: IsoDate,
  serial: number,
  deskCode?: string,
): string {
  if (!Number.isSafeInteger(serial) || serial < 1) {
    throw new RangeError(`A serial is a positive integer: ${serial}`);
  }
  const parts = dateParts(localDate);
  const number = rules.pattern.replace(TOKEN, (whole, name: string) => {
    if (isDateToken(name)) return dateToken(name, parts);
    const serialMatch = SERIAL.exec(name);
    if (serialMatch) return String(serial).padStart(Number(serialMatch[1] ?? 1), '0');
    return whole;
  });
  const code = deskCode?.trim() ?? '';
  return code === '' ? number : `${code}-${number}`;
}

/**
 * The next number of the period holding `localDate`, given the last serial used per period
 * (the `numbering` setting). The caller stores `{ [key]: serial }` with the case.
 */
export function numberNext(
  rules: NumberingRules,
  localDate: IsoDate,
  lastSerials: Readonly<Record<string, number>>,
  deskCode?: string,
): { readonly key: string; readonly serial: number; readonly number: string } {
  const key = numberPeriodKey(rules, localDate);
  const serial = (lastSerials[key] ?? 0) + 1;
  return { key, serial, number: numberFormat(rules, localDate, serial, deskCode) };
}

/**
 * What is wrong with a numbering pattern, for the settings form; empty when it can be saved.
 * `resetEvery` matters because a serial that restarts must sit beside the period it restarts
 * in, or numbers would repeat (`{YY}-{SEQ:4}` restarting monthly gives `26-0001` twice).
 */
export function numberPatternProblems(
  pattern: string,
  resetEvery: NumberResetEvery = 'month',
): NumberPatternProblem[] {
  const problems: NumberPatternProblem[] = [];
  const seen = new Set<string>();
  let serials = 0;

  for (const match of pattern.matchAll(TOKEN)) {
    const [whole, name = ''] = match;
    if (isDateToken(name)) {
      seen.add(name);
      continue;
    }
    const serialMatch = SERIAL.exec(name);
    if (!serialMatch) {
      problems.push({ code: 'unknownToken', token: whole });
      continue;
    }
    serials += 1;
    const width = Number(serialMatch[1] ?? 1);
    if (width < 1 || width > NUMBER_MAX_SERIAL_WIDTH) {
      problems.push({ code: 'badSerialWidth', token: whole });
    }
  }
  // A brace left over once the tokens are gone is unmatched.
  const stray = /[{}]/.exec(pattern.replace(TOKEN, ''));
  if (stray) problems.push({ code: 'unknownToken', token: stray[0] });

  if (serials === 0) problems.push({ code: 'noSerial' });
  if (serials > 1) problems.push({ code: 'manySerials' });

  const showsYear = seen.has('YYYY') || seen.has('YY');
  const showsPeriod =
    resetEvery === 'never' || (showsYear && (resetEvery === 'year' || seen.has('MM')));
  if (serials > 0 && !showsPeriod) problems.push({ code: 'serialNotResettable' });

  return problems;
}
