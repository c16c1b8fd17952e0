import { afterEach, describe, expect, it } from 'vitest';
import type { IsoInstant } from '@shared/kernel/brand';
import { calendarCreate } from '@shared/calendar/working-calendar';
import { DEFAULT_BUSINESS_HOURS } from '@shared/calendar/deadline';
import { importCheck, type ImportedCase } from '@shared/import/check';
import type { ImportCell } from '@shared/import/values';
import type { DeskDatabase } from '../database';
import { StorageError } from '../errors';
import {
  TEST_IMPORT_MAPPING,
  testDatabase,
  testDeskSetUp,
  testRegister,
  testSession,
} from '../test-builders';
import { tableChecksums } from '../table-checksums';
import { casesImport, importExistingNumbers, importNewUnitNames } from './import';
import { talliesGet, talliesRebuild } from './tallies';
import { settingsGet, type StoredDeskState } from './settings';

let db: DeskDatabase;
afterEach(async () => {
  await db.delete();
});

function rowsOf(...rows: ImportCell[][]): ImportedCase[] {
  return [
    ...importCheck(rows, 0, TEST_IMPORT_MAPPING, {
      rules: desk.rules,
      deadlineContext: {
        calendar: calendarCreate([]),
        businessHours: DEFAULT_BUSINESS_HOURS,
        timeZone: 'Asia/Shanghai',
      },
      now: '2026-11-30T04:00:00.000Z' as IsoInstant,
      existingNumbers: new Set(),
      operatorName: desk.operator.name,
    }).accepted,
  ];
}

let desk: StoredDeskState;

async function importRows(cases: readonly ImportedCase[]) {
  return casesImport(testSession(db, desk, '2026-11-30T04:00:00.000Z'), {
    cases,
    channelId: 'phone',
    fileName: '登记表.xlsx',
  });
}

/** Everything an import may write, to compare before and after a refused one. */
async function tables() {
  return {
    cases: await db.cases.count(),
    events: await db.events.count(),
    customers: await db.customers.count(),
    units: await db.units.count(),
    outbox: await db.outbox.count(),
    audit: await db.audit.count(),
    numbering: await settingsGet(db, 'numbering'),
  };
}

