import { describe, expect, it } from 'vitest';
import type { CaseId } from '@shared/kernel/brand';
import type { DeskDatabase } from '../../db/database';
import { contentHash } from '@shared/attachments/hash';
import { jpegExifFacts } from '@shared/attachments/jpeg';
import { ATTACHMENT_SETTINGS_DEFAULT } from '@shared/attachments/limits';
import { testJpeg } from '@shared/attachments/test-files';
import { WorkflowError } from '../../db/errors';
import { testDatabase, testDeskSetUp, testRegister, testSession } from '../../db/test-builders';
import { attachmentPrepare, fileSourceOfBytes, type ThumbnailMaker } from './prepare';
import {
  AttachmentRefusedError,
  attachmentAdd,
  attachmentContent,
  attachmentRemove,
  attachmentRestore,
  attachmentsRemoved,
  filesPurge,
  attachmentSettingsChange,
  attachmentsReadable,
  attachmentsStorageUse,
} from '../../db/repos/attachments';
import { caseEvents, caseGet } from '../../db/repos/cases';

const RECEIVED = '2026-11-03T02:00:00.000Z';
/** jsdom draws nothing: a fixed "thumbnail" stands in for the canvas. */
const fakeThumbnail: ThumbnailMaker = async () => ({
  bytes: Uint8Array.from([0xff, 0xd8, 0xff, 0xd9]),
  width: 32,
  height: 24,
});

async function deskWithCase() {
  const db = testDatabase();
  const desk = await testDeskSetUp(db);
  const item = await testRegister(db, desk, RECEIVED);
  const session = testSession(db, desk, '2026-11-03T02:05:00.000Z');
  return { db, desk, item, session };
}

async function caseNow(db: DeskDatabase, id: CaseId) {
  const item = await caseGet(db, id);
  if (!item) throw new Error(`no case ${id}`);
  return item;
}

