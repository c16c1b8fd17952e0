import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IsoInstant } from '@shared/kernel/brand';
import type { CaseEntity, CaseStatus } from '@shared/model/entities';
import type { DeskDatabase } from '../database';
import {
  TEST_UNIT,
  testCustomer,
  testDatabase,
  testDeadline,
  testDeskSetUp,
  testRegister,
  testSession,
} from '../test-builders';
import {
  caseAppendEvent,
  casesPage,
  casesSearch,
  type CasesPageCursor,
  type CasesQuery,
} from './cases';

/** Newest received first, the larger id first among equal times. */
function newestFirst(a: CaseEntity, b: CaseEntity): number {
  if (a.receivedAt !== b.receivedAt) return a.receivedAt > b.receivedAt ? -1 : 1;
  return a.id > b.id ? -1 : 1;
}

/** Follows `next` from the first page to the last, returning every page. */
async function allPages(db: DeskDatabase, query: Omit<CasesQuery, 'after'>) {
  const pages: CaseEntity[][] = [];
  let after: CasesPageCursor | undefined;
  do {
    const page = await casesPage(db, { ...query, after });
    pages.push(page.items);
    after = page.next;
  } while (after && pages.length < 10);
  return pages;
}

describe('casesPage', () => {
  let db: DeskDatabase;
  let cases: CaseEntity[];

  beforeAll(async () => {
    db = testDatabase();
    const desk = await testDeskSetUp(db);
    cases = [];
    for (let i = 0; i < 25; i++) {
      // Several cases share a received time (the clerk typed the same minute), so the id
      // breaks ties; the ids are not in received order.
      const receivedAt = new Date(
        Date.parse('2026-11-03T01:00:00.000Z') + ((i * 7) % 9) * 3_600_000,
      );
      let registered = await testRegister(db, desk, receivedAt.toISOString(), {
        kindId: i % 4 === 0 ? 'request' : 'complaint',
      });
      if (i % 3 === 0) {
        const at = '2026-11-04T01:00:00.000Z';
        // The same event time, on a wall clock a millisecond apart per case.
        const clock = new Date(Date.parse(at) + i).toISOString();
        registered = await caseAppendEvent(
          testSession(db, desk, clock),
          registered.id,
          'case/dispatched',
          { ...TEST_UNIT, deadline: testDeadline('2026-11-10T10:00:00.000Z') },
          at as IsoInstant,
        );
      }
      cases.push(registered);
    }
  });
  afterAll(async () => {
    await db.delete();
  });

  it('has cases with equal received times to page through', () => {
    expect(new Set(cases.map((c) => c.receivedAt)).size).toBeLessThan(cases.length);
  });

  it('returns every case once, newest first, in pages of 10', async () => {
    const pages = await allPages(db, { limit: 10 });
    expect(pages.map((page) => page.length)).toEqual([10, 10, 5]);
    expect(pages.flat().map((c) => c.id)).toEqual([...cases].sort(newestFirst).map((c) => c.id));
  });

  it.each<CaseStatus>(['registered', 'dispatched'])(
    'returns every %s case once, in order, by status',
    async (status) => {
      const expected = cases.filter((c) => c.status === status).sort(newestFirst);
      const pages = await allPages(db, { status, limit: 10 });
      expect(pages.flat().map((c) => c.id)).toEqual(expected.map((c) => c.id));
      expect(pages.every((page) => page.length <= 10)).toBe(true);
      expect(pages.at(-1)?.length).toBe(expected.length % 10 || 10);
    },
  );

  it('combines filters: kind and status, unit, kind', async () => {
    const cases_ = (filter: (c: CaseEntity) => boolean) =>
      cases
        .filter(filter)
        .sort(newestFirst)
        .map((c) => c.id);
    const ids = async (query: Omit<CasesQuery, 'after'>) =>
      (await allPages(db, query)).flat().map((c) => c.id);

    expect(await ids({ status: 'registered', kindId: 'request', limit: 3 })).toEqual(
      cases_((c) => c.status === 'registered' && c.kindId === 'request'),
    );
    expect(await ids({ unitId: TEST_UNIT.unitId, limit: 4 })).toEqual(
      cases_((c) => c.unitId === TEST_UNIT.unitId),
    );
    expect(await ids({ kindId: 'request', limit: 4 })).toEqual(
      cases_((c) => c.kindId === 'request'),
    );
  });

  it('says there is no next page when the last page is exactly full', async () => {
    const page = await casesPage(db, { limit: 25 });
    expect(page.items).toHaveLength(25);
    expect(page.next).toBeUndefined();
  });
});

describe('casesSearch', () => {
  let db: DeskDatabase;
  let elevator: CaseEntity;
  let leak: CaseEntity;

  beforeAll(async () => {
    db = testDatabase();
    const desk = await testDeskSetUp(db);
    elevator = await testRegister(db, desk, '2026-11-05T01:00:00.000Z', {
      subject: '电梯故障',
      content: '3号楼电梯停在8楼不动，有人被困',
      customer: testCustomer({ name: '陈红', phone: '13800001111', address: '3-801' }),
    });
    leak = await testRegister(db, desk, '2026-11-06T01:00:00.000Z', {
      subject: '漏水',
      content: '楼上卫生间漏水，天花板渗水',
      customer: testCustomer({ name: '李明', phone: '13912345678', address: '5栋1203室' }),
    });
    await testRegister(db, desk, '2026-11-07T01:00:00.000Z', {
      subject: '噪音',
      content: '夜间装修噪音，电话无人接听',
      customer: testCustomer({ name: '刘洋', phone: '13600002222', address: '7栋502' }),
    });
  });
  afterAll(async () => {
    await db.delete();
  });

  const ids = async (query: string) => (await casesSearch(db, query, 10)).items.map((c) => c.id);

  it('finds Chinese words inside the content', async () => {
    expect(await ids('电梯')).toEqual([elevator.id]);
    expect(await ids('被困')).toEqual([elevator.id]);
  });

  it('finds a phone by its last four digits and a room number', async () => {
    expect(await ids('5678')).toEqual([leak.id]);
    expect(await ids('1203')).toEqual([leak.id]);
    expect(await ids('13912345678')).toEqual([leak.id]);
  });

  it('finds a case by its number and by the customer’s name', async () => {
    expect(await ids(leak.number)).toEqual([leak.id]);
    expect(await ids('陈红')).toEqual([elevator.id]);
  });

  it('lists several matches newest first and pages them', async () => {
    const first = await casesSearch(db, '楼', 1);
    expect(first.items).toHaveLength(1);
    const second = await casesSearch(db, '楼', 1, first.next);
    expect([...first.items, ...second.items].map((c) => c.id)).toEqual([leak.id, elevator.id]);
    expect(second.next).toBeUndefined();
  });

  it('returns nothing for a query no case holds', async () => {
    expect(await ids('停车场')).toEqual([]);
    expect(await ids('9999')).toEqual([]);
    // Every piece is indexed somewhere, but no one case holds the text.
    expect(await ids('电梯漏水')).toEqual([]);
    expect(await ids('  ')).toEqual([]);
  });
});
