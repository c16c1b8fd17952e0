/**
 * The register's queries: keyset pages for every filter and sort, and the counts of the
 * filtered set. What matches, in what order and along which index is decided in
 * shared/register/query.ts; this module walks the indexes it names (never `offset()`).
 */
import { casesForViewer, viewerReadsEveryCase } from '@shared/access/mask';
import Dexie, { type Collection } from 'dexie';
import type { CaseId, IsoInstant } from '@shared/kernel/brand';
import type { CaseEntity } from '@shared/model/entities';
import {
  COUNT_ALL,
  countDayOf,
  countFacet,
  countRange,
  countStatusMatches,
  countValueOf,
  type CountField,
} from '@shared/register/day-counts';
import { talliesClosedCount, talliesStatusCount } from '@shared/register/tallies';
import { searchExactPiece } from '@shared/register/search';
import {
  registerCompare,
  registerCount,
  registerCursorOf,
  registerIsAfter,
  registerPhaseOf,
  registerPlan,
  registerRowMatches,
  type RegisterCount,
  type RegisterCriteria,
  type RegisterCursor,
  type RegisterSort,
  type RegisterViewer,
  type RegisterWalk,
} from '@shared/register/query';
import type { DeskDatabase } from '../database';
import { searchAll, searchCandidates, searchNewest } from './search';
import { talliesReadWith } from './tallies';
import { dayCountsReady, dayCountsRebuild, dayCountsSum } from './day-counts';

export interface RegisterPageQuery {
  readonly criteria: RegisterCriteria;
  readonly sort: RegisterSort;
  readonly viewer: RegisterViewer;
  readonly limit: number;
  /** The cursor of the previous page's last case. */
  readonly after?: RegisterCursor;
}

export interface RegisterPage {
  readonly items: CaseEntity[];
  /** Absent on the last page. */
  readonly next?: RegisterCursor;
}

/**
 * The rows of one walk strictly after `after` (the sort key parts that follow the prefix).
 * A shorter array sorts before every longer one it begins, so `[prefix, from]` is below every
 * `[prefix, from, id]`; `Dexie.maxKey` (an array) sorts after every string and may appear only
 * once in a key.
 */
function walkRows(
  db: DeskDatabase,
  walk: RegisterWalk,
  after: readonly string[] | undefined,
): Collection<CaseEntity, CaseId> {
  const compound = walk.index.startsWith('[');
  const key = (parts: readonly unknown[]): unknown =>
    compound ? [...walk.prefix, ...parts] : parts[0];
  const fromCursorUp = after !== undefined && !walk.reverse;
  const fromCursorDown = after !== undefined && walk.reverse;
  const lower = key(fromCursorUp ? after : [walk.from ?? Dexie.minKey]);
  const upper = key(fromCursorDown ? after : [walk.before ?? Dexie.maxKey]);
  const includeUpper = !fromCursorDown && walk.before === undefined;
  const rows = db.cases.where(walk.index).between(lower, upper, !fromCursorUp, includeUpper);
  return walk.reverse ? rows.reverse() : rows;
}

/** How a search sorted other than newest received reads (tests make them small). */
export interface SortedSearchLimits {
  /** Candidates this few are read whole and sorted in memory. */
  readonly readWholeAtMost: number;
  /** Index keys read at once while walking the sort's index. */
  readonly keysChunk: number;
}

// Reading a case costs about ten index keys (npm run bench): 600 candidates read whole cost about
// what walking the sort's index costs to find a page of 26 among them on a 100,000-case desk.
const SORTED_SEARCH_LIMITS: SortedSearchLimits = { readWholeAtMost: 600, keysChunk: 400 };

/**
 * The parts of a case's key in a walk's index after the walk's prefix (`number`, or the fields of
 * `[a+b+c]` that follow the prefix): where the next chunk of the walk starts.
 */
function walkPartsOf(walk: RegisterWalk, row: CaseEntity): string[] {
  const fields = walk.index.startsWith('[') ? walk.index.slice(1, -1).split('+') : [walk.index];
  return fields
    .slice(walk.index.startsWith('[') ? walk.prefix.length : 0)
    .map((field) => Dexie.getByKeyPath(row, field) as string);
}

