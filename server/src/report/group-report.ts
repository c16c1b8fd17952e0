/**
 * The group monthly report as .xlsx, for a scheduled job at head office (issue 15, item 5):
 * `npm run server:report -- --org <name or id> --month 2026-11 --out report.xlsx`.
 *
 * It reads every event of the organisation from the store in pages (the head-office pull), folds
 * each case with the desks' reducer and counts with the desks' statistics code
 * (`shared/stats/group-report.ts`), then prints the workbook with the desk's own monthly-report
 * builder, so head office's file and a desk's file look alike and can be summed again by the
 * desk's group report. The file is written beside its name and renamed into place: a failed run
 * leaves no half-written report.
 */
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { deadlineContextFromSettings, DEFAULT_BUSINESS_HOURS } from '@shared/calendar/deadline';
import { DEFAULT_TIME_ZONE } from '@shared/calendar/deadline';
import { localDateOf } from '@shared/calendar/local-time';
import type { IsoInstant } from '@shared/kernel/brand';
import type { Locale, PresetId } from '@shared/rules/rules';
import { PRESET_IDS, presetFor } from '@shared/rules/presets';
import { rulesLabel } from '@shared/rules/rules-query';
import type { ReportDocument } from '@shared/stats/combine';
import { GroupCaseLog, statsGroupReport } from '@shared/stats/group-report';
import type { PeriodMode } from '@shared/stats/period';
import { PULL_MAX_EVENTS } from '@shared/sync/protocol';
// The desk's own workbook builders: pure ExcelJS and words, no DOM (README "Layout").
import { monthlyReportSheet } from '../../../renderer/src/export/monthly-workbook';
import { sheetLanguage, fill } from '../../../renderer/src/export/sheet-words';
import type { Caller, Store } from '../store';

export interface GroupReportOptions {
  /** The organisation's name or id. */
  readonly organisation: string;
  readonly year: number;
  readonly month: number;
  readonly mode: PeriodMode;
  /** The rules the figures are counted by (kinds, levels, the report period's start day ...). */
  readonly preset: PresetId;
  readonly locale: Locale;
  readonly timeZone: string;
  /** The name on the made-by line ('' leaves it for a signature). */
  readonly madeBy: string;
  /** When the report is made: open matters past their deadline by then are overdue. */
  readonly asOf: IsoInstant;
  /** Events per page read from the store. */
  readonly pageSize?: number;
}

export interface GroupReportResult {
  readonly document: ReportDocument;
  /** Distinct events read. */
  readonly events: number;
  /** Pages read from the store. */
  readonly pages: number;
}

/** Reads the organisation's events in pages and counts the group report. */
export async function groupReportDocument(
  store: Store,
  options: GroupReportOptions,
): Promise<GroupReportResult> {
  const org = (await store.list()).find(
    (o) => o.id === options.organisation || o.name === options.organisation,
  );
  if (!org) throw new Error(`No organisation is called "${options.organisation}".`);
  // The report reads like a head-office account of the organisation: every desk, nothing else.
  const caller: Caller = {
    kind: 'headOffice',
    organisationId: org.id,
    organisationName: org.name,
    accountId: 'group-report',
    login: 'group-report',
  };
  const log = new GroupCaseLog();
  let cursor: string | null = null;
  let pages = 0;
  for (;;) {
    const page = await store.pull(caller, cursor, options.pageSize ?? PULL_MAX_EVENTS);
    pages += 1;
    log.add(page.events);
    cursor = page.cursor;
    if (!page.more) break;
  }
  const rules = presetFor(options.preset);
  const document = statsGroupReport({
    organisationName: org.name,
    desks: org.desks.map((d) => ({ code: d.code, name: d.name })),
    cases: log.cases(),
    period: { year: options.year, month: options.month, mode: options.mode },
    rules,
    deadlineContext: deadlineContextFromSettings({
      timeZone: options.timeZone,
      businessHours: DEFAULT_BUSINESS_HOURS,
      extraYears: [],
    }),
    asOf: options.asOf,
  });
  return { document, events: log.eventCount, pages };
}

