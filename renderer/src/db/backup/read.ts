/**
 * Reading a backup: `backupRead` checks the whole file before anything is touched (the manifest,
 * the list of parts, the SHA-256 and count of every table, every record through the record
 * schemas, every file against the hash it is named by, every reference to a file) and answers
 * either the validated backup or a refusal with its reason. Nothing is written; parts are
 * inflated a chunk at a time, so a backup of any size is checked in little memory.
 *
 * The backup is read from a Blob (a File from a file input is one, kept on disk by the browser):
 * the zip's directory at its end says where every part is, so the manifest is read first. A
 * stream is first gathered into a Blob (`Response.blob()`, which Chromium keeps on disk when it
 * is large).
 */
import {
  BACKUP_MANIFEST_PART,
  backupManifestCheck,
  backupPartKind,
  backupRefusal,
  type BackupManifest,
  type BackupRefusal,
} from '@shared/backup/format';
import { backupRecordCheck } from '@shared/backup/records';
import {
  ZIP_TAIL_LENGTH,
  zipFindDirectory,
  zipLocalHeaderLength,
  zipReadDirectory,
  type ZipEntry,
} from '@shared/backup/zip-directory';
import { recordFileRefs } from './binary';
import { sha256Stream } from './hash';
import { CURRENT_SCHEMA_VERSION, backupTablesOfVersion } from './tables';

export interface BackupValid {
  readonly ok: true;
  readonly manifest: BackupManifest;
  /** The backup's bytes, to read the parts again while restoring. */
  readonly blob: Blob;
  /** Every part by name. */
  readonly entries: ReadonlyMap<string, ZipEntry>;
}

export type BackupReadResult = BackupValid | BackupRefusal;

export interface BackupReadOptions {
  readonly schemaVersion?: number;
  readonly appVersion?: string;
  readonly tablesOfVersion?: (version: number) => readonly string[] | undefined;
  readonly onProgress?: (progress: { part: string; records: number }) => void;
}

/** Thrown inside the reader to stop at the first fault; turned into a refusal at the top. */
class Refused extends Error {
  constructor(readonly refusal: BackupRefusal) {
    super(refusal.detail);
  }
}

async function bytesOf(blob: Blob, start: number, end: number): Promise<Uint8Array> {
  return new Uint8Array(await blob.slice(start, end).arrayBuffer());
}

/** The uncompressed bytes of one part, a chunk at a time. */
export async function* partChunks(blob: Blob, entry: ZipEntry): AsyncGenerator<Uint8Array> {
  const header = await bytesOf(blob, entry.headerOffset, entry.headerOffset + 30);
  const headerLength = zipLocalHeaderLength(header);
  if (typeof headerLength === 'string') {
    throw new Refused(backupRefusal('damaged', `${entry.name}: ${headerLength}`));
  }
  const start = entry.headerOffset + headerLength;
  const end = start + entry.compressedSize;
  if (end > blob.size) throw new Refused(backupRefusal('damaged', `${entry.name}: truncated`));
  if (entry.method !== 0 && entry.method !== 8) {
    throw new Refused(backupRefusal('damaged', `${entry.name}: compression ${entry.method}`));
  }
  // Chromium's own inflate (zlib), in its stream machinery: several times faster than fflate's
  // JavaScript inflate on the page's thread, and any deflate stream is read the same.
  const body = blob.slice(start, end).stream();
  const reader = (
    entry.method === 8 ? body.pipeThrough(new DecompressionStream('deflate-raw')) : body
  ).getReader();
  let produced = 0;
  try {
    for (;;) {
      let step: ReadableStreamReadResult<Uint8Array>;
      try {
        step = await reader.read();
      } catch (error) {
        throw new Refused(backupRefusal('damaged', `${entry.name}: ${String(error)}`));
      }
      if (step.done) break;
      produced += step.value.length;
      // A part that inflates beyond the size the directory states is damaged (or a zip bomb).
      if (produced > entry.size) {
        throw new Refused(backupRefusal('damaged', `${entry.name}: longer than stated`));
      }
      yield step.value;
    }
  } finally {
    // Stops the inflate of a part left early (a refusal, a reader that found what it sought).
    await reader.cancel().catch(() => undefined);
  }
  if (produced !== entry.size) {
    throw new Refused(
      backupRefusal('damaged', `${entry.name}: ${produced} of ${entry.size} bytes`),
    );
  }
}