async function blobBytes(blob: Blob): Promise<Uint8Array> {
  // jsdom's Blob has no arrayBuffer(): read it as FileReader does.
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

describe('attachmentPrepare', () => {
  it('removes a photo’s position before hashing, so the stored copy has none', async () => {
    const original = testJpeg({ orientation: 6, gps: { lat: 31, lon: 121 } });
    const prepared = await attachmentPrepare(
      fileSourceOfBytes('现场.jpg', original),
      ATTACHMENT_SETTINGS_DEFAULT,
      fakeThumbnail,
    );
    expect(prepared.locationRemoved).toBe(true);
    expect(prepared.mediaType).toBe('image/jpeg');
    expect(prepared.size).toBeLessThan(original.length);
    const stored = prepared.chunks[0] ?? new Uint8Array();
    expect(jpegExifFacts(stored)).toEqual({ orientation: 6, hasGps: false });
    expect(prepared.hash).toBe(contentHash(stored));
  });

  it('keeps the position when the desk says so', async () => {
    const original = testJpeg({ orientation: 1, gps: { lat: 31, lon: 121 } });
    const prepared = await attachmentPrepare(
      fileSourceOfBytes('现场.jpg', original),
      { ...ATTACHMENT_SETTINGS_DEFAULT, keepLocation: true },
      fakeThumbnail,
    );
    expect(prepared.locationRemoved).toBe(false);
    expect(prepared.hash).toBe(contentHash(original));
  });

  it('stores a large file in pieces of 1 MB, each its own buffer', async () => {
    // This realm's Uint8Array (jsdom's TextEncoder answers with Node's).
    const bytes = Uint8Array.from(new TextEncoder().encode('通话记录\n'.repeat(300_000)));
    const prepared = await attachmentPrepare(
      fileSourceOfBytes('记录.txt', bytes),
      ATTACHMENT_SETTINGS_DEFAULT,
      fakeThumbnail,
    );
    expect(prepared.chunks.length).toBe(Math.ceil(bytes.length / (1024 * 1024)));
    expect(
      prepared.chunks.every((c) => c.byteOffset === 0 && c.buffer.byteLength === c.length),
    ).toBe(true);
    expect(prepared.hash).toBe(contentHash(bytes));
  });

  it('refuses over the limit before reading, a program, a lying name, a broken image', async () => {
    let reads = 0;
    const huge = {
      name: 'big.wav',
      size: 26 * 1024 * 1024,
      read: async () => {
        reads += 1;
        return new Uint8Array(0);
      },
    };
    await expect(attachmentPrepare(huge, ATTACHMENT_SETTINGS_DEFAULT)).rejects.toMatchObject({
      code: 'fileTooLarge',
      limit: 25 * 1024 * 1024,
    });
    expect(reads).toBe(0);
    const exe = new TextEncoder().encode('MZ\u0090\u0000This program cannot be run in DOS mode');
    await expect(
      attachmentPrepare(fileSourceOfBytes('photo.jpg', exe), ATTACHMENT_SETTINGS_DEFAULT),
    ).rejects.toMatchObject({ code: 'executable', fileName: 'photo.jpg' });
    await expect(
      attachmentPrepare(
        fileSourceOfBytes('scan.pdf', testJpeg()),
        ATTACHMENT_SETTINGS_DEFAULT,
        fakeThumbnail,
      ),
    ).rejects.toMatchObject({ code: 'extensionMismatch', detected: 'image/jpeg' });
    await expect(
      attachmentPrepare(
        fileSourceOfBytes('photo.jpg', testJpeg()),
        ATTACHMENT_SETTINGS_DEFAULT,
        async () => undefined,
      ),
    ).rejects.toBeInstanceOf(AttachmentRefusedError);
  });
});

describe('attachmentAdd', () => {
  it('stores a file once by its hash, however often it is added, with one event each', async () => {
    const { db, desk, item, session } = await deskWithCase();
    const other = await testRegister(db, desk, RECEIVED);
    const photo = await attachmentPrepare(
      fileSourceOfBytes('a.jpg', testJpeg({ orientation: 3 })),
      ATTACHMENT_SETTINGS_DEFAULT,
      fakeThumbnail,
    );
    await attachmentAdd(session, item.id, photo, '  门口积水 ');
    await attachmentAdd(session, item.id, { ...photo, name: 'again.jpg' });
    await attachmentAdd(session, other.id, photo);
    expect(await db.files.count()).toBe(1);
    expect(await db.fileChunks.count()).toBe(1);
    const list = await attachmentsReadable(db, await caseNow(db, item.id));
    expect(list.map((a) => [a.name, a.caption])).toEqual([
      ['a.jpg', '门口积水'],
      ['again.jpg', undefined],
    ]);
    expect([...(list[0]?.file?.thumbnail ?? [])]).toEqual([0xff, 0xd8, 0xff, 0xd9]);
    expect((await caseGet(db, item.id))?.attachmentIds).toHaveLength(2);
    const content = await attachmentContent(db, item, list[0]?.attachmentId ?? '');
    expect(content.type).toBe('image/jpeg');
    expect([...(await blobBytes(content))]).toEqual([...(photo.chunks[0] ?? [])]);
    expect(await attachmentsStorageUse(db)).toEqual({ files: 1, bytes: photo.size + 4 });
  });

  it('refuses a file that would overfill the case, and writes nothing', async () => {
    const { db, item, session } = await deskWithCase();
    await attachmentSettingsChange(session, { ...ATTACHMENT_SETTINGS_DEFAULT, maxCaseBytes: 1500 });
    const text = (n: number, fill: string) =>
      attachmentPrepare(
        fileSourceOfBytes(`${fill}.txt`, new TextEncoder().encode(fill.repeat(n))),
        ATTACHMENT_SETTINGS_DEFAULT,
      );
    await attachmentAdd(session, item.id, await text(1000, 'a'));
    // The same file again takes no more space.
    await attachmentAdd(session, item.id, await text(1000, 'a'));
    const before = {
      files: await db.files.count(),
      events: (await caseEvents(db, item.id)).length,
    };
    await expect(attachmentAdd(session, item.id, await text(600, 'b'))).rejects.toMatchObject({
      code: 'caseTooLarge',
      limit: 1500,
    });
    expect({
      files: await db.files.count(),
      events: (await caseEvents(db, item.id)).length,
    }).toEqual(before);
    expect(await db.fileChunks.count()).toBe(1);
  });

  it('removal keeps the bytes, hides the attachment, and is refused twice', async () => {
    const { db, item, session } = await deskWithCase();
    const file = await attachmentPrepare(
      fileSourceOfBytes('n.txt', new TextEncoder().encode('note')),
      ATTACHMENT_SETTINGS_DEFAULT,
    );
    const added = await attachmentAdd(session, item.id, file);
    await attachmentRemove(session, item.id, added, '传错了');
    const now = await caseNow(db, item.id);
    expect(await attachmentsReadable(db, now)).toEqual([]);
    expect(now.attachmentIds).toBeUndefined();
    expect(await db.files.count()).toBe(1);
    await expect(attachmentContent(db, now, added.attachmentId)).rejects.toMatchObject({
      code: 'notFound',
    });
    await expect(attachmentRemove(session, item.id, added)).rejects.toBeInstanceOf(WorkflowError);
  });
});

describe('recovery and purge', () => {
  it('an administrator puts a removed file back until it is purged; purge keeps files in use', async () => {
    const { db, desk, item, session } = await deskWithCase();
    const other = await testRegister(db, desk, RECEIVED);
    const text = (body: string) =>
      attachmentPrepare(
        fileSourceOfBytes(`${body}.txt`, Uint8Array.from(new TextEncoder().encode(body))),
        ATTACHMENT_SETTINGS_DEFAULT,
      );
    const kept = await attachmentAdd(session, item.id, await text('kept'));
    const gone = await attachmentAdd(session, item.id, await text('gone'), '误传');
    // The same bytes on another case, removed there but still on this one: not purged.
    const shared = await attachmentAdd(session, other.id, await text('kept'));
    await attachmentRemove(session, other.id, shared);
    await attachmentRemove(session, item.id, gone);

    const removed = await attachmentsRemoved(db, await caseNow(db, item.id));
    expect(removed.map((a) => [a.name, a.caption])).toEqual([['gone.txt', '误传']]);
    await attachmentRestore(session, item.id, removed[0] ?? gone);
    expect((await attachmentsReadable(db, await caseNow(db, item.id))).map((a) => a.name)).toEqual([
      'kept.txt',
      'gone.txt',
    ]);
    expect(await attachmentsRemoved(db, await caseNow(db, item.id))).toEqual([]);

    const again = (await attachmentsReadable(db, await caseNow(db, item.id)))[1];
    if (!again) throw new Error('not restored');
    await attachmentRemove(session, item.id, again);
    expect(await filesPurge(session)).toEqual({ files: 1, bytes: 4 });
    expect(await db.files.count()).toBe(1);
    expect(await db.fileChunks.count()).toBe(1);
    expect((await db.audit.toArray()).some((a) => a.action === 'files.purged')).toBe(true);
    expect(await attachmentsRemoved(db, await caseNow(db, item.id))).toEqual([]);
    await expect(attachmentRestore(session, item.id, again)).rejects.toMatchObject({
      code: 'notFound',
    });
    expect((await attachmentsReadable(db, await caseNow(db, item.id)))[0]?.attachmentId).toBe(
      kept.attachmentId,
    );
    expect(await filesPurge(session)).toEqual({ files: 0, bytes: 0 });
  });
});
