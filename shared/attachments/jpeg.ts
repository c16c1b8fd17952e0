/**
 * A small JPEG segment rewriter: removes where a photo was taken (the GPS of its Exif, and an
 * XMP packet that states a position) from the copy the desk stores, keeping its orientation so
 * that the photo still shows upright.
 *
 * A JPEG is a start marker, then segments (`FF xx`, a two-byte big-endian length that counts
 * itself, the payload) up to the start of scan (`FF DA`), after which the compressed image runs
 * to the end; this rewrites only the segments before the scan and copies the rest as it is.
 * An Exif segment (APP1, `Exif\0\0`, then a TIFF structure) that points to a GPS directory is
 * replaced by a minimal Exif segment holding only the orientation (or dropped when there is
 * none): simpler and safer than editing the TIFF in place, which would leave the coordinates'
 * bytes behind in unreferenced space.
 */

const MARKER_SOI = 0xd8;
const MARKER_SOS = 0xda;
const MARKER_EOI = 0xd9;
const MARKER_APP1 = 0xe1;
const TAG_ORIENTATION = 0x0112;
const TAG_GPS_IFD = 0x8825;

export interface JpegSegment {
  /** The marker byte after 0xFF. */
  readonly marker: number;
  /** Offset of the 0xFF of the marker. */
  readonly start: number;
  /** Offset just after the segment. */
  readonly end: number;
  /** The payload (after the length bytes); empty for markers without a length. */
  readonly payload: Uint8Array;
}

export interface JpegExifFacts {
  /** The EXIF orientation (1 to 8), when the photo states one. */
  readonly orientation?: number;
  /** Whether the Exif points to a GPS directory. */
  readonly hasGps: boolean;
}

export class JpegFormatError extends Error {
  override readonly name = 'JpegFormatError';
}

/** Whether the bytes begin like a JPEG. */
export function isJpeg(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === MARKER_SOI && bytes[2] === 0xff;
}

/**
 * The segments before the scan, in order; the last is the start of scan itself, whose `end`
 * is where the compressed data begins. Throws `JpegFormatError` on a truncated or broken file.
 */
export function jpegSegments(bytes: Uint8Array): JpegSegment[] {
  if (!isJpeg(bytes)) throw new JpegFormatError('Not a JPEG');
  const segments: JpegSegment[] = [];
  let at = 2;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) throw new JpegFormatError(`No marker at ${at}`);
    // Any number of 0xFF may pad before a marker.
    let markerAt = at + 1;
    while (bytes[markerAt] === 0xff) markerAt += 1;
    const marker = bytes[markerAt];
    if (marker === undefined) throw new JpegFormatError('Truncated marker');
    if (marker === MARKER_EOI || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      segments.push({ marker, start: at, end: markerAt + 1, payload: new Uint8Array(0) });
      at = markerAt + 1;
      if (marker === MARKER_EOI) return segments;
      continue;
    }
    const length = ((bytes[markerAt + 1] ?? 0) << 8) | (bytes[markerAt + 2] ?? 0);
    const end = markerAt + 1 + length;
    if (length < 2 || end > bytes.length) throw new JpegFormatError(`Bad length at ${at}`);
    segments.push({ marker, start: at, end, payload: bytes.subarray(markerAt + 3, end) });
    at = end;
    if (marker === MARKER_SOS) return segments;
  }
  throw new JpegFormatError('No start of scan');
}

const EXIF_HEADER = [0x45, 0x78, 0x69, 0x66, 0x00, 0x00];
const XMP_HEADER = 'http://ns.adobe.com/xap/1.0/\0';

function isExif(payload: Uint8Array): boolean {
  return EXIF_HEADER.every((b, i) => payload[i] === b);
}

function isXmp(payload: Uint8Array): boolean {
  return [...XMP_HEADER].every((c, i) => payload[i] === c.charCodeAt(0));
}

