/**
 * Checking a zip (an .xlsx, a backup) before a library unpacks it whole: a zip bomb, a damaged
 * or truncated archive, a part whose checksum or size lies. The central directory is read as the
 * libraries read it (ExcelJS through JSZip), and every part it names is inflated here in small
 * steps, counting bytes against a limit and computing its CRC-32, so that nothing is ever held
 * in memory beyond one step. An archive of overlapping parts (the "better zip bomb") is caught
 * too: each part is inflated and counted where the directory says it is.
 */
import { Inflate } from 'fflate';

export interface ZipLimits {
  /** What all parts together may unpack to. */
  readonly inflatedBytes: number;
  /** How many parts the archive may have. */
  readonly entries: number;
}

export type ZipProblem = 'unreadable' | 'tooLarge';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Compressed bytes pushed per step: deflate expands at most ~1032:1, so ~8 MB out per step. */
const STEP = 8 * 1024;

let crcTable: Uint32Array | undefined;
function crc32(crc: number, bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = ~crc;
  for (let i = 0; i < bytes.length; i++)
    c = (crcTable[(c ^ (bytes[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  return ~c >>> 0;
}

interface Entry {
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

class Damaged extends Error {}
class TooLarge extends Error {}

function entriesOf(bytes: Uint8Array, view: DataView, limits: ZipLimits): Entry[] {
  // The end-of-directory record is in the last 22 + 65,535 bytes (its comment is at most that).
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Damaged('no end of directory');
  const count = view.getUint16(eocd + 10, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || directoryOffset === 0xffffffff) throw new TooLarge('zip64');
  if (count > limits.entries) throw new TooLarge('too many parts');
  const entries: Entry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL)
      throw new Damaged('directory');
    entries.push({
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at +=
      46 +
      view.getUint16(at + 28, true) +
      view.getUint16(at + 30, true) +
      view.getUint16(at + 32, true);
  }
  return entries;
}

/** Undefined when the archive is whole and within the limits; else what is wrong with it. */
export function zipCheck(bytes: Uint8Array, limits: ZipLimits): ZipProblem | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    if (bytes.length < 22) throw new Damaged('too short');
    const entries = entriesOf(bytes, view, limits);
    if (entries.length === 0) throw new Damaged('empty');
    let total = 0;
    for (const entry of entries) {
      // Declared sizes first: a bomb that says what it is costs nothing to refuse.
      total += entry.size;
      if (total > limits.inflatedBytes) throw new TooLarge('declared');
    }
    total = 0;
    for (const entry of entries) {
      const at = entry.localOffset;
      if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw new Damaged('local');
      const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
      const end = start + entry.compressedSize;
      if (end > bytes.length) throw new Damaged('truncated');
      let crc = 0;
      let size = 0;
      const take = (chunk: Uint8Array) => {
        size += chunk.length;
        total += chunk.length;
        if (total > limits.inflatedBytes) throw new TooLarge('inflated');
        if (size > entry.size) throw new Damaged('size lies');
        crc = crc32(crc, chunk);
      };
      if (entry.method === 0) {
        take(bytes.subarray(start, end));
      } else if (entry.method === 8) {
        let ended = false;
        const inflate = new Inflate((chunk, final) => {
          take(chunk);
          if (final) ended = true;
        });
        for (let p = start; p < end; p += STEP) {
          inflate.push(bytes.subarray(p, Math.min(end, p + STEP)), p + STEP >= end);
        }
        if (!ended && entry.compressedSize === 0) inflate.push(new Uint8Array(0), true);
      } else {
        throw new Damaged('compression method');
      }
      if (size !== entry.size || crc !== entry.crc) throw new Damaged('checksum lies');
    }
    return undefined;
  } catch (error) {
    if (error instanceof TooLarge) return 'tooLarge';
    // A Damaged, or fflate's own error on an invalid deflate stream.
    return 'unreadable';
  }
}
