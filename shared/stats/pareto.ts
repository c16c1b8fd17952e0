/**
 * The Pareto analysis of final causes (柏拉图) of the quarterly analysis: causes sorted by count,
 * each with its share and the cumulative share, and the "vital few" that make up 80%.
 */
import { NONE_KEY, type Counts } from './figures';

export interface ParetoRow {
  readonly causeId: string;
  readonly count: number;
  /** Share of the matters with a final cause, 0..1. */
  readonly share: number;
  /** Share of this cause and every cause above it, 0..1. */
  readonly cumulativeShare: number;
  /** Among the causes that make up the first 80% (the row that reaches 80% included). */
  readonly vital: boolean;
}

export interface ParetoTable {
  readonly rows: readonly ParetoRow[];
  /** Matters with a final cause (the 100%). */
  readonly total: number;
  /** Matters not closed yet, so without a final cause: left out of the table. */
  readonly undetermined: number;
}

/** The share the vital few make up. */
export const PARETO_VITAL_SHARE = 0.8;

/**
 * The Pareto table of counts by final cause. Ties keep the order of `order` (the rules' list
 * of causes), then of the ids. Cumulative shares are computed from the counts, so the last row
 * is exactly 1.
 */
export function statsPareto(byFinalCause: Counts, order: readonly string[] = []): ParetoTable {
  const rank = new Map(order.map((id, i) => [id, i]));
  const entries = Object.entries(byFinalCause).filter(
    ([id, count]) => id !== NONE_KEY && count > 0,
  );
  entries.sort(
    ([a, ca], [b, cb]) =>
      cb - ca ||
      (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) ||
      (a < b ? -1 : a > b ? 1 : 0),
  );
  const total = entries.reduce((sum, [, count]) => sum + count, 0);
  let running = 0;
  let reached = false;
  const rows = entries.map(([causeId, count]) => {
    running += count;
    const vital = !reached;
    const cumulativeShare = running / total;
    // Compare counts, not floats: 80% of the total reached by this row.
    if (running * 5 >= total * 4) reached = true;
    return { causeId, count, share: count / total, cumulativeShare, vital };
  });
  return { rows, total, undetermined: byFinalCause[NONE_KEY] ?? 0 };
}
