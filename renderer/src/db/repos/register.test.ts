import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IsoInstant, StaffId, UnitId } from '@shared/kernel/brand';
import type { CaseEntity } from '@shared/model/entities';
import type { CasePayloadOf } from '@shared/workflow/events';
import { searchExactPiece } from '@shared/register/search';
import {
  REGISTER_SORTS,
  registerCompare,
  registerCount,
  registerCriteria,
  registerRowMatches,
  type RegisterCriteria,
  type RegisterCursor,
  type RegisterFilter,
  type RegisterSort,
  type RegisterViewer,
} from '@shared/register/query';
import type { DeskDatabase } from '../database';
import type { StoredDeskState } from './settings';
import {
  testCustomer,
  testDatabase,
  testDeadline,
  testDeskSetUp,
  testRegister,
  testSession,
} from '../test-builders';
import { caseAppendEvent, type CaseAppendableType } from './cases';
import { matterLink, matterUnlink } from './matters';
import {
  registerCounts,
  registerHandlerNames,
  registerMatterSizes,
  registerPage,
  type SortedSearchLimits,
} from './register';

/** The register is looked at on 2026-11-12 10:00 in Shanghai. */
const NOW = '2026-11-12T02:00:00.000Z' as IsoInstant;
const ENGINEERING = 'unit-engineering' as UnitId;
const SECURITY = 'unit-security' as UnitId;

const CLERK: RegisterViewer = { id: 'staff-other' as StaffId, name: '赵敏', roles: ['clerk'] };

const SUBJECTS = ['电梯停运', '楼道灯不亮', '漏水', '噪音扰民', '垃圾未清运', '停车收费'];
const CATEGORIES = ['lift', 'lighting', 'waterDrainage', 'visitors', 'refuse', 'fees'];

