/**
 * Runs one export job (in the Web Worker): reads the desk and its cases from IndexedDB, counts
 * with the pure statistics core and builds the workbook with ExcelJS. The register goes out
 * either as the bytes of an in-memory workbook or, for Electron's streaming writer, as pages of
 * rows; every other table is small and built in memory.
 */
import ExcelJS from 'exceljs';
import { deadlineContextFromSettings, localDateOf } from '@shared/calendar/deadline';
import { registerStandingText } from '../vocabulary/standing';
import {
  excelLocalClock,
  registerCellValues,
  registerTableLayout,
  sheetWord,
} from '@shared/export/register-sheet';
import {
  tableSheetEnd,
  tableSheetOptions,
  tableSheetRow,
  tableSheetStart,
  type SheetCellValue,
  type TableLayout,
} from '@shared/export/table-sheet';
import type { CaseEntity } from '@shared/model/entities';
import { rulesLabel } from '@shared/rules/rules-query';
import {
  REPORT_DOCUMENT_FORMAT,
  statsCombine,
  statsLabelsOf,
  type ReportDocument,
} from '@shared/stats/combine';
import { periodInstantRange, periodOfMonth, periodOfQuarter } from '@shared/stats/period';
import { statsQuarterly } from '@shared/stats/quarterly';
import { statsReport } from '@shared/stats/report';
import type { DeskDatabase } from '../db/database';
import { deskState, type StoredDeskState } from '../db/repos/settings';
import { printSettingsLoad } from '../db/repos/print';
import {
  statsCasesOfRange,
  statsFollowUpsPending,
  statsOverdueCases,
  statsRegisterCount,
  statsRegisterPage,
  type StatsPageCursor,
} from '../db/repos/stats';
import {
  EXPORT_PAGE_ROWS,
  EXPORT_STREAM_FROM_ROWS,
  type ExportJob,
  type ExportProblem,
  type ExportSink,
  type FromWorker,
} from './export-protocol';
import {
  followUpListLayout,
  followUpListRow,
  overdueListLayout,
  overdueListRow,
  type ListContext,
} from './list-sheets';
import { monthlyReportSheet } from './monthly-workbook';
import { xlsxZipStream } from './xlsx-zip';
import { auditSheetLayout, auditSheetRow, type AuditSheetContext } from './audit-sheet';
import { auditSearch, auditVerify } from '../db/repos/audit';
import { quarterlyReportSheet } from './quarterly-workbook';
import type { ReportSheetContext } from './report-workbook';
import { reportDataRead } from './report-data-sheet';
import { fill, sheetLanguage } from './sheet-words';

export interface JobIo {
  emit(message: FromWorker): void;
  /** Resolves when the UI has forwarded the last page of rows. */
  ack(): Promise<void>;
}

class JobFailed extends Error {
  constructor(
    readonly problem: ExportProblem,
    readonly file?: string,
  ) {
    super(problem);
  }
}

interface JobDesk {
  readonly desk: StoredDeskState;
  readonly ctx: ReportSheetContext;
  readonly deadlineContext: ReturnType<typeof deadlineContextFromSettings>;
}

async function deskOf(db: DeskDatabase, job: ExportJob): Promise<JobDesk> {
  const desk = await deskState(db);
  if (!desk) throw new JobFailed('noDesk');
  const deadlineContext = deadlineContextFromSettings(desk.calendar);
  const lang = sheetLanguage(desk.locale);
  const noun =
    desk.rules.presetId === 'property'
      ? lang.words.propertyNoun
      : rulesLabel(desk.rules.terms.caseNoun, desk.locale);
  return {
    desk,
    deadlineContext,
    ctx: {
      lang,
      timeZone: deadlineContext.timeZone,
      noun,
      madeBy: job.viewer.name,
      madeOn: localDateOf(job.now, deadlineContext.timeZone),
    },
  };
}

/** A file name Windows and Linux both accept. */
export function exportFileName(...parts: readonly (string | number)[]): string {
  return `${parts.join('-').replace(/[<>:"/\\|?*\s]+/g, '_')}.xlsx`;
}

/** Hands zip bytes to the UI thread as one message and waits until they are written. */
async function chunksEmit(io: JobIo, chunks: readonly Uint8Array[]): Promise<void> {
  if (chunks.length === 0) return;
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  io.emit({ type: 'chunk', bytes: bytes.buffer });
  await io.ack();
}

