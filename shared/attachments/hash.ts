/**
 * The content hash that keys a stored file: SHA-256 of its bytes in lower-case hex, computed
 * piece by piece (@noble/hashes' incremental hasher), so a large file is hashed as it is read
 * and the same photo added twice is stored once.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

export type ContentHash = string;

/** An incremental hasher: `update` with each piece in order, then `digest` once. */
export interface ContentHasher {
  update(piece: Uint8Array): void;
  digest(): ContentHash;
}

export function contentHasher(): ContentHasher {
  const hash = sha256.create();
  return {
    update: (piece) => {
      hash.update(piece);
    },
    digest: () => bytesToHex(hash.digest()),
  };
}

/** The hash of bytes given in one or more pieces. */
export function contentHash(pieces: Uint8Array | Iterable<Uint8Array>): ContentHash {
  const hasher = contentHasher();
  if (pieces instanceof Uint8Array) hasher.update(pieces);
  else for (const piece of pieces) hasher.update(piece);
  return hasher.digest();
}

/** Whether a string looks like a content hash (for keys read back from storage or a URL). */
export function isContentHash(text: string): text is ContentHash {
  return /^[0-9a-f]{64}$/.test(text);
}
