/**
 * Attachments (DOMAIN.md section 1): a case's files, stored once by the SHA-256 of their bytes
 * in `files` (metadata and thumbnail) and `fileChunks` (the bytes, in pieces), each joining the
 * case by a `case/attachmentAdded` event written in the same transaction. Removing one appends
 * `case/attachmentRemoved`; its bytes stay stored.
 *
 * Every read of a case's files goes through `attachmentsReadable`, which takes the case: the
 * one place where the case's visibility (a confidential case, DOMAIN.md section 1) decides what
 * the viewer may open.
 */
import type { AuditId, CaseId, IsoInstant } from '@shared/kernel/brand';
import { newId } from '@shared/kernel/ids';
import type { CaseEntity, CaseEventEntity, FileEntity } from '@shared/model/entities';
import {
  attachmentsAnnexImages,
  attachmentsBytes,
  attachmentsOf,
  attachmentsRemovedOf,
  type CaseAttachment,
} from '@shared/attachments/attachments';
import {
  attachmentSettingsRestore,
  attachmentSizeRefusal,
  type AttachmentSettings,
} from '@shared/attachments/limits';
import type { SniffRefusal, SniffedType } from '@shared/attachments/sniff';
import { viewerReadsCase, type CaseViewer } from '@shared/access/mask';
import type { DeskDatabase } from '../database';
import { auditRecord } from './audit';
import { StorageError, withStorageErrors } from '../errors';
import { sessionStamp, type DeskSession } from '../session';
import { caseAppendInTransaction, caseAppendTables, caseEvents } from './cases';
import { settingsChange, settingsGet } from './settings';
import { syncFileDownload } from './sync';

/** Why a file was not added; nothing of it is stored. */
export type AttachmentRefusalCode =
  | SniffRefusal
  | 'fileTooLarge'
  | 'caseTooLarge'
  /** The file could not be read (moved, deleted, or a broken JPEG). */
  | 'unreadable';

export class AttachmentRefusedError extends Error {
  override readonly name = 'AttachmentRefusedError';
  readonly code: AttachmentRefusalCode;
  readonly fileName: string;
  /** The limit in bytes, for the size refusals. */
  readonly limit?: number;
  /** The type found in the content, for `extensionMismatch`. */
  readonly detected?: string;

  constructor(
    code: AttachmentRefusalCode,
    fileName: string,
    details: { readonly limit?: number; readonly detected?: string } = {},
  ) {
    super(`Attachment ${fileName} refused: ${code}`);
    this.code = code;
    this.fileName = fileName;
    if (details.limit !== undefined) this.limit = details.limit;
    if (details.detected !== undefined) this.detected = details.detected;
  }
}

/** A file read, checked and hashed, ready to be stored (features/attachments/prepare.ts). */
export interface PreparedFile extends SniffedType {
  readonly name: string;
  /** SHA-256 of the stored bytes (after a photo's position was removed). */
  readonly hash: string;
  readonly size: number;
  /** The stored bytes, in pieces of `FILE_CHUNK_BYTES` (each its own buffer). */
  readonly chunks: readonly Uint8Array[];
  readonly thumbnail?: {
    readonly bytes: Uint8Array;
    readonly width: number;
    readonly height: number;
  };
  readonly locationRemoved: boolean;
}

/** The desk's attachment settings, with the defaults filled in. */
export async function attachmentSettingsGet(db: DeskDatabase): Promise<AttachmentSettings> {
  return attachmentSettingsRestore(await settingsGet(db, 'attachments'));
}

/** The session operator's change to the attachment settings (audited like every setting). */
export async function attachmentSettingsChange(
  session: DeskSession,
  value: AttachmentSettings,
): Promise<void> {
  await settingsChange(session, 'attachments', attachmentSettingsRestore(value));
}

