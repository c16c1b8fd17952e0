/**
 * Day counts: how many cases were received on each UTC day, per status and per value of each
 * register filter (a kind, a level, a channel, a unit, a category, a handler) and for every case
 * (`COUNT_ALL`). The register's counts under one of those filters, a status and/or a range of
 * receipt dates are a short key-range read of these rows summed (plus the cases of the range's
 * partial first and last days, read from the cases) instead of a walk over every matching case.
 *
 * Derived data, like the case tallies (tallies.ts): kept by the tallies middleware in the same
 * transaction as every write of a case, rebuilt from the cases when the marker row is missing,
 * never synced, exported or backed up.
 */
import type { IsoInstant } from '../kernel/brand';
import type { CaseEntity, CaseStatus } from '../model/entities';

/** The register filters counted per value, as the case fields they filter on. */
export const COUNT_FIELDS = [
  'kindId',
  'levelId',
  'channelId',
  'unitId',
  'categoryId',
  'handlerName',
] as const;

export type CountField = (typeof COUNT_FIELDS)[number];

/** The facet of every case. */
export const COUNT_ALL = '*';

/** Bump when what a row counts changes: the rows are then counted again. */
export const DAY_COUNTS_VERSION = 2;

/**
 * The day of the rows that count a facet's cases of every day (per status), so that a filter
 * without dates reads a few rows: `*` sorts before every date.
 */
export const COUNT_EVERY_DAY = '*';

/** The stored row: cases of `facet` received on `day` (UTC, YYYY-MM-DD) with `status`. */
export interface DayCountEntity {
  readonly facet: string;
  readonly day: string;
  readonly status: string;
  readonly n: number;
}

/**
 * The marker row: present (with this version) only while the rows count every case. Its facet
 * sorts apart from the others (`#` is no field name and not `*`).
 */
export const DAY_COUNTS_MARKER: DayCountEntity = {
  facet: '#',
  day: '',
  status: '',
  n: DAY_COUNTS_VERSION,
};

export type DayCountKey = readonly [facet: string, day: string, status: string];

/** The facet of one filter value. */
export function countFacet(field: CountField, value: string): string {
  return `${field}=${value}`;
}

/** The fields of a case its day counts depend on. */
export type CountedCase = Pick<CaseEntity, 'status' | 'receivedAt' | CountField>;

/** The value a case has for a counted field, as the register's filter compares it. */
export function countValueOf(c: CountedCase, field: CountField): string | undefined {
  const value = field === 'handlerName' ? c.handlerName?.trim() : c[field];
  return value === undefined || value === '' ? undefined : value;
}

/** The UTC day of an instant (YYYY-MM-DD). */
export function countDayOf(at: string): string {
  return at.slice(0, 10);
}

/** The rows a case adds one to: of its day and of every day, for each of its facets. */
export function caseCountKeys(c: CountedCase): DayCountKey[] {
  const day = countDayOf(c.receivedAt);
  const facets = [COUNT_ALL];
  for (const field of COUNT_FIELDS) {
    const value = countValueOf(c, field);
    if (value !== undefined) facets.push(countFacet(field, value));
  }
  return facets.flatMap((facet): DayCountKey[] => [
    [facet, day, c.status],
    [facet, COUNT_EVERY_DAY, c.status],
  ]);
}

function keyString(key: DayCountKey): string {
  return JSON.stringify(key);
}

/** Whether a case changing from `before` to `after` (absent: none) moves any day count. */
export function isCountChange(before?: CountedCase, after?: CountedCase): boolean {
  const a = before ? caseCountKeys(before).map(keyString).join() : '';
  const b = after ? caseCountKeys(after).map(keyString).join() : '';
  return a !== b;
}

/** What a list of case changes adds to each row (rows that do not move are left out). */
export function countDeltas(
  changes: readonly (readonly [before?: CountedCase, after?: CountedCase])[],
): { readonly key: DayCountKey; readonly delta: number }[] {
  const deltas = new Map<string, { key: DayCountKey; delta: number }>();
  const add = (c: CountedCase | undefined, sign: number) => {
    if (!c) return;
    for (const key of caseCountKeys(c)) {
      const id = keyString(key);
      const entry = deltas.get(id) ?? { key, delta: 0 };
      entry.delta += sign;
      deltas.set(id, entry);
    }
  };
  for (const [before, after] of changes) {
    add(before, -1);
    add(after, 1);
  }
  return [...deltas.values()].filter((entry) => entry.delta !== 0);
}

/** The rows of `cases`, counted from scratch (the marker not included). */
export function dayCountsOf(cases: Iterable<CountedCase>): DayCountEntity[] {
  const counts = new Map<string, { key: DayCountKey; n: number }>();
  for (const c of cases) {
    for (const key of caseCountKeys(c)) {
      const id = keyString(key);
      const entry = counts.get(id);
      if (entry) entry.n += 1;
      else counts.set(id, { key, n: 1 });
    }
  }
  return [...counts.values()].map(({ key: [facet, day, status], n }) => ({
    facet,
    day,
    status,
    n,
  }));
}

/**
 * How a range of receipt [from, before) splits: the whole UTC days inside it, read from the
 * day counts (`days`: [first, end) of days, absent when there is none, `every` without a
 * range), and the instants left at
 * either end, read from the cases (`edges`: [from, before) ranges, at most two, each within
 * one day).
 */
export interface CountRange {
  readonly days?: readonly [first: string, end: string] | 'every';
  readonly edges: readonly (readonly [from: IsoInstant, before: IsoInstant])[];
}

function dayStart(day: string): IsoInstant {
  return `${day}T00:00:00.000Z` as IsoInstant;
}

function nextDay(day: string): string {
  return new Date(Date.parse(dayStart(day)) + 86_400_000).toISOString().slice(0, 10);
}

/** The first and past-the-end days: '0' sorts before every date, '~' after every date. */
export const COUNT_DAYS_FIRST = '0';
export const COUNT_DAYS_END = '~';

export function countRange(from?: IsoInstant, before?: IsoInstant): CountRange {
  if (from === undefined && before === undefined) return { days: 'every', edges: [] };
  if (from !== undefined && before !== undefined && before <= from) return { edges: [] };
  const fromDay = from === undefined ? undefined : countDayOf(from);
  const first =
    from === undefined || fromDay === undefined
      ? COUNT_DAYS_FIRST
      : from === dayStart(fromDay)
        ? fromDay
        : nextDay(fromDay);
  const end = before === undefined ? COUNT_DAYS_END : countDayOf(before);
  if (from !== undefined && before !== undefined && first >= end) {
    // Within one day or across one midnight without a whole day: the cases themselves.
    return { edges: [[from, before]] };
  }
  const edges: (readonly [IsoInstant, IsoInstant])[] = [];
  if (from !== undefined && from !== dayStart(first)) edges.push([from, dayStart(first)]);
  if (before !== undefined && before !== dayStart(end)) edges.push([dayStart(end), before]);
  return { days: [first, end], edges };
}

/** Whether a status passes the register's status filter (`open`: any but closed). */
export function countStatusMatches(
  status: string,
  filter: CaseStatus | 'open' | undefined,
): boolean {
  if (filter === undefined) return true;
  if (filter === 'open') return status !== 'closed';
  return status === filter;
}