/**
 * The longest line a record may take. The desk's largest records (a case with its search pieces,
 * a long complaint) are a few tens of KB; binary values travel as separate files. Without a
 * limit a part of one endless line (a zip bomb of zeros) would be gathered whole in memory.
 */
export const BACKUP_LINE_LIMIT = 4 * 1024 * 1024;

/** The lines of an NDJSON part, with the hash and byte count of the whole part. */
export async function* partLines(
  blob: Blob,
  entry: ZipEntry,
  hash?: { update(chunk: Uint8Array): unknown },
): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let rest = '';
  for await (const chunk of partChunks(blob, entry)) {
    hash?.update(chunk);
    let text: string;
    try {
      text = rest + decoder.decode(chunk, { stream: true });
    } catch {
      throw new Refused(backupRefusal('damaged', `${entry.name}: not UTF-8`));
    }
    const lines = text.split('\n');
    rest = lines.pop() ?? '';
    if (rest.length > BACKUP_LINE_LIMIT) {
      throw new Refused(backupRefusal('badRecord', `${entry.name}: a line over 4 MB`));
    }
    yield* lines;
  }
  if (rest !== '')
    throw new Refused(backupRefusal('damaged', `${entry.name}: last line unfinished`));
}

async function directoryRead(blob: Blob): Promise<Map<string, ZipEntry>> {
  if (blob.size < 22) throw new Refused(backupRefusal('notZip', `${blob.size} bytes`));
  const tailStart = Math.max(0, blob.size - ZIP_TAIL_LENGTH);
  const found = zipFindDirectory(await bytesOf(blob, tailStart, blob.size), blob.size);
  if (typeof found === 'string') throw new Refused(backupRefusal('notZip', found));
  const list = zipReadDirectory(
    await bytesOf(blob, found.offset, found.offset + found.size),
    found.entries,
  );
  if (typeof list === 'string') throw new Refused(backupRefusal('damaged', list));
  const entries = new Map<string, ZipEntry>();
  for (const entry of list) {
    if (entries.has(entry.name)) throw new Refused(backupRefusal('damaged', `${entry.name} twice`));
    if (!backupPartKind(entry.name)) throw new Refused(backupRefusal('unexpectedPart', entry.name));
    entries.set(entry.name, entry);
  }
  return entries;
}

async function manifestRead(
  blob: Blob,
  entries: Map<string, ZipEntry>,
  options: BackupReadOptions,
): Promise<BackupManifest> {
  const entry = entries.get(BACKUP_MANIFEST_PART);
  if (!entry) throw new Refused(backupRefusal('noManifest', BACKUP_MANIFEST_PART));
  if (entry.size > 1_000_000) throw new Refused(backupRefusal('badManifest', 'too large'));
  const chunks: Uint8Array[] = [];
  for await (const chunk of partChunks(blob, entry)) chunks.push(chunk);
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(concat(chunks)));
  } catch (error) {
    throw new Refused(backupRefusal('badManifest', String(error)));
  }
  const checked = backupManifestCheck(
    raw,
    {
      schemaVersion: options.schemaVersion ?? CURRENT_SCHEMA_VERSION,
      appVersion: options.appVersion ?? '',
    },
    options.tablesOfVersion ?? backupTablesOfVersion,
  );
  if (!checked.ok) throw new Refused(checked);
  return checked.manifest;
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/**
 * Whether a line may hold a file reference (`"$file"`, or a key spelled with an escape):
 * the others are not walked value by value, which most of a restore's lines would cost.
 */
export function lineMayHoldFile(line: string): boolean {
  return line.includes('file"') || line.includes('\\u');
}