/** The workbook of a group report, as the desk prints it. */
export function groupReportWorkbook(
  document: ReportDocument,
  options: Pick<GroupReportOptions, 'preset' | 'locale' | 'timeZone' | 'madeBy' | 'asOf'>,
): ExcelJS.Workbook {
  const lang = sheetLanguage(options.locale);
  const rules = presetFor(options.preset);
  const workbook = new ExcelJS.Workbook();
  monthlyReportSheet(
    workbook,
    document,
    {
      lang,
      timeZone: options.timeZone,
      noun:
        rules.presetId === 'property'
          ? lang.words.propertyNoun
          : rulesLabel(rules.terms.caseNoun, options.locale),
      madeBy: options.madeBy,
      madeOn: localDateOf(options.asOf, options.timeZone),
    },
    true,
  );
  return workbook;
}

/** Builds the report and writes it to `out` (whole or not at all). */
export async function groupReportWrite(
  store: Store,
  options: GroupReportOptions,
  out: string,
): Promise<GroupReportResult> {
  const result = await groupReportDocument(store, options);
  const workbook = groupReportWorkbook(result.document, options);
  const target = path.resolve(out);
  const partial = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.part`);
  try {
    await workbook.xlsx.writeFile(partial);
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return result;
}

export const REPORT_USAGE = `Usage: npm run server:report -- --org <name or id> --month <YYYY-MM> --out <file.xlsx>
  [--preset ${PRESET_IDS.join('|')}]   the rules to count by (default property)
  [--mode report|calendar]            the preset's report period, or the calendar month (default report)
  [--locale zh-CN|en]                 the workbook's language (default zh-CN)
  [--time-zone <IANA zone>]           default ${DEFAULT_TIME_ZONE}
  [--made-by <name>]                  the name on the made-by line
It reads the database the server uses (DATABASE_URL, or PGlite in DESK_SERVER_DATA: stop the
server first, PGlite serves one process).`;

/** Parses the command line; throws with the usage when something is wrong. */
export function reportArgs(
  argv: readonly string[],
  now: () => number = Date.now,
): GroupReportOptions & { readonly out: string } {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i] ?? '';
    const value = argv[i + 1];
    if (!name.startsWith('--') || value === undefined || value.startsWith('--')) {
      throw new Error(`"${name}" needs a value.\n${REPORT_USAGE}`);
    }
    values.set(name.slice(2), value);
  }
  const known = ['org', 'month', 'out', 'preset', 'mode', 'locale', 'time-zone', 'made-by'];
  const unknown = [...values.keys()].find((key) => !known.includes(key));
  if (unknown !== undefined) throw new Error(`Unknown option --${unknown}.\n${REPORT_USAGE}`);
  const organisation = values.get('org');
  const out = values.get('out');
  const month = /^(\d{4})-(\d{2})$/.exec(values.get('month') ?? '');
  if (!organisation || !out || !month) {
    throw new Error(`--org, --month (YYYY-MM) and --out are required.\n${REPORT_USAGE}`);
  }
  const monthNumber = Number(month[2]);
  if (monthNumber < 1 || monthNumber > 12) throw new Error(`--month: no month ${month[2]}.`);
  const preset = values.get('preset') ?? 'property';
  if (!(PRESET_IDS as readonly string[]).includes(preset)) {
    throw new Error(`--preset must be one of ${PRESET_IDS.join(', ')}.`);
  }
  const mode = values.get('mode') ?? 'report';
  if (mode !== 'report' && mode !== 'calendar') throw new Error('--mode: report or calendar.');
  const locale = values.get('locale') ?? 'zh-CN';
  if (locale !== 'zh-CN' && locale !== 'en') throw new Error('--locale: zh-CN or en.');
  const timeZone = values.get('time-zone') ?? DEFAULT_TIME_ZONE;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new Error(`--time-zone: "${timeZone}" is not a time zone.`);
  }
  return {
    organisation,
    out,
    year: Number(month[1]),
    month: monthNumber,
    preset: preset as PresetId,
    mode,
    locale,
    timeZone,
    madeBy: values.get('made-by') ?? '',
    asOf: new Date(now()).toISOString() as IsoInstant,
  };
}

/** One line for the job's log. */
export function reportSummary(result: GroupReportResult, out: string): string {
  const f = result.document.figures;
  return fill(
    '{{out}}: {{matters}} matters of {{desks}} desks, {{first}} to {{last}} ({{events}} events read in {{pages}} pages)',
    {
      out,
      matters: f.matters,
      desks: result.document.desks.length,
      first: f.range.first,
      last: f.range.last,
      events: result.events,
      pages: result.pages,
    },
  );
}
