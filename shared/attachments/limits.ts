/**
 * How much the desk accepts: the size of one file and of all a case's files, and whether a
 * photo keeps where it was taken. Stored in the `attachments` setting; these are the defaults.
 */

export interface AttachmentSettings {
  /** Bytes one file may have. */
  readonly maxFileBytes: number;
  /** Bytes all the files of one case may have together. */
  readonly maxCaseBytes: number;
  /** Keep a photo's position (Exif GPS); removed from the stored copy when false. */
  readonly keepLocation: boolean;
  /** Images per A4 page in the handling record's annex; 0 prints no annex. */
  readonly annexPerPage: 0 | 2 | 4;
}

const MB = 1024 * 1024;

export const ATTACHMENT_SETTINGS_DEFAULT: AttachmentSettings = {
  maxFileBytes: 25 * MB,
  maxCaseBytes: 200 * MB,
  keepLocation: false,
  annexPerPage: 4,
};

/** The size of the pieces a file's bytes are stored in (`fileChunks`). */
export const FILE_CHUNK_BYTES = 1 * MB;

/** The stored setting with the defaults filled in (absent or damaged values fall back). */
export function attachmentSettingsRestore(stored: unknown): AttachmentSettings {
  const value = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<
    string,
    unknown
  >;
  const positive = (v: unknown, fallback: number) =>
    typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.floor(v) : fallback;
  const d = ATTACHMENT_SETTINGS_DEFAULT;
  return {
    maxFileBytes: positive(value.maxFileBytes, d.maxFileBytes),
    maxCaseBytes: positive(value.maxCaseBytes, d.maxCaseBytes),
    keepLocation: typeof value.keepLocation === 'boolean' ? value.keepLocation : d.keepLocation,
    annexPerPage:
      value.annexPerPage === 0 || value.annexPerPage === 2 || value.annexPerPage === 4
        ? value.annexPerPage
        : d.annexPerPage,
  };
}

export type SizeRefusal =
  | { readonly code: 'fileTooLarge'; readonly limit: number; readonly size: number }
  | { readonly code: 'caseTooLarge'; readonly limit: number; readonly size: number };

/** Why a file of `size` bytes cannot join a case whose files already take `caseBytes`. */
export function attachmentSizeRefusal(
  size: number,
  caseBytes: number,
  settings: AttachmentSettings,
): SizeRefusal | undefined {
  if (size > settings.maxFileBytes) {
    return { code: 'fileTooLarge', limit: settings.maxFileBytes, size };
  }
  if (caseBytes + size > settings.maxCaseBytes) {
    return { code: 'caseTooLarge', limit: settings.maxCaseBytes, size: caseBytes + size };
  }
  return undefined;
}

/** The byte ranges `[start, end)` a file of `size` bytes is stored in. */
export function chunkRanges(size: number, chunkBytes = FILE_CHUNK_BYTES): [number, number][] {
  const ranges: [number, number][] = [];
  for (let start = 0; start < size; start += chunkBytes) {
    ranges.push([start, Math.min(size, start + chunkBytes)]);
  }
  return ranges;
}

/** Whether storage is near full: less than a tenth of the quota left. */
export function storageNearlyFull(usage: number, quota: number): boolean {
  if (quota <= 0) return false;
  return quota - usage < quota * 0.1;
}
