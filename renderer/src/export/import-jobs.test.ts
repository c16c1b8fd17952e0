import { afterEach, describe, expect, it } from 'vitest';
import type { IsoInstant } from '@shared/kernel/brand';
import { calendarCreate } from '@shared/calendar/working-calendar';
import { DEFAULT_BUSINESS_HOURS } from '@shared/calendar/deadline';
import type { ImportCell } from '@shared/import/values';
import type { DeskDatabase } from '../db/database';
import { StorageError } from '../db/errors';
import { tableChecksums } from '../db/table-checksums';
import {
  TEST_IMPORT_MAPPING,
  testDatabase,
  testDeskSetUp,
  testRegister,
  testSession,
} from '../db/test-builders';
import type { StoredDeskState } from '../db/repos/settings';
import { importErrorOf } from './import-client';
import { importFailureOf, importJobsCreate } from './import-jobs';
import type { FromImportWorker, ImportCheckRequest, ImportWriteRequest } from './import-protocol';

const NOW = '2026-11-30T04:00:00.000Z' as IsoInstant;

let db: DeskDatabase;
let desk: StoredDeskState;
afterEach(async () => {
  await db.delete();
});

/** A header row, then `count` cases (numbers from `first`), every third caller calling again. */
function register(count: number, first = 1001): ImportCell[][] {
  const rows: ImportCell[][] = [['编号', '姓名', '电话', '事项', '受理时间', '类别']];
  for (let i = 0; i < count; i++) {
    rows.push([
      `2611-${first + i}`,
      `业主${i % 7}`,
      `139${String(i % 7).padStart(8, '0')}`,
      `${i}号楼电梯停运`,
      `2026-11-${String((i % 20) + 1).padStart(2, '0')} 10:00`,
      '投诉',
      i % 2 === 0 ? '工程部/李强' : '',
    ]);
  }
  return rows;
}

async function setUp(rows: ImportCell[][]) {
  db = testDatabase();
  desk = await testDeskSetUp(db);
  const messages: FromImportWorker[] = [];
  let listener: (message: FromImportWorker) => void = () => undefined;
  const jobs = importJobsCreate(
    (message) => {
      messages.push(message);
      listener(message);
    },
    {
      openDatabase: () => db,
      read: () => Promise.resolve({ ok: true, rows }),
      slice: 25,
    },
  );
  const session = testSession(db, desk, NOW);
  const checkRequest: ImportCheckRequest = {
    database: db.name,
    dataStartRow: 1,
    mapping: TEST_IMPORT_MAPPING,
    rules: desk.rules,
    deadlineContext: {
      calendar: calendarCreate([]),
      businessHours: DEFAULT_BUSINESS_HOURS,
      timeZone: 'Asia/Shanghai',
    },
    now: NOW,
    operatorName: desk.operator.name,
  };
  const writeRequest: ImportWriteRequest = {
    database: db.name,
    operator: session.operator,
    desk: session.desk,
    now: NOW,
    channelId: 'phone',
    fileName: '登记表.csv',
  };
  return {
    jobs,
    messages,
    checkRequest,
    writeRequest,
    onMessage: (next: (message: FromImportWorker) => void) => {
      listener = next;
    },
  };
}

