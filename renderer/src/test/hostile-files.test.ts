/**
 * Hostile files against every reader of HOSTILE_READERS: each must be refused with words the
 * locale has, leave every table byte for byte as it was, and leave Object.prototype alone.
 * A fixed seed and a bounded count here; `npm run fuzz` runs longer with a fresh seed
 * (FUZZ_RUNS, FUZZ_SEED), and prints how many inputs were tried.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGISTER_COLUMNS, registerHeader } from '@shared/register/columns';
import type { ImportCell } from '@shared/import/values';
import { zhCN } from '../app/locales/zh-CN';
import type { DeskDatabase } from '../db/database';
import type { StoredDeskState } from '../db/repos/settings';
import { tableChecksums, type TableChecksums } from '../db/table-checksums';
import { testDatabase, testDeskSetUp, testSession } from '../db/test-builders';
import { HOSTILE_READERS, registerImportAttempt } from './hostile-files';
import { zerosDeflated, zipForge } from './zip-forge';

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_205);
const NOW = '2026-11-30T04:00:00.000Z';
/** Each run may take a second or two (ExcelJS writes and reads a workbook). */
const TIMEOUT_MS = Math.max(120_000, RUNS * 2_000);

type ColumnId = (typeof REGISTER_COLUMNS)[number]['id'];

function registerRow(values: Partial<Record<ColumnId, ImportCell>>): ImportCell[] {
  return REGISTER_COLUMNS.map((c) => values[c.id] ?? null);
}

const GOOD: Partial<Record<ColumnId, ImportCell>> = {
  index: 1,
  customerName: '张建国',
  room: '3-1502',
  phone: '13812345678',
  subject: '电梯停运',
  receiver: '王芳',
  receivedDate: '2026-11-02',
  receivedTime: '10:00',
  kind: '投诉',
  handling: '2611-0001',
};

function headerRows(desk: StoredDeskState): ImportCell[][] {
  const top: ImportCell[] = REGISTER_COLUMNS.map(() => null);
  const second: ImportCell[] = REGISTER_COLUMNS.map(() => null);
  for (const cell of registerHeader(desk.rules, 'zh-CN')) {
    (cell.row === 0 ? top : second)[cell.firstColumn] = cell.text;
  }
  return [top, second];
}

