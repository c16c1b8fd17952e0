import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CaseEntity } from '@shared/model/entities';
import { uuidV7Time } from '@shared/kernel/ids';
import { searchMatches, searchQueryTerms, searchTextsOf } from '@shared/register/search';
import type { DeskDatabase } from '../database';
import {
  testCustomer,
  testDatabase,
  testDeskSetUp,
  testRandom,
  testRegister,
} from '../test-builders';
import { caseSearchIndexSettled, casesSearchIndexPending } from './cases';
import { searchAll, searchNewest, type SearchAccept, type SearchLimits } from './search';

const SUBJECTS = ['电梯故障', '楼道漏水', '电梯漏水', '噪音扰民', '停车收费', '电梯噪音'];
const CONTENTS = ['卫生间漏水', '电梯停在8楼', '夜间装修', '物业费太高', '水管爆裂'];
const DAY = 86_400_000;
const FIRST = Date.parse('2026-06-01T01:00:00.000Z');

function newestReceivedFirst(a: CaseEntity, b: CaseEntity): number {
  if (a.receivedAt !== b.receivedAt) return a.receivedAt > b.receivedAt ? -1 : 1;
  return a.id === b.id ? 0 : a.id > b.id ? -1 : 1;
}

const TINY: SearchLimits = { pieceKeysAtMost: 8, readWholeAtMost: 4, walkChunk: 3 };
const DEFAULT: SearchLimits = { pieceKeysAtMost: 3000, readWholeAtMost: 300, walkChunk: 64 };

describe('search over many cases, some entered days after they were received', () => {
  let db: DeskDatabase;
  let all: CaseEntity[];

  beforeAll(async () => {
    db = testDatabase();
    const desk = await testDeskSetUp(db);
    const random = testRandom(20261123);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    for (let i = 0; i < 140; i++) {
      const receivedMs = FIRST + Math.floor(random() * 120 * DAY);
      // Most cases are typed in at once; every fifth is a letter entered up to ten days later.
      const wallMs = receivedMs + (i % 5 === 0 ? Math.floor(random() * 10 * DAY) : 60_000);
      await testRegister(
        db,
        desk,
        new Date(receivedMs).toISOString(),
        {
          subject: pick(SUBJECTS),
          content: pick(CONTENTS),
          customer: testCustomer({
            phone: `139${String(10_000_000 + i * 7919).slice(0, 8)}`,
            address: `${1 + Math.floor(random() * 4)}-${pick(['301', '1203', '902'])}`,
          }),
          kindId: i % 3 === 0 ? 'request' : 'complaint',
        },
        wallMs,
      );
    }
    all = await db.cases.toArray();
  });
  afterAll(async () => {
    await db.delete();
  });

  // What the index can find (shared/register/search.ts: a digit word is found whole or by its ending),
  // and really holds the text.
  const expected = (text: string, accept: SearchAccept) =>
    all.filter(
      (row) =>
        searchQueryTerms(text).every((piece) => row.searchTerms.includes(piece)) &&
        searchMatches(searchTextsOf(row), text) &&
        accept(row),
    );

  const QUERIES = [
    '电梯',
    '漏水',
    '电梯漏水',
    '梯漏',
    '电梯 1203',
    '漏水 2-902',
    '902',
    '1203 电',
    '3',
    '水',
  ];
  const ACCEPTS: readonly [string, SearchAccept][] = [
    ['everything', () => true],
    ['complaints only', (row) => row.kindId === 'complaint'],
  ];

  it('keeps the rule the walk stops by: no case id is older than its receipt', () => {
    expect(all).toHaveLength(140);
    for (const row of all) {
      expect(uuidV7Time(row.id)).toBeGreaterThanOrEqual(Date.parse(row.receivedAt));
    }
  });

  for (const limits of [DEFAULT, TINY]) {
    const name = limits === TINY ? 'tiny limits (every path)' : 'default limits';
    for (const [acceptName, accept] of ACCEPTS) {
      for (const text of QUERIES) {
        it(`finds the newest received matches of '${text}', ${acceptName}, ${name}`, async () => {
          const want = expected(text, accept).sort(newestReceivedFirst);
          for (const wanted of [1, 5, 26, 500]) {
            const got = await searchNewest(db, text, accept, wanted, limits);
            expect(got.map((c) => c.id)).toEqual(want.slice(0, wanted).map((c) => c.id));
          }
          const every = await searchAll(db, text, accept, limits);
          expect(every.map((c) => c.id).sort()).toEqual(want.map((c) => c.id).sort());
        });
      }
    }
  }

  it('pages through every match exactly once, newest received first', async () => {
    const want = expected('电梯', () => true).sort(newestReceivedFirst);
    expect(want.length).toBeGreaterThan(30);
    const seen: CaseEntity[] = [];
    for (;;) {
      const last = seen[seen.length - 1];
      const after: SearchAccept = (row) => !last || newestReceivedFirst(last, row) < 0;
      const page = await searchNewest(db, '电梯', after, 7, TINY);
      seen.push(...page);
      if (page.length < 7) break;
    }
    expect(seen.map((c) => c.id)).toEqual(want.map((c) => c.id));
  });

  it('finds nothing for a query without letters, digits or Han characters, or held by no case', async () => {
    expect(await searchNewest(db, '——', () => true, 10)).toEqual([]);
    expect(await searchAll(db, '  ', () => true)).toEqual([]);
    expect(await searchNewest(db, '停车场', () => true, 10)).toEqual([]);
    expect(await searchNewest(db, '电梯', () => true, 0)).toEqual([]);
  });
});

