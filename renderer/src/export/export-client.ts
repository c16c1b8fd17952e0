/**
 * The UI thread's side of an export: starts the worker, follows its progress, saves the result
 * through the desktop bridge (a save dialog in Electron, a download in the browser) and cancels
 * by terminating the worker. In Electron the register streams: the worker's pages of rows go to
 * the main process's streaming writer, which writes a temporary file and moves it where the
 * clerk chooses (DESIGN.md "Excel").
 */
import type { BridgeFailureReason, DeskBridge, FileStreamBridge } from '@shared/platform/bridge';
import {
  XLSX_MIME,
  type ExportJob,
  type ExportProblem,
  type FromWorker,
  type ToWorker,
} from './export-protocol';

export type ExportOutcome =
  | {
      readonly status: 'saved';
      readonly path: string;
      readonly rows: number;
      readonly detail: string;
    }
  | { readonly status: 'cancelled' }
  | { readonly status: 'failed'; readonly problem: ExportProblem; readonly file?: string }
  | { readonly status: 'saveFailed'; readonly reason: BridgeFailureReason };

export interface ExportRun {
  readonly outcome: Promise<ExportOutcome>;
  cancel(): void;
}

export interface ExportDeps {
  readonly bridge: Pick<DeskBridge, 'saveFile'> & Partial<StreamingBridge>;
  readonly onProgress: (done: number, total: number) => void;
  /** Whether to stream the register through the bridge (Electron). */
  readonly streaming: boolean;
  /**
   * Where the browser build streams the register's .xlsx as the worker makes it (a picked file
   * or a download, as backups are); without it the register is built whole.
   */
  readonly fileStream?: FileStreamBridge;
  readonly createWorker?: () => Worker;
}

/** The bridge methods of the streaming register export (Electron only). */
export interface StreamingBridge {
  exportBegin: DeskBridge['exportBegin'];
  exportRows: DeskBridge['exportRows'];
  exportFinish: DeskBridge['exportFinish'];
  exportCancel: DeskBridge['exportCancel'];
}

function workerCreate(): Worker {
  return new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module' });
}

/** Starts an export; `outcome` settles once the file is saved, refused, failed or cancelled. */
export function exportRun(job: ExportJob, deps: ExportDeps): ExportRun {
  const worker = (deps.createWorker ?? workerCreate)();
  const stream = deps.streaming ? deps.bridge : undefined;
  let settle: (outcome: ExportOutcome) => void = () => undefined;
  let settled = false;
  let token: string | undefined;
  let fileToken: string | undefined;
  const files = stream?.exportBegin ? undefined : deps.fileStream;
  const outcome = new Promise<ExportOutcome>((resolve) => {
    settle = (value) => {
      if (settled) return;
      settled = true;
      worker.terminate();
      resolve(value);
    };
  });
  const post = (message: ToWorker) => worker.postMessage(message);

  const handle = async (message: FromWorker): Promise<void> => {
    switch (message.type) {
      case 'progress':
        deps.onProgress(message.done, message.total);
        return;
      case 'failed':
        settle({ status: 'failed', problem: message.problem, file: message.file });
        return;
      case 'done': {
        const saved = await deps.bridge.saveFile({
          suggestedName: message.fileName,
          mimeType: XLSX_MIME,
          data: new Uint8Array(message.bytes),
        });
        if (saved.status === 'saved') {
          settle({ status: 'saved', path: saved.path, rows: message.rows, detail: message.detail });
        } else if (saved.status === 'cancelled') settle({ status: 'cancelled' });
        else settle({ status: 'saveFailed', reason: saved.reason });
        return;
      }
      case 'layout': {
        if (!stream?.exportBegin) throw new Error('The worker streamed without a streaming bridge');
        const begun = await stream.exportBegin({
          suggestedName: message.fileName,
          layout: message.layout,
        });
        if (begun.status === 'failed') settle({ status: 'saveFailed', reason: begun.reason });
        else token = begun.token;
        return;
      }
      case 'rows': {
        if (token === undefined || !stream?.exportRows) return;
        const written = await stream.exportRows(token, message.rows);
        if (written.status === 'failed') settle({ status: 'saveFailed', reason: written.reason });
        else post({ type: 'ack' });
        return;
      }
      case 'begin': {
        if (!files) throw new Error('The worker sent chunks without a file stream');
        const begun = await files.fileStreamBegin({
          suggestedName: message.fileName,
          mimeType: XLSX_MIME,
        });
        if (begun.status === 'started') fileToken = begun.token;
        else if (begun.status === 'cancelled') settle({ status: 'cancelled' });
        else settle({ status: 'saveFailed', reason: begun.reason });
        return;
      }
      case 'chunk': {
        if (fileToken === undefined || !files) return;
        const written = await files.fileStreamWrite(fileToken, new Uint8Array(message.bytes));
        if (written.status === 'failed') {
          void files.fileStreamCancel(fileToken);
          fileToken = undefined;
          settle({ status: 'saveFailed', reason: written.reason });
        } else post({ type: 'ack' });
        return;
      }
      case 'end': {
        if (fileToken !== undefined && files) {
          const saved = await files.fileStreamFinish(fileToken);
          fileToken = undefined;
          if (saved.status === 'saved') {
            settle({
              status: 'saved',
              path: saved.path,
              rows: message.rows,
              detail: message.detail,
            });
          } else if (saved.status === 'cancelled') settle({ status: 'cancelled' });
          else settle({ status: 'saveFailed', reason: saved.reason });
          return;
        }
        if (token === undefined || !stream?.exportFinish) return;
        const saved = await stream.exportFinish(token, message.rows);
        token = undefined;
        if (saved.status === 'saved') {
          settle({ status: 'saved', path: saved.path, rows: message.rows, detail: message.detail });
        } else if (saved.status === 'cancelled') settle({ status: 'cancelled' });
        else settle({ status: 'saveFailed', reason: saved.reason });
        return;
      }
    }
  };

  // Messages are handled one after another: a page is forwarded before the next arrives.
  let queue = Promise.resolve();
  worker.onmessage = (event: MessageEvent<FromWorker>) => {
    queue = queue
      .then(() => (settled ? undefined : handle(event.data)))
      .catch((error: unknown) => {
        console.error('export failed', error);
        settle({ status: 'failed', problem: 'failed' });
      });
  };
  worker.onerror = (event) => {
    console.error('export worker failed', event.message);
    settle({ status: 'failed', problem: 'failed' });
  };
  post({
    type: 'start',
    job,
    sink:
      job.table !== 'register'
        ? 'bytes'
        : stream?.exportBegin
          ? 'stream'
          : files
            ? 'chunks'
            : 'bytes',
  });

  return {
    outcome,
    cancel() {
      if (token !== undefined) void stream?.exportCancel?.(token);
      token = undefined;
      if (fileToken !== undefined) void files?.fileStreamCancel(fileToken);
      fileToken = undefined;
      settle({ status: 'cancelled' });
    },
  };
}
