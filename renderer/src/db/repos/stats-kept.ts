/**
 * Kept figures of the statistics (shared/stats/kept.ts) in the database, so a new page load or
 * a restart finds the figures counted before: rows of the derived `tallies` table under
 * `figures:` (never synced, exported or backed up; a restore starts without them). Each unit has
 * a data row and a small "last used" row, so the least recently used can be found and evicted
 * without reading the figures.
 */
import {
  STATS_KEPT_LIMIT,
  STATS_KEPT_PREFIX,
  statsKeptDataKey,
  statsKeptEvicted,
  statsKeptFromRow,
  statsKeptRow,
  statsKeptUsedKey,
  type StatsKept,
  type StatsKeptEntity,
  type StatsKeptUsedEntity,
} from '@shared/stats/kept';
import type { DeskDatabase } from '../database';

function keptTable(db: DeskDatabase) {
  // Rows of their own shape beside the tallies' row and the stats stamps.
  return db.table<StatsKeptEntity | StatsKeptUsedEntity, string>('tallies');
}

/** The figures kept for a unit, if any (a row of an older build or a broken one: none). */
export async function statsKeptGet(
  db: DeskDatabase,
  unitKey: string,
): Promise<StatsKept | undefined> {
  return statsKeptFromRow(await keptTable(db).get(statsKeptDataKey(unitKey)));
}

/**
 * Stores the figures of a unit as used at `usedAt` (epoch ms), and evicts the least recently
 * used beyond `limit`, in one transaction.
 */
export async function statsKeptPut(
  db: DeskDatabase,
  unitKey: string,
  kept: StatsKept,
  usedAt: number,
  limit: number = STATS_KEPT_LIMIT,
): Promise<void> {
  const table = keptTable(db);
  await db.transaction('rw', table, async () => {
    await table.bulkPut([
      statsKeptRow(unitKey, kept),
      { key: statsKeptUsedKey(unitKey), unit: unitKey, usedAt },
    ]);
    const used = (await table
      .where(':id')
      .between(statsKeptUsedKey(''), statsKeptUsedKey('\uffff'))
      .toArray()) as StatsKeptUsedEntity[];
    const evicted = statsKeptEvicted(used, limit);
    if (evicted.length > 0) {
      await table.bulkDelete(evicted.flatMap((u) => [statsKeptDataKey(u), statsKeptUsedKey(u)]));
    }
  });
}

/** Marks a unit's kept figures as used at `usedAt` (epoch ms): the last to be evicted. */
export async function statsKeptTouch(
  db: DeskDatabase,
  unitKey: string,
  usedAt: number,
): Promise<void> {
  const table = keptTable(db);
  await db.transaction('rw', table, async () => {
    // Not for figures evicted meanwhile (by another tab): no "used" row without its figures.
    const kept = await table.where(':id').equals(statsKeptDataKey(unitKey)).primaryKeys();
    if (kept.length > 0) await table.put({ key: statsKeptUsedKey(unitKey), unit: unitKey, usedAt });
  });
}

/** The units with kept figures stored (their keys), for tests and the benchmark. */
export async function statsKeptUnits(db: DeskDatabase): Promise<string[]> {
  const keys = await keptTable(db)
    .where(':id')
    .between(statsKeptDataKey(''), statsKeptDataKey('\uffff'))
    .primaryKeys();
  return keys.map((key) => key.slice(statsKeptDataKey('').length));
}

/** Forgets every kept figure (the benchmark's cold first view). */
export async function statsKeptClear(db: DeskDatabase): Promise<void> {
  await keptTable(db)
    .where(':id')
    .between(STATS_KEPT_PREFIX, `${STATS_KEPT_PREFIX}\uffff`)
    .delete();
}