/**
 * One line's record. A `__proto__` key is refused: the desk never writes one, and once stored it
 * would change the prototype of whatever a later `Object.assign` copies it into. The key is looked
 * for in the text first, so the common line is parsed once, without a reviver.
 */
export function recordParse(line: string, where: string): unknown {
  let poisoned = false;
  try {
    // An escape (`\\u005f`) could spell the key without its letters: such lines are parsed carefully.
    if (!line.includes('__proto__') && !line.includes('\\u')) return JSON.parse(line);
    const record: unknown = JSON.parse(line, function (key, value: unknown) {
      if (key === '__proto__') poisoned = true;
      return value;
    });
    if (!poisoned) return record;
  } catch {
    throw new Refused(backupRefusal('badRecord', `${where}: not JSON`));
  }
  throw new Refused(backupRefusal('badRecord', `${where}: a __proto__ key`));
}

/** Checks a backup completely; see the module's comment. Never throws for a bad file. */
export async function backupRead(
  input: Blob | ReadableStream<Uint8Array>,
  options: BackupReadOptions = {},
): Promise<BackupReadResult> {
  try {
    const blob = input instanceof Blob ? input : await new Response(input).blob();
    const entries = await directoryRead(blob);
    const manifest = await manifestRead(blob, entries, options);

    const referenced = new Set<string>();
    const listed = new Set<string>([BACKUP_MANIFEST_PART]);
    for (const table of manifest.tables) {
      const entry = entries.get(table.part);
      if (!entry) throw new Refused(backupRefusal('partMissing', table.part));
      listed.add(table.part);
      // The directory's size must be the manifest's: a part that says otherwise is refused before
      // a byte of it is inflated.
      if (entry.size !== table.bytes)
        throw new Refused(backupRefusal('checksumMismatch', table.part));
      const hash = await sha256Stream();
      let count = 0;
      let bytes = 0;
      for await (const line of partLines(blob, entry, {
        update: (chunk: Uint8Array) => {
          bytes += chunk.length;
          hash.update(chunk);
        },
      })) {
        count++;
        const record = recordParse(line, `${table.name} line ${count}`);
        const checked = backupRecordCheck(table.name, record);
        if (!checked.ok) {
          throw new Refused(
            backupRefusal('badRecord', `${table.name} line ${count}: ${checked.message}`),
          );
        }
        if (lineMayHoldFile(line)) recordFileRefs(record, (ref) => referenced.add(ref.$file));
        if (count % 5000 === 0) options.onProgress?.({ part: table.part, records: count });
      }
      const digest = hash.hex();
      if (digest !== table.sha256 || bytes !== table.bytes) {
        throw new Refused(backupRefusal('checksumMismatch', table.part));
      }
      if (count !== table.count) {
        throw new Refused(
          backupRefusal('countMismatch', `${table.name}: ${count} of ${table.count}`),
        );
      }
    }

    let files = 0;
    for (const [name, entry] of entries) {
      const kind = backupPartKind(name);
      if (kind?.kind === 'table' && !listed.has(name)) {
        throw new Refused(backupRefusal('unexpectedPart', name));
      }
      if (kind?.kind !== 'file') continue;
      const hash = await sha256Stream();
      for await (const chunk of partChunks(blob, entry)) hash.update(chunk);
      if (hash.hex() !== kind.sha256) throw new Refused(backupRefusal('fileDamaged', name));
      files++;
    }
    if (files !== manifest.files.count) {
      throw new Refused(
        backupRefusal('countMismatch', `files: ${files} of ${manifest.files.count}`),
      );
    }
    for (const hash of referenced) {
      if (!entries.has(`files/${hash}`)) throw new Refused(backupRefusal('fileMissing', hash));
    }
    return { ok: true, manifest, blob, entries };
  } catch (error) {
    if (error instanceof Refused) return error.refusal;
    return backupRefusal('damaged', error instanceof Error ? error.message : String(error));
  }
}

export { Refused as BackupRefused };
