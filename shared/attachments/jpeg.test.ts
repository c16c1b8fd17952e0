import exifr from 'exifr';
import { describe, expect, it } from 'vitest';
import {
  JpegFormatError,
  jpegExifFacts,
  jpegOrientationSegment,
  jpegSegments,
  jpegStripLocation,
} from './jpeg';
import { testJpeg } from './test-files';

const SHANGHAI = { lat: 31, lon: 121 };

describe('the test JPEG itself (read by exifr, an independent reader)', () => {
  it('states the orientation and the position it was built with', async () => {
    const bytes = testJpeg({ orientation: 6, gps: SHANGHAI });
    const gps = await exifr.gps(bytes);
    expect(gps?.latitude).toBeCloseTo(31);
    expect(gps?.longitude).toBeCloseTo(121);
    expect(await exifr.orientation(bytes)).toBe(6);
    expect(jpegExifFacts(bytes)).toEqual({ orientation: 6, hasGps: true });
  });
});

describe('jpegStripLocation', () => {
  it('removes the GPS position and keeps the orientation and the image data', async () => {
    const scan = [0x11, 0x22, 0xff, 0x00, 0x33, 0xff, 0xd0, 0x44];
    const original = testJpeg({ orientation: 6, gps: SHANGHAI, scan });
    const result = jpegStripLocation(original);
    expect(result.stripped).toBe(true);
    expect(result.orientation).toBe(6);
    expect(await exifr.gps(result.bytes)).toBeUndefined();
    expect(await exifr.orientation(result.bytes)).toBe(6);
    expect(jpegExifFacts(result.bytes)).toEqual({ orientation: 6, hasGps: false });
    // The scan and everything after it are copied byte for byte.
    const tail = (bytes: Uint8Array) => {
      const sos = jpegSegments(bytes).at(-1);
      return [...bytes.subarray(sos?.start ?? 0)];
    };
    expect(tail(result.bytes)).toEqual(tail(original));
    // No latitude rational (31/1) is left anywhere in the file.
    const text = [...result.bytes].join(',');
    expect(text).not.toContain([31, 0, 0, 0, 1, 0, 0, 0].join(','));
  });

  it('drops the whole Exif segment when there is a position but no orientation', async () => {
    const result = jpegStripLocation(testJpeg({ gps: SHANGHAI }));
    expect(result.stripped).toBe(true);
    expect(result.orientation).toBeUndefined();
    expect(jpegSegments(result.bytes).some((s) => s.marker === 0xe1)).toBe(false);
    expect(await exifr.gps(result.bytes)).toBeUndefined();
  });

  it('leaves a photo without a position as it is (the same bytes)', () => {
    const original = testJpeg({ orientation: 3 });
    const result = jpegStripLocation(original);
    expect(result).toEqual({ bytes: original, stripped: false, orientation: 3 });
    expect(result.bytes).toBe(original);
  });

  it('drops an XMP packet that states a position, keeps one that does not', () => {
    const withPosition = testJpeg({ xmp: '<x:xmpmeta><exif:GPSLatitude>31,0N</exif:GPSLatitude>' });
    const stripped = jpegStripLocation(withPosition);
    expect(stripped.stripped).toBe(true);
    expect(jpegSegments(stripped.bytes).some((s) => s.marker === 0xe1)).toBe(false);
    const plain = testJpeg({ xmp: '<x:xmpmeta><dc:title>漏水</dc:title>' });
    expect(jpegStripLocation(plain).stripped).toBe(false);
  });

  it('refuses what is not a well-formed JPEG', () => {
    expect(() => jpegStripLocation(Uint8Array.from([0x89, 0x50, 0x4e, 0x47]))).toThrow(
      JpegFormatError,
    );
    const truncated = testJpeg({ orientation: 6, gps: SHANGHAI }).subarray(0, 30);
    expect(() => jpegStripLocation(truncated)).toThrow(JpegFormatError);
  });
});

describe('jpegOrientationSegment', () => {
  it('is an Exif segment exifr reads the orientation from', async () => {
    const segment = jpegOrientationSegment(8);
    const jpeg = Uint8Array.from([0xff, 0xd8, ...segment, ...testJpeg().subarray(2)]);
    expect(await exifr.orientation(jpeg)).toBe(8);
  });
});
