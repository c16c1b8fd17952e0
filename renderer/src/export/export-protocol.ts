/**
 * What the screens ask of the export worker, and what it answers (DESIGN.md "Excel": exports
 * run off the UI thread with a progress bar and a cancel button).
 *
 *   UI -> worker: `start` with a job, and `ack` after each page of rows it forwarded
 *   worker -> UI: `progress`; then either `done` with the workbook's bytes, or (the register in
 *                 Electron) `layout`, pages of `rows` (the worker waits for an `ack` before the
 *                 next, so rows never pile up) and `end`; `failed` with a code if it cannot.
 *
 * Cancelling terminates the worker: nothing was saved yet, so nothing is left half written.
 */
import type { IsoDate, IsoInstant } from '@shared/kernel/brand';
import type { SheetCellValue, TableLayout } from '@shared/export/table-sheet';
import type { PeriodMode } from '@shared/stats/period';
import type { CaseViewer } from '@shared/access/mask';
import type { AuditFilter } from '../db/repos/audit';

export type ExportTable =
  'register' | 'monthly' | 'quarterly' | 'overdue' | 'followUps' | 'group' | 'audit';

interface JobBase {
  /** The desk's database (the worker opens it itself). */
  readonly dbName: string;
  /** The time of the export: "overdue" is measured against it. */
  readonly now: IsoInstant;
  readonly maskPhones: boolean;
  /**
   * Who the export is for: the signed-in session's operator, passed by the screen that starts the
   * job. Confidential cases are masked for this viewer, never for whoever the stored settings
   * last named (the worker has no session of its own).
   */
  readonly viewer: CaseViewer;
}

export type ExportJob = JobBase &
  (
    | { readonly table: 'register'; readonly first: IsoDate; readonly last: IsoDate }
    | {
        readonly table: 'monthly';
        readonly year: number;
        readonly month: number;
        readonly mode: PeriodMode;
      }
    | {
        readonly table: 'quarterly';
        readonly year: number;
        readonly quarter: number;
        readonly mode: PeriodMode;
      }
    | { readonly table: 'overdue' }
    | { readonly table: 'followUps' }
    /** The audit log under the audit page's filter, with the chain check. */
    | { readonly table: 'audit'; readonly filter: AuditFilter }
    | {
        readonly table: 'group';
        readonly files: readonly { readonly name: string; readonly bytes: ArrayBuffer }[];
      }
  );

/** Why an export could not be made; the screens word each code. */
export type ExportProblem =
  /** A file chosen for the group report is not an .xlsx workbook. */
  | 'notWorkbook'
  /** A workbook chosen for the group report is not a monthly report of this desk software. */
  | 'notMonthlyReport'
  /** A monthly report's figures could not be read (edited or damaged). */
  | 'damaged'
  | 'periodsDiffer'
  | 'sameDeskTwice'
  | 'noReports'
  /** The desk is not set up (no rules to count by). */
  | 'noDesk'
  | 'failed';

/**
 * `bytes`: a whole workbook (small tables); `stream`: pages of rows for Electron's streaming
 * writer; `chunks`: the register's .xlsx zip made in the worker a page at a time
 * (export/xlsx-zip.ts) and streamed to a file by the browser build (each chunk acknowledged).
 */
export type ExportSink = 'bytes' | 'stream' | 'chunks';

export type ToWorker =
  | { readonly type: 'start'; readonly job: ExportJob; readonly sink: ExportSink }
  | { readonly type: 'ack' };

export type FromWorker =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | {
      readonly type: 'done';
      readonly fileName: string;
      readonly bytes: ArrayBuffer;
      readonly rows: number;
      /** What the audit log records: the table and its period. */
      readonly detail: string;
    }
  | {
      readonly type: 'layout';
      readonly fileName: string;
      readonly layout: TableLayout;
      readonly total: number;
    }
  | { readonly type: 'rows'; readonly rows: SheetCellValue[][] }
  | { readonly type: 'begin'; readonly fileName: string; readonly total: number }
  | { readonly type: 'chunk'; readonly bytes: ArrayBuffer }
  | { readonly type: 'end'; readonly rows: number; readonly detail: string }
  | {
      readonly type: 'failed';
      readonly problem: ExportProblem;
      /** The file (or, for `sameDeskTwice`, the desk) the problem is about. */
      readonly file?: string;
    };

/**
 * From this many rows the browser build streams the register (`chunks`); below it the workbook
 * is made whole (about 26 MB of memory per 1,000 rows with ExcelJS) and saved in one go, which
 * also lets a small export be cancelled without a file picker having been opened. End-to-end
 * builds lower it (`VITE_EXPORT_STREAM_FROM_ROWS` in renderer/.env.e2e) so that the suite's large
 * export takes the streamed path in a real browser without importing ten thousand rows first.
 */
export const EXPORT_STREAM_FROM_ROWS = streamFromRows(
  import.meta.env?.VITE_EXPORT_STREAM_FROM_ROWS as string | undefined,
);

function streamFromRows(value: string | undefined): number {
  const rows = Number(value);
  return value !== undefined && Number.isInteger(rows) && rows > 0 ? rows : 10_000;
}

/** Rows per page of the register (per worker message, per IPC call in Electron). */
export const EXPORT_PAGE_ROWS = 1000;

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
