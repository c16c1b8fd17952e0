/**
 * Checking every row of an imported register (DESIGN.md "Excel": imports validate every row and
 * report each rejected row with its reason). A row that passes becomes an `ImportedCase`: its
 * original number, what intake would have recorded, and the steps the register shows (dispatched
 * and accepted, replied, followed up, closed), each with the time the register gives.
 */
import type { IsoInstant } from '../kernel/brand';
import type { DeadlineContext } from '../calendar/deadline';
import type { CaseDeadline } from '../model/entities';
import type { DeskRules, KindDef } from '../rules/rules';
import { rulesFollowUpRequired, rulesIsSatisfied } from '../rules/rules-query';
import { localDateTimeToInstant } from '../kernel/time';
import { INTAKE_LIMITS, intakeDeadline, isPlausiblePhone } from '../workflow/intake';
import type { ImportFieldId, ImportMapping } from './fields';
import { matchCategory, matchFinalCause, matchKind, matchLevel, matchSatisfaction } from './match';
import {
  cellDateTime,
  cellIsBlank,
  cellText,
  cellTime,
  minutesText,
  type ImportCell,
} from './values';

export type ImportProblemCode =
  | 'missingNumber'
  | 'duplicateInFile'
  | 'numberExists'
  | 'missingSubject'
  | 'tooLong'
  | 'missingReceived'
  | 'badDate'
  | 'badTime'
  | 'inFuture'
  | 'unknownKind'
  | 'unknownCategory'
  | 'unknownLevel'
  | 'unknownFinalCause'
  | 'badPhone'
  | 'maskedPhone'
  | 'badSatisfaction'
  | 'missingHandler'
  | 'beforePreviousStep'
  | 'followUpWithoutReply'
  | 'incompleteFollowUp'
  | 'cannotClose';

export interface ImportProblem {
  readonly code: ImportProblemCode;
  readonly field?: ImportFieldId;
  /** The cell as written, to show next to the reason. */
  readonly value?: string;
}

/** A step of a case's history as the register records it. */
export type ImportStep =
  | {
      readonly type: 'case/dispatched';
      readonly at: IsoInstant;
      readonly unitName: string;
      readonly handlerName: string;
      readonly deadline: CaseDeadline;
    }
  | { readonly type: 'case/accepted'; readonly at: IsoInstant; readonly handlerName: string }
  | { readonly type: 'case/replied'; readonly at: IsoInstant; readonly reply: string }
  | {
      readonly type: 'case/handledDirectly';
      readonly at: IsoInstant;
      readonly answer: string;
      readonly followUpRequired: boolean;
    }
  | {
      readonly type: 'case/followedUp';
      readonly at: IsoInstant;
      readonly byName: string;
      readonly satisfaction: number;
      readonly satisfied: boolean;
    }
  | { readonly type: 'case/followUpWaived'; readonly at: IsoInstant }
  | { readonly type: 'case/closed'; readonly at: IsoInstant; readonly finalCauseId: string };

export interface ImportedCase {
  /** 1-based row of the sheet, as the clerk sees it in Excel. */
  readonly rowNumber: number;
  readonly number: string;
  readonly receivedAt: IsoInstant;
  readonly receiverName: string;
  readonly kindId: string;
  readonly categoryId?: string;
  readonly levelId?: string;
  readonly customer: { readonly name: string; readonly phone: string; readonly address: string };
  readonly subject: string;
  readonly deadline?: CaseDeadline;
  readonly steps: readonly ImportStep[];
}

export interface ImportRowResult {
  readonly rowNumber: number;
  readonly problems: readonly ImportProblem[];
  readonly imported?: ImportedCase;
}

