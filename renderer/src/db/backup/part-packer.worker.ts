/**
 * The backup's packing worker: deflates and hashes each part's bytes (part-packer.ts) on the
 * other core while the page reads and encodes the next page of records. One part at a time; each
 * message is answered in order.
 */
import { partPackerCreate, type PartPacker } from './part-packer';
import type { PackerFromWorker, PackerToWorker } from './part-packer-client';

interface WorkerScope {
  onmessage: ((event: MessageEvent<PackerToWorker>) => void) | null;
  postMessage(message: PackerFromWorker, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
let packer: Promise<PartPacker> | undefined;
// Messages are handled one after another: a part's begin (async) finishes before its pushes.
let turn: Promise<void> = Promise.resolve();

/** Chunks that each own their whole buffer (copied where not), and those buffers to move. */
function owned(chunks: readonly Uint8Array[]): { chunks: Uint8Array[]; buffers: Transferable[] } {
  const mine = chunks.map((chunk) =>
    chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength ? chunk : chunk.slice(),
  );
  return { chunks: mine, buffers: [...new Set(mine.map((chunk) => chunk.buffer as ArrayBuffer))] };
}

async function handle(message: PackerToWorker): Promise<void> {
  try {
    switch (message.type) {
      case 'begin':
        packer = partPackerCreate(message.level);
        await packer;
        scope.postMessage({ type: 'begun' });
        return;
      case 'push': {
        if (!packer) throw new Error('a push before the part began');
        const { chunks, buffers } = owned((await packer).push(message.chunk));
        scope.postMessage({ type: 'data', chunks }, buffers);
        return;
      }
      case 'end': {
        if (!packer) throw new Error('an end before the part began');
        const end = (await packer).end();
        packer = undefined;
        const { chunks, buffers } = owned(end.chunks);
        scope.postMessage({ type: 'ended', end: { ...end, chunks } }, buffers);
        return;
      }
    }
  } catch (error) {
    scope.postMessage({
      type: 'failed',
      message: error instanceof Error ? error.message : String(error),
    });
  }
}

scope.onmessage = (event) => {
  turn = turn.then(() => handle(event.data));
};
