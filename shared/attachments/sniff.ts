/**
 * What a file is, decided from its first bytes (magic numbers), never from its name: a clerk's
 * `.jpg` may be a program. The name's extension only serves to refuse a file whose name claims
 * another family than its content (a lying extension), and to tell Office formats apart inside
 * a ZIP container, whose first bytes are the same for every OOXML document.
 *
 * Pure: give it the file's first `SNIFF_HEAD_BYTES` bytes (or all of them, when shorter).
 */

/** How many leading bytes `attachmentSniff` looks at. */
export const SNIFF_HEAD_BYTES = 4096;

/** The families of attachments the desk accepts (DOMAIN.md section 1). */
export type AttachmentKind = 'image' | 'pdf' | 'office' | 'audio' | 'text' | 'markup';

export interface SniffedType {
  readonly kind: AttachmentKind;
  /** The media type stored with the file and used for blob URLs. */
  readonly mediaType: string;
  /**
   * Whether the desk may render the content inline (images and PDF). SVG and HTML may carry
   * scripts: they are stored and saved to disk, never rendered.
   */
  readonly inline: boolean;
}

export type SniffRefusal =
  /** A program (Windows PE, ELF, Mach-O, a script with a shebang): never accepted. */
  | 'executable'
  /** The content is none of the accepted types. */
  | 'unknownType'
  /** The name's extension says one family, the content another. */
  | 'extensionMismatch'
  /** An empty file. */
  | 'empty';

export type SniffResult =
  | ({ readonly ok: true } & SniffedType)
  | { readonly ok: false; readonly refusal: SniffRefusal; readonly detected?: string };

/** The family each known extension claims (lower case, without the dot). */
const EXTENSION_KIND: Readonly<Record<string, AttachmentKind>> = {
  jpg: 'image',
  jpeg: 'image',
  jfif: 'image',
  png: 'image',
  gif: 'image',
  webp: 'image',
  bmp: 'image',
  heic: 'image',
  pdf: 'pdf',
  doc: 'office',
  docx: 'office',
  xls: 'office',
  xlsx: 'office',
  ppt: 'office',
  pptx: 'office',
  mp3: 'audio',
  wav: 'audio',
  m4a: 'audio',
  txt: 'text',
  csv: 'text',
  log: 'text',
  svg: 'markup',
  html: 'markup',
  htm: 'markup',
};

const OOXML: Readonly<Record<string, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

const OLE2: Readonly<Record<string, string>> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
};

/** The lower-case extension of a file name, or '' when it has none. */
export function fileExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 || dot === name.length - 1 ? '' : name.slice(dot + 1).toLowerCase();
}

function startsWith(bytes: Uint8Array, at: number, magic: readonly number[]): boolean {
  if (bytes.length < at + magic.length) return false;
  return magic.every((b, i) => bytes[at + i] === b);
}

function ascii(bytes: Uint8Array, at: number, text: string): boolean {
  return startsWith(
    bytes,
    at,
    [...text].map((c) => c.charCodeAt(0)),
  );
}