export interface ImportCheckContext {
  readonly rules: DeskRules;
  readonly deadlineContext: DeadlineContext;
  readonly now: IsoInstant;
  /** Numbers the desk already has: a row with one of them is refused. */
  readonly existingNumbers: ReadonlySet<string>;
  /** Who is importing: the receiver when the register names none. */
  readonly operatorName: string;
  /**
   * Whether a line of 处理情况 is the standing line the desk's own register adds (按时回复,
   * 超时回复（超期 1 个工作日）...), whose words live in the renderer's vocabulary: it is left out
   * of the reply, so that a register exported and imported again does not turn it into text.
   */
  readonly isStandingLine?: (line: string) => boolean;
}

export interface ImportCheckResult {
  readonly rows: readonly ImportRowResult[];
  readonly accepted: readonly ImportedCase[];
  readonly rejected: readonly ImportRowResult[];
  /**
   * The register's own total line (合计：62 件), skipped: the count it states (when it states
   * one) beside the rows read as cases, so a missing or extra row shows before importing.
   */
  readonly total?: ImportTotalLine;
}

export interface ImportTotalLine {
  /** 1-based, as the spreadsheet numbers it. */
  readonly rowNumber: number;
  readonly stated?: number;
  readonly counted: number;
}

/** A received time may run ahead of the desk's clock by this much (clocks drift). */
const FUTURE_TOLERANCE_MS = 5 * 60_000;
const NUMBER_TEXT = /^[A-Za-z0-9][A-Za-z0-9-]*$/;
const NUMBER_IN_TEXT = /[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+/;
const MASKED = /\*/;

class RowReader {
  readonly problems: ImportProblem[] = [];

  constructor(
    private readonly row: readonly ImportCell[],
    private readonly mapping: ImportMapping,
  ) {}

  cell(field: ImportFieldId): ImportCell {
    const index = this.mapping[field];
    return index === undefined ? undefined : this.row[index];
  }

  text(field: ImportFieldId, limit?: number): string {
    const text = cellText(this.cell(field));
    if (limit !== undefined && text.length > limit) this.problem('tooLong', field);
    return text;
  }

  problem(code: ImportProblemCode, field?: ImportFieldId): void {
    const value = field === undefined ? undefined : cellText(this.cell(field));
    this.problems.push(value ? { code, field, value } : field ? { code, field } : { code });
  }

  /** The instant of a date column and its time column, undefined when both are blank. */
  instant(
    dateField: ImportFieldId,
    timeField: ImportFieldId,
    timeZone: string,
  ): IsoInstant | undefined {
    const date = cellDateTime(this.cell(dateField));
    const time = cellTime(this.cell(timeField));
    if (date === null) this.problem('badDate', dateField);
    if (time === null) this.problem('badTime', timeField);
    if (!date) return undefined;
    const minutes = time ?? date.minutes ?? 0;
    return localDateTimeToInstant(`${date.date}T${minutesText(minutes)}`, timeZone);
  }
}

/**
 * A case number as compared and stored: full-width forms folded (`２６１１－０２０３`), every dash
 * written as `-`, letters in upper case, so that one number written two ways is one number.
 */
export function importNumberNormalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, '-')
    .toUpperCase();
}