/** Reads IFD0 of the TIFF structure inside an Exif payload (after `Exif\0\0`). */
function exifFactsOf(payload: Uint8Array): JpegExifFacts {
  const tiff = payload.subarray(EXIF_HEADER.length);
  if (tiff.length < 8) return { hasGps: false };
  const little = tiff[0] === 0x49 && tiff[1] === 0x49;
  const big = tiff[0] === 0x4d && tiff[1] === 0x4d;
  if (!little && !big) return { hasGps: false };
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const u16 = (at: number) => view.getUint16(at, little);
  const u32 = (at: number) => view.getUint32(at, little);
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return { hasGps: false };
  const count = u16(ifd);
  let orientation: number | undefined;
  let hasGps = false;
  for (let i = 0; i < count; i += 1) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) break;
    const tag = u16(entry);
    if (tag === TAG_ORIENTATION) {
      const value = u16(entry + 8);
      if (value >= 1 && value <= 8) orientation = value;
    } else if (tag === TAG_GPS_IFD) {
      hasGps = true;
    }
  }
  return orientation === undefined ? { hasGps } : { orientation, hasGps };
}

/** The orientation and whether a position is stated, from the photo's first Exif segment. */
export function jpegExifFacts(bytes: Uint8Array): JpegExifFacts {
  const exif = jpegSegments(bytes).find((s) => s.marker === MARKER_APP1 && isExif(s.payload));
  return exif ? exifFactsOf(exif.payload) : { hasGps: false };
}

/** A whole Exif APP1 segment stating only an orientation (big-endian TIFF, one IFD entry). */
export function jpegOrientationSegment(orientation: number): Uint8Array {
  const tiff = [
    0x4d,
    0x4d,
    0x00,
    0x2a,
    0x00,
    0x00,
    0x00,
    0x08,
    // IFD0: one entry, Orientation, SHORT, count 1, value, then no next IFD.
    0x00,
    0x01,
    0x01,
    0x12,
    0x00,
    0x03,
    0x00,
    0x00,
    0x00,
    0x01,
    0x00,
    orientation & 0xff,
    0x00,
    0x00,
    0x00,
    0x00,
    0x00,
    0x00,
  ];
  const payload = [...EXIF_HEADER, ...tiff];
  const length = payload.length + 2;
  return Uint8Array.from([0xff, MARKER_APP1, length >> 8, length & 0xff, ...payload]);
}

function mentionsPosition(payload: Uint8Array): boolean {
  const text = String.fromCharCode(...payload.subarray(0, 65535));
  return /GPS(Latitude|Longitude|Altitude)|exif:GPS|Iptc4xmpExt:LocationShown/i.test(text);
}

export interface JpegStripResult {
  readonly bytes: Uint8Array;
  /** Whether anything was removed (false: `bytes` is the input itself). */
  readonly stripped: boolean;
  readonly orientation?: number;
}

/**
 * The photo without its position: Exif segments that point to a GPS directory become an
 * orientation-only Exif segment, XMP packets that state a position are dropped; every other
 * byte is kept. Throws `JpegFormatError` when the file is not a well-formed JPEG.
 */
export function jpegStripLocation(bytes: Uint8Array): JpegStripResult {
  const segments = jpegSegments(bytes);
  const parts: Uint8Array[] = [bytes.subarray(0, 2)];
  let stripped = false;
  let orientation: number | undefined;
  for (const segment of segments) {
    const whole = bytes.subarray(segment.start, segment.end);
    if (segment.marker === MARKER_APP1 && isExif(segment.payload)) {
      const facts = exifFactsOf(segment.payload);
      orientation ??= facts.orientation;
      if (facts.hasGps) {
        stripped = true;
        if (facts.orientation !== undefined) parts.push(jpegOrientationSegment(facts.orientation));
        continue;
      }
    } else if (
      segment.marker === MARKER_APP1 &&
      isXmp(segment.payload) &&
      mentionsPosition(segment.payload)
    ) {
      stripped = true;
      continue;
    }
    parts.push(whole);
  }
  const last = segments[segments.length - 1];
  if (!stripped)
    return orientation === undefined ? { bytes, stripped } : { bytes, stripped, orientation };
  parts.push(bytes.subarray(last ? last.end : 2));
  const total = parts.reduce((sum, p) => sum + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return orientation === undefined
    ? { bytes: out, stripped }
    : { bytes: out, stripped, orientation };
}