/** The content type from the magic bytes alone, before the name is considered. */
function sniffContent(
  head: Uint8Array,
  ext: string,
): SniffedType | 'executable' | 'zipOther' | undefined {
  // Programs first: an executable is refused whatever else it might also parse as.
  if (ascii(head, 0, 'MZ') || startsWith(head, 0, [0x7f, 0x45, 0x4c, 0x46])) return 'executable';
  if (
    startsWith(head, 0, [0xfe, 0xed, 0xfa, 0xce]) ||
    startsWith(head, 0, [0xfe, 0xed, 0xfa, 0xcf]) ||
    startsWith(head, 0, [0xce, 0xfa, 0xed, 0xfe]) ||
    startsWith(head, 0, [0xcf, 0xfa, 0xed, 0xfe]) ||
    ascii(head, 0, '#!')
  ) {
    return 'executable';
  }
  const image = (mediaType: string): SniffedType => ({ kind: 'image', mediaType, inline: true });
  if (startsWith(head, 0, [0xff, 0xd8, 0xff])) return image('image/jpeg');
  if (startsWith(head, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return image('image/png');
  }
  if (ascii(head, 0, 'GIF87a') || ascii(head, 0, 'GIF89a')) return image('image/gif');
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WEBP')) return image('image/webp');
  if (ascii(head, 0, 'BM') && head.length >= 14) return image('image/bmp');
  if (ascii(head, 0, '%PDF-')) return { kind: 'pdf', mediaType: 'application/pdf', inline: true };
  const audio = (mediaType: string): SniffedType => ({ kind: 'audio', mediaType, inline: false });
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WAVE')) return audio('audio/wav');
  if (ascii(head, 0, 'ID3')) return audio('audio/mpeg');
  // An MPEG audio frame without a tag: eleven sync bits, layer III.
  if (head.length >= 2 && head[0] === 0xff && ((head[1] ?? 0) & 0xe6) === 0xe2) {
    return audio('audio/mpeg');
  }
  if (ascii(head, 4, 'ftyp')) {
    const brand = String.fromCharCode(...head.subarray(8, 12));
    if (brand === 'M4A ' || brand === 'M4B ') return audio('audio/mp4');
    if (brand === 'heic' || brand === 'heix' || brand === 'mif1') {
      return { kind: 'image', mediaType: 'image/heic', inline: false };
    }
    // Other MP4 brands (isom, mp42) hold audio only when the clerk named it an audio file.
    if (ext === 'm4a') return audio('audio/mp4');
    return undefined;
  }
  if (startsWith(head, 0, [0x50, 0x4b, 0x03, 0x04])) {
    const mediaType = OOXML[ext];
    return mediaType ? { kind: 'office', mediaType, inline: false } : 'zipOther';
  }
  if (startsWith(head, 0, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    const mediaType = OLE2[ext];
    return mediaType ? { kind: 'office', mediaType, inline: false } : 'zipOther';
  }
  return sniffText(head);
}

/** Text: valid UTF-8 (or UTF-16 with its byte-order mark) without control characters. */
function sniffText(head: Uint8Array): SniffedType | undefined {
  const codes = startsWith(head, 0, [0xff, 0xfe])
    ? utf16Codes(head.subarray(2), true)
    : startsWith(head, 0, [0xfe, 0xff])
      ? utf16Codes(head.subarray(2), false)
      : utf8Codes(head);
  if (codes === undefined) return undefined;
  for (const code of codes) {
    // Tab, line feed, form feed and carriage return are text; other controls are binary.
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) {
      return undefined;
    }
  }
  const start = String.fromCodePoint(...codes.slice(0, 600))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 512)
    .toLowerCase();
  if (start.startsWith('<svg') || (start.startsWith('<?xml') && start.includes('<svg'))) {
    return { kind: 'markup', mediaType: 'image/svg+xml', inline: false };
  }
  if (/^(<!doctype html|<html|<head|<body|<script)/.test(start)) {
    return { kind: 'markup', mediaType: 'text/html', inline: false };
  }
  return { kind: 'text', mediaType: 'text/plain', inline: false };
}

function utf16Codes(bytes: Uint8Array, little: boolean): number[] {
  const codes: number[] = [];
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    codes.push(little ? a | (b << 8) : (a << 8) | b);
  }
  return codes;
}

/**
 * The code points of UTF-8 bytes, or undefined when they are not UTF-8. The head may end inside
 * a character: an incomplete sequence at the very end is dropped.
 */
function utf8Codes(bytes: Uint8Array): number[] | undefined {
  const codes: number[] = [];
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    const extra =
      lead < 0x80
        ? 0
        : lead >= 0xc2 && lead < 0xe0
          ? 1
          : lead >= 0xe0 && lead < 0xf0
            ? 2
            : lead >= 0xf0 && lead < 0xf5
              ? 3
              : -1;
    if (extra < 0) return undefined;
    if (i + extra >= bytes.length && extra > 0) return codes;
    let code = extra === 0 ? lead : lead & (0x3f >> extra);
    for (let k = 1; k <= extra; k += 1) {
      const next = bytes[i + k] ?? 0;
      if ((next & 0xc0) !== 0x80) return undefined;
      code = (code << 6) | (next & 0x3f);
    }
    codes.push(code);
    i += extra + 1;
  }
  return codes;
}

/**
 * The type of a file from its first bytes, checked against its name: refused when the content
 * is a program, of no accepted type, or of another family than the name's extension claims.
 */
export function attachmentSniff(head: Uint8Array, name: string): SniffResult {
  if (head.length === 0) return { ok: false, refusal: 'empty' };
  const ext = fileExtension(name);
  const content = sniffContent(head, ext);
  if (content === 'executable') return { ok: false, refusal: 'executable' };
  if (content === undefined || content === 'zipOther') return { ok: false, refusal: 'unknownType' };
  const claimed = EXTENSION_KIND[ext];
  // Text files are named anything (.md, .json, none at all): only a name claiming a binary
  // family is checked. A `.txt` holding HTML is markup, and is never rendered either way.
  const sameFamily =
    claimed === undefined ||
    claimed === content.kind ||
    (claimed === 'text' && content.kind === 'markup');
  if (!sameFamily) {
    return { ok: false, refusal: 'extensionMismatch', detected: content.mediaType };
  }
  return { ok: true, ...content };
}
