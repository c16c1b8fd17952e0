/**
 * A backup part's bytes packed for the zip: deflated (raw DEFLATE, fflate), with the CRC-32 the
 * zip needs and the SHA-256 the manifest carries, both of the uncompressed bytes (hash-wasm).
 * The same packer runs in the backup's worker (part-packer.worker.ts), beside the page that
 * reads and encodes the next page of records, or in the caller's thread where there are no
 * workers (unit tests): one code path for the bytes either way.
 */
import { Deflate } from 'fflate';
import { createCRC32, createSHA256 } from 'hash-wasm';

export type DeflateLevel = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

export interface PackedEnd {
  /** The last deflated bytes. */
  readonly chunks: Uint8Array[];
  /** CRC-32 of the uncompressed bytes, unsigned. */
  readonly crc: number;
  /** Uncompressed size in bytes. */
  readonly size: number;
  /** SHA-256 of the uncompressed bytes, lower-case hex. */
  readonly sha256: string;
}

export interface PartPacker {
  /** Deflates a chunk; returns the compressed bytes ready so far (often none). */
  push(chunk: Uint8Array): Uint8Array[];
  /** Ends the part. */
  end(): PackedEnd;
}

export async function partPackerCreate(level: DeflateLevel): Promise<PartPacker> {
  const [crc, sha] = await Promise.all([createCRC32(), createSHA256()]);
  crc.init();
  sha.init();
  let out: Uint8Array[] = [];
  let size = 0;
  const deflate = new Deflate({ level }, (chunk) => {
    out.push(chunk);
  });
  const taken = () => {
    const chunks = out;
    out = [];
    return chunks;
  };
  return {
    push(chunk) {
      crc.update(chunk);
      sha.update(chunk);
      size += chunk.length;
      deflate.push(chunk);
      return taken();
    },
    end() {
      deflate.push(new Uint8Array(0), true);
      return {
        chunks: taken(),
        crc: Number.parseInt(crc.digest('hex'), 16),
        size,
        sha256: sha.digest('hex'),
      };
    },
  };
}
