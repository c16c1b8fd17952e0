/**
 * What the statistics cache is keyed on (renderer/src/features/reports/stats-engine.ts): the
 * figures of a period are kept until a case they were counted from changes, or until the clock
 * reaches the first moment at which the same cases would count differently.
 *
 * Change stamps: every write of a case puts a fresh stamp (a unique token) under the key of the
 * UTC day it was received (`changes:2026-11-03`), in the same transaction as the case
 * (renderer/src/db/stats-stamps-middleware.ts). A period's figures remember the stamps of the
 * days they read; when one differs, a case of those days changed and the figures are counted
 * again. Two more stamps cover what days cannot: `changes:linked`, put by every write of a case
 * linked under another case's matter (a report joining a matter first reported in an earlier
 * period can change that period's figures), and `changes:all`, put by a delete, which does not
 * say which days it touched.
 */
import type { IsoInstant } from '../kernel/brand';
import { isoDateAddDays } from '../calendar/iso-date';
import { instantFromMs, localDateOf, localMomentToMs } from '../calendar/local-time';
import type { CaseEntity } from '../model/entities';

export const STATS_STAMP_PREFIX = 'changes:';
/** Put by every write of a case linked under another case's matter. */
export const STATS_STAMP_LINKED = `${STATS_STAMP_PREFIX}linked`;
/** Put by a delete of cases (which days it touched is not known without reading them). */
export const STATS_STAMP_ALL = `${STATS_STAMP_PREFIX}all`;

/** A stamp row, stored beside the tallies (derived data: never synced, exported or backed up). */
export interface StatsStampEntity {
  readonly key: string;
  readonly stamp: string;
}

const DAY_MS = 86_400_000;

/** The key of the UTC day of an instant. */
export function statsStampKeyOf(instant: IsoInstant): string {
  return `${STATS_STAMP_PREFIX}${instantFromMs(Date.parse(instant)).slice(0, 10)}`;
}

/** The keys of the UTC days an instant range (`from` included, `to` excluded) touches. */
export function statsStampKeysOfRange(range: {
  readonly from: IsoInstant;
  readonly to: IsoInstant;
}): string[] {
  const fromMs = Date.parse(range.from);
  const lastMs = Date.parse(range.to) - 1;
  const keys: string[] = [];
  for (let day = Math.floor(fromMs / DAY_MS); day * DAY_MS <= lastMs; day++) {
    keys.push(statsStampKeyOf(instantFromMs(day * DAY_MS)));
  }
  return keys;
}

/** The stamps a write of this case puts: its day's, and the linked one for a linked report. */
export function statsStampKeysOfCase(
  c: Pick<CaseEntity, 'id' | 'matterId' | 'receivedAt'>,
): string[] {
  const day = statsStampKeyOf(c.receivedAt);
  return c.matterId === c.id ? [day] : [day, STATS_STAMP_LINKED];
}

/**
 * The stamps figures counted from `cases` over `range` depend on: the days of the range, the days
 * of the cases read from outside it (earlier reports of its matters), `changes:linked` when some
 * case of the range is linked under another matter (another report may join that matter), and
 * `changes:all`. Sorted, without repeats.
 */
export function statsStampKeysOfRead(
  range: { readonly from: IsoInstant; readonly to: IsoInstant },
  cases: readonly Pick<CaseEntity, 'id' | 'matterId' | 'receivedAt'>[],
): string[] {
  const keys = new Set(statsStampKeysOfRange(range));
  keys.add(STATS_STAMP_ALL);
  for (const c of cases) {
    if (c.receivedAt < range.from || c.receivedAt >= range.to)
      keys.add(statsStampKeyOf(c.receivedAt));
    if (c.matterId !== c.id) keys.add(STATS_STAMP_LINKED);
  }
  return [...keys].sort();
}

/** The fields of a case that decide when its figures change with the clock alone. */
export type TimedCase = Pick<CaseEntity, 'openDueAt' | 'dispatchOpenDueAt' | 'interimOpenDueAt'>;

/**
 * Until when figures counted at `asOf` from these cases stay the same with nothing written: the
 * first owed deadline still to pass (a matter turns overdue, a dispatch or interim step turns
 * late: `deadlineStanding` measures only the `*OpenDueAt` fields against the clock), and at the
 * latest the next local midnight (the working days an unresolved matter is overdue by count
 * whole local days). Excluded: at that instant the figures must be counted again.
 */
export function statsValidUntil(
  cases: readonly TimedCase[],
  asOf: IsoInstant,
  timeZone: string,
): IsoInstant {
  const asOfMs = Date.parse(asOf);
  let until = localMomentToMs(
    { date: isoDateAddDays(localDateOf(asOf, timeZone), 1), msOfDay: 0 },
    timeZone,
  );
  for (const c of cases) {
    for (const due of [c.openDueAt, c.dispatchOpenDueAt, c.interimOpenDueAt]) {
      if (due === undefined) continue;
      const dueMs = Date.parse(due);
      // Overdue once the clock is past the due time (deadlineState: now > due).
      if (dueMs >= asOfMs && dueMs < until) until = dueMs;
    }
  }
  return instantFromMs(until);
}
