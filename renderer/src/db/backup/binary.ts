/**
 * Binary values in a backup: every Blob, ArrayBuffer or Uint8Array in a record (attachments and
 * their chunks) goes into the zip as a file named by the SHA-256 of its bytes, and the record's
 * line holds `{ "$file": <sha256>, "$as": "blob" | "buffer" | "bytes", "$type"?: <mime> }` in its
 * place (docs/backup-format.md). The same photo stored twice is written once.
 */
import { sha256Hex } from './hash';

export interface FileRef {
  readonly $file: string;
  readonly $as: 'blob' | 'buffer' | 'bytes';
  readonly $type?: string;
}

export function isFileRef(value: unknown): value is FileRef {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { $file?: unknown }).$file === 'string' &&
    ['blob', 'buffer', 'bytes'].includes(String((value as { $as?: unknown }).$as))
  );
}

function isBinary(value: unknown): value is Blob | ArrayBuffer | Uint8Array {
  return (
    value instanceof Uint8Array ||
    value instanceof ArrayBuffer ||
    (typeof Blob !== 'undefined' && value instanceof Blob)
  );
}

/** Whether a record holds any binary value (most do not: then it is serialised as is). */
export function hasBinary(value: unknown): boolean {
  if (isBinary(value)) return true;
  if (Array.isArray(value)) return value.some(hasBinary);
  if (typeof value === 'object' && value !== null) return Object.values(value).some(hasBinary);
  return false;
}

/**
 * The record with its binary values replaced by references, and those values' bytes by hash.
 * `withBytes: false` hashes without keeping the bytes (the table pass of the writer).
 */
export async function recordEncode(
  record: unknown,
  onFile: (hash: string, bytes: Uint8Array) => void | Promise<void>,
): Promise<unknown> {
  if (!hasBinary(record)) return record;
  const walk = async (value: unknown): Promise<unknown> => {
    if (isBinary(value)) {
      const bytes =
        value instanceof Uint8Array
          ? value
          : value instanceof ArrayBuffer
            ? new Uint8Array(value)
            : new Uint8Array(await value.arrayBuffer());
      const hash = await sha256Hex(bytes);
      await onFile(hash, bytes);
      const ref: FileRef = {
        $file: hash,
        $as:
          value instanceof Uint8Array ? 'bytes' : value instanceof ArrayBuffer ? 'buffer' : 'blob',
        ...(value instanceof Blob && value.type ? { $type: value.type } : {}),
      };
      return ref;
    }
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      for (const item of value) out.push(await walk(item));
      return out;
    }
    if (typeof value === 'object' && value !== null) {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) out[key] = await walk(item);
      return out;
    }
    return value;
  };
  return walk(record);
}

/** Every file a decoded line refers to. */
export function recordFileRefs(value: unknown, into: (ref: FileRef) => void): void {
  if (isFileRef(value)) {
    into(value);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) recordFileRefs(item, into);
  } else if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) recordFileRefs(item, into);
  }
}

/** The record with its references replaced by the values they stand for. */
export async function recordDecode(
  value: unknown,
  fileBytes: (hash: string) => Promise<Uint8Array>,
): Promise<unknown> {
  if (isFileRef(value)) {
    const bytes = await fileBytes(value.$file);
    if (value.$as === 'bytes') return bytes;
    if (value.$as === 'buffer') return bytes.slice().buffer;
    return new Blob([bytes.slice().buffer], value.$type ? { type: value.$type } : {});
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) out.push(await recordDecode(item, fileBytes));
    return out;
  }
  if (typeof value === 'object' && value !== null) {
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const decoded = await recordDecode(item, fileBytes);
      if (decoded !== item) changed = true;
      out[key] = decoded;
    }
    return changed ? out : value;
  }
  return value;
}