describe('casesImport', () => {
  it('creates the cases with their numbers, history, customer files and units, and moves the counter', async () => {
    db = testDatabase();
    desk = await testDeskSetUp(db);
    const cases = rowsOf(
      [
        '2611-0007',
        '张建国',
        '13812345678',
        '电梯停运',
        '2026-11-02 10:00',
        '投诉',
        '工程部/李强',
        '2026-11-03 15:00',
        '2026-11-03 16:00',
        5,
      ],
      [
        '2611-0003',
        '张建国',
        '13812345678',
        '楼道漏水',
        '2026-11-04 09:00',
        '投诉',
        '工程部/王五',
        '',
        '',
        '',
      ],
      [
        '2611-0004',
        '李梅',
        '13900001111',
        '咨询停车',
        '2026-11-05 09:00',
        '需求',
        '',
        '2026-11-05 09:10',
        '',
        '',
      ],
    );
    expect(cases).toHaveLength(3);
    expect(await importNewUnitNames(db, cases)).toEqual(['工程部']);

    const result = await importRows(cases);
    expect(result).toEqual({ created: 3, unitsCreated: ['工程部'] });
    const stored = await db.cases.orderBy('number').toArray();
    expect(stored.map((c) => [c.number, c.status, c.imported])).toEqual([
      ['2611-0003', 'dispatched', true],
      ['2611-0004', 'handledDirectly', true],
      ['2611-0007', 'replied', true],
    ]);
    // One household, one file.
    expect(await db.customers.count()).toBe(2);
    expect(stored[0]?.customer.customerId).toBe(stored[2]?.customer.customerId);
    // Received, dispatched, replied, followed up; received, dispatched; received, answered.
    expect(await db.events.count()).toBe(4 + 2 + 2);
    expect(await settingsGet(db, 'numbering')).toEqual({ '2611': 7 });
    expect(await importExistingNumbers(db, ['2611-0003', '2611-0099'])).toEqual(
      new Set(['2611-0003']),
    );

    // The next case registered in November continues after the imported numbers.
    const next = await testRegister(db, desk, '2026-11-10T02:00:00.000Z');
    expect(next.number).toBe('2611-0008');
    const audit = await db.audit.where('action').equals('register.imported').toArray();
    expect(audit).toMatchObject([{ target: '登记表.xlsx', detail: '3' }]);
  });

  it('writes nothing when one number exists already', async () => {
    db = testDatabase();
    desk = await testDeskSetUp(db);
    const existing = await testRegister(db, desk, '2026-11-02T02:00:00.000Z');
    const before = await tables();
    const cases = rowsOf(
      [
        '2611-0050',
        '张建国',
        '13812345678',
        '电梯停运',
        '2026-11-02 10:00',
        '投诉',
        '工程部/李强',
        '',
        '',
        '',
      ],
      [
        existing.number,
        '李梅',
        '13900001111',
        '咨询停车',
        '2026-11-05 09:00',
        '需求',
        '',
        '',
        '',
        '',
      ],
    );
    await expect(importRows(cases)).rejects.toBeInstanceOf(StorageError);
    expect(await tables()).toEqual(before);
  });

  /** `count` rows; every third caller calls again (same phone), every other row is dispatched. */
  function manyRows(count: number): ImportedCase[] {
    const rows: ImportCell[][] = [];
    for (let i = 0; i < count; i++) {
      const caller = i % Math.ceil(count / 3);
      rows.push([
        `2611-${1001 + i}`,
        `业主${caller}`,
        `139${String(caller).padStart(8, '0')}`,
        `${i}号楼电梯停运`,
        `2026-11-${String((i % 20) + 1).padStart(2, '0')} 10:00`,
        '投诉',
        i % 2 === 0 ? '工程部/李强' : '',
        '',
        '',
        '',
      ]);
    }
    return rowsOf(...rows);
  }

  it('writes a large register in slices, telling its progress, with tallies and files as one by one', async () => {
    db = testDatabase();
    desk = await testDeskSetUp(db);
    // A file the desk knows already: the import completes it rather than making another.
    await testRegister(db, desk, '2026-11-01T02:00:00.000Z');
    const cases = manyRows(25);
    expect(cases).toHaveLength(25);
    const progress: number[] = [];
    const result = await casesImport(
      testSession(db, desk, '2026-11-30T04:00:00.000Z'),
      { cases, channelId: 'phone', fileName: '登记表.xlsx' },
      { slice: 10, onProgress: (done, total) => progress.push(done, total) },
    );
    expect(result.created).toBe(25);
    expect(progress).toEqual([10, 25, 20, 25, 25, 25]);
    expect(await db.cases.count()).toBe(26);
    // Nine callers (25 rows, each calling up to three times), one file each.
    const files = await db.customers.toArray();
    expect(files.filter((f) => f.name.startsWith('业主'))).toHaveLength(9);
    const stored = await db.cases.where('number').startsWith('2611-').toArray();
    const byPhone = new Map<string, Set<string | undefined>>();
    for (const c of stored) {
      const ids = byPhone.get(c.customer.phone) ?? new Set();
      ids.add(c.customer.customerId);
      byPhone.set(c.customer.phone, ids);
    }
    expect([...byPhone.values()].every((ids) => ids.size === 1 && !ids.has(undefined))).toBe(true);
    // The tallies kept during the slices are those counted again from the cases.
    const kept = await talliesGet(db);
    expect(kept).toEqual(await talliesRebuild(db));
    expect(kept?.all).toBe(26);
  });

  it('a cancel in the middle leaves every table exactly as it was', async () => {
    db = testDatabase();
    desk = await testDeskSetUp(db);
    await testRegister(db, desk, '2026-11-01T02:00:00.000Z');
    const before = await tableChecksums(db);
    const controller = new AbortController();
    const progress: number[] = [];
    const run = casesImport(
      testSession(db, desk, '2026-11-30T04:00:00.000Z'),
      { cases: manyRows(25), channelId: 'phone', fileName: '登记表.xlsx' },
      {
        slice: 10,
        signal: controller.signal,
        onProgress: (done) => {
          progress.push(done);
          // Cancelled once the first slice is written (and the second under way).
          controller.abort();
        },
      },
    );
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(progress).toEqual([10]);
    expect(await tableChecksums(db)).toEqual(before);
  });

  it('a cancel before the start writes nothing', async () => {
    db = testDatabase();
    desk = await testDeskSetUp(db);
    const before = await tableChecksums(db);
    const controller = new AbortController();
    controller.abort();
    await expect(
      casesImport(
        testSession(db, desk, '2026-11-30T04:00:00.000Z'),
        { cases: manyRows(3), channelId: 'phone', fileName: '登记表.xlsx' },
        { signal: controller.signal },
      ),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(await tableChecksums(db)).toEqual(before);
  });
});