/**
 * Adds a prepared file to a case as the session's operator: stores its bytes unless a file with
 * the same hash is stored already, and appends `case/attachmentAdded`, in one transaction.
 * Throws `AttachmentRefusedError('fileTooLarge' | 'caseTooLarge')` over the limits, and the
 * case's errors (`StorageError('notFound')`, `WorkflowError`); either way nothing is written.
 */
export async function attachmentAdd(
  session: DeskSession,
  caseId: CaseId,
  file: PreparedFile,
  caption?: string,
): Promise<CaseAttachment> {
  const { db } = session;
  const stamp = sessionStamp(session);
  const attachmentId = newId<string>(stamp.wallMs);
  const text = caption?.trim();
  // Thrown inside the transaction to abort it; rethrown as itself, not as a storage failure.
  let refused: AttachmentRefusedError | undefined;
  await withStorageErrors(() =>
    db.transaction('rw', [...caseAppendTables(db), db.files, db.fileChunks], async () => {
      const [settings, events, stored] = await Promise.all([
        attachmentSettingsGet(db),
        caseEvents(db, caseId),
        db.files.get(file.hash),
      ]);
      const onCase = attachmentsOf(events);
      // The same file twice on one case takes its space once.
      const sameFile = onCase.some((a) => a.hash === file.hash);
      const refusal = attachmentSizeRefusal(
        sameFile ? 0 : file.size,
        attachmentsBytes(onCase),
        settings,
      );
      if (refusal) {
        refused = new AttachmentRefusedError(refusal.code, file.name, { limit: refusal.limit });
        throw refused;
      }
      if (!stored) {
        const row: FileEntity = {
          hash: file.hash,
          kind: file.kind,
          mediaType: file.mediaType,
          size: file.size,
          chunkCount: file.chunks.length,
          addedAt: stamp.at,
          ...(file.thumbnail
            ? {
                thumbnail: file.thumbnail.bytes,
                width: file.thumbnail.width,
                height: file.thumbnail.height,
              }
            : {}),
        };
        await db.files.add(row);
        await db.fileChunks.bulkAdd(
          file.chunks.map((bytes, index) => ({ hash: file.hash, index, bytes })),
        );
      }
      await caseAppendInTransaction(db, stamp, caseId, 'case/attachmentAdded', {
        attachmentId,
        hash: file.hash,
        name: file.name,
        kind: file.kind,
        mediaType: file.mediaType,
        inline: file.inline,
        size: file.size,
        ...(text ? { caption: text } : {}),
        ...(file.locationRemoved ? { locationRemoved: true } : {}),
      });
    }),
  ).catch((error: unknown) => {
    throw refused ?? error;
  });
  const events = await caseEvents(db, caseId);
  const added = attachmentsOf(events).find((a) => a.attachmentId === attachmentId);
  if (!added) throw new StorageError('notFound', { message: `No attachment ${attachmentId}` });
  return added;
}

/**
 * Takes an attachment off a case as the session's operator (`case/attachmentRemoved`). Its
 * bytes stay stored, so an administrator can still recover it. Throws `WorkflowError`
 * ('notAttached') when it is no longer on the case.
 */
export async function attachmentRemove(
  session: DeskSession,
  caseId: CaseId,
  attachment: Pick<CaseAttachment, 'attachmentId' | 'name'>,
  reason?: string,
): Promise<void> {
  const { db } = session;
  const stamp = sessionStamp(session);
  const text = reason?.trim();
  await withStorageErrors(() =>
    db.transaction('rw', caseAppendTables(db), () =>
      caseAppendInTransaction(db, stamp, caseId, 'case/attachmentRemoved', {
        attachmentId: attachment.attachmentId,
        name: attachment.name,
        ...(text ? { reason: text } : {}),
      }),
    ),
  );
}

/** An attachment with what is stored of its file (absent when the bytes were purged). */
export interface AttachmentView extends CaseAttachment {
  readonly file?: Pick<FileEntity, 'thumbnail' | 'width' | 'height' | 'chunkCount'>;
}

