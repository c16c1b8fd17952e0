import type { TableReadResult } from './table-read';

/** Reads a register file in a Web Worker; the worker ends with the answer. */
export function tableReadInWorker(name: string, bytes: ArrayBuffer): Promise<TableReadResult> {
  const worker = new Worker(new URL('./table-read.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<TableReadResult>((resolve) => {
    worker.onmessage = (event: MessageEvent<TableReadResult>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      console.error('the file reader failed', event.message);
      worker.terminate();
      resolve({ ok: false, problem: 'unreadable' });
    };
    worker.postMessage({ name, bytes }, [bytes]);
  });
}