async function xlsxOf(rows: readonly ImportCell[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('登记表');
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

function csvOf(rows: readonly ImportCell[][]): Uint8Array {
  const quote = (cell: ImportCell) => `"${String(cell ?? '').replaceAll('"', '""')}"`;
  return new TextEncoder().encode(rows.map((row) => row.map(quote).join(',')).join('\r\n'));
}

/** The keys every message is looked up by must exist in the Chinese locale, non-empty. */
function localeHas(key: string): boolean {
  let node: unknown = zhCN;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' && node.length > 0;
}

let db: DeskDatabase;
let desk: StoredDeskState;
let before: TableChecksums;
let tried = 0;
/** A register whose every row is good but one, duplicated: readable, yet never importable. */
let poisonedXlsx: Uint8Array;

beforeAll(async () => {
  db = testDatabase();
  desk = await testDeskSetUp(db);
  poisonedXlsx = await xlsxOf([
    ...headerRows(desk),
    registerRow(GOOD),
    registerRow({ ...GOOD, index: 2 }),
  ]);
  before = await tableChecksums(db);
});

afterAll(async () => {
  console.info(`hostile files: ${tried} inputs tried (seed ${SEED}, ${RUNS} runs a property)`);
  await db.delete();
});

async function expectRefused(fileName: string, bytes: Uint8Array): Promise<void> {
  for (const reader of HOSTILE_READERS) {
    tried += 1;
    const outcome = await reader.attempt(testSession(db, desk, NOW), desk, fileName, bytes);
    expect(outcome.outcome, `${reader.name} on ${fileName}`).toBe('refused');
    if (outcome.outcome === 'refused') expect(localeHas(outcome.key), outcome.key).toBe(true);
  }
  expect(await tableChecksums(db)).toEqual(before);
  // Nothing a file says may reach the prototype of every object.
  expect(Object.keys(Object.prototype)).toEqual([]);
}

const hostileText = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    '{"__proto__":{"polluted":true}}',
    "=cmd|' /C calc'!A0",
    '1900-01-01',
    '２６１１－０００１',
    '2611-0001',
    'ab-0001',
    '\u0000',
    '\uFEFF',
    '\uD800',
    '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer().map(String),
  fc
    .constantFrom('{', '[')
    .chain((open) => fc.integer({ min: 1, max: 5_000 }).map((depth) => open.repeat(depth))),
);

const hostileCell: fc.Arbitrary<ImportCell> = fc.oneof(
  hostileText,
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.date({ min: new Date(Date.UTC(1800, 0, 1)), max: new Date(Date.UTC(2200, 0, 1)) }),
);

const ROW_FIELDS = REGISTER_COLUMNS.map((c) => c.id);

/** A register with its header and a good first row, then rows with hostile cells. */
const hostileRegister = fc
  .array(fc.dictionary(fc.constantFrom(...ROW_FIELDS), hostileCell, { maxKeys: 6 }), {
    minLength: 1,
    maxLength: 6,
  })
  .map((rows) => ({
    rows: (desk: StoredDeskState) => [
      ...headerRows(desk),
      registerRow(GOOD),
      // The good row again: whatever else happens, the file holds a number twice.
      registerRow({ ...GOOD, index: 2 }),
      ...rows.map((values) => registerRow({ ...GOOD, ...values })),
    ],
  }));

describe('hostile files are refused and leave the database byte for byte unchanged', () => {
  const params = { seed: SEED, numRuns: RUNS, endOnFailure: true };

  it('the harness can fail: a clean register is written (in a database of its own)', async () => {
    const own = testDatabase();
    const ownDesk = await testDeskSetUp(own);
    const clean = await xlsxOf([...headerRows(ownDesk), registerRow(GOOD)]);
    const start = await tableChecksums(own);
    const outcome = await registerImportAttempt(
      testSession(own, ownDesk, NOW),
      ownDesk,
      'a.xlsx',
      clean,
    );
    expect(outcome).toEqual({ outcome: 'written', count: 1 });
    expect(await tableChecksums(own)).not.toEqual(start);
    await own.delete();
  });

  it(
    'registers with hostile cells, as .xlsx and as .csv',
    async () => {
      await fc.assert(
        fc.asyncProperty(hostileRegister, fc.boolean(), async (register, asCsv) => {
          const rows = register.rows(desk);
          const bytes = asCsv ? csvOf(rows) : await xlsxOf(rows);
          await expectRefused(asCsv ? 'r.csv' : 'r.xlsx', bytes);
        }),
        params,
      );
    },
    TIMEOUT_MS,
  );

  it(
    'truncated, bit-flipped and random workbooks',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.nat({ max: poisonedXlsx.length - 1 }).map((cut) => poisonedXlsx.slice(0, cut)),
            fc
              .array(
                fc.tuple(fc.nat({ max: poisonedXlsx.length - 1 }), fc.integer({ min: 0, max: 7 })),
                {
                  minLength: 1,
                  maxLength: 8,
                },
              )
              .map((flips) => {
                const bytes = poisonedXlsx.slice();
                for (const [at, bit] of flips) bytes[at] = (bytes[at] ?? 0) ^ (1 << bit);
                return bytes;
              }),
            fc.uint8Array({ maxLength: 4_096 }),
          ),
          fc.constantFrom('r.xlsx', 'r.csv', 'r'),
          async (bytes, name) => expectRefused(name, bytes),
        ),
        params,
      );
    },
    TIMEOUT_MS,
  );

  it(
    'huge strings, wide rows and deep nesting in a CSV',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc
              .integer({ min: 32_768, max: 200_000 })
              .map((n) => `客户姓名,事项\n张,${'x'.repeat(n)}\n`),
            fc.integer({ min: 257, max: 20_000 }).map((n) => `${Array(n).fill('a').join(',')}\n`),
            fc.integer({ min: 1, max: 50_000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
            fc.integer({ min: 1, max: 5_000 }).map((n) => '"'.repeat(n)),
          ),
          async (text) => expectRefused('r.csv', new TextEncoder().encode(text)),
        ),
        { ...params, numRuns: Math.max(4, Math.floor(RUNS / 2)) },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'zip bombs, lying sizes and lying checksums',
    async () => {
      const body = zerosDeflated(1024 * 1024);
      await expectRefused(
        'bomb.xlsx',
        zipForge(Array.from({ length: 300 }, (_, i) => ({ name: `xl/p${i}.xml`, deflated: body }))),
      );
      await expectRefused(
        'liar.xlsx',
        zipForge([{ name: 'xl/workbook.xml', deflated: body, declaredSize: 10 }]),
      );
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: 0xffffffff }), async (crc) => {
          // The poisoned workbook rebuilt part by part with one part's checksum a lie.
          const { unzipSync } = await import('fflate');
          const parts = Object.entries(unzipSync(poisonedXlsx));
          const lyingPart = crc % parts.length;
          const forged = zipForge(
            parts.map(([name, data], i) => ({
              name,
              data,
              ...(i === lyingPart ? { declaredCrc: crc === 0 ? 1 : crc } : {}),
            })),
          );
          await expectRefused('crc.xlsx', forged);
        }),
        { ...params, numRuns: Math.max(2, Math.floor(RUNS / 5)) },
      );
    },
    TIMEOUT_MS,
  );
});
