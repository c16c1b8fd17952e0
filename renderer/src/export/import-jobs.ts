/**
 * What the import worker does (import.worker.ts is only its message loop): read a register file,
 * check its rows against the desk, and write the accepted cases, telling its progress and
 * stopping on cancel. It keeps the rows and the accepted cases between the steps, so that a
 * register of 100,000 rows never crosses to the page and back.
 *
 * The worker opens its own connection to the desk's database (IndexedDB is shared between the
 * page and its workers); the write is one transaction (db/repos/import.ts), so a cancel or the
 * worker ending in the middle leaves the database as it was.
 */
import type { ImportedCase } from '@shared/import/check';
import type { ImportCell } from '@shared/import/values';
import { openDeskDatabase, type DeskDatabase } from '../db/database';
import { AccessDeniedError, StorageError, WorkflowError } from '../db/errors';
import { casesImport, importCheckOnDesk } from '../db/repos/import';
import { isRegisterStandingLine } from '../vocabulary/standing';
import type { DeskSession } from '../db/session';
import {
  IMPORT_HEAD_ROWS,
  IMPORT_PREVIEW_ROWS,
  type FromImportWorker,
  type ImportCheckRequest,
  type ImportFailure,
  type ImportWriteRequest,
  type ToImportWorker,
} from './import-protocol';
import { tableRead, type TableReadResult } from './table-read';

export interface ImportJobsDeps {
  readonly openDatabase?: (name: string) => DeskDatabase;
  readonly read?: (name: string, bytes: ArrayBuffer) => Promise<TableReadResult>;
  /** Cases per bulk write (db/repos/import.ts `IMPORT_SLICE` unless given: tests take fewer). */
  readonly slice?: number;
}

export interface ImportJobs {
  handle(message: ToImportWorker): Promise<void>;
  /** Closes the database connections the jobs opened. */
  close(): void;
}

/** An error of the data layer as the page can rebuild it. */
export function importFailureOf(error: unknown): ImportFailure {
  if (error instanceof StorageError)
    return { kind: 'storage', code: error.code, message: error.message };
  if (error instanceof WorkflowError) return { kind: 'workflow', refusal: error.refusal };
  if (error instanceof AccessDeniedError) return { kind: 'access', permission: error.permission };
  return {
    kind: 'other',
    message: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
  };
}

export function importJobsCreate(
  post: (message: FromImportWorker) => void,
  deps: ImportJobsDeps = {},
): ImportJobs {
  const open = deps.openDatabase ?? openDeskDatabase;
  const read = deps.read ?? tableRead;
  const databases = new Map<string, DeskDatabase>();
  let rows: readonly (readonly ImportCell[])[] | undefined;
  /** The cases of the last check, when it refused no row (nothing is imported otherwise). */
  let accepted: readonly ImportedCase[] | undefined;
  let writing: AbortController | undefined;

  const database = (name: string) => {
    let db = databases.get(name);
    if (!db) {
      db = open(name);
      databases.set(name, db);
    }
    return db;
  };

  const readFile = async (name: string, bytes: ArrayBuffer) => {
    rows = undefined;
    accepted = undefined;
    const result = await read(name, bytes);
    if (!result.ok) {
      post({ type: 'read', read: result });
      return;
    }
    rows = result.rows;
    post({
      type: 'read',
      read: {
        ok: true,
        ...(result.encoding ? { encoding: result.encoding } : {}),
        head: result.rows.slice(0, IMPORT_HEAD_ROWS),
        rowCount: result.rows.length,
      },
    });
  };

  const check = async (request: ImportCheckRequest) => {
    accepted = undefined;
    if (!rows) throw new Error('No register has been read');
    const { result, newUnits } = await importCheckOnDesk(
      database(request.database),
      rows,
      request.dataStartRow,
      request.mapping,
      {
        rules: request.rules,
        deadlineContext: request.deadlineContext,
        now: request.now,
        operatorName: request.operatorName,
        isStandingLine: isRegisterStandingLine,
      },
      (done, total) => post({ type: 'progress', phase: 'check', done, total }),
    );
    accepted = result.rejected.length === 0 ? result.accepted : undefined;
    post({
      type: 'checked',
      summary: {
        rows: result.rows.length,
        accepted: result.accepted.length,
        rejected: result.rejected,
        ...(result.total ? { total: result.total } : {}),
        preview: result.accepted.slice(0, IMPORT_PREVIEW_ROWS),
        newUnits,
      },
    });
  };

  const write = async (request: ImportWriteRequest) => {
    if (!accepted) throw new Error('The register has not been checked, or some rows were refused');
    const session: DeskSession = {
      db: database(request.database),
      operator: request.operator,
      desk: request.desk,
      now: () => request.now,
    };
    const controller = new AbortController();
    writing = controller;
    try {
      const result = await casesImport(
        session,
        { cases: accepted, channelId: request.channelId, fileName: request.fileName },
        {
          signal: controller.signal,
          ...(deps.slice === undefined ? {} : { slice: deps.slice }),
          onProgress: (done, total) => post({ type: 'progress', phase: 'write', done, total }),
        },
      );
      rows = undefined;
      accepted = undefined;
      post({ type: 'written', result });
    } catch (error) {
      if (controller.signal.aborted) post({ type: 'cancelled' });
      else throw error;
    } finally {
      writing = undefined;
    }
  };

  return {
    async handle(message) {
      try {
        switch (message.type) {
          case 'read':
            return await readFile(message.name, message.bytes);
          case 'check':
            return await check(message.request);
          case 'write':
            return await write(message.request);
          case 'cancel':
            // Only a write can be cancelled: the read and the check end on their own.
            writing?.abort();
            return;
        }
      } catch (error) {
        console.error('the import failed', error);
        post({ type: 'failed', failure: importFailureOf(error) });
      }
    },
    close() {
      for (const db of databases.values()) db.close();
      databases.clear();
    },
  };
}