/**
 * The attachments the viewer of `caseEntity` may see, with their thumbnails: the one gate of
 * every read of a case's files. A confidential case's attachments follow the case: a `viewer`
 * who may not read the case (`viewerReadsCase`) sees none. Without a viewer (the desk's own
 * reads: printing, which checks the case itself) every attachment is given.
 */
export async function attachmentsReadable(
  db: DeskDatabase,
  caseEntity: CaseEntity,
  viewer?: CaseViewer,
): Promise<AttachmentView[]> {
  if (viewer && !viewerReadsCase(caseEntity, viewer)) return [];
  const list = attachmentsOf(await caseEvents(db, caseEntity.id));
  const files = await db.files.bulkGet([...new Set(list.map((a) => a.hash))]);
  const byHash = new Map(
    files.flatMap((f) =>
      f
        ? [
            [
              f.hash,
              {
                chunkCount: f.chunkCount,
                ...(f.thumbnail ? { thumbnail: f.thumbnail } : {}),
                ...(f.width === undefined ? {} : { width: f.width, height: f.height }),
              },
            ] as const,
          ]
        : [],
    ),
  );
  return list.map((a) => {
    const file = byHash.get(a.hash);
    return file ? { ...a, file } : a;
  });
}

/**
 * The bytes of one attachment of the case, as a Blob of its media type. Goes through
 * `attachmentsReadable`, so it opens only what the viewer may see. Throws
 * `StorageError('notFound')` when the attachment is not on the case or its bytes are gone.
 */
export async function attachmentContent(
  db: DeskDatabase,
  caseEntity: CaseEntity,
  attachmentId: string,
  viewer?: CaseViewer,
): Promise<Blob> {
  let attachment = (await attachmentsReadable(db, caseEntity, viewer)).find(
    (a) => a.attachmentId === attachmentId,
  );
  // Pulled from another desk (sync): the bytes come from the server the first time it is opened.
  if (
    attachment &&
    !attachment.file &&
    (await syncFileDownload(db, attachment, new Date().toISOString() as IsoInstant))
  ) {
    attachment = (await attachmentsReadable(db, caseEntity, viewer)).find(
      (a) => a.attachmentId === attachmentId,
    );
  }
  if (!attachment?.file) {
    throw new StorageError('notFound', { message: `No attachment ${attachmentId}` });
  }
  const chunks = await db.fileChunks.where('hash').equals(attachment.hash).sortBy('index');
  if (chunks.length !== attachment.file.chunkCount) {
    throw new StorageError('notFound', { message: `Attachment ${attachmentId} is incomplete` });
  }
  // Chunks are stored as their own buffers (see PreparedFile), never views of a larger one.
  return new Blob(
    chunks.map((c) => c.bytes as Uint8Array<ArrayBuffer>),
    { type: attachment.mediaType },
  );
}

/** The images a handling record prints in its annex, with their bytes, and how many a page. */
export interface AttachmentsAnnex {
  readonly perPage: 2 | 4;
  readonly images: readonly { readonly attachment: CaseAttachment; readonly image: Blob }[];
}

/**
 * The annex of a case's printed handling record: its inline images (not SVG), read through
 * `attachmentsReadable`; undefined when the desk prints no annex or the case has no image.
 */
export async function attachmentsAnnex(
  db: DeskDatabase,
  caseEntity: CaseEntity,
): Promise<AttachmentsAnnex | undefined> {
  const { annexPerPage } = await attachmentSettingsGet(db);
  if (annexPerPage === 0) return undefined;
  const readable = await attachmentsReadable(db, caseEntity);
  const images = attachmentsAnnexImages(readable).filter((a) => a.file !== undefined);
  if (images.length === 0) return undefined;
  return {
    perPage: annexPerPage,
    images: await Promise.all(
      images.map(async (attachment) => ({
        attachment,
        image: await attachmentContent(db, caseEntity, attachment.attachmentId),
      })),
    ),
  };
}