/**
 * The first `wanted` cases of a text search in the order of a sort other than newest received,
 * strictly after the cursor, without reading every case that holds the text: the search's
 * candidate ids come from its pieces' keys; few candidates are read whole and sorted, many are
 * met by walking the sort's own index (keys only, in chunks) and reading only the candidates met,
 * until the page is full.
 */
async function searchSortedPage(
  db: DeskDatabase,
  text: string,
  criteria: RegisterCriteria,
  sort: RegisterSort,
  accept: (row: CaseEntity) => boolean,
  after: RegisterCursor | undefined,
  wanted: number,
  limits: SortedSearchLimits,
): Promise<CaseEntity[]> {
  return db.transaction('r', db.cases, async () => {
    const found = await searchCandidates(db, text, accept);
    if (!found || found.ids.size === 0) return [];
    const { ids, matches } = found;
    if (ids.size <= limits.readWholeAtMost) {
      const rows = await db.cases.bulkGet([...ids]);
      return rows
        .filter((row): row is CaseEntity => row !== undefined && matches(row))
        .sort((a, b) => registerCompare(a, b, sort))
        .slice(0, wanted);
    }
    // The same walks as without the text: the sort's order, phase by phase.
    const plan = registerPlan({ ...criteria, text: undefined }, sort);
    if (plan.source !== 'walk') throw new Error('a plan without text walks an index');
    const rows: CaseEntity[] = [];
    for (const walk of plan.walks) {
      if (rows.length >= wanted) break;
      if (after && after.phase > walk.phase) continue;
      let from = after?.phase === walk.phase ? after.key : undefined;
      for (;;) {
        // The primary keys in the index's order, in one request (getAllKeys); a key cursor
        // would cost a round trip to IndexedDB per key.
        const keys = await walkRows(db, walk, from).limit(limits.keysChunk).primaryKeys();
        const met = keys.filter((id) => ids.has(id));
        for (const row of met.length > 0 ? await db.cases.bulkGet(met) : []) {
          if (!row || registerPhaseOf(row, sort) !== walk.phase || !matches(row)) continue;
          rows.push(row);
          if (rows.length >= wanted) return rows;
        }
        const lastId = keys[keys.length - 1];
        if (lastId === undefined || keys.length < limits.keysChunk) break;
        // Where the next chunk starts: the last case's key in the walk's index.
        const last = await db.cases.get(lastId);
        if (!last) break;
        from = walkPartsOf(walk, last);
      }
    }
    return rows;
  });
}

/**
 * One page of the register under the criteria and sort, continuing after `query.after`. Every
 * case that matches appears exactly once across the pages, in the sort's order.
 */
export async function registerPage(
  db: DeskDatabase,
  query: RegisterPageQuery,
  sortedSearchLimits: SortedSearchLimits = SORTED_SEARCH_LIMITS,
): Promise<RegisterPage> {
  const { criteria, sort, viewer, limit, after } = query;
  const plan = registerPlan(criteria, sort);
  const matches = (row: CaseEntity) => registerRowMatches(row, criteria, viewer);
  // One row more than asked says whether there is a next page.
  const wanted = limit + 1;

  if (plan.source === 'search') {
    const accept = (row: CaseEntity) => matches(row) && registerIsAfter(row, after, sort);
    // Newest received first, the default, walks the search's own index newest id first; other
    // orders walk their index and read only the search's candidates met on it.
    const rows =
      sort === 'receivedDesc'
        ? await searchNewest(db, plan.text, accept, wanted)
        : await searchSortedPage(
            db,
            plan.text,
            criteria,
            sort,
            accept,
            after,
            wanted,
            sortedSearchLimits,
          );
    return pageOf(rows, limit, sort, viewer);
  }

  const rows: CaseEntity[] = [];
  for (const walk of plan.walks) {
    if (rows.length >= wanted) break;
    if (after && after.phase > walk.phase) continue;
    const from = after?.phase === walk.phase ? after.key : undefined;
    const found = await walkRows(db, walk, from)
      .filter((row) => registerPhaseOf(row, sort) === walk.phase && matches(row))
      .limit(wanted - rows.length)
      .toArray();
    rows.push(...found);
  }
  return pageOf(rows, limit, sort, viewer);
}

