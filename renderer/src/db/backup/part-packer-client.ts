/**
 * The backup writer's side of part packing (part-packer.ts): in the packing worker where the
 * platform has workers, so that deflating and hashing one page run on the other core while the
 * next page is read and encoded; in this thread otherwise (unit tests). Requests are answered in
 * the order they were made.
 */
import type { AsyncFlateStreamHandler, ZipInputFile } from 'fflate';
import {
  partPackerCreate,
  type DeflateLevel,
  type PackedEnd,
  type PartPacker,
} from './part-packer';

export type PackerToWorker =
  | { readonly type: 'begin'; readonly level: DeflateLevel }
  | { readonly type: 'push'; readonly chunk: Uint8Array }
  | { readonly type: 'end' };

export type PackerFromWorker =
  | { readonly type: 'begun' }
  | { readonly type: 'data'; readonly chunks: Uint8Array[] }
  | { readonly type: 'ended'; readonly end: PackedEnd }
  | { readonly type: 'failed'; readonly message: string };

/** Packs one part at a time: begin, push..., end. */
export interface PartPackers {
  begin(level: DeflateLevel): Promise<void>;
  /** The chunk is handed over (it may be transferred to the worker): do not use it again. */
  push(chunk: Uint8Array): Promise<Uint8Array[]>;
  end(): Promise<PackedEnd>;
  close(): void;
}

function packersHere(): PartPackers {
  let packer: PartPacker | undefined;
  const current = (): PartPacker => {
    if (!packer) throw new Error('backup: a part was not begun');
    return packer;
  };
  return {
    async begin(level) {
      packer = await partPackerCreate(level);
    },
    async push(chunk) {
      return current().push(chunk);
    },
    async end() {
      const end = current().end();
      packer = undefined;
      return end;
    },
    close() {
      packer = undefined;
    },
  };
}

function packersInWorker(worker: Worker): PartPackers {
  const waiting: {
    readonly resolve: (message: PackerFromWorker) => void;
    readonly reject: (error: Error) => void;
  }[] = [];
  let broken: Error | undefined;
  const fail = (error: Error) => {
    broken = error;
    for (const one of waiting.splice(0)) one.reject(error);
  };
  worker.onmessage = (event: MessageEvent<PackerFromWorker>) => {
    const next = waiting.shift();
    if (!next) return;
    if (event.data.type === 'failed') next.reject(new Error(`backup: ${event.data.message}`));
    else next.resolve(event.data);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    fail(new Error(`backup: the packing worker failed: ${event.message}`));
  };
  const ask = (message: PackerToWorker, transfer: Transferable[] = []) =>
    new Promise<PackerFromWorker>((resolve, reject) => {
      if (broken) {
        reject(broken);
        return;
      }
      waiting.push({ resolve, reject });
      worker.postMessage(message, transfer);
    });
  return {
    async begin(level) {
      await ask({ type: 'begin', level });
    },
    async push(chunk) {
      // Moved, not copied, when the chunk is its whole buffer (an encoded page always is).
      const whole = chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength;
      const answer = await ask({ type: 'push', chunk }, whole ? [chunk.buffer as ArrayBuffer] : []);
      if (answer.type !== 'data') throw new Error(`backup: the packing worker said ${answer.type}`);
      return answer.chunks;
    },
    async end() {
      const answer = await ask({ type: 'end' });
      if (answer.type !== 'ended')
        throw new Error(`backup: the packing worker said ${answer.type}`);
      return answer.end;
    },
    close() {
      worker.terminate();
      fail(new Error('backup: the packing worker was closed'));
    },
  };
}

/** Packers in a worker where there are workers, else in this thread. */
export function partPackersStart(): PartPackers {
  if (typeof Worker === 'undefined') return packersHere();
  return packersInWorker(
    new Worker(new URL('./part-packer.worker.ts', import.meta.url), { type: 'module' }),
  );
}

/** Bits 1 and 2 of the zip's general purpose flag for a deflate level (as fflate's ZipDeflate). */
function levelFlag(level: DeflateLevel): number {
  return level === 1 ? 3 : level < 6 ? 2 : level === 9 ? 1 : 0;
}

/**
 * A deflated zip entry whose bytes are packed by `packers` (fflate's Zip takes any object of this
 * shape): `push` the part's bytes, then `end`, which gives the SHA-256 of what was pushed.
 */
export class PackedZipEntry implements ZipInputFile {
  readonly compression = 8;
  readonly flag: number;
  size = 0;
  crc = 0;
  ondata?: AsyncFlateStreamHandler;

  private constructor(
    readonly filename: string,
    private readonly packers: PartPackers,
    level: DeflateLevel,
  ) {
    this.flag = levelFlag(level);
  }

  static async begin(
    filename: string,
    packers: PartPackers,
    level: DeflateLevel,
  ): Promise<PackedZipEntry> {
    await packers.begin(level);
    return new PackedZipEntry(filename, packers, level);
  }

  private emit(chunk: Uint8Array, final: boolean): void {
    if (!this.ondata) throw new Error('backup: a zip entry pushed before it was added');
    // Deflated bytes are always in a plain ArrayBuffer (fflate's, or one moved from the worker).
    this.ondata(null, chunk as Uint8Array<ArrayBuffer>, final);
  }

  async push(chunk: Uint8Array): Promise<void> {
    for (const out of await this.packers.push(chunk)) this.emit(out, false);
  }

  /** Ends the entry; resolves with the SHA-256 (hex) of its uncompressed bytes. */
  async end(): Promise<string> {
    const end = await this.packers.end();
    // The zip writes the data descriptor from these when the final chunk arrives.
    this.crc = end.crc;
    this.size = end.size;
    const last = end.chunks.pop() ?? new Uint8Array(0);
    for (const out of end.chunks) this.emit(out, false);
    this.emit(last, true);
    return end.sha256;
  }
}