async function bytesOf(workbook: ExcelJS.Workbook): Promise<ArrayBuffer> {
  const buffer = await workbook.xlsx.writeBuffer();
  return buffer instanceof ArrayBuffer
    ? buffer
    : new Uint8Array(buffer as ArrayLike<number>).buffer;
}

function done(io: JobIo, fileName: string, bytes: ArrayBuffer, rows: number, detail: string): void {
  io.emit({ type: 'done', fileName, bytes, rows, detail });
}

async function tableWorkbook(
  layout: TableLayout,
  rows: readonly SheetCellValue[][],
): Promise<ArrayBuffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(
    layout.sheetName,
    tableSheetOptions(layout) as Partial<ExcelJS.AddWorksheetOptions>,
  );
  tableSheetStart(sheet, layout);
  for (const row of rows) tableSheetRow(sheet, layout, row);
  tableSheetEnd(sheet, layout, rows.length);
  return bytesOf(workbook);
}

async function registerJob(
  db: DeskDatabase,
  job: Extract<ExportJob, { table: 'register' }>,
  sink: ExportSink,
  io: JobIo,
): Promise<void> {
  const { desk, ctx, deadlineContext } = await deskOf(db, job);
  const range = periodInstantRange(job, deadlineContext.timeZone);
  const total = await statsRegisterCount(db, range);
  // The paper the desk prints its register on: the workbook's page setup follows it.
  const { registerPaper } = await printSettingsLoad(db);
  const periodText = sheetWord('period', desk.locale, { first: job.first, last: job.last });
  const layout = registerTableLayout({
    rules: desk.rules,
    locale: desk.locale,
    organisationName: desk.identity.organisationName,
    deskName: desk.identity.deskName,
    periodText,
    operatorName: job.viewer.name,
    madeOn: ctx.madeOn,
    paper: registerPaper,
  });
  const fileName = exportFileName(layout.title.replace(/\//g, '、'), job.first, job.last);
  const clock = excelLocalClock(deadlineContext.timeZone);
  const standingText = registerStandingText(job.now, deadlineContext, desk.locale);
  const detail = `${job.first}~${job.last}`;
  let workbook: ExcelJS.Workbook | undefined;
  let sheet: ExcelJS.Worksheet | undefined;
  let zipped: ReturnType<typeof xlsxZipStream> | undefined;
  if (sink === 'bytes' || (sink === 'chunks' && total < EXPORT_STREAM_FROM_ROWS)) {
    workbook = new ExcelJS.Workbook();
    sheet = workbook.addWorksheet(
      layout.sheetName,
      tableSheetOptions(layout) as Partial<ExcelJS.AddWorksheetOptions>,
    );
    tableSheetStart(sheet, layout);
  } else if (sink === 'chunks') {
    zipped = xlsxZipStream(layout);
    io.emit({ type: 'begin', fileName, total });
    await chunksEmit(io, zipped.first);
  } else {
    io.emit({ type: 'layout', fileName, layout, total });
  }
  let count = 0;
  let after: StatsPageCursor | undefined;
  do {
    const page = await statsRegisterPage(db, range, job.viewer, EXPORT_PAGE_ROWS, after);
    const rows = page.items.map((c) =>
      registerCellValues(
        c,
        {
          rules: desk.rules,
          locale: desk.locale,
          index: ++count,
          maskPhones: job.maskPhones,
          statusLabel: ctx.lang.status,
          standingText,
        },
        clock,
      ),
    );
    if (sheet) {
      for (const row of rows) tableSheetRow(sheet, layout, row);
    } else if (zipped) {
      await chunksEmit(io, zipped.stream.rows(rows));
    } else if (rows.length > 0) {
      io.emit({ type: 'rows', rows });
      await io.ack();
    }
    io.emit({ type: 'progress', done: count, total });
    after = page.next;
  } while (after);
  if (sheet && workbook) {
    tableSheetEnd(sheet, layout, count);
    done(io, fileName, await bytesOf(workbook), count, detail);
  } else if (zipped) {
    await chunksEmit(io, zipped.stream.end(count));
    io.emit({ type: 'end', rows: count, detail });
  } else {
    io.emit({ type: 'end', rows: count, detail });
  }
}

function documentOf(
  desk: StoredDeskState,
  figures: ReportDocument['figures'],
  period: ReportDocument['period'],
): ReportDocument {
  return {
    format: REPORT_DOCUMENT_FORMAT,
    version: 1,
    desks: [
      {
        deskId: desk.identity.deskId,
        organisationName: desk.identity.organisationName,
        deskName: desk.identity.deskName,
      },
    ],
    period,
    figures,
    labels: statsLabelsOf(desk.rules),
  };
}

async function monthlyJob(
  db: DeskDatabase,
  job: Extract<ExportJob, { table: 'monthly' }>,
  io: JobIo,
): Promise<void> {
  const { desk, ctx, deadlineContext } = await deskOf(db, job);
  const period = periodOfMonth(job.year, job.month, desk.rules.reportPeriodStartDay, job.mode);
  io.emit({ type: 'progress', done: 0, total: 3 });
  const cases = await statsCasesOfRange(db, periodInstantRange(period, deadlineContext.timeZone));
  io.emit({ type: 'progress', done: 1, total: 3 });
  const figures = statsReport({
    cases,
    range: period,
    rules: desk.rules,
    deadlineContext,
    asOf: job.now,
  });
  const doc = documentOf(desk, figures, { year: job.year, month: job.month, mode: job.mode });
  const workbook = new ExcelJS.Workbook();
  monthlyReportSheet(workbook, doc, ctx);
  io.emit({ type: 'progress', done: 2, total: 3 });
  const w = ctx.lang.words;
  done(
    io,
    exportFileName(w.monthly.sheet, `${job.year}-${String(job.month).padStart(2, '0')}`),
    await bytesOf(workbook),
    figures.matters,
    `${period.first}~${period.last}`,
  );
}

async function quarterlyJob(
  db: DeskDatabase,
  job: Extract<ExportJob, { table: 'quarterly' }>,
  io: JobIo,
): Promise<void> {
  const { desk, ctx, deadlineContext } = await deskOf(db, job);
  const quarter = periodOfQuarter(job.year, job.quarter, desk.rules.reportPeriodStartDay, job.mode);
  io.emit({ type: 'progress', done: 0, total: 3 });
  const cases = await statsCasesOfRange(db, periodInstantRange(quarter, deadlineContext.timeZone));
  io.emit({ type: 'progress', done: 1, total: 3 });
  const figures = statsQuarterly({
    cases,
    quarter,
    rules: desk.rules,
    deadlineContext,
    asOf: job.now,
  });
  const workbook = new ExcelJS.Workbook();
  quarterlyReportSheet(
    workbook,
    {
      figures,
      labels: statsLabelsOf(desk.rules),
      organisationName: desk.identity.organisationName,
      deskName: desk.identity.deskName,
      maskPhones: job.maskPhones,
    },
    ctx,
  );
  io.emit({ type: 'progress', done: 2, total: 3 });
  done(
    io,
    exportFileName(ctx.lang.words.quarterly.sheet, `${job.year}Q${job.quarter}`),
    await bytesOf(workbook),
    figures.total.matters,
    `${quarter.first}~${quarter.last}`,
  );
}

async function listJob(
  db: DeskDatabase,
  job: Extract<ExportJob, { table: 'overdue' | 'followUps' }>,
  io: JobIo,
): Promise<void> {
  const { desk, ctx, deadlineContext } = await deskOf(db, job);
  const list: ListContext = {
    lang: ctx.lang,
    rules: desk.rules,
    deadlineContext,
    now: job.now,
    maskPhones: job.maskPhones,
    deskLine: fill(ctx.lang.words.deskLine, {
      organisation: desk.identity.organisationName,
      desk: desk.identity.deskName,
    }),
    madeLine: fill(ctx.lang.words.madeLine, { name: ctx.madeBy, date: ctx.madeOn }),
  };
  const cases: CaseEntity[] =
    job.table === 'overdue'
      ? await statsOverdueCases(db, job.now, job.viewer)
      : await statsFollowUpsPending(db, job.viewer);
  const [layout, rowOf] =
    job.table === 'overdue'
      ? [overdueListLayout(list), overdueListRow]
      : [followUpListLayout(list), followUpListRow];
  const rows = cases.map((c, i) => rowOf(c, i + 1, list));
  io.emit({ type: 'progress', done: rows.length, total: rows.length });
  done(
    io,
    exportFileName(layout.title, ctx.madeOn),
    await tableWorkbook(layout, rows),
    rows.length,
    ctx.madeOn,
  );
}

async function groupJob(
  db: DeskDatabase,
  job: Extract<ExportJob, { table: 'group' }>,
  io: JobIo,
): Promise<void> {
  const { ctx } = await deskOf(db, job);
  const documents: ReportDocument[] = [];
  for (const [i, file] of job.files.entries()) {
    const workbook = new ExcelJS.Workbook();
    const loaded = await workbook.xlsx.load(file.bytes).then(
      () => true,
      () => false,
    );
    if (!loaded) throw new JobFailed('notWorkbook', file.name);
    const read = reportDataRead(workbook);
    if (!read.ok) throw new JobFailed(read.problem, file.name);
    documents.push(read.document);
    io.emit({ type: 'progress', done: i + 1, total: job.files.length + 1 });
  }
  const combined = statsCombine(documents);
  if (!combined.ok) {
    const { problem } = combined;
    throw new JobFailed(
      problem.code,
      problem.code === 'sameDeskTwice' ? problem.deskName : undefined,
    );
  }
  const workbook = new ExcelJS.Workbook();
  monthlyReportSheet(workbook, combined.document, ctx, true);
  const { period, figures } = combined.document;
  done(
    io,
    exportFileName(
      ctx.lang.words.group.sheet,
      `${period.year}-${String(period.month).padStart(2, '0')}`,
    ),
    await bytesOf(workbook),
    figures.matters,
    `${figures.range.first}~${figures.range.last} × ${documents.length}`,
  );
}

/** Entries in one sheet at most: the audit page narrows by time or action beyond that. */
const AUDIT_EXPORT_LIMIT = 100_000;

async function auditJob(
  db: DeskDatabase,
  job: Extract<ExportJob, { table: 'audit' }>,
  io: JobIo,
): Promise<void> {
  const { desk, ctx, deadlineContext } = await deskOf(db, job);
  const [entries, verification, staff] = await Promise.all([
    auditSearch(db, job.filter, AUDIT_EXPORT_LIMIT),
    auditVerify(db),
    db.staff.toArray(),
  ]);
  const sheet: AuditSheetContext = {
    lang: ctx.lang,
    timeZone: deadlineContext.timeZone,
    deskLine: fill(ctx.lang.words.deskLine, {
      organisation: desk.identity.organisationName,
      desk: desk.identity.deskName,
    }),
    madeLine: fill(ctx.lang.words.madeLine, { name: ctx.madeBy, date: ctx.madeOn }),
    verification,
    staffNames: new Map(staff.map((s) => [s.id, s.name])),
  };
  // Newest first from the search; the sheet reads oldest first, as the chain runs.
  const rows = entries.reverse().map((entry) => auditSheetRow(entry, sheet));
  const layout = auditSheetLayout(sheet);
  io.emit({ type: 'progress', done: rows.length, total: rows.length });
  done(
    io,
    exportFileName(layout.title, ctx.madeOn),
    await tableWorkbook(layout, rows),
    rows.length,
    verification.ok ? `${rows.length}` : `${rows.length} broken@${verification.seq}`,
  );
}

/** Runs a job to its end, reporting through `io`; a failure is reported, never thrown. */
export async function exportJobRun(
  job: ExportJob,
  sink: ExportSink,
  io: JobIo,
  openDatabase: (name: string) => DeskDatabase,
): Promise<void> {
  const db = openDatabase(job.dbName);
  try {
    switch (job.table) {
      case 'register':
        await registerJob(db, job, sink, io);
        break;
      case 'monthly':
        await monthlyJob(db, job, io);
        break;
      case 'quarterly':
        await quarterlyJob(db, job, io);
        break;
      case 'overdue':
      case 'followUps':
        await listJob(db, job, io);
        break;
      case 'group':
        await groupJob(db, job, io);
        break;
      case 'audit':
        await auditJob(db, job, io);
        break;
    }
  } catch (error) {
    // The edge of the worker: the UI shows the code; the console keeps the details.
    if (error instanceof JobFailed) {
      io.emit({ type: 'failed', problem: error.problem, file: error.file });
    } else {
      console.error('export failed', error);
      io.emit({ type: 'failed', problem: 'failed' });
    }
  } finally {
    db.close();
  }
}
