/**
 * The export Web Worker (DESIGN.md "Excel"): builds workbooks off the UI thread so the desk
 * never freezes, however large the register. It opens the desk's IndexedDB database itself.
 */
import { openDeskDatabase } from '../db/database';
import { exportJobRun } from './export-jobs';
import type { FromWorker, ToWorker } from './export-protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
let acknowledged: (() => void) | undefined;

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'ack') {
    acknowledged?.();
    acknowledged = undefined;
    return;
  }
  void exportJobRun(
    message.job,
    message.sink,
    {
      emit(reply) {
        // The workbook's bytes move to the UI thread rather than being copied.
        scope.postMessage(
          reply,
          reply.type === 'done' || reply.type === 'chunk' ? [reply.bytes] : [],
        );
      },
      ack: () =>
        new Promise<void>((resolve) => {
          acknowledged = resolve;
        }),
    },
    openDeskDatabase,
  );
};
