/**
 * The streaming register export (DESIGN.md "Excel"): ExcelJS's streaming writer exists only in
 * its Node build, so large registers are written here, in the main process, from the pages of
 * rows the renderer sends. Rows go straight to a temporary file (memory stays flat whatever the
 * size); `finish` asks where to save and moves the file there; `cancel` removes it. The sheet
 * comes from the same layout and writer functions as the browser's in-memory workbook
 * (shared/export/table-sheet.ts), so both give the same sheet.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type {
  ExportBeginRequest,
  ExportBeginResult,
  ExportRowsResult,
  SaveFileResult,
} from '@shared/platform/bridge';
import {
  tableSheetEnd,
  tableSheetOptions,
  tableSheetRow,
  tableSheetStart,
  type SheetCellValue,
  type TableLayout,
} from '@shared/export/table-sheet';
import { writeFileAtomic } from './atomic-write';
import type { BridgeDeps, SenderContents } from './deps';
import { bridgeFailure, writeFailureReason, type BridgeFailure } from './failure';
import { dialogSafeFileName, saveFiltersFor } from './save-file';

interface Session {
  readonly senderId: number;
  readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  readonly sheet: ExcelJS.Worksheet;
  readonly layout: TableLayout;
  readonly temporary: string;
  readonly suggestedName: string;
  rows: number;
  idle?: ReturnType<typeof setTimeout>;
}

/** A session that receives nothing for this long was abandoned (window closed, renderer gone). */
export const EXPORT_IDLE_MS = 10 * 60_000;

export interface ExportStreamDeps extends Pick<
  BridgeDeps,
  'showSaveDialog' | 'documentsDir' | 'fs' | 'locale' | 'log'
> {
  /** Where the workbook is written while rows arrive (default: the system's temporary folder). */
  readonly tempDir?: () => string;
  readonly idleMs?: number;
}

/** The streaming export sessions of the desk's windows, one at a time per window. */
export function createExportStreamService(deps: ExportStreamDeps) {
  const sessions = new Map<string, Session>();

  async function close(token: string, session: Session): Promise<void> {
    sessions.delete(token);
    clearTimeout(session.idle);
    // Commit closes the zip and the file, so it can be removed (Windows keeps open files).
    await session.workbook.commit().catch(() => undefined);
    await rm(session.temporary, { force: true }).catch(() => undefined);
  }

  function sessionOf(sender: SenderContents, token: string): Session | undefined {
    const session = sessions.get(token);
    return session && session.senderId === sender.id ? session : undefined;
  }

  /** (Re)starts the session's idle timer: an abandoned export must not leave its file behind. */
  function keepAlive(token: string, session: Session): void {
    clearTimeout(session.idle);
    session.idle = setTimeout(() => {
      deps.log(
        `export ${token.slice(0, 8)}: no rows for ${deps.idleMs ?? EXPORT_IDLE_MS} ms, dropped`,
      );
      void close(token, session);
    }, deps.idleMs ?? EXPORT_IDLE_MS);
    // Never keeps the process alive on its own.
    session.idle.unref?.();
  }

  /** Moves the finished file to where the clerk chose: a rename, or a copy across disks. */
  async function moveTo(temporary: string, target: string): Promise<void> {
    try {
      await rename(temporary, target);
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'EXDEV') throw error;
      // The temporary folder is on another disk: write the bytes next to the target, atomically.
      await writeFileAtomic(deps.fs, target, await readFile(temporary));
      await rm(temporary, { force: true });
    }
  }

  return {
    async begin(sender: SenderContents, request: ExportBeginRequest): Promise<ExportBeginResult> {
      for (const [token, session] of sessions) {
        // A window starts one export at a time: a new one means the last was abandoned.
        if (session.senderId === sender.id) await close(token, session);
      }
      const token = randomBytes(16).toString('hex');
      const temporary = path.join((deps.tempDir ?? tmpdir)(), `desk-export-${token}.xlsx`);
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
        filename: temporary,
        useStyles: true,
        useSharedStrings: false,
      });
      const sheet = workbook.addWorksheet(
        request.layout.sheetName,
        tableSheetOptions(request.layout) as Partial<ExcelJS.AddWorksheetOptions>,
      );
      tableSheetStart(sheet, request.layout);
      const session: Session = {
        senderId: sender.id,
        workbook,
        sheet,
        layout: request.layout,
        temporary,
        suggestedName: request.suggestedName,
        rows: 0,
      };
      sessions.set(token, session);
      keepAlive(token, session);
      return { status: 'started', token };
    },

    async rows(
      sender: SenderContents,
      token: string,
      rows: readonly (readonly SheetCellValue[])[],
    ): Promise<ExportRowsResult> {
      const session = sessionOf(sender, token);
      if (!session) return bridgeFailure('invalid-request');
      keepAlive(token, session);
      for (const row of rows) tableSheetRow(session.sheet, session.layout, row);
      session.rows += rows.length;
      return { status: 'written' };
    },

    async finish(
      sender: SenderContents,
      token: string,
      count: number,
    ): Promise<SaveFileResult | BridgeFailure> {
      const session = sessionOf(sender, token);
      if (!session) return bridgeFailure('invalid-request');
      if (count !== session.rows) {
        deps.log(`exportFinish: ${count} rows announced, ${session.rows} received`);
        await close(token, session);
        return bridgeFailure('invalid-request');
      }
      sessions.delete(token);
      clearTimeout(session.idle);
      try {
        tableSheetEnd(session.sheet, session.layout, session.rows);
        session.sheet.commit();
        await session.workbook.commit();
      } catch (error) {
        deps.log(`exportFinish: writing ${session.temporary} failed`, error);
        await rm(session.temporary, { force: true }).catch(() => undefined);
        return bridgeFailure(writeFailureReason(error));
      }
      const choice = await deps.showSaveDialog(sender, {
        defaultPath: path.join(deps.documentsDir(), dialogSafeFileName(session.suggestedName)),
        filters: saveFiltersFor(session.suggestedName, deps.locale),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (choice.canceled || !choice.filePath) {
        await rm(session.temporary, { force: true });
        return { status: 'cancelled' };
      }
      try {
        await moveTo(session.temporary, choice.filePath);
      } catch (error) {
        deps.log(`exportFinish: moving to ${choice.filePath} failed`, error);
        await rm(session.temporary, { force: true }).catch(() => undefined);
        return bridgeFailure(writeFailureReason(error));
      }
      return { status: 'saved', path: choice.filePath };
    },

    async cancel(sender: SenderContents, token: string): Promise<void> {
      const session = sessionOf(sender, token);
      if (session) await close(token, session);
    },

    /** Sessions still open (for tests and for closing windows). */
    openCount: () => sessions.size,
  };
}

export type ExportStreamService = ReturnType<typeof createExportStreamService>;
