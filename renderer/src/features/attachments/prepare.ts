/**
 * Reading a file the clerk gave into what the desk stores: its type from its first bytes, a
 * photo's position removed (unless the desk keeps it), its SHA-256 computed piece by piece as
 * the pieces are read, and a thumbnail for images. Nothing is written here: every check that
 * can refuse the file runs before `attachmentAdd` opens its transaction.
 */
import { contentHasher } from '@shared/attachments/hash';
import { jpegStripLocation } from '@shared/attachments/jpeg';
import { FILE_CHUNK_BYTES, chunkRanges, type AttachmentSettings } from '@shared/attachments/limits';
import { SNIFF_HEAD_BYTES, attachmentSniff } from '@shared/attachments/sniff';
import { AttachmentRefusedError, type PreparedFile } from '../../db/repos/attachments';

/** Where the bytes come from: a File in the desk, a byte array in tests and the benchmark. */
export interface FileSource {
  readonly name: string;
  readonly size: number;
  /** Bytes `[start, end)`, in a buffer of their own. */
  read(start: number, end: number): Promise<Uint8Array>;
}

export function fileSourceOf(file: Blob, name: string): FileSource {
  return {
    name,
    size: file.size,
    read: async (start, end) => new Uint8Array(await file.slice(start, end).arrayBuffer()),
  };
}

export function fileSourceOfBytes(name: string, bytes: Uint8Array): FileSource {
  return { name, size: bytes.length, read: async (start, end) => bytes.slice(start, end) };
}

export interface Thumbnail {
  readonly bytes: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/** Makes a thumbnail of an image's stored bytes, or undefined when it cannot be decoded. */
export type ThumbnailMaker = (image: Blob) => Promise<Thumbnail | undefined>;

/** The longest side of a thumbnail, in pixels. */
export const THUMBNAIL_SIDE = 320;

/**
 * A small upright JPEG of an image: `createImageBitmap` applies the EXIF orientation
 * (`imageOrientation: 'from-image'`), then a canvas scales it down.
 */
export const browserThumbnail: ThumbnailMaker = async (image) => {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(image, { imageOrientation: 'from-image' });
  } catch {
    return undefined;
  }
  try {
    const scale = Math.min(1, THUMBNAIL_SIDE / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) return undefined;
    // JPEG has no transparency: a white ground, as on paper.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
    context.drawImage(bitmap, 0, 0, width, height);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.82 });
    return { bytes: new Uint8Array(await blob.arrayBuffer()), width, height };
  } finally {
    bitmap.close();
  }
};

/**
 * Reads, checks and hashes a file. Throws `AttachmentRefusedError` for a file over the size
 * limit (before reading it), of a refused type, or that cannot be read.
 */
export async function attachmentPrepare(
  source: FileSource,
  settings: AttachmentSettings,
  makeThumbnail: ThumbnailMaker = browserThumbnail,
): Promise<PreparedFile> {
  const { name } = source;
  if (source.size > settings.maxFileBytes) {
    throw new AttachmentRefusedError('fileTooLarge', name, { limit: settings.maxFileBytes });
  }
  const read = async (start: number, end: number) => {
    try {
      return await source.read(start, end);
    } catch {
      throw new AttachmentRefusedError('unreadable', name);
    }
  };
  const sniffed = attachmentSniff(await read(0, Math.min(source.size, SNIFF_HEAD_BYTES)), name);
  if (!sniffed.ok) {
    throw new AttachmentRefusedError(
      sniffed.refusal,
      name,
      sniffed.detected === undefined ? {} : { detected: sniffed.detected },
    );
  }
  const { ok: _ok, ...type } = sniffed;
  const hasher = contentHasher();
  const chunks: Uint8Array[] = [];
  let locationRemoved = false;
  let size = source.size;
  if (type.mediaType === 'image/jpeg' && !settings.keepLocation) {
    // The segments to rewrite sit at the start, but a JPEG is read whole (it is at most the
    // per-file limit) so that the rewriter sees every segment before the scan.
    let whole = await read(0, source.size);
    try {
      const result = jpegStripLocation(whole);
      whole = result.bytes;
      locationRemoved = result.stripped;
    } catch {
      throw new AttachmentRefusedError('unreadable', name);
    }
    size = whole.length;
    for (const [start, end] of chunkRanges(size, FILE_CHUNK_BYTES)) {
      // A copy: a stored view would store its whole underlying buffer with every piece.
      const piece = whole.slice(start, end);
      hasher.update(piece);
      chunks.push(piece);
    }
  } else {
    for (const [start, end] of chunkRanges(size, FILE_CHUNK_BYTES)) {
      const piece = await read(start, end);
      hasher.update(piece);
      chunks.push(piece);
    }
  }
  let thumbnail: Thumbnail | undefined;
  if (type.kind === 'image' && type.inline) {
    thumbnail = await makeThumbnail(
      new Blob(chunks as Uint8Array<ArrayBuffer>[], { type: type.mediaType }),
    );
    // An image whose first bytes say JPEG or PNG but that no decoder can draw is broken.
    if (!thumbnail) throw new AttachmentRefusedError('unreadable', name);
  }
  return {
    ...type,
    name,
    hash: hasher.digest(),
    size,
    chunks,
    ...(thumbnail ? { thumbnail } : {}),
    locationRemoved,
  };
}
