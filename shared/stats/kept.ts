/**
 * Kept figures: the statistics of a unit (shared/stats/units.ts) as counted once, with what they
 * were counted under, so they can be given again while nothing they depend on has changed. The
 * statistics engine (renderer/src/features/reports/stats-engine.ts) keeps them in memory and in
 * the database (rows of the derived `tallies` table under `figures:`, never synced, exported or
 * backed up), so a new page load or a restart finds them too.
 *
 * One decision says whether kept figures may be given (`statsKeptStateOf`):
 * - the desk's rules and calendar are those they were counted under (`settings`);
 * - the clock is before `validUntil` (shared/stats/stamps.ts `statsValidUntil`);
 * - every change stamp they depend on (`stampKeys`) still has the value it had when the cases
 *   were read (a write of a case of those days, `changes:linked` or `changes:all` moved it).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { StatsUnitResult } from './units';

/** Every row of kept figures in the tallies table starts with this. */
export const STATS_KEPT_PREFIX = 'figures:';

/**
 * The shape and counting of the figures kept: bump when ReportFigures, QuarterlyFigures,
 * PersonYearRow or the way shared/stats/ counts them change, so figures kept by an older build
 * are counted again rather than shown.
 */
export const STATS_KEPT_VERSION = 1;

/**
 * How many units' figures the database keeps, the most recently used: a year of months in
 * both period modes, their quarters and a few years (a month's figures are a few kilobytes).
 */
export const STATS_KEPT_LIMIT = 120;

/** Figures as counted, and what they were counted under. */
export interface StatsKept {
  /** The desk's rules and calendar they were counted under (`statsKeptSettingsOf`). */
  readonly settings: string;
  readonly stampKeys: readonly string[];
  /** The stamps' values when the cases were read; null for a stamp never written. */
  readonly stamps: readonly (string | null)[];
  /** Epoch ms from which they must be counted again; null when the clock never changes them. */
  readonly validUntil: number | null;
  readonly result: StatsUnitResult;
}

/** A row of kept figures (tallies table, key `figures:data:<unit key>`). */
export interface StatsKeptEntity extends StatsKept {
  readonly key: string;
  readonly version: number;
}

/** When a unit's kept figures were last used (key `figures:used:<unit key>`): small, for eviction. */
export interface StatsKeptUsedEntity {
  readonly key: string;
  readonly unit: string;
  /** Epoch ms. */
  readonly usedAt: number;
}

export function statsKeptDataKey(unitKey: string): string {
  return `${STATS_KEPT_PREFIX}data:${unitKey}`;
}

export function statsKeptUsedKey(unitKey: string): string {
  return `${STATS_KEPT_PREFIX}used:${unitKey}`;
}

/** Whether a key of the tallies table is a row of kept figures (not a tally or a stamp). */
export function isStatsKeptKey(key: string): boolean {
  return key.startsWith(STATS_KEPT_PREFIX);
}

/** The settings key of kept figures: a digest of the rules and calendar they were counted by. */
export function statsKeptSettingsOf(rules: unknown, calendar: unknown): string {
  return bytesToHex(sha256(utf8ToBytes(JSON.stringify([rules, calendar]))));
}

/**
 * - `valid`: the figures may be given as they are;
 * - `stale`: something they were counted from changed (a case, the clock): count again, and
 *   meanwhile they may be shown as being updated;
 * - `otherSettings`: counted under other rules or another calendar: not to be shown at all.
 */
export type StatsKeptState = 'valid' | 'stale' | 'otherSettings';

/**
 * Whether kept figures may be given again.
 *
 * @param current the desk's settings key now, the clock, and the current values of the kept
 *   figures' `stampKeys`, in the same order (undefined or null: never written).
 */
export function statsKeptStateOf(
  kept: Pick<StatsKept, 'settings' | 'stamps' | 'validUntil'>,
  current: {
    readonly settings: string;
    readonly nowMs: number;
    readonly stamps: readonly (string | null | undefined)[];
  },
): StatsKeptState {
  if (kept.settings !== current.settings) return 'otherSettings';
  if (kept.validUntil !== null && !(current.nowMs < kept.validUntil)) return 'stale';
  const same =
    kept.stamps.length === current.stamps.length &&
    kept.stamps.every((stamp, i) => stamp === (current.stamps[i] ?? null));
  return same ? 'valid' : 'stale';
}

const isString = (value: unknown): value is string => typeof value === 'string';

/**
 * The kept figures of a stored row, checked as they are read (an older build's, a partial or
 * foreign row: undefined, to be counted again).
 */
export function statsKeptFromRow(row: unknown): StatsKept | undefined {
  if (typeof row !== 'object' || row === null) return undefined;
  const r = row as Partial<Record<keyof StatsKeptEntity, unknown>>;
  const result = r.result as { kind?: unknown } | undefined;
  if (
    r.version !== STATS_KEPT_VERSION ||
    !isString(r.settings) ||
    !Array.isArray(r.stampKeys) ||
    !r.stampKeys.every(isString) ||
    !Array.isArray(r.stamps) ||
    r.stamps.length !== r.stampKeys.length ||
    !r.stamps.every((s) => s === null || isString(s)) ||
    !(r.validUntil === null || typeof r.validUntil === 'number') ||
    typeof result !== 'object' ||
    result === null ||
    !['month', 'quarter', 'perPerson'].includes(String(result.kind))
  ) {
    return undefined;
  }
  return {
    settings: r.settings,
    stampKeys: r.stampKeys as string[],
    stamps: r.stamps as (string | null)[],
    validUntil: r.validUntil,
    result: r.result as StatsUnitResult,
  };
}

/** The row that stores kept figures of a unit. */
export function statsKeptRow(unitKey: string, kept: StatsKept): StatsKeptEntity {
  return { key: statsKeptDataKey(unitKey), version: STATS_KEPT_VERSION, ...kept };
}

/**
 * The units whose kept figures go so that at most `limit` remain: the least recently used.
 */
export function statsKeptEvicted(
  used: readonly Pick<StatsKeptUsedEntity, 'unit' | 'usedAt'>[],
  limit: number,
): string[] {
  if (used.length <= limit) return [];
  return [...used]
    .sort((a, b) => a.usedAt - b.usedAt || a.unit.localeCompare(b.unit))
    .slice(0, used.length - limit)
    .map((u) => u.unit);
}
