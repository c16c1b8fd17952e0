/**
 * Reading a zip's central directory (APPNOTE 4.3.12-16) from its last bytes, so a reader can find
 * every part of a backup without reading the parts, and read the manifest first. Pure: bytes in,
 * entries out. Zip64 is not read (fflate writes none): a backup whose parts exceed 4 GiB is
 * refused as damaged rather than misread.
 */
import { strFromU8 } from 'fflate';

export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly size: number;
  /** Offset of the entry's local header. */
  readonly headerOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
export const LOCAL_SIGNATURE = 0x04034b50;
/** End of central directory (22 bytes) plus the longest comment. */
export const ZIP_TAIL_LENGTH = 22 + 0xffff;

/** Where the central directory is, from the file's tail (at most ZIP_TAIL_LENGTH bytes). */
export function zipFindDirectory(
  tail: Uint8Array,
  fileSize: number,
): { offset: number; size: number; entries: number } | string {
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  for (let i = tail.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) !== EOCD_SIGNATURE) continue;
    const entries = view.getUint16(i + 10, true);
    const size = view.getUint32(i + 12, true);
    const offset = view.getUint32(i + 16, true);
    if (entries === 0xffff || size === 0xffffffff || offset === 0xffffffff) return 'zip64';
    if (offset + size > fileSize) return 'directory beyond the end of the file';
    return { offset, size, entries };
  }
  return 'no end of central directory';
}

/** The entries of a central directory's bytes. */
export function zipReadDirectory(bytes: Uint8Array, expected: number): ZipEntry[] | string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries: ZipEntry[] = [];
  let at = 0;
  while (at + 46 <= bytes.length) {
    if (view.getUint32(at, true) !== CENTRAL_SIGNATURE) return `bad central header at ${at}`;
    const method = view.getUint16(at + 10, true);
    const crc32 = view.getUint32(at + 16, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const headerOffset = view.getUint32(at + 42, true);
    if (at + 46 + nameLength > bytes.length) return 'truncated central directory';
    // Names are checked against the parts a backup may hold (format.ts), so a name that is not
    // valid UTF-8 is refused there.
    const name = strFromU8(bytes.subarray(at + 46, at + 46 + nameLength));
    if (compressedSize === 0xffffffff || size === 0xffffffff || headerOffset === 0xffffffff) {
      return 'zip64';
    }
    entries.push({ name, method, crc32, compressedSize, size, headerOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  if (entries.length !== expected)
    return `directory lists ${entries.length} of ${expected} entries`;
  return entries;
}

/** The length of a local header (fixed part, name and extra field), from its first 30 bytes. */
export function zipLocalHeaderLength(header: Uint8Array): number | string {
  if (header.length < 30) return 'truncated local header';
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  if (view.getUint32(0, true) !== LOCAL_SIGNATURE) return 'bad local header';
  return 30 + view.getUint16(26, true) + view.getUint16(28, true);
}
