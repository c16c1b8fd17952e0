/**
 * Reads a register file for import off the UI thread: a large .xlsx takes seconds to unzip and
 * parse, and the desk must stay usable meanwhile.
 */
import { tableRead, type TableReadResult } from './table-read';

interface WorkerScope {
  onmessage:
    ((event: MessageEvent<{ readonly name: string; readonly bytes: ArrayBuffer }>) => void) | null;
  postMessage(message: TableReadResult): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  void tableRead(event.data.name, event.data.bytes).then(
    (result) => scope.postMessage(result),
    (error: unknown) => {
      console.error('reading the file failed', error);
      scope.postMessage({ ok: false, problem: 'unreadable' });
    },
  );
};