describe('register pages and counts', () => {
  let db: DeskDatabase;
  let desk: StoredDeskState;
  let admin: RegisterViewer;
  let cases: CaseEntity[];

  const append = async <T extends CaseAppendableType>(
    id: CaseEntity['id'],
    type: T,
    payload: CasePayloadOf<T>,
    wallMs: number,
  ) => caseAppendEvent(testSession(db, desk, new Date(wallMs).toISOString()), id, type, payload);

  beforeAll(async () => {
    db = testDatabase();
    desk = await testDeskSetUp(db);
    admin = desk.operator;
    cases = [];
    for (let i = 0; i < 34; i++) {
      // Received times repeat (several cases typed in the same minute): the id breaks ties.
      const receivedMs = Date.parse('2026-11-02T01:00:00.000Z') + (((i * 5) % 11) * 86_400_000) / 2;
      const receivedAt = new Date(receivedMs).toISOString();
      const created = await testRegister(db, desk, receivedAt, {
        kindId: i % 5 === 0 ? 'request' : 'complaint',
        categoryId: i % 5 === 0 ? 'basicService' : CATEGORIES[i % CATEGORIES.length],
        levelId: i % 7 === 0 ? 'major' : 'general',
        channelId: i % 3 === 0 ? 'walkIn' : 'phone',
        subject: SUBJECTS[i % SUBJECTS.length] ?? '',
        customer: testCustomer({ name: `客户${i}`, phone: `1390000${String(i).padStart(4, '0')}` }),
        flags: i % 9 === 4 ? ['confidential'] : [],
        // A third have a handling deadline from intake; some of those are already past.
        ...(i % 3 !== 2
          ? {
              deadline: testDeadline(
                new Date(receivedMs + ((i % 4) + 2) * 86_400_000).toISOString(),
              ),
            }
          : {}),
      });
      const wallMs = receivedMs + 3_600_000;
      let latest = created;
      if (i % 4 === 1) {
        latest = await append(
          created.id,
          'case/dispatched',
          {
            unitId: i % 8 === 1 ? SECURITY : ENGINEERING,
            unitName: i % 8 === 1 ? '秩序部' : '工程部',
            handlerName: i % 8 === 1 ? '孙伟' : '李强',
            deadline: testDeadline(new Date(receivedMs + 5 * 86_400_000).toISOString()),
          },
          wallMs,
        );
      }
      if (i % 6 === 3 && i % 4 !== 1) {
        await append(
          created.id,
          'case/handledDirectly',
          { answer: '已答复', followUpRequired: false },
          wallMs,
        );
        latest = await append(
          created.id,
          'case/closed',
          { finalCauseId: 'other', summary: '已答复' },
          wallMs + 60_000,
        );
      }
      if (i === 10)
        latest = await append(created.id, 'case/exempted', { reason: '长期工程' }, wallMs);
      cases.push(latest);
    }
    // Two reports of one matter, and a third report of it.
    const [a, b, c] = [cases[2], cases[7], cases[12]];
    if (!a || !b || !c) throw new Error('cases missing');
    const by = (wallMs: number) => testSession(db, desk, new Date(wallMs).toISOString());
    await matterLink(by(Date.parse(NOW)), a.id, b.id);
    await matterLink(by(Date.parse(NOW) + 1000), c.id, b.id);
    cases = await db.cases.toArray();
  });
  afterAll(async () => {
    await db.delete();
  });

  function criteriaOf(filter: RegisterFilter): RegisterCriteria {
    const result = registerCriteria(filter, {
      rules: desk.rules,
      timeZone: desk.calendar.timeZone,
      now: NOW,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return result.criteria;
  }

  /** Follows the cursors from the first page to the last. */
  async function allPages(
    criteria: RegisterCriteria,
    sort: RegisterSort,
    limit: number,
    viewer: RegisterViewer,
    limits?: SortedSearchLimits,
  ) {
    const pages: CaseEntity[][] = [];
    let after: RegisterCursor | undefined;
    do {
      const page = await registerPage(db, { criteria, sort, viewer, limit, after }, limits);
      pages.push(page.items);
      after = page.next;
    } while (after && pages.length < 100);
    return pages;
  }

  const FILTERS: [string, RegisterFilter][] = [
    ['no filter', {}],
    ['a date range', { receivedFrom: '2026-11-03', receivedTo: '2026-11-05' }],
    ['from a date', { receivedFrom: '2026-11-05' }],
    ['kind', { kindId: 'complaint' }],
    ['parent category', { categoryId: 'equipment' }],
    ['one category', { categoryId: 'lift' }],
    ['level', { levelId: 'major' }],
    ['status', { status: 'dispatched' }],
    ['open', { status: 'open' }],
    ['closed', { status: 'closed' }],
    ['unit', { unitId: ENGINEERING }],
    ['handler', { handlerName: '孙伟' }],
    ['channel', { channelId: 'walkIn' }],
    ['overdue', { overdue: true }],
    ['overdue in a unit', { overdue: true, unitId: ENGINEERING }],
    [
      'kind, channel and dates',
      { kindId: 'complaint', channelId: 'phone', receivedTo: '2026-11-06' },
    ],
    [
      'one category in a date range',
      { categoryId: 'lift', receivedFrom: '2026-11-03', receivedTo: '2026-11-08' },
    ],
    ['unit until a date', { unitId: ENGINEERING, receivedTo: '2026-11-06' }],
    ['handler from a date', { handlerName: '孙伟', receivedFrom: '2026-11-04' }],
    [
      'closed in a date range',
      { status: 'closed', receivedFrom: '2026-11-03', receivedTo: '2026-11-09' },
    ],
    ['level and channel', { levelId: 'major', channelId: 'phone' }],
    [
      'open of a kind in a date range',
      { kindId: 'complaint', status: 'open', receivedFrom: '2026-11-04', receivedTo: '2026-11-07' },
    ],
    ['open in a unit', { unitId: ENGINEERING, status: 'open' }],
    [
      'parent category, dispatched, from a date',
      { categoryId: 'equipment', status: 'dispatched', receivedFrom: '2026-11-03' },
    ],
    [
      'a channel within one day',
      { channelId: 'phone', receivedFrom: '2026-11-04', receivedTo: '2026-11-04' },
    ],
    ['search', { text: '电梯' }],
    ['search and status', { text: '漏水', status: 'open' }],
    ['search by phone digits', { text: '0007' }],
  ];

  const VIEWERS: [string, () => RegisterViewer][] = [
    ['an administrator', () => admin],
    ['a clerk who may not read confidential cases', () => CLERK],
  ];

  it('has the spread of cases the combinations need', () => {
    const overdue = cases.filter((c) => c.openDueAt !== undefined && c.openDueAt < NOW);
    expect(overdue.length).toBeGreaterThan(2);
    expect(cases.some((c) => c.openDueAt === undefined && c.status !== 'closed')).toBe(true);
    expect(cases.filter((c) => c.flags.includes('confidential')).length).toBeGreaterThan(2);
    expect(new Set(cases.map((c) => c.receivedAt)).size).toBeLessThan(cases.length);
  });

  describe.each(VIEWERS)('for %s', (_who, viewerOf) => {
    describe.each(REGISTER_SORTS)('sorted %s', (sort) => {
      it.each(FILTERS)(
        '%s: every matching case exactly once, in order, in pages',
        async (_name, filter) => {
          const viewer = viewerOf();
          const criteria = criteriaOf(filter);
          const expected = cases
            .filter((c) => registerRowMatches(c, criteria, viewer))
            .sort((a, b) => registerCompare(a, b, sort))
            .map((c) => `${c.number}`);
          for (const limit of [4, 50]) {
            const pages = await allPages(criteria, sort, limit, viewer);
            expect(pages.flat().map((c) => c.number)).toEqual(expected);
            expect(pages.every((page) => page.length <= limit)).toBe(true);
            // Only the last page may be short, and it is never empty unless the set is.
            expect(pages.slice(0, -1).every((page) => page.length === limit)).toBe(true);
          }
          expect(expected.length).toBeGreaterThan(0);
        },
      );
    });

    // A search sorted other than newest received walks the sort's index when its candidates are
    // many: limits this small take that path (and its chunk boundaries) on a few dozen cases.
    const SEARCHES = FILTERS.filter(([, filter]) => filter.text !== undefined);
    describe.each(REGISTER_SORTS.filter((sort) => sort !== 'receivedDesc'))(
      'a search sorted %s along the sort index, three keys at a time',
      (sort) => {
        it.each(SEARCHES)(
          '%s: every match exactly once, in order, in pages',
          async (_n, filter) => {
            const viewer = viewerOf();
            const criteria = criteriaOf(filter);
            const expected = cases
              .filter((c) => registerRowMatches(c, criteria, viewer))
              .sort((a, b) => registerCompare(a, b, sort))
              .map((c) => c.number);
            for (const limit of [1, 4, 50]) {
              const pages = await allPages(criteria, sort, limit, viewer, {
                readWholeAtMost: 1,
                keysChunk: 3,
              });
              expect(pages.flat().map((c) => c.number)).toEqual(expected);
              expect(pages.slice(0, -1).every((page) => page.length === limit)).toBe(true);
            }
            expect(expected.length).toBeGreaterThan(1);
          },
        );
      },
    );

    it.each(FILTERS)('counts %s: cases and matters', async (_name, filter) => {
      const viewer = viewerOf();
      const criteria = criteriaOf(filter);
      const expected = registerCount(cases.filter((c) => registerRowMatches(c, criteria, viewer)));
      expect(await registerCounts(db, criteria, viewer)).toEqual(expected);
    });
  });

  it('counts a category on its index, leaving out the confidential cases a clerk may not read', async () => {
    const secret = cases.find((c) => c.flags.includes('confidential') && c.categoryId);
    if (!secret?.categoryId) throw new Error('no confidential case with a category');
    const criteria = criteriaOf({ categoryId: secret.categoryId });
    const inCategory = cases.filter((c) => c.categoryId === secret.categoryId);
    const secrets = inCategory.filter((c) => c.flags.includes('confidential')).length;
    const asAdmin = await registerCounts(db, criteria, admin);
    const asClerk = await registerCounts(db, criteria, CLERK);
    expect(asAdmin.cases).toBe(inCategory.length);
    expect(asClerk.cases).toBe(inCategory.length - secrets);
    expect(secrets).toBeGreaterThan(0);
  });

  it('counts three linked reports as one matter', async () => {
    expect(await registerCounts(db, criteriaOf({}), admin)).toEqual({ cases: 34, matters: 32 });
    const [a] = [cases.find((c) => c.matterId !== c.id)];
    if (!a) throw new Error('no linked case');
    const matter = criteriaOf({ matterId: a.matterId });
    expect(await registerCounts(db, matter, admin)).toEqual({ cases: 3, matters: 1 });
    const sizes = await registerMatterSizes(db, [a.matterId, cases[0]?.matterId ?? a.matterId]);
    expect(sizes.get(a.matterId)).toBe(3);
  });

  it('masks confidential cases for others: listed, but never found by what the mask hides', async () => {
    const secret = cases.find((c) => c.flags.includes('confidential'));
    if (!secret) throw new Error('no confidential case');
    const everything = await allPages(criteriaOf({}), 'receivedDesc', 50, CLERK);
    expect(everything.flat().map((c) => c.id)).toContain(secret.id);
    const searched = await allPages(
      criteriaOf({ text: secret.subject }),
      'receivedDesc',
      50,
      CLERK,
    );
    expect(searched.flat().map((c) => c.id)).not.toContain(secret.id);
    const asAdmin = await allPages(criteriaOf({ text: secret.subject }), 'receivedDesc', 50, admin);
    expect(asAdmin.flat().map((c) => c.id)).toContain(secret.id);
  });

  it('counts a search of one exact piece on its keys, leaving out a confidential case for a clerk', async () => {
    const secret = cases.find((c) => c.flags.includes('confidential'));
    if (!secret) throw new Error('no confidential case');
    const pair = Array.from(secret.subject).slice(0, 2).join('');
    expect(searchExactPiece(pair)).toBe(pair);
    const criteria = criteriaOf({ text: pair });
    for (const viewer of [admin, CLERK]) {
      const pages = await allPages(criteria, 'receivedDesc', 50, viewer);
      expect(await registerCounts(db, criteria, viewer)).toEqual(registerCount(pages.flat()));
    }
    const asClerk = await registerCounts(db, criteria, CLERK);
    const asAdmin = await registerCounts(db, criteria, admin);
    expect(asClerk.cases).toBeLessThan(asAdmin.cases);
  });

  it('lists the handler names cases carry', async () => {
    expect(await registerHandlerNames(db)).toEqual(['李强', '孙伟']);
  });
});

describe('counts of a status whose linked cases are headed by a case of another status', () => {
  it('counts the matter of linked cases once, whether its first case matches or not', async () => {
    const db = testDatabase();
    const desk = await testDeskSetUp(db);
    const viewer = desk.operator;
    const at = (ms: number) => testSession(db, desk, new Date(ms).toISOString());
    const t0 = Date.parse('2026-11-03T01:00:00.000Z');
    const [first, second, third] = [
      await testRegister(db, desk, '2026-11-03T01:00:00.000Z', { subject: '电梯停运' }),
      await testRegister(db, desk, '2026-11-03T02:00:00.000Z', { subject: '电梯又停' }),
      await testRegister(db, desk, '2026-11-03T03:00:00.000Z', { subject: '电梯还停' }),
    ];
    await testRegister(db, desk, '2026-11-03T04:00:00.000Z', { subject: '楼道灯不亮' });
    if (!first || !second || !third) throw new Error('cases missing');
    await matterLink(at(t0 + 5 * 3_600_000), second.id, first.id);
    await matterLink(at(t0 + 6 * 3_600_000), third.id, first.id);
    for (const c of [second, third]) {
      await caseAppendEvent(at(t0 + 7 * 3_600_000), c.id, 'case/dispatched', {
        unitId: ENGINEERING,
        unitName: '工程部',
        handlerName: '李强',
        deadline: testDeadline('2026-11-10T09:30:00.000Z'),
      });
    }
    const check = async (expected: Record<string, [number, number]>) => {
      const all = await db.cases.toArray();
      for (const [status, [cases, matters]] of Object.entries(expected)) {
        const criteria = status === 'all' ? {} : ({ status } as RegisterCriteria);
        const counted = await registerCounts(db, criteria, viewer);
        expect(counted, status).toEqual({ cases, matters });
        // The same as counting the matching cases one by one.
        expect(counted, status).toEqual(
          registerCount(all.filter((c) => registerRowMatches(c, criteria, viewer))),
        );
      }
    };
    // The first case is still registered; the two dispatched reports are one matter headed by it.
    await check({ all: [4, 2], dispatched: [2, 1], registered: [2, 2], open: [4, 2] });
    // Taking the first case out: the second heads the matter now.
    await matterUnlink(at(t0 + 8 * 3_600_000), first.id);
    await check({ all: [4, 3], dispatched: [2, 1], registered: [2, 2], closed: [0, 0] });
    // Without the tallies row (a database from before them), the same counts after a rebuild.
    await db.tallies.clear();
    await check({ all: [4, 3], dispatched: [2, 1] });
    await db.delete();
  });
});
