/**
 * The page's side of the import worker (import.worker.ts): one worker per register chosen,
 * holding its rows; each step answers by a promise, with progress on the way.
 */
import { AccessDeniedError, StorageError, WorkflowError } from '../db/errors';
import type { CasesImportResult } from '../db/repos/import';
import type {
  FromImportWorker,
  ImportCheckRequest,
  ImportCheckSummary,
  ImportFailure,
  ImportRead,
  ImportWriteRequest,
  ToImportWorker,
} from './import-protocol';

export type ImportProgressListener = (done: number, total: number) => void;

export interface ImportWorkerClient {
  /** Reads the file; the worker keeps its rows. The bytes are handed over (transferred). */
  read(name: string, bytes: ArrayBuffer): Promise<ImportRead>;
  /** Checks the rows read against the desk; the worker keeps the accepted cases. */
  check(
    request: ImportCheckRequest,
    onProgress: ImportProgressListener,
  ): Promise<ImportCheckSummary>;
  /** Writes the accepted cases; `cancelled` once a cancel has rolled the write back. */
  write(
    request: ImportWriteRequest,
    onProgress: ImportProgressListener,
  ): Promise<CasesImportResult | 'cancelled'>;
  /** Stops the write under way: nothing of it stays. */
  cancel(): void;
  /** Ends the worker; a write under way is finished first (it is one transaction anyway). */
  close(): void;
}

/** The data layer's error again, so the page words it as any other (useErrorMessage). */
export function importErrorOf(failure: ImportFailure): Error {
  switch (failure.kind) {
    case 'storage':
      return new StorageError(failure.code, { message: failure.message });
    case 'workflow':
      return new WorkflowError(failure.refusal);
    case 'access':
      return new AccessDeniedError(failure.permission);
    case 'other':
      return new Error(failure.message);
  }
}

function workerCreate(): Worker {
  return new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
}

interface Pending {
  readonly settle: (message: FromImportWorker) => void;
  readonly fail: (error: Error) => void;
  readonly onProgress?: ImportProgressListener;
}

export function importWorkerStart(createWorker: () => Worker = workerCreate): ImportWorkerClient {
  const worker = createWorker();
  let pending: Pending | undefined;
  let closing = false;

  const end = () => {
    if (closing && !pending) worker.terminate();
  };

  worker.onmessage = (event: MessageEvent<FromImportWorker>) => {
    const message = event.data;
    const current = pending;
    if (!current) return;
    if (message.type === 'progress') {
      current.onProgress?.(message.done, message.total);
      return;
    }
    pending = undefined;
    if (message.type === 'failed') current.fail(importErrorOf(message.failure));
    else current.settle(message);
    end();
  };
  worker.onerror = (event) => {
    console.error('the import worker failed', event.message);
    const current = pending;
    pending = undefined;
    current?.fail(new Error(`The import worker failed: ${event.message}`));
    end();
  };

  const ask = <T>(
    message: ToImportWorker,
    answer: (reply: FromImportWorker) => T,
    onProgress?: ImportProgressListener,
    transfer: Transferable[] = [],
  ): Promise<T> => {
    if (pending) return Promise.reject(new Error('The import is busy with another step'));
    if (closing) return Promise.reject(new Error('The import has ended'));
    return new Promise<T>((resolve, reject) => {
      pending = {
        settle: (reply) => {
          try {
            resolve(answer(reply));
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        },
        fail: reject,
        ...(onProgress ? { onProgress } : {}),
      };
      worker.postMessage(message, transfer);
    });
  };

  const unexpected = (reply: FromImportWorker): never => {
    throw new Error(`Unexpected answer of the import worker: ${reply.type}`);
  };

  return {
    read: (name, bytes) =>
      ask(
        { type: 'read', name, bytes },
        (reply) => (reply.type === 'read' ? reply.read : unexpected(reply)),
        undefined,
        [bytes],
      ),
    check: (request, onProgress) =>
      ask(
        { type: 'check', request },
        (reply) => (reply.type === 'checked' ? reply.summary : unexpected(reply)),
        onProgress,
      ),
    write: (request, onProgress) =>
      ask(
        { type: 'write', request },
        (reply) =>
          reply.type === 'written'
            ? reply.result
            : reply.type === 'cancelled'
              ? ('cancelled' as const)
              : unexpected(reply),
        onProgress,
      ),
    cancel: () => worker.postMessage({ type: 'cancel' } satisfies ToImportWorker),
    close: () => {
      closing = true;
      end();
    },
  };
}