describe('a case entered before its receipt time', () => {
  it('gets an id no older than its receipt, so the search still finds it first', async () => {
    const db = testDatabase();
    const desk = await testDeskSetUp(db);
    const older = await testRegister(db, desk, '2026-11-05T01:00:00.000Z', { subject: '电梯故障' });
    // The clerk's clock is three minutes behind the time typed in (allowed: up to five).
    const receivedAt = '2026-11-05T02:00:00.000Z';
    const wallMs = Date.parse(receivedAt) - 3 * 60_000;
    const ahead = await testRegister(db, desk, receivedAt, { subject: '电梯困人' }, wallMs);
    expect(uuidV7Time(ahead.id)).toBe(Date.parse(receivedAt));
    const found = await searchNewest(db, '电梯', () => true, 1, TINY);
    expect(found.map((c) => c.id)).toEqual([ahead.id]);
    expect((await searchNewest(db, '电梯', () => true, 2)).map((c) => c.id)).toEqual([
      ahead.id,
      older.id,
    ]);
    await db.delete();
  });
});

describe('the search pieces of a new case', () => {
  it('are written just after the save, before any later read of the cases', async () => {
    const db = testDatabase();
    const desk = await testDeskSetUp(db);
    const saved = await testRegister(db, desk, '2026-11-05T01:00:00.000Z', { subject: '电梯困人' });
    // No wait: the next transaction on the cases runs after the one writing the pieces.
    const found = await searchNewest(db, '困人', () => true, 5);
    expect(found.map((c) => c.id)).toEqual([saved.id]);
    const row = await db.cases.get(saved.id);
    expect(row?.searchPending).toBeUndefined();
    expect(row?.searchTerms).toEqual(saved.searchTerms);
    await db.delete();
  });

  it('wait for the next start when their write fails, and the failure is logged', async () => {
    const db = testDatabase();
    const desk = await testDeskSetUp(db);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failing = vi
      .spyOn(db.cases, 'bulkPut')
      .mockRejectedValueOnce(new Error('QuotaExceededError'));
    const saved = await testRegister(db, desk, '2026-11-05T01:00:00.000Z', { subject: '电梯困人' });
    await caseSearchIndexSettled(db);
    expect(logged).toHaveBeenCalledTimes(1);
    expect((await db.cases.get(saved.id))?.searchPending).toBe(1);
    failing.mockRestore();
    logged.mockRestore();
    expect(await casesSearchIndexPending(db)).toBe(1);
    expect((await searchNewest(db, '困人', () => true, 5)).map((c) => c.id)).toEqual([saved.id]);
    await db.delete();
  });

  it('are written at the next start when the desk stopped before writing them', async () => {
    const db = testDatabase();
    const desk = await testDeskSetUp(db);
    const saved = await testRegister(db, desk, '2026-11-05T01:00:00.000Z', { subject: '电梯困人' });
    await caseSearchIndexSettled(db);
    // As the first transaction leaves a case when the second never ran.
    await db.cases.put({ ...saved, searchTerms: [], searchPending: 1 });
    expect(await searchNewest(db, '困人', () => true, 5)).toEqual([]);
    expect(await casesSearchIndexPending(db)).toBe(1);
    expect((await searchNewest(db, '困人', () => true, 5)).map((c) => c.id)).toEqual([saved.id]);
    expect(await db.cases.where('searchPending').equals(1).count()).toBe(0);
    expect(await casesSearchIndexPending(db)).toBe(0);
    await db.delete();
  });
});
