/**
 * SHA-256 for backups, with hash-wasm (WebAssembly): about ten times faster than a pure
 * JavaScript hash on the page's thread, and incremental, so a part is hashed as its bytes go by
 * (the browser's native `crypto.subtle.digest` takes only a whole buffer). Needs the CSP's
 * `'wasm-unsafe-eval'` (electron/security-policy.ts), which allows compiling WebAssembly only.
 */
import { createSHA256, sha256 } from 'hash-wasm';

export interface Sha256Stream {
  update(chunk: Uint8Array): void;
  /** The digest as lower-case hex; the stream is finished. */
  hex(): string;
}

/** A SHA-256 fed a chunk at a time. */
export async function sha256Stream(): Promise<Sha256Stream> {
  const hasher = await createSHA256();
  hasher.init();
  return {
    update(chunk) {
      hasher.update(chunk);
    },
    hex() {
      return hasher.digest('hex');
    },
  };
}

/** The SHA-256 of `bytes` as lower-case hex. */
export function sha256Hex(bytes: Uint8Array): Promise<string> {
  return sha256(bytes);
}
