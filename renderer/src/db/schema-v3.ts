/**
 * Schema version 3: only the tables that change or are new (Dexie keeps the others).
 *
 * - `dayCounts`: the register's day counts (shared/register/day-counts.ts), one row per facet
 *   (a filter value, or every case), UTC day of receipt and status, so that a count under a
 *   filter and a range of dates is a key-range read. Derived: kept by the tallies middleware,
 *   built from the cases by the upgrade to this version, never synced, exported or backed up.
 */
export const SCHEMA_V3 = {
  dayCounts: '[facet+day+status]',
} as const;
