/**
 * The attachments benchmark page: `window.runAttachmentsBench(options)` times, in this browser,
 * (1) adding a 10 MB photo to a case the way the case page does (type sniffed, position strip
 * checked, SHA-256 while chunking, thumbnail drawn, one transaction with the event), and
 * (2) loading a case page's attachments when the case has 20 of them (the case, its history and
 * the thumbnails). Driven by bench/run-attachments.mjs in Chromium.
 */
import type { IsoInstant } from '@shared/kernel/brand';
import { openDeskDatabase } from '../../renderer/src/db/database';
import { attachmentAdd, attachmentsReadable } from '../../renderer/src/db/repos/attachments';
import { caseEvents, caseGet, caseRegister } from '../../renderer/src/db/repos/cases';
import { deskSetUp, deskState } from '../../renderer/src/db/repos/settings';
import { deskSessionOf, type DeskSession } from '../../renderer/src/db/session';
import { attachmentPrepare, fileSourceOf } from '../../renderer/src/features/attachments/prepare';
import { attachmentSettingsRestore } from '@shared/attachments/limits';

export interface AttachmentsBenchOptions {
  readonly runs: number;
  readonly warmup: number;
  /** Runs of the 10 MB addition (each writes 10 MB). */
  readonly addRuns: number;
}

interface Figures {
  readonly median: number;
  readonly p95: number;
  readonly runs: number;
}

function figures(times: number[]): Figures {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { median: at(0.5), p95: at(0.95), runs: sorted.length };
}

/** A JPEG of noise (which compresses badly, like a detailed photo) near `targetBytes`. */
async function noisePhoto(width: number, height: number, quality: number): Promise<Blob> {
  const canvas = new OffscreenCanvas(width, height);
  const g = canvas.getContext('2d');
  if (!g) throw new Error('no 2d context');
  const image = g.createImageData(width, height);
  let x = 2463534242;
  for (let i = 0; i < image.data.length; i += 4) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    image.data[i] = x & 0xff;
    image.data[i + 1] = (x >>> 8) & 0xff;
    image.data[i + 2] = (x >>> 16) & 0xff;
    image.data[i + 3] = 255;
  }
  g.putImageData(image, 0, 0);
  return canvas.convertToBlob({ type: 'image/jpeg', quality });
}

/** The same photo with a comment segment saying `tag`: other bytes, another hash. */
async function tagged(photo: Blob, tag: string): Promise<File> {
  const text = new TextEncoder().encode(tag);
  const length = text.length + 2;
  const comment = Uint8Array.from([0xff, 0xfe, length >> 8, length & 0xff, ...text]);
  return new File([photo.slice(0, 2), comment, photo.slice(2)], `${tag}.jpg`, {
    type: 'image/jpeg',
  });
}

async function benchDesk(): Promise<DeskSession> {
  const db = openDeskDatabase(`bench-attachments-${Date.now()}`);
  await deskSetUp(db, {
    organisationName: '基准测试物业',
    deskName: '客服中心',
    presetId: 'property',
    operatorName: '王芳',
    password: 'bench-desk',
    locale: 'zh-CN',
    now: new Date().toISOString() as IsoInstant,
  });
  const desk = await deskState(db);
  if (!desk) throw new Error('no desk');
  return deskSessionOf(db, desk);
}

async function benchCase(session: DeskSession) {
  return caseRegister(session, {
    kindId: 'complaint',
    channelId: 'phone',
    customer: { name: '李明', phone: '13912345678', address: '5栋1203室' },
    subject: '卫生间漏水',
    content: '楼上漏水',
    demand: '尽快修好',
    flags: [],
    receivedAt: new Date().toISOString() as IsoInstant,
    receiverId: session.operator.id,
    receiverName: session.operator.name,
  });
}

async function runAttachmentsBench(options: AttachmentsBenchOptions) {
  const session = await benchDesk();
  const settings = attachmentSettingsRestore(undefined);

  // 1. Adding a 10 MB photo.
  let photo = await noisePhoto(3600, 2700, 0.97);
  for (const quality of [0.95, 0.92, 0.9, 0.85, 0.8]) {
    if (photo.size <= 10.5 * 1024 * 1024) break;
    photo = await noisePhoto(3600, 2700, quality);
  }
  const item = await benchCase(session);
  const prepareTimes: number[] = [];
  const addTimes: number[] = [];
  const totalTimes: number[] = [];
  for (let run = 0; run < options.addRuns + 1; run += 1) {
    const file = await tagged(photo, `photo-${run}`);
    const t0 = performance.now();
    const prepared = await attachmentPrepare(fileSourceOf(file, file.name), settings);
    const t1 = performance.now();
    await attachmentAdd(session, item.id, prepared);
    const t2 = performance.now();
    // The first run warms the code paths up.
    if (run === 0) continue;
    prepareTimes.push(t1 - t0);
    addTimes.push(t2 - t1);
    totalTimes.push(t2 - t0);
  }

  // 2. A case page with 20 attachments: its case, its history and the thumbnails.
  const small = await noisePhoto(1600, 1200, 0.8);
  const many = await benchCase(session);
  for (let i = 0; i < 20; i += 1) {
    const file = await tagged(small, `page-${i}`);
    await attachmentAdd(
      session,
      many.id,
      await attachmentPrepare(fileSourceOf(file, file.name), settings),
    );
  }
  const openTimes: number[] = [];
  let shown = 0;
  for (let run = 0; run < options.warmup + options.runs; run += 1) {
    const t0 = performance.now();
    const loaded = await caseGet(session.db, many.id);
    if (!loaded) throw new Error('no case');
    const [events, list] = await Promise.all([
      caseEvents(session.db, loaded.id),
      attachmentsReadable(session.db, loaded),
    ]);
    const urls = list.flatMap((a) =>
      a.file?.thumbnail
        ? [URL.createObjectURL(new Blob([a.file.thumbnail as Uint8Array<ArrayBuffer>]))]
        : [],
    );
    const t1 = performance.now();
    urls.forEach((url) => URL.revokeObjectURL(url));
    shown = list.length;
    if (events.length < 21) throw new Error('the case lost events');
    if (run >= options.warmup) openTimes.push(t1 - t0);
  }
  const thumbBytes = (await attachmentsReadable(session.db, many)).reduce(
    (sum, a) => sum + (a.file?.thumbnail?.byteLength ?? 0),
    0,
  );
  await session.db.delete();
  return {
    startedAt: new Date().toISOString(),
    photoBytes: photo.size,
    smallPhotoBytes: small.size,
    thumbnailsBytes: thumbBytes,
    attachmentsShown: shown,
    add: { prepare: figures(prepareTimes), write: figures(addTimes), total: figures(totalTimes) },
    open: figures(openTimes),
  };
}

declare global {
  interface Window {
    runAttachmentsBench: typeof runAttachmentsBench;
  }
}

window.runAttachmentsBench = runAttachmentsBench;
