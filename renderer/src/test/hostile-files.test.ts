// @vitest-environment node
// Node's Blob (with stream(), which the backup reader needs, as in Chromium); fake-indexeddb from setup.ts.
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
import { strToU8, unzipSync, zipSync } from 'fflate';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { BACKUP_MANIFEST_PART, type BackupManifest } from '@shared/backup/format';
import { backupWrite } from '../db/backup/write';
import { testRegister } from '../db/test-builders';
import { HOSTILE_READERS, backupRestoreAttempt, registerImportAttempt } from './hostile-files';
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
/** The parts of an honest backup of a desk with cases (another database than `db`). */
let backupParts: Record<string, Uint8Array>;
/** That backup with one record twice (checksums recomputed): it reads, yet never restores. */
let poisonedBackup: Uint8Array;

async function backupBytesOf(source: DeskDatabase): Promise<Uint8Array> {
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  await backupWrite(
    source,
    { write: async (chunk) => void chunks.push(chunk.slice()) },
    {
      app: { name: 'complaint-desk', version: '0.1.0' },
      reason: 'manual',
      now: () => new Date(NOW),
    },
  );
  return new Uint8Array(await new Blob(chunks).arrayBuffer());
}

/**
 * The honest backup with the lines of one table replaced by `edit`'s, and the manifest's
 * checksum, size and count of that part made to match: only the records themselves are wrong.
 */
function backupWithLines(table: string, edit: (lines: string[]) => string[]): Uint8Array {
  const parts = { ...backupParts };
  const part = `tables/${table}.ndjson`;
  const lines = new TextDecoder().decode(parts[part]).split('\n').slice(0, -1);
  const edited = edit(lines);
  const bytes = strToU8(edited.map((line) => `${line}\n`).join(''));
  parts[part] = bytes;
  const manifest = JSON.parse(new TextDecoder().decode(parts[BACKUP_MANIFEST_PART])) as {
    tables: { name: string; bytes: number; sha256: string; count: number }[];
  } & Omit<BackupManifest, 'tables'>;
  const entry = manifest.tables.find((t) => t.name === table);
  if (!entry) throw new Error(`no ${table} in the backup`);
  entry.bytes = bytes.length;
  entry.sha256 = bytesToHex(sha256(bytes));
  entry.count = edited.length;
  parts[BACKUP_MANIFEST_PART] = strToU8(JSON.stringify(manifest));
  return zipSync(parts);
}