/** The space attachments take: distinct stored files and their bytes. */
export async function attachmentsStorageUse(
  db: DeskDatabase,
): Promise<{ readonly files: number; readonly bytes: number }> {
  let bytes = 0;
  let files = 0;
  await db.files.each((f) => {
    files += 1;
    bytes += f.size + (f.thumbnail?.byteLength ?? 0);
  });
  return { files, bytes };
}

/**
 * The attachments taken off a case whose bytes are still stored: what an administrator can
 * put back (`attachmentRestore`) until the files are purged.
 */
export async function attachmentsRemoved(
  db: DeskDatabase,
  caseEntity: CaseEntity,
  viewer?: CaseViewer,
): Promise<CaseAttachment[]> {
  if (viewer && !viewerReadsCase(caseEntity, viewer)) return [];
  const removed = attachmentsRemovedOf(await caseEvents(db, caseEntity.id));
  const stored = await db.files.bulkGet([...new Set(removed.map((a) => a.hash))]);
  const kept = new Set(stored.flatMap((f) => (f ? [f.hash] : [])));
  return removed.filter((a) => kept.has(a.hash));
}

/**
 * Puts a removed attachment back on its case as the session's operator: a new
 * `case/attachmentAdded` for the stored file (its bytes are not read or written again).
 * Throws `StorageError('notFound')` when the file was purged meanwhile.
 */
export async function attachmentRestore(
  session: DeskSession,
  caseId: CaseId,
  removed: CaseAttachment,
): Promise<void> {
  const { db } = session;
  const stamp = sessionStamp(session);
  await withStorageErrors(() =>
    db.transaction('rw', [...caseAppendTables(db), db.files], async () => {
      if (!(await db.files.get(removed.hash))) {
        throw new StorageError('notFound', { message: `File ${removed.hash} was purged` });
      }
      await caseAppendInTransaction(db, stamp, caseId, 'case/attachmentAdded', {
        attachmentId: newId<string>(stamp.wallMs),
        hash: removed.hash,
        name: removed.name,
        kind: removed.kind,
        mediaType: removed.mediaType,
        inline: removed.inline,
        size: removed.size,
        ...(removed.caption ? { caption: removed.caption } : {}),
        ...(removed.locationRemoved ? { locationRemoved: true } : {}),
      });
    }),
  );
}

/**
 * Deletes the stored files that no case has on it any more (every attachment of theirs was
 * removed), with an audit entry, as the session's operator (an administrator: the screens
 * offer it to them only). Reads every attachment event once: a rare task. Returns how many
 * files and bytes went.
 */
export async function filesPurge(
  session: DeskSession,
): Promise<{ readonly files: number; readonly bytes: number }> {
  const { db } = session;
  const stamp = sessionStamp(session);
  return withStorageErrors(() =>
    db.transaction('rw', [db.events, db.files, db.fileChunks, db.audit], async () => {
      const byCase = new Map<string, CaseEventEntity[]>();
      await db.events
        .filter((e) => e.type === 'case/attachmentAdded' || e.type === 'case/attachmentRemoved')
        .each((e) => {
          const list = byCase.get(e.caseId) ?? [];
          list.push(e);
          byCase.set(e.caseId, list);
        });
      const used = new Set<string>();
      for (const events of byCase.values()) {
        events.sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
        for (const a of attachmentsOf(events)) used.add(a.hash);
      }
      const unused = (await db.files.toArray()).filter((f) => !used.has(f.hash));
      for (const file of unused) {
        await db.fileChunks.where('hash').equals(file.hash).delete();
        await db.files.delete(file.hash);
      }
      const bytes = unused.reduce((sum, f) => sum + f.size, 0);
      if (unused.length > 0) {
        await auditRecord(db, {
          id: newId<AuditId>(stamp.wallMs),
          at: stamp.at,
          actorId: stamp.actorId,
          action: 'files.purged',
          detail: `${unused.length} files, ${bytes} bytes`,
        });
      }
      return { files: unused.length, bytes };
    }),
  );
}