describe('the import worker', () => {
  it('reads, checks and writes, sending only the head, a summary and progress to the page', async () => {
    // Sixty cases, then blank rows (skipped): the check tells its progress every 500 rows.
    const rows = [...register(60), ...Array.from({ length: 1140 }, (): ImportCell[] => [])];
    const { jobs, messages, checkRequest, writeRequest } = await setUp(rows);
    await jobs.handle({ type: 'read', name: '登记表.csv', bytes: new ArrayBuffer(8) });
    expect(messages.at(-1)).toMatchObject({ type: 'read', read: { ok: true, rowCount: 1201 } });
    const read = messages.at(-1);
    expect(read?.type === 'read' && read.read.ok ? read.read.head.length : 0).toBe(10);

    await jobs.handle({ type: 'check', request: checkRequest });
    const checking = messages.filter((m) => m.type === 'progress' && m.phase === 'check');
    expect(checking.map((m) => (m.type === 'progress' ? m.done : 0))).toEqual([500, 1000, 1201]);
    const checked = messages.at(-1);
    expect(checked).toMatchObject({
      type: 'checked',
      summary: { rows: 60, accepted: 60, rejected: [], newUnits: ['工程部'] },
    });
    expect(checked?.type === 'checked' ? checked.summary.preview.length : 0).toBe(20);

    await jobs.handle({ type: 'write', request: writeRequest });
    const writing = messages.filter((m) => m.type === 'progress' && m.phase === 'write');
    expect(writing.map((m) => (m.type === 'progress' ? [m.done, m.total] : []))).toEqual([
      [25, 60],
      [50, 60],
      [60, 60],
    ]);
    expect(messages.at(-1)).toEqual({
      type: 'written',
      result: { created: 60, unitsCreated: ['工程部'] },
    });
    expect(await db.cases.count()).toBe(60);
    // Seven callers, one file each.
    expect(await db.customers.count()).toBe(7);
    // The rows are gone with the write: writing again needs a new file.
    await jobs.handle({ type: 'write', request: writeRequest });
    expect(messages.at(-1)).toMatchObject({ type: 'failed', failure: { kind: 'other' } });
    expect(await db.cases.count()).toBe(60);
  }, 30_000);

  it('a cancel during the write leaves the database as it was, and the import can run again', async () => {
    const { jobs, messages, checkRequest, writeRequest, onMessage } = await setUp(register(80));
    await testRegister(db, desk, '2026-11-01T02:00:00.000Z');
    await jobs.handle({ type: 'read', name: '登记表.csv', bytes: new ArrayBuffer(8) });
    await jobs.handle({ type: 'check', request: checkRequest });
    const before = await tableChecksums(db);
    onMessage((message) => {
      if (message.type === 'progress' && message.phase === 'write') {
        void jobs.handle({ type: 'cancel' });
      }
    });
    await jobs.handle({ type: 'write', request: writeRequest });
    expect(messages.at(-1)).toEqual({ type: 'cancelled' });
    expect(await tableChecksums(db)).toEqual(before);

    onMessage(() => undefined);
    await jobs.handle({ type: 'write', request: writeRequest });
    expect(messages.at(-1)).toMatchObject({ type: 'written', result: { created: 80 } });
    expect(await db.cases.count()).toBe(81);
  }, 30_000);

  it('a number the desk has refuses its row at the check, and then nothing is written', async () => {
    const rows = register(3);
    const { jobs, messages, checkRequest, writeRequest } = await setUp(rows);
    const existing = await testRegister(db, desk, '2026-11-01T02:00:00.000Z');
    const second = rows[2];
    if (second) second[0] = existing.number;
    await jobs.handle({ type: 'read', name: '登记表.csv', bytes: new ArrayBuffer(8) });
    await jobs.handle({ type: 'check', request: checkRequest });
    expect(messages.at(-1)).toMatchObject({
      type: 'checked',
      summary: { rows: 3, accepted: 2, rejected: [{ rowNumber: 3 }] },
    });
    const checked = messages.at(-1);
    expect(checked?.type === 'checked' ? checked.summary.rejected[0]?.problems : []).toMatchObject([
      { code: 'numberExists' },
    ]);
    const before = await tableChecksums(db);
    await jobs.handle({ type: 'write', request: writeRequest });
    expect(messages.at(-1)).toMatchObject({ type: 'failed', failure: { kind: 'other' } });
    expect(await tableChecksums(db)).toEqual(before);
  });

  it('the data layer errors cross to the page and come back as themselves', () => {
    const storage = importErrorOf(
      importFailureOf(new StorageError('duplicateNumber', { message: 'Numbers exist: 2611-1' })),
    );
    expect(storage).toBeInstanceOf(StorageError);
    expect(storage).toMatchObject({ code: 'duplicateNumber', message: 'Numbers exist: 2611-1' });
    expect(importErrorOf(importFailureOf(new TypeError('boom')))).toMatchObject({
      message: 'TypeError: boom',
    });
  });
});
