/**
 * The import's worker: reads, checks and writes a register off the UI thread (import-jobs.ts).
 * Messages are handled one after another, but a cancel is acted on at once: it only flags the
 * write under way, which stops at its next slice.
 */
import { importJobsCreate } from './import-jobs';
import type { FromImportWorker, ToImportWorker } from './import-protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToImportWorker>) => void) | null;
  postMessage(message: FromImportWorker): void;
}

const scope = self as unknown as WorkerScope;
const jobs = importJobsCreate((message) => scope.postMessage(message));
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'cancel') {
    void jobs.handle(message);
    return;
  }
  queue = queue.then(() => jobs.handle(message));
};
