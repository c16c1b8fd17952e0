/**
 * The messages between the import screen and its worker (import.worker.ts). The worker keeps the
 * rows it read and the cases it accepted, so that neither crosses back to the page: the page gets
 * the first rows (to recognise the header), counts, the refused rows and a preview.
 */
import type { DeadlineContext } from '@shared/calendar/deadline';
import type { ImportedCase, ImportRowResult, ImportTotalLine } from '@shared/import/check';
import type { ImportMapping } from '@shared/import/fields';
import type { ImportCell } from '@shared/import/values';
import type { IsoInstant } from '@shared/kernel/brand';
import type { DeskRules } from '@shared/rules/rules';
import type { WorkflowRefusal } from '@shared/workflow/refusals';
import type { Permission } from '@shared/access/permissions';
import type { StorageErrorCode } from '../db/errors';
import type { CasesImportResult } from '../db/repos/import';
import type { SessionDesk, SessionOperator } from '../db/session';
import type { TableReadProblem } from './table-read';

/** How many rows of the sheet's top the page gets to recognise the header. */
export const IMPORT_HEAD_ROWS = 10;
/** How many accepted rows the check's summary carries for the preview. */
export const IMPORT_PREVIEW_ROWS = 20;

export type ImportRead =
  | {
      readonly ok: true;
      readonly encoding?: string;
      /** The first `IMPORT_HEAD_ROWS` rows. */
      readonly head: readonly (readonly ImportCell[])[];
      readonly rowCount: number;
    }
  | { readonly ok: false; readonly problem: TableReadProblem };

export interface ImportCheckRequest {
  /** The desk's IndexedDB database (the worker opens its own connection to it). */
  readonly database: string;
  readonly dataStartRow: number;
  readonly mapping: ImportMapping;
  readonly rules: DeskRules;
  readonly deadlineContext: DeadlineContext;
  readonly now: IsoInstant;
  readonly operatorName: string;
}

/** What the check found, without the accepted cases themselves (the worker keeps them). */
export interface ImportCheckSummary {
  /** Rows read as cases. */
  readonly rows: number;
  readonly accepted: number;
  readonly rejected: readonly ImportRowResult[];
  readonly total?: ImportTotalLine;
  /** The first accepted rows. */
  readonly preview: readonly ImportedCase[];
  /** Handling units the import would add. */
  readonly newUnits: readonly string[];
}

export interface ImportWriteRequest {
  readonly database: string;
  readonly operator: SessionOperator;
  readonly desk: SessionDesk;
  /** The page's clock (a test may have frozen it): the import's instant. */
  readonly now: IsoInstant;
  readonly channelId: string;
  readonly fileName: string;
}

/** An error of the data layer, as it crosses to the page (rebuilt there by its kind). */
export type ImportFailure =
  | {
      readonly kind: 'storage';
      readonly code: StorageErrorCode;
      readonly message: string;
    }
  | { readonly kind: 'workflow'; readonly refusal: WorkflowRefusal }
  | { readonly kind: 'access'; readonly permission: Permission }
  | { readonly kind: 'other'; readonly message: string };

export type ToImportWorker =
  | { readonly type: 'read'; readonly name: string; readonly bytes: ArrayBuffer }
  | { readonly type: 'check'; readonly request: ImportCheckRequest }
  | { readonly type: 'write'; readonly request: ImportWriteRequest }
  | { readonly type: 'cancel' };

export type FromImportWorker =
  | { readonly type: 'read'; readonly read: ImportRead }
  | {
      readonly type: 'progress';
      readonly phase: 'check' | 'write';
      readonly done: number;
      readonly total: number;
    }
  | { readonly type: 'checked'; readonly summary: ImportCheckSummary }
  | { readonly type: 'written'; readonly result: CasesImportResult }
  | { readonly type: 'cancelled' }
  | { readonly type: 'failed'; readonly failure: ImportFailure };