/** A page of the rows, masked for the viewer; the cursor is taken from the stored row. */
function pageOf(
  rows: CaseEntity[],
  limit: number,
  sort: RegisterSort,
  viewer: RegisterViewer,
): RegisterPage {
  const stored = rows.slice(0, limit);
  const items = casesForViewer(stored, viewer);
  const last = stored[stored.length - 1];
  return rows.length > limit && last ? { items, next: registerCursorOf(last, sort) } : { items };
}

/**
 * How many cases match and how many matters they make (linked cases count once). The whole
 * register and a status alone are counted from the case tallies and the few linked cases; one
 * indexed filter and/or a date range on its index; any other mix walks the matching cases once.
 */
export async function registerCounts(
  db: DeskDatabase,
  criteria: RegisterCriteria,
  viewer: RegisterViewer,
): Promise<RegisterCount> {
  const tallied =
    (await registerCountsTallied(db, criteria, viewer)) ??
    (await registerCountsByDay(db, criteria, viewer)) ??
    (await registerCountsIndexed(db, criteria, viewer)) ??
    (await registerCountsOfExactPiece(db, criteria, viewer));
  if (tallied) return tallied;
  const matches = (row: CaseEntity) => registerRowMatches(row, criteria, viewer);
  // Newest first is one walk over every matching case, whatever the register's sort.
  const plan = registerPlan(criteria, 'receivedDesc');
  if (plan.source === 'search') {
    return registerCount(await searchAll(db, plan.text, matches));
  }
  const matterIds: Pick<CaseEntity, 'matterId'>[] = [];
  for (const walk of plan.walks) {
    await walkRows(db, walk, undefined)
      .filter(matches)
      .each((row) => {
        matterIds.push({ matterId: row.matterId });
      });
  }
  return registerCount(matterIds);
}

/**
 * The counts of the whole register or of one status, from the tallies (undefined for any other
 * filter).
 */
async function registerCountsTallied(
  db: DeskDatabase,
  criteria: RegisterCriteria,
  viewer: RegisterViewer,
): Promise<RegisterCount | undefined> {
  const given = Object.entries(criteria).filter(([, value]) => value !== undefined);
  if (given.some(([field]) => field !== 'status')) return undefined;
  const { status } = criteria;
  return talliesReadWith(db, async (tallies) => {
    const closed = talliesClosedCount(tallies);
    const cases =
      status === undefined
        ? tallies.all
        : status === 'open'
          ? tallies.all - closed
          : status === 'closed'
            ? closed
            : talliesStatusCount(tallies, [status]);
    // A status filter masks nothing (register-query.ts): the viewer does not change the counts.
    return mattersCounted(db, tallies.linked, cases, (row) =>
      registerRowMatches(row, criteria, viewer),
    );
  });
}

/**
 * The counts under at most one filter counted per value (a kind, a level, a channel, a unit, a
 * category with its children, a handler), with or without a status and a range of receipt
 * dates, from the day counts (shared/register/day-counts.ts; undefined for other filters): the
 * whole UTC days of the range summed from their rows, the partial days at either end counted
 * from their cases. A filter that hides what the viewer may not read (a category, a unit, a
 * handler) leaves out the flagged cases the viewer does not read in full: few, found on the
 * `flags` index.
 */
