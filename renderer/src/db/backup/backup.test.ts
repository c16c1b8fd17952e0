// @vitest-environment node
// Node's Blob (with stream() and arrayBuffer()), as in Chromium; fake-indexeddb from setup.ts.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { BACKUP_MANIFEST_PART } from '@shared/backup/format';
import { CASE_EVENT_PERMISSION } from '@shared/access/permissions';
import type { CaseEventType } from '@shared/workflow/events';
import { SCHEMA_V1 } from '../schema-v1';
import type { DeskDatabase } from '../database';
import { tableChecksums } from '../table-checksums';
import { testDatabase, testDeskSetUp, testRegister } from '../test-builders';
import { backupRead } from './read';
import { backupRestoreInto } from './restore';
import { backupWrite, type BackupSink } from './write';

const APP = { name: 'complaint-desk', version: '0.1.0' };
const opened: Dexie[] = [];

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

function track<T extends Dexie>(db: T): T {
  opened.push(db);
  return db;
}

async function backupOf(db: Dexie, pageSize = 3): Promise<Blob> {
  const chunks: Blob[] = [];
  const sink: BackupSink = {
    async write(chunk) {
      chunks.push(new Blob([chunk.slice()]));
    },
  };
  await backupWrite(db, sink, { app: APP, reason: 'manual', now: () => new Date(), pageSize });
  return new Blob(chunks);
}

async function deskWithCases(): Promise<DeskDatabase> {
  const db = track(testDatabase());
  const desk = await testDeskSetUp(db);
  for (let i = 0; i < 7; i++) {
    await testRegister(db, desk, `2026-11-0${3 + (i % 3)}T02:0${i}:00.000Z`, {
      subject: `漏水 ${i}`,
    });
  }
  // A file and its chunks, as attachments will store them: bytes named by their hash.
  const bytes = new Uint8Array([1, 2, 3, 4, 5]);
  await db.table('files').add({
    hash: 'a'.repeat(64),
    addedAt: '2026-11-03T02:00:00.000Z',
    content: new Blob([bytes], { type: 'image/png' }),
  });
  await db.table('fileChunks').add({ hash: 'a'.repeat(64), index: 0, bytes });
  return db;
}

async function partText(blob: Blob, part: string): Promise<string> {
  const parts = unzipSync(new Uint8Array(await blob.arrayBuffer()));
  return new TextDecoder().decode(parts[part]);
}

/** A part replaced by `text`, with its size and SHA-256 in the manifest made to match. */
function partReplace(parts: Record<string, Uint8Array>, table: string, text: string): void {
  const manifest = JSON.parse(new TextDecoder().decode(parts[BACKUP_MANIFEST_PART]));
  const bytes = strToU8(text);
  parts[`tables/${table}.ndjson`] = bytes;
  const entry = manifest.tables.find((t: { name: string }) => t.name === table);
  entry.bytes = bytes.length;
  entry.sha256 = bytesToHex(sha256(bytes));
  parts[BACKUP_MANIFEST_PART] = strToU8(JSON.stringify(manifest));
}

/** The zip's parts, changed by `edit`, zipped again. */
async function rezip(blob: Blob, edit: (parts: Record<string, Uint8Array>) => void): Promise<Blob> {
  const parts = unzipSync(new Uint8Array(await blob.arrayBuffer()));
  edit(parts);
  return new Blob([zipSync(parts).slice()]);
}

