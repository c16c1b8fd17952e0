/**
 * Files made byte by byte for the attachment tests: a JPEG with an orientation and a GPS
 * position in its Exif, and the first bytes of the other accepted types.
 */

/** Little-endian bytes of an unsigned integer. */
function le(value: number, bytes: number): number[] {
  return Array.from({ length: bytes }, (_, i) => (value >>> (8 * i)) & 0xff);
}

function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

export interface TestJpegOptions {
  readonly orientation?: number;
  /** Latitude and longitude in whole degrees, written as GPS rationals. */
  readonly gps?: { readonly lat: number; readonly lon: number };
  /** An XMP packet to add after the Exif segment. */
  readonly xmp?: string;
  /** Bytes of "compressed data" after the start of scan. */
  readonly scan?: readonly number[];
}

/** An Exif APP1 segment (little-endian TIFF) with the given orientation and position. */
export function testExifSegment(options: TestJpegOptions): number[] {
  const entries: number[][] = [];
  // IFD0 starts at 8; its entries, then the 4-byte next-IFD offset; the GPS IFD follows it.
  const ifd0Count = (options.orientation ? 1 : 0) + (options.gps ? 1 : 0) + 1;
  const gpsIfdAt = 8 + 2 + ifd0Count * 12 + 4;
  // Make (0x010f), ASCII, pointing to a short text after everything else.
  if (options.orientation) {
    entries.push([...le(0x0112, 2), ...le(3, 2), ...le(1, 4), ...le(options.orientation, 2), 0, 0]);
  }
  const gpsEntries = 4;
  const gpsIfdLength = 2 + gpsEntries * 12 + 4;
  const rationalsAt = gpsIfdAt + gpsIfdLength;
  const makeAt = options.gps ? rationalsAt + 48 : gpsIfdAt;
  entries.push([...le(0x010f, 2), ...le(2, 2), ...le(6, 4), ...le(makeAt, 4)]);
  if (options.gps) entries.push([...le(0x8825, 2), ...le(4, 2), ...le(1, 4), ...le(gpsIfdAt, 4)]);
  // TIFF wants IFD entries sorted by tag.
  entries.sort((a, b) => (a[0] ?? 0) + (a[1] ?? 0) * 256 - ((b[0] ?? 0) + (b[1] ?? 0) * 256));
  const tiff = [
    ...ascii('II'),
    42,
    0,
    ...le(8, 4),
    ...le(entries.length, 2),
    ...entries.flat(),
    0,
    0,
    0,
    0,
  ];
  if (options.gps) {
    const rational = (n: number) => [...le(n, 4), ...le(1, 4)];
    tiff.push(
      ...le(gpsEntries, 2),
      ...[...le(1, 2), ...le(2, 2), ...le(2, 4), ...ascii('N'), 0, 0, 0],
      ...[...le(2, 2), ...le(5, 2), ...le(3, 4), ...le(rationalsAt, 4)],
      ...[...le(3, 2), ...le(2, 2), ...le(2, 4), ...ascii('E'), 0, 0, 0],
      ...[...le(4, 2), ...le(5, 2), ...le(3, 4), ...le(rationalsAt + 24, 4)],
      0,
      0,
      0,
      0,
      ...rational(options.gps.lat),
      ...rational(0),
      ...rational(0),
      ...rational(options.gps.lon),
      ...rational(0),
      ...rational(0),
    );
  }
  tiff.push(...ascii('Canon'), 0);
  const payload = [...ascii('Exif'), 0, 0, ...tiff];
  const length = payload.length + 2;
  return [0xff, 0xe1, length >> 8, length & 0xff, ...payload];
}

/** A JPEG's structure: SOI, Exif, optional XMP, a quantisation table, SOS, data, EOI. */
export function testJpeg(options: TestJpegOptions = {}): Uint8Array {
  const parts: number[] = [0xff, 0xd8];
  if (options.orientation || options.gps) parts.push(...testExifSegment(options));
  if (options.xmp) {
    const payload = [...ascii('http://ns.adobe.com/xap/1.0/'), 0, ...ascii(options.xmp)];
    const length = payload.length + 2;
    parts.push(0xff, 0xe1, length >> 8, length & 0xff, ...payload);
  }
  const dqt = [0, ...Array.from({ length: 64 }, () => 1)];
  parts.push(0xff, 0xdb, 0, dqt.length + 2, ...dqt);
  parts.push(0xff, 0xda, 0, 8, 1, 1, 0, 0, 63, 0);
  parts.push(...(options.scan ?? [0x12, 0x34, 0xff, 0x00, 0x56]));
  parts.push(0xff, 0xd9);
  return Uint8Array.from(parts);
}

export function bytesOf(...parts: (string | readonly number[])[]): Uint8Array {
  return Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? ascii(p) : [...p])));
}