/** The case number: its own column, else the slip number written in 处理情况(单据联号). */
function numberOf(r: RowReader): string {
  const own = importNumberNormalise(r.text('number'));
  if (own !== '') return own;
  // Normalised first, so that a full-width slip number is found in the text as well.
  const handling = importNumberNormalise(r.text('handling'));
  const head = handling.split(/[（(\s]/)[0]?.trim() ?? '';
  if (NUMBER_TEXT.test(head) && /\d/.test(head)) return head;
  return NUMBER_IN_TEXT.exec(handling)?.[0] ?? '';
}

/** The reply written in 处理情况, without the standing line a desk's own register adds. */
function replyText(handling: string, ctx: ImportCheckContext): string {
  const lines = handling.split('\n');
  const last = lines.at(-1)?.trim() ?? '';
  if (lines.length < 2 || !ctx.isStandingLine?.(last)) return handling;
  return lines.slice(0, -1).join('\n').trimEnd();
}

/** The kind: written, else told by which category column is filled, else the only kind. */
function kindOf(r: RowReader, rules: DeskRules): KindDef | undefined {
  const written = r.text('kind');
  if (written !== '') {
    const kind = matchKind(rules, written);
    if (!kind) r.problem('unknownKind', 'kind');
    return kind;
  }
  const byClass = (isComplaint: boolean) =>
    rules.kinds.find((k) => (k.class === 'complaint') === isComplaint);
  if (r.text('complaintCategory') !== '') return byClass(true);
  if (r.text('requestCategory') !== '') return byClass(false);
  if (rules.kinds.length === 1) return rules.kinds[0];
  r.problem('unknownKind', 'kind');
  return undefined;
}

function isAfter(later: IsoInstant | undefined, earlier: IsoInstant | undefined): boolean {
  return later === undefined || earlier === undefined || later >= earlier;
}

/** Checks one row; `rowNumber` is its 1-based row in the sheet. */
export function importRowCheck(
  row: readonly ImportCell[],
  rowNumber: number,
  mapping: ImportMapping,
  ctx: ImportCheckContext,
): ImportRowResult {
  const { rules } = ctx;
  const tz = ctx.deadlineContext.timeZone;
  const r = new RowReader(row, mapping);

  const number = numberOf(r);
  if (number === '')
    r.problem('missingNumber', mapping.number === undefined ? 'handling' : 'number');
  else if (ctx.existingNumbers.has(number))
    r.problem('numberExists', mapping.number === undefined ? 'handling' : 'number');

  const subject = r.text('subject', INTAKE_LIMITS.subject);
  if (subject === '') r.problem('missingSubject', 'subject');
  const name = r.text('customerName', INTAKE_LIMITS.customerName);
  const address = r.text('room', INTAKE_LIMITS.address);
  const phone = r.text('phone');
  if (phone !== '' && MASKED.test(phone)) r.problem('maskedPhone', 'phone');
  else if (phone !== '' && !isPlausiblePhone(phone)) r.problem('badPhone', 'phone');

  const receivedAt = r.instant('receivedDate', 'receivedTime', tz);
  if (receivedAt === undefined && cellIsBlank(r.cell('receivedDate')))
    r.problem('missingReceived', 'receivedDate');
  if (receivedAt && Date.parse(receivedAt) - Date.parse(ctx.now) > FUTURE_TOLERANCE_MS) {
    r.problem('inFuture', 'receivedDate');
  }

  const kind = kindOf(r, rules);
  let categoryId: string | undefined;
  if (kind) {
    const field = kind.class === 'complaint' ? 'complaintCategory' : 'requestCategory';
    const written = r.text(field);
    if (written !== '') {
      categoryId = matchCategory(kind, written);
      if (!categoryId) r.problem('unknownCategory', field);
    }
  }
  const levelText = r.text('level');
  const level = levelText === '' ? undefined : matchLevel(rules, levelText);
  if (levelText !== '' && !level) r.problem('unknownLevel', 'level');

  const handlerText = r.text('handler', INTAKE_LIMITS.organisation);
  const [unitPart = '', personPart] = handlerText.split(/[/／]/).map((part) => part.trim());
  const unitName = unitPart;
  const handlerName = personPart || unitPart;
  const acceptedAt = r.instant('acceptedDate', 'acceptedTime', tz);
  const repliedAt = r.instant('repliedDate', 'repliedTime', tz);
  const followedUpAt = r.instant('followUpDate', 'followUpTime', tz);
  if (acceptedAt && handlerText === '') r.problem('missingHandler', 'handler');
  if (!isAfter(acceptedAt, receivedAt)) r.problem('beforePreviousStep', 'acceptedDate');
  if (!isAfter(repliedAt, acceptedAt ?? receivedAt)) r.problem('beforePreviousStep', 'repliedDate');
  if (!isAfter(followedUpAt, repliedAt)) r.problem('beforePreviousStep', 'followUpDate');
  for (const [at, field] of [
    [acceptedAt, 'acceptedDate'],
    [repliedAt, 'repliedDate'],
    [followedUpAt, 'followUpDate'],
  ] as const) {
    if (at && Date.parse(at) - Date.parse(ctx.now) > FUTURE_TOLERANCE_MS)
      r.problem('inFuture', field);
  }

  const satisfactionCell = r.cell('satisfaction');
  let satisfaction: number | undefined;
  if (!cellIsBlank(satisfactionCell)) {
    const value =
      typeof satisfactionCell === 'number' ? satisfactionCell : cellText(satisfactionCell);
    satisfaction = matchSatisfaction(rules, value);
    if (satisfaction === undefined) r.problem('badSatisfaction', 'satisfaction');
  }
  const followUpBy = r.text('followUpBy', INTAKE_LIMITS.customerName);
  const hasFollowUp = followedUpAt !== undefined || satisfaction !== undefined || followUpBy !== '';
  if (hasFollowUp && repliedAt === undefined) r.problem('followUpWithoutReply', 'followUpDate');
  else if (hasFollowUp && followedUpAt === undefined && cellIsBlank(r.cell('followUpDate'))) {
    r.problem('incompleteFollowUp', 'followUpDate');
  } else if (hasFollowUp && cellIsBlank(satisfactionCell)) {
    r.problem('incompleteFollowUp', 'satisfaction');
  }

  const causeText = r.text('finalCause');
  const finalCauseId = causeText === '' ? undefined : matchFinalCause(rules, causeText);
  if (causeText !== '' && !finalCauseId) r.problem('unknownFinalCause', 'finalCause');

  if (r.problems.length > 0 || !receivedAt || !kind) {
    return { rowNumber, problems: r.problems };
  }

  const deadline = intakeDeadline({ kindId: kind.id, levelId: level?.id, flags: [] }, receivedAt, {
    rules,
    deadline: ctx.deadlineContext,
  });
  const steps: ImportStep[] = [];
  const handling = replyText(r.text('handling'), ctx);
  const dispatched = handlerText !== '';
  if (dispatched) {
    steps.push({
      type: 'case/dispatched',
      at: acceptedAt ?? receivedAt,
      unitName,
      handlerName,
      // Every preset has a handling deadline; a desk whose rules have none gets the intake time.
      deadline: deadline ?? { dueAt: receivedAt, basis: 'manual' },
    });
    if (acceptedAt) steps.push({ type: 'case/accepted', at: acceptedAt, handlerName });
  }
  if (repliedAt) {
    steps.push(
      dispatched
        ? { type: 'case/replied', at: repliedAt, reply: handling }
        : {
            type: 'case/handledDirectly',
            at: repliedAt,
            answer: handling,
            followUpRequired: hasFollowUp,
          },
    );
  }
  const satisfied = satisfaction !== undefined && rulesIsSatisfied(rules, satisfaction);
  if (hasFollowUp && followedUpAt && satisfaction !== undefined) {
    steps.push({
      type: 'case/followedUp',
      at: followedUpAt,
      byName: followUpBy,
      satisfaction,
      satisfied,
    });
  }
  if (finalCauseId) {
    const closeAt = followedUpAt ?? repliedAt;
    const needsFollowUp = dispatched && rulesFollowUpRequired(rules, kind.id) === 'always';
    if (!closeAt || (hasFollowUp && !satisfied) || (!hasFollowUp && needsFollowUp)) {
      return {
        rowNumber,
        problems: [{ code: 'cannotClose', field: 'finalCause', value: causeText }],
      };
    }
    if (!hasFollowUp && dispatched) steps.push({ type: 'case/followUpWaived', at: closeAt });
    steps.push({ type: 'case/closed', at: closeAt, finalCauseId });
  }

  return {
    rowNumber,
    problems: [],
    imported: {
      rowNumber,
      number,
      receivedAt,
      receiverName: r.text('receiver') || ctx.operatorName,
      kindId: kind.id,
      categoryId,
      levelId: level?.id,
      customer: { name, phone, address },
      subject,
      deadline,
      steps,
    },
  };
}

/** 合计：62 件, 总计 62 条, 共计：62, Total: 62 (the words hand-made registers end with). */
const TOTAL_LINE =
  /^(?:合\s*计|总\s*计|共\s*计|total)\s*[:：]?\s*(?:共\s*)?(\d+)?\s*(?:件|条|宗|起|项|个)?\s*$/i;

/**
 * The count of a total line, or null when the row is not one. Many hand-made registers put
 * 合计 in the number column; the row has no subject and no received date, so a case whose
 * subject happens to read 合计 is still a case.
 */
export function importTotalOf(
  row: readonly ImportCell[],
  mapping: ImportMapping,
): { stated?: number } | null {
  const blank = (field: ImportFieldId) => {
    const index = mapping[field];
    return index === undefined || cellIsBlank(row[index]);
  };
  if (!blank('subject') || !blank('receivedDate')) return null;
  for (const cell of row) {
    if (cellIsBlank(cell)) continue;
    const match = TOTAL_LINE.exec(cellText(cell).trim());
    if (match) return match[1] === undefined ? {} : { stated: Number(match[1]) };
  }
  return null;
}

/** How often (in rows) `importCheck` tells its progress. */
export const IMPORT_PROGRESS_EVERY = 500;

/** Lines under the table (合计, 制表人：…) have no number, subject or date: not cases. */
function isFooter(row: readonly ImportCell[], mapping: ImportMapping): boolean {
  const blank = (field: ImportFieldId) => {
    const index = mapping[field];
    return index === undefined || cellIsBlank(row[index]);
  };
  return blank('number') && blank('handling') && blank('subject') && blank('receivedDate');
}

/**
 * Checks every data row of a sheet (rows before `dataStartRow` are the title and header).
 * Blank rows are skipped; a number that appears twice in the file refuses its later rows.
 * `onProgress`, when given, hears every `IMPORT_PROGRESS_EVERY` rows how many were checked (of
 * the sheet's rows), and once at the end.
 */
export function importCheck(
  rows: readonly (readonly ImportCell[])[],
  dataStartRow: number,
  mapping: ImportMapping,
  ctx: ImportCheckContext,
  onProgress?: (checked: number, total: number) => void,
): ImportCheckResult {
  const mapped = Object.values(mapping).filter((i): i is number => i !== undefined);
  const results: ImportRowResult[] = [];
  const seen = new Set<string>();
  let total: Omit<ImportTotalLine, 'counted'> | undefined;
  rows.forEach((row, i) => {
    if (onProgress && i > 0 && i % IMPORT_PROGRESS_EVERY === 0) onProgress(i, rows.length);
    if (i < dataStartRow) return;
    if (mapped.every((index) => cellIsBlank(row[index]))) return;
    const stated = importTotalOf(row, mapping);
    if (stated) {
      total = { rowNumber: i + 1, ...stated };
      return;
    }
    if (isFooter(row, mapping)) return;
    const result = importRowCheck(row, i + 1, mapping, ctx);
    const number = result.imported?.number;
    if (number !== undefined && seen.has(number)) {
      results.push({
        rowNumber: result.rowNumber,
        problems: [
          {
            code: 'duplicateInFile',
            field: mapping.number === undefined ? 'handling' : 'number',
            value: number,
          },
        ],
      });
      return;
    }
    if (number !== undefined) seen.add(number);
    results.push(result);
  });
  onProgress?.(rows.length, rows.length);
  return {
    rows: results,
    accepted: results.flatMap((r) => (r.imported ? [r.imported] : [])),
    rejected: results.filter((r) => r.problems.length > 0),
    ...(total ? { total: { ...total, counted: results.length } } : {}),
  };
}
