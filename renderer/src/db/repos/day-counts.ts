/**
 * The register's day counts (shared/register/day-counts.ts): their build from the cases (the
 * upgrade to schema version 3, and a rebuild when the marker row is missing) and the sums the
 * register's counts read. The tallies middleware (../tallies-middleware.ts) keeps the rows in
 * step with every write of cases.
 */
import Dexie, { type Table } from 'dexie';
import type { CaseId } from '@shared/kernel/brand';
import type { CaseEntity, CaseStatus } from '@shared/model/entities';
import {
  COUNT_DAYS_END,
  COUNT_EVERY_DAY,
  DAY_COUNTS_MARKER,
  countStatusMatches,
  dayCountsOf,
  type CountedCase,
  type DayCountEntity,
} from '@shared/register/day-counts';
import type { DeskDatabase } from '../database';

/** Cases read at once while counting from scratch. */
const BUILD_CHUNK = 2000;

/**
 * Counts the day counts of every case from scratch and stores them with the marker, replacing
 * what was stored. Runs in the caller's transaction (an upgrade's, or the rebuild's): the cases
 * are read in chunks by primary key, only the counted fields kept.
 */
export async function dayCountsBuild(
  cases: Table<CaseEntity, CaseId>,
  dayCounts: Table<DayCountEntity, [string, string, string]>,
): Promise<void> {
  const counted: CountedCase[] = [];
  let after: CaseId | undefined;
  for (;;) {
    const chunk = await (
      after === undefined ? cases.orderBy(':id') : cases.where(':id').above(after)
    )
      .limit(BUILD_CHUNK)
      .toArray();
    for (const row of chunk) {
      const { status, receivedAt, kindId, levelId, channelId, unitId, categoryId, handlerName } =
        row;
      counted.push({
        status,
        receivedAt,
        kindId,
        levelId,
        channelId,
        unitId,
        categoryId,
        handlerName,
      });
    }
    const last = chunk[chunk.length - 1];
    if (!last || chunk.length < BUILD_CHUNK) break;
    after = last.id;
  }
  await dayCounts.clear();
  await dayCounts.bulkPut([...dayCountsOf(counted), DAY_COUNTS_MARKER]);
}

/** Whether the stored day counts count every case (the marker row of this version is there). */
export async function dayCountsReady(db: DeskDatabase): Promise<boolean> {
  const marker = await db.dayCounts.get([DAY_COUNTS_MARKER.facet, DAY_COUNTS_MARKER.day, '']);
  return marker?.n === DAY_COUNTS_MARKER.n;
}

const rebuilds = new WeakMap<DeskDatabase, Promise<void>>();

/** Counts the day counts again, in one transaction over the cases; callers at once share one. */
export function dayCountsRebuild(db: DeskDatabase): Promise<void> {
  let rebuild = rebuilds.get(db);
  if (!rebuild) {
    rebuild = new Promise<void>((resolve, reject) => {
      // From a timer: outside a caller's liveQuery, where readwrite transactions are refused.
      setTimeout(() => {
        db.transaction('rw', [db.cases, db.dayCounts], () =>
          dayCountsBuild(db.cases, db.dayCounts),
        ).then(resolve, reject);
      }, 0);
    }).finally(() => rebuilds.delete(db));
    rebuilds.set(db, rebuild);
  }
  return rebuild;
}

/**
 * The cases of `facets` received on the days [first, end) (or on any day: `every`) whose status passes `status`, summed
 * from the day counts (read in the caller's transaction).
 */
export async function dayCountsSum(
  db: DeskDatabase,
  facets: readonly string[],
  days: readonly [first: string, end: string] | 'every',
  status: CaseStatus | 'open' | undefined,
): Promise<number> {
  const [first, end] = days === 'every' ? [COUNT_EVERY_DAY, COUNT_EVERY_DAY] : days;
  const sums = await Promise.all(
    facets.map(async (facet) => {
      const rows = await db.dayCounts
        .where('[facet+day+status]')
        .between(
          [facet, first, Dexie.minKey],
          days === 'every'
            ? [facet, COUNT_EVERY_DAY, Dexie.maxKey]
            : end === COUNT_DAYS_END
              ? [facet, Dexie.maxKey]
              : [facet, end, Dexie.minKey],
          true,
          days === 'every',
        )
        .toArray();
      return rows.reduce(
        (sum, row) => sum + (countStatusMatches(row.status, status) ? row.n : 0),
        0,
      );
    }),
  );
  return sums.reduce((sum, n) => sum + n, 0);
}