async function registerCountsByDay(
  db: DeskDatabase,
  criteria: RegisterCriteria,
  viewer: RegisterViewer,
): Promise<RegisterCount | undefined> {
  const given = Object.entries(criteria)
    .filter(([, value]) => value !== undefined)
    .map(([name]) => name);
  const ranged = new Set(['status', 'receivedFrom', 'receivedBefore']);
  const filters = given.filter((name) => !ranged.has(name));
  if (filters.length > 1) return undefined;
  const [filter] = filters;
  const fields: Record<string, CountField> = {
    kindId: 'kindId',
    levelId: 'levelId',
    channelId: 'channelId',
    unitId: 'unitId',
    handlerName: 'handlerName',
    categoryIds: 'categoryId',
  };
  const field = filter === undefined ? undefined : fields[filter];
  if (filter !== undefined && field === undefined) return undefined;
  const values =
    field === undefined
      ? []
      : field === 'categoryId'
        ? [...new Set(criteria.categoryIds ?? [])]
        : [String((criteria as Record<string, unknown>)[filter ?? ''])];
  const facets = field === undefined ? [COUNT_ALL] : values.map((v) => countFacet(field, v));
  const { status } = criteria;
  const range = countRange(criteria.receivedFrom, criteria.receivedBefore);
  const inSet = (row: CaseEntity) => registerRowMatches(row, criteria, viewer);
  // What the day counts count of a case: its facet, status and a whole day of the range.
  const inDays = (row: CaseEntity): boolean => {
    if (!range.days) return false;
    if (range.days !== 'every') {
      const day = countDayOf(row.receivedAt);
      if (day < range.days[0] || day >= range.days[1]) return false;
    }
    if (!countStatusMatches(row.status, status)) return false;
    if (field === undefined) return true;
    const value = countValueOf(row, field);
    return value !== undefined && values.includes(value);
  };
  const masked = field === 'unitId' || field === 'categoryId' || field === 'handlerName';
  // The cases of a partial day at either end of the range: on the filter's own index when it
  // has one value stored as compared (a handler's name is compared trimmed), keys only when
  // nothing else is checked.
  const edgeCount = (from: IsoInstant, before: IsoInstant): Promise<number> => {
    if (field === undefined && status !== undefined && status !== 'open') {
      return db.cases
        .where('[status+receivedAt+id]')
        .between([status, from, Dexie.minKey], [status, before, Dexie.minKey], true, false)
        .count();
    }
    const value = values.length === 1 && field !== 'handlerName' ? values[0] : undefined;
    const prefix = field !== undefined && value !== undefined ? [value] : [];
    const rows = db.cases
      .where(prefix.length > 0 ? `[${field ?? ''}+receivedAt+id]` : '[receivedAt+id]')
      .between([...prefix, from, Dexie.minKey], [...prefix, before, Dexie.minKey], true, false);
    const keysOnly = status === undefined && !masked && (field === undefined || prefix.length > 0);
    return keysOnly ? rows.count() : rows.filter(inSet).count();
  };
  const read = () =>
    talliesReadWith(
      db,
      async (tallies) => {
        if (!(await dayCountsReady(db))) return undefined;
        const days = range.days ? await dayCountsSum(db, facets, range.days, status) : 0;
        // Counted on whole days but not in the set: only a flagged case hidden from the viewer
        // (a filter on what the mask hides; the others hide nothing).
        const hidden =
          masked && !viewerReadsEveryCase(viewer)
            ? new Set(
                (
                  await db.cases
                    .where('flags')
                    .anyOf(['confidential', 'reporterWithheld'])
                    .toArray()
                )
                  .filter((row) => inDays(row) && !inSet(row))
                  .map((row) => row.id),
              ).size
            : 0;
        let edges = 0;
        for (const [from, before] of range.edges) edges += await edgeCount(from, before);
        return mattersCounted(db, tallies.linked, days - hidden + edges, inSet);
      },
      [db.dayCounts],
    );
  const first = await read();
  if (first) return first;
  await dayCountsRebuild(db);
  return read();
}

/**
 * The counts under one equality filter that has a `[field+receivedAt+id]` index (a category, a
 * unit, a handler, a level, a channel, a kind, a status, a matter) and/or a range of receipt
 * dates, counted on that index without reading the cases (undefined for other filters). A
 * filter that hides what the viewer may not read (a category, a unit, a handler) leaves out
 * the flagged cases the viewer does not read in full: few, found on the `flags` index.
 */
async function registerCountsIndexed(
  db: DeskDatabase,
  criteria: RegisterCriteria,
  viewer: RegisterViewer,
): Promise<RegisterCount | undefined> {
  if (criteria.text !== undefined || criteria.overdueAt !== undefined) return undefined;
  if (criteria.status === 'open') return undefined;
  if (criteria.categoryIds !== undefined && criteria.categoryIds.length !== 1) return undefined;
  const plan = registerPlan(criteria, 'receivedAsc');
  const walk = plan.source === 'walk' ? plan.walks[0] : undefined;
  if (!walk || plan.source !== 'walk' || plan.walks.length !== 1) return undefined;
  // The walk's own field, or none: every other criterion makes the index range too wide.
  const field = /^\[(\w+)\+receivedAt\+id\]$/.exec(walk.index)?.[1];
  const allowed = new Set([
    'receivedFrom',
    'receivedBefore',
    field === 'categoryId' ? 'categoryIds' : field,
  ]);
  const given = Object.entries(criteria).filter(([, value]) => value !== undefined);
  if (given.some(([name]) => !allowed.has(name))) return undefined;
  const value = walk.prefix[0];
  const inRange = (row: CaseEntity): boolean => {
    if (criteria.receivedFrom !== undefined && row.receivedAt < criteria.receivedFrom) return false;
    if (criteria.receivedBefore !== undefined && row.receivedAt >= criteria.receivedBefore) {
      return false;
    }
    if (field === undefined) return true;
    return (row as unknown as Record<string, unknown>)[field] === value;
  };
  const inSet = (row: CaseEntity) => registerRowMatches(row, criteria, viewer);
  return talliesReadWith(db, async (tallies) => {
    const indexed = await walkRows(db, walk, undefined).count();
    // In the index range but not in the set: only a flagged case hidden from this viewer.
    const flagged = await db.cases
      .where('flags')
      .anyOf(['confidential', 'reporterWithheld'])
      .toArray();
    const hidden = new Set(
      flagged.filter((row) => inRange(row) && !inSet(row)).map((row) => row.id),
    );
    return mattersCounted(db, tallies.linked, indexed - hidden.size, inSet);
  });
}

