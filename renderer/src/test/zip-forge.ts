/**
 * Writes zip archives for tests, including ones no honest writer makes: parts that lie about
 * their size or checksum, many parts sharing one compressed body (a zip bomb in a few KB).
 */
import { deflateSync } from 'fflate';

export interface ForgedPart {
  readonly name: string;
  /** The part's bytes (deflated here), or `deflated` with its true `size` and `crc`. */
  readonly data?: Uint8Array;
  readonly deflated?: { readonly bytes: Uint8Array; readonly size: number; readonly crc: number };
  /** Stored (0) or deflated (8, the default). */
  readonly method?: 0 | 8;
  /** What the directory says, when it should lie. */
  readonly declaredSize?: number;
  readonly declaredCrc?: number;
}

export function crc32Of(bytes: Uint8Array): number {
  let c = ~0;
  for (const byte of bytes) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return ~c >>> 0;
}

/** A deflated body of `size` zero bytes, to be shared by the parts of a bomb. */
export function zerosDeflated(size: number) {
  const zeros = new Uint8Array(size);
  return { bytes: deflateSync(zeros, { level: 9 }), size, crc: crc32Of(zeros) };
}

export function zipForge(parts: readonly ForgedPart[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const directory: Uint8Array[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = new TextEncoder().encode(part.name);
    const method = part.method ?? 8;
    const data = part.data ?? new Uint8Array(0);
    const body = part.deflated?.bytes ?? (method === 8 ? deflateSync(data) : data);
    const size = part.declaredSize ?? part.deflated?.size ?? data.length;
    const crc = part.declaredCrc ?? part.deflated?.crc ?? crc32Of(data);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(8, method, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, body.length, true);
    local.setUint32(22, size, true);
    local.setUint16(26, name.length, true);
    const central = new DataView(new ArrayBuffer(46));
    central.setUint32(0, 0x02014b50, true);
    central.setUint16(4, 20, true);
    central.setUint16(6, 20, true);
    central.setUint16(10, method, true);
    central.setUint32(16, crc, true);
    central.setUint32(20, body.length, true);
    central.setUint32(24, size, true);
    central.setUint16(28, name.length, true);
    central.setUint32(42, offset, true);
    chunks.push(new Uint8Array(local.buffer), name, body);
    directory.push(new Uint8Array(central.buffer), name);
    offset += 30 + name.length + body.length;
  }
  const directorySize = directory.reduce((sum, chunk) => sum + chunk.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, parts.length, true);
  end.setUint16(10, parts.length, true);
  end.setUint32(12, directorySize, true);
  end.setUint32(16, offset, true);
  const all = [...chunks, ...directory, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of all) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