beforeAll(async () => {
  db = testDatabase();
  desk = await testDeskSetUp(db);
  poisonedXlsx = await xlsxOf([
    ...headerRows(desk),
    registerRow(GOOD),
    registerRow({ ...GOOD, index: 2 }),
  ]);
  const source = testDatabase();
  const sourceDesk = await testDeskSetUp(source);
  for (let i = 0; i < 3; i++) {
    await testRegister(source, sourceDesk, `2026-11-0${3 + i}T02:00:00.000Z`, {
      subject: `漏水 ${i}`,
    });
  }
  backupParts = unzipSync(await backupBytesOf(source));
  await source.delete();
  poisonedBackup = backupWithLines('cases', (lines) => [...lines, lines[0] ?? '']);
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

  it('the harness can fail: an honest backup restores (into a scratch database)', async () => {
    const outcome = await backupRestoreAttempt(
      testSession(db, desk, NOW),
      desk,
      'b.zip',
      zipSync(backupParts),
    );
    expect(outcome).toEqual({ outcome: 'written', count: 3 });
  });

  it(
    'backups whose records lie: wrong types, hostile keys, duplicates, huge and deep values',
    async () => {
      // Each table's own key, set to something that is not a key.
      const KEY: Record<string, string> = {
        cases: 'id',
        events: 'id',
        staff: 'id',
        settings: 'key',
      };
      const notAKey = fc.oneof(
        fc.constantFrom<unknown>(null, 0, -1, true, '', [], {}, { $file: 'x' }),
        fc.double(),
        fc
          .integer({ min: 1, max: 3_000 })
          .map((depth) => JSON.parse('['.repeat(depth) + ']'.repeat(depth))),
        fc.integer({ min: 201, max: 100_000 }).map((n) => 'x'.repeat(n)),
      );
      const lineEdit = fc.oneof(
        fc
          .tuple(fc.constantFrom(...Object.keys(KEY)), notAKey, fc.nat())
          .map(([table, value, at]) => ({
            table,
            edit: (lines: string[]) =>
              lines.map((line, i) => {
                if (i !== at % lines.length) return line;
                const record = JSON.parse(line) as Record<string, unknown>;
                // Settings keys may be any non-empty string: give them a value of another type.
                const key = KEY[table] ?? 'id';
                record[key] =
                  table === 'settings' && typeof value === 'string' && value ? 0 : value;
                return JSON.stringify(record);
              }),
          })),
        fc.tuple(fc.constantFrom('cases', 'events', 'staff'), hostileText).map(([table, text]) => ({
          table,
          // A line that is not a record at all, or a __proto__ key inside a good record.
          edit: (lines: string[]) => [
            ...lines,
            text.startsWith('{')
              ? text
              : `{"__proto__":{"polluted":1},${(lines[0] ?? '{}').slice(1)}`,
          ],
        })),
        fc.constantFrom('events', 'customers', 'audit').map((table) => ({
          table,
          edit: (lines: string[]) => [...lines, ...lines.slice(0, 1)],
        })),
        hostileText.map((text) => ({
          table: 'events',
          edit: (lines: string[]) =>
            lines.map((line, i) =>
              i === 0 ? line.replace(/"case\/received"/, JSON.stringify(`${text}!`)) : line,
            ),
        })),
      );
      await fc.assert(
        fc.asyncProperty(lineEdit, async ({ table, edit }) => {
          await expectRefused('b.zip', backupWithLines(table, edit));
        }),
        params,
      );
    },
    TIMEOUT_MS,
  );

  it(
    'truncated and bit-flipped backups, a bomb and a part whose size lies',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.nat({ max: poisonedBackup.length - 1 }).map((cut) => poisonedBackup.slice(0, cut)),
            fc
              .array(
                fc.tuple(
                  fc.nat({ max: poisonedBackup.length - 1 }),
                  fc.integer({ min: 0, max: 7 }),
                ),
                {
                  minLength: 1,
                  maxLength: 8,
                },
              )
              .map((flips) => {
                const bytes = poisonedBackup.slice();
                for (const [at, bit] of flips) bytes[at] = (bytes[at] ?? 0) ^ (1 << bit);
                return bytes;
              }),
          ),
          async (bytes) => expectRefused('b.zip', bytes),
        ),
        params,
      );
      // 16 MB of zeros (over the 4 MB line limit), one endless line, under an honest directory and a manifest that agrees.
      const zeros = zerosDeflated(16 * 1024 * 1024);
      const manifest = JSON.parse(new TextDecoder().decode(backupParts[BACKUP_MANIFEST_PART])) as {
        tables: { name: string; bytes: number; sha256: string; count: number }[];
      };
      const events = manifest.tables.find((t) => t.name === 'events');
      if (events) events.bytes = zeros.size;
      const bomb = zipForge([
        { name: BACKUP_MANIFEST_PART, data: strToU8(JSON.stringify(manifest)) },
        ...Object.entries(backupParts)
          .filter(([name]) => name !== BACKUP_MANIFEST_PART)
          .map(([name, data]) =>
            name === 'tables/events.ndjson' ? { name, deflated: zeros } : { name, data },
          ),
      ]);
      await expectRefused('bomb.zip', bomb);
      await expectRefused(
        'liar.zip',
        zipForge(
          Object.entries(backupParts).map(([name, data]) =>
            name === 'tables/cases.ndjson'
              ? { name, deflated: zeros, declaredSize: data.length }
              : { name, data },
          ),
        ),
      );
    },
    TIMEOUT_MS,
  );

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