/**
 * The counts of a search alone whose query is one exact index piece (`searchExactPiece`: 电梯, a
 * phone's last digits, a room word), from that piece's keys without reading a case (undefined
 * for any other query or criterion). A case the viewer may not read in full is not found by its
 * words: such cases are few, found on the `flags` index, and left out.
 */
async function registerCountsOfExactPiece(
  db: DeskDatabase,
  criteria: RegisterCriteria,
  viewer: RegisterViewer,
): Promise<RegisterCount | undefined> {
  const given = Object.entries(criteria).filter(([, value]) => value !== undefined);
  if (given.length !== 1 || criteria.text === undefined) return undefined;
  const piece = searchExactPiece(criteria.text);
  if (piece === undefined) return undefined;
  const inSet = (row: CaseEntity) => registerRowMatches(row, criteria, viewer);
  return talliesReadWith(db, async (tallies) => {
    const holders = await db.cases.where('searchTerms').equals(piece).count();
    const hidden = viewerReadsEveryCase(viewer)
      ? 0
      : new Set(
          (await db.cases.where('flags').anyOf(['confidential', 'reporterWithheld']).toArray())
            .filter((row) => row.searchTerms.includes(piece) && !inSet(row))
            .map((row) => row.id),
        ).size;
    return mattersCounted(db, tallies.linked, holders - hidden, inSet);
  });
}

/**
 * The matters of a set of `cases` cases: a matter's id is a case id, so the cases that are
 * their own matter are the matching cases less the linked ones among them, and each matter of a
 * matching linked case adds one unless its own case is among the matching ones and heads it.
 */
async function mattersCounted(
  db: DeskDatabase,
  linked: Readonly<Record<string, CaseId>>,
  cases: number,
  inSet: (row: CaseEntity) => boolean,
): Promise<RegisterCount> {
  const members = (await db.cases.bulkGet(Object.keys(linked) as CaseId[])).filter(
    (row): row is CaseEntity => row !== undefined && inSet(row),
  );
  const matterIds = [...new Set(members.map((row) => row.matterId))];
  const heads = await db.cases.bulkGet(matterIds);
  const headless = matterIds.filter((matterId, i) => {
    const head = heads[i];
    return !(head && head.matterId === matterId && inSet(head));
  });
  return { cases, matters: cases - members.length + headless.length };
}

/** How many cases each matter has, for the matters of a page (a matter of one is not linked). */
export async function registerMatterSizes(
  db: DeskDatabase,
  matterIds: readonly CaseId[],
): Promise<Map<CaseId, number>> {
  const sizes = new Map<CaseId, number>();
  if (matterIds.length === 0) return sizes;
  await db.cases
    .where('matterId')
    .anyOf([...new Set(matterIds)])
    .each((row) => {
      sizes.set(row.matterId, (sizes.get(row.matterId) ?? 0) + 1);
    });
  return sizes;
}

/** The handler names cases carry, for the handler filter (from the index alone). */
export async function registerHandlerNames(db: DeskDatabase): Promise<string[]> {
  const names = await db.cases.orderBy('handlerName').uniqueKeys();
  return names
    .map(String)
    .filter((name) => name.trim() !== '')
    .sort((a, b) => a.localeCompare(b, 'zh-CN'));
}