describe('backup and restore', () => {
  it('restores every table identical to the one backed up, binary values included', async () => {
    const db = await deskWithCases();
    const before = await tableChecksums(db);
    const blob = await backupOf(db);
    const read = await backupRead(blob);
    if (!read.ok) throw new Error(read.detail);
    expect(read.manifest.tables.map((t) => t.name)).toEqual(
      db.tables.map((t) => t.name).filter((n) => n !== 'tallies' && n !== 'dayCounts'),
    );
    expect(read.manifest.tables.find((t) => t.name === 'cases')?.count).toBe(7);
    expect(read.manifest.files.count).toBe(1);
    // A part is its table's records as they are, but for the cases' search pieces (format 2).
    for (const table of read.manifest.tables.filter((t) => t.name !== 'cases'))
      expect(table.sha256).toBe(before[table.name]?.sha256);
    const caseLines = await partText(blob, 'tables/cases.ndjson');
    expect(caseLines.match(/"searchTerms":"\$derived"/g)).toHaveLength(7);

    const restored = track(await backupRestoreInto(read, `r-${crypto.randomUUID()}`));
    expect(await tableChecksums(restored)).toEqual(before);
    const file = await restored.table('files').get('a'.repeat(64));
    expect(file.content).toBeInstanceOf(Blob);
    expect(file.content.type).toBe('image/png');
    expect([...new Uint8Array(await file.content.arrayBuffer())]).toEqual([1, 2, 3, 4, 5]);
    expect(restored.verno).toBe(4);
  });

  it('stops at a write that fails, after the write in flight, and writes nothing more', async () => {
    const db = await deskWithCases();
    const log: string[] = [];
    let calls = 0;
    const sink: BackupSink = {
      async write() {
        calls++;
        const n = calls;
        log.push(`start ${n}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        log.push(`end ${n}`);
        if (n === 3) throw new Error('disk full');
      },
    };
    await expect(
      backupWrite(db, sink, { app: APP, reason: 'manual', now: () => new Date(), pageSize: 2 }),
    ).rejects.toThrow('disk full');
    const settled = log.length;
    await new Promise((resolve) => setTimeout(resolve, 30));
    // Every write begun had ended when the backup failed, and none began after.
    expect(log).toHaveLength(settled);
    expect(log.filter((l) => l.startsWith('start')).length).toBe(
      log.filter((l) => l.startsWith('end')).length,
    );
  });

  it('refuses a backup whose part was changed, naming the part', async () => {
    const db = await deskWithCases();
    const blob = await rezip(await backupOf(db), (parts) => {
      const text = new TextDecoder().decode(parts['tables/cases.ndjson']);
      parts['tables/cases.ndjson'] = strToU8(text.replace('漏水 3', '漏水 4'));
    });
    expect(await backupRead(blob)).toMatchObject({
      ok: false,
      code: 'checksumMismatch',
      detail: 'tables/cases.ndjson',
    });
  });

  it('refuses flipped bytes, a missing manifest, an unknown part and a file that is not a zip', async () => {
    const db = await deskWithCases();
    const good = new Uint8Array(await (await backupOf(db)).arrayBuffer());
    const flipped = good.slice();
    flipped[200] = (flipped[200] ?? 0) ^ 0xff;
    expect((await backupRead(new Blob([flipped]))).ok).toBe(false);
    const noManifest = await rezip(new Blob([good]), (parts) => {
      parts['manifest.json'] = new Uint8Array(0);
      Reflect.deleteProperty(parts, 'manifest.json');
    });
    expect(await backupRead(noManifest)).toMatchObject({ code: 'noManifest' });
    const extra = await rezip(new Blob([good]), (parts) => (parts['evil.exe'] = strToU8('x')));
    expect(await backupRead(extra)).toMatchObject({ code: 'unexpectedPart' });
    expect(await backupRead(new Blob(['not a zip at all, just text']))).toMatchObject({
      code: 'notZip',
    });
    expect(await backupRead(new Blob([good.slice(0, good.length - 10)]))).toMatchObject({
      ok: false,
    });
  });

  it('restores a backup holding one event of every type the workflow has', async () => {
    const db = await deskWithCases();
    const [target] = await db.cases.limit(1).toArray();
    if (!target) throw new Error('no case');
    // Every step the workflow knows, from a table the compiler keeps complete (a Record over
    // CaseEventType), so a step added later is in this backup too.
    const types = Object.keys(CASE_EVENT_PERMISSION) as CaseEventType[];
    expect(types).toContain('case/attachmentAdded');
    expect(types).toContain('case/interimMet');
    await db.events.bulkAdd(
      types.map((type, i) => ({
        id: `every-${String(i).padStart(3, '0')}`,
        caseId: target.id,
        type,
        at: '2026-11-05T03:00:00.000Z',
        hlc: `2026-11-05T03:00:00.000Z-${String(i).padStart(4, '0')}-test`,
        actorId: 'staff-test',
        actorName: '测试',
        deskId: target.deskId,
        payload: {},
        // The table's rows hold every event shape; these carry only what the schemas check.
      })) as never[],
    );
    const before = await tableChecksums(db);
    const read = await backupRead(await backupOf(db, 50));
    if (!read.ok) throw new Error(`${read.code}: ${read.detail}`);
    const restored = track(await backupRestoreInto(read, `r-${crypto.randomUUID()}`));
    expect(await tableChecksums(restored)).toEqual(before);
    const restoredTypes = new Set(
      (await restored.table('events').where('caseId').equals(target.id).toArray()).map(
        (e: { type: string }) => e.type,
      ),
    );
    for (const type of types) expect(restoredTypes.has(type), type).toBe(true);
  });

  it('reads a format 1 backup, whose cases hold their search pieces written out', async () => {
    const db = await deskWithCases();
    const before = await tableChecksums(db);
    const cases = (await db.cases.toArray()).map((c) => JSON.stringify(c)).join('\n') + '\n';
    const blob = await rezip(await backupOf(db), (parts) => {
      partReplace(parts, 'cases', cases);
      const manifest = JSON.parse(new TextDecoder().decode(parts[BACKUP_MANIFEST_PART]));
      manifest.formatVersion = 1;
      parts[BACKUP_MANIFEST_PART] = strToU8(JSON.stringify(manifest));
    });
    expect(await partText(blob, 'tables/cases.ndjson')).not.toContain('$derived');
    const read = await backupRead(blob);
    if (!read.ok) throw new Error(read.detail);
    expect(read.manifest.formatVersion).toBe(1);
    const restored = track(await backupRestoreInto(read, `r-${crypto.randomUUID()}`));
    expect(await tableChecksums(restored)).toEqual(before);
  });

  it('keeps search pieces that are not the ones the texts give (pending, older)', async () => {
    const db = await deskWithCases();
    const [first, second] = await db.cases.limit(2).toArray();
    if (!first || !second) throw new Error('no cases');
    await db.cases.update(first.id, { searchTerms: ['旧'] });
    await db.cases.update(second.id, { searchTerms: [], searchPending: 1 });
    const before = await tableChecksums(db);
    const blob = await backupOf(db);
    const lines = await partText(blob, 'tables/cases.ndjson');
    expect(lines).toContain('"searchTerms":["旧"]');
    expect(lines).toContain('"searchTerms":[]');
    expect(lines.match(/"searchTerms":"\$derived"/g)).toHaveLength(5);
    const read = await backupRead(blob);
    if (!read.ok) throw new Error(read.detail);
    const restored = track(await backupRestoreInto(read, `r-${crypto.randomUUID()}`));
    expect(await tableChecksums(restored)).toEqual(before);
  });

  it('refuses a "$derived" value anywhere but the case pieces', async () => {
    const db = await deskWithCases();
    const blob = await backupOf(db);
    const bad = await rezip(blob, (parts) => {
      const text = new TextDecoder()
        .decode(parts['tables/cases.ndjson'])
        .replace(/"flags":\[[^\]]*\]/, '"flags":"$derived"');
      partReplace(parts, 'cases', text);
    });
    expect(await backupRead(bad)).toMatchObject({ code: 'badRecord' });
  });

  it('refuses a record the schemas reject even when its checksum was recomputed', async () => {
    const db = await deskWithCases();
    const blob = await backupOf(db);
    const read = await backupRead(blob);
    if (!read.ok) throw new Error(read.detail);
    const bad = await rezip(blob, (parts) => {
      const text = new TextDecoder()
        .decode(parts['tables/events.ndjson'])
        .replace('"case/received"', '"case/hacked"');
      const manifest = JSON.parse(new TextDecoder().decode(parts[BACKUP_MANIFEST_PART]));
      const bytes = strToU8(text);
      parts['tables/events.ndjson'] = bytes;
      const events = manifest.tables.find((t: { name: string }) => t.name === 'events');
      events.bytes = bytes.length;
      events.sha256 = bytesToHex(sha256(bytes));
      parts[BACKUP_MANIFEST_PART] = strToU8(JSON.stringify(manifest));
    });
    expect(await backupRead(bad)).toMatchObject({ code: 'badRecord' });
  });

  it('refuses a backup from a newer schema with the versions in its message', async () => {
    const db = await deskWithCases();
    const blob = await rezip(await backupOf(db), (parts) => {
      const manifest = JSON.parse(new TextDecoder().decode(parts[BACKUP_MANIFEST_PART]));
      manifest.schemaVersion = 5;
      manifest.app.version = '9.0.0';
      parts[BACKUP_MANIFEST_PART] = strToU8(JSON.stringify(manifest));
    });
    const read = await backupRead(blob, { appVersion: '0.1.0' });
    expect(read).toMatchObject({ ok: false, code: 'newerSchema' });
    expect(!read.ok && read.detail).toContain('9.0.0');
  });

  it('restores a version 1 backup through the Dexie upgrades to version 4', async () => {
    // A desk still at schema version 1, as an older application left it.
    const source = await deskWithCases();
    const v1 = track(new Dexie(`v1-${crypto.randomUUID()}`));
    v1.version(1).stores(SCHEMA_V1);
    await v1.open();
    for (const table of v1.tables) {
      if (table.name === 'tallies') continue;
      await table.bulkAdd(await source.table(table.name).toArray());
    }
    const blob = await backupOf(v1);
    const read = await backupRead(blob);
    if (!read.ok) throw new Error(read.detail);
    expect(read.manifest.schemaVersion).toBe(1);
    expect(read.manifest.tables.map((t) => t.name)).not.toContain('files');
    const restored = track(await backupRestoreInto(read, `r-${crypto.randomUUID()}`));
    expect(restored.verno).toBe(4);
    expect(await restored.table('cases').count()).toBe(7);
    expect(restored.tables.map((t) => t.name)).toContain('fileChunks');
    const sourceSums = await tableChecksums(source);
    const restoredSums = await tableChecksums(restored);
    expect(restoredSums.events).toEqual(sourceSums.events);
  });
});
