/**
 * Case tallies: counts of cases kept up to date as cases are written, so that the home screen's
 * queue counts are a lookup instead of a walk over index ranges (Chromium's IndexedDB `count()`
 * visits every entry of its range). Derived data: they can be rebuilt from the cases at any time
 * and are never synced, exported or backed up.
 *
 * Every write of a case replaces its contribution: `talliesApply(tallies, before, after)`.
 */
import type { CaseId, StaffId } from '../kernel/brand';
import type { CaseEntity, CaseFollowUp, CaseStatus } from '../model/entities';
import { caseIsOpen } from '../workflow/reducer';

export interface CaseTallies {
  /**
   * Open cases per status. Closed cases are not tallied: no queue counts them, and they are
   * most of a desk's history, which a rebuild would otherwise have to walk.
   */
  readonly openByStatus: Readonly<Partial<Record<CaseStatus, number>>>;
  /** Open cases per receiving clerk ("my cases"), keyed by staff id. */
  readonly openByReceiver: Readonly<Record<string, number>>;
  /** Cases whose follow-up is pending, whatever their status. */
  readonly followUpPending: number;
  /** Cases with `openDueAt`: open, not exempt, with a deadline. */
  readonly openWithDue: number;
  /** Every case, closed ones included (the register's count). */
  readonly all: number;
  /**
   * The cases linked under another case's matter id (`matterId !== id`), by case id: few on any
   * desk, and with `all` they give the register's count of matters without a walk.
   */
  readonly linked: Readonly<Record<string, CaseId>>;
}

/** The fields of a case its contribution depends on. */
export type TalliedCase = Pick<
  CaseEntity,
  'id' | 'matterId' | 'status' | 'receiverId' | 'openDueAt'
> & {
  readonly followUp: Pick<CaseFollowUp, 'state'>;
};

/** The tallies of no cases. */
export function talliesEmpty(): CaseTallies {
  return {
    openByStatus: {},
    openByReceiver: {},
    followUpPending: 0,
    openWithDue: 0,
    all: 0,
    linked: {},
  };
}

/** What one case adds to the tallies. */
export function caseTallyContribution(c: TalliedCase): CaseTallies {
  const open = caseIsOpen(c);
  return {
    // Computed keys make own properties, even for a key such as `__proto__`.
    openByStatus: open ? { [c.status]: 1 } : {},
    openByReceiver: open ? { [c.receiverId]: 1 } : {},
    followUpPending: c.followUp.state === 'pending' ? 1 : 0,
    openWithDue: c.openDueAt === undefined ? 0 : 1,
    all: 1,
    linked: c.matterId === c.id ? {} : { [c.id]: c.matterId },
  };
}

/** Whether a case changing from `before` to `after` (absent: none) moves any count. */
export function isTallyChange(before?: TalliedCase, after?: TalliedCase): boolean {
  return tallyKeyOf(before) !== tallyKeyOf(after);
}

/** What a case's contribution depends on, as one comparable string ('' fields when none). */
function tallyKeyOf(c: TalliedCase | undefined): string {
  const open = c !== undefined && caseIsOpen(c);
  return JSON.stringify([
    c !== undefined,
    c !== undefined && c.matterId !== c.id ? c.matterId : '',
    open ? c.status : '',
    open ? c.receiverId : '',
    c?.followUp.state === 'pending',
    c?.openDueAt !== undefined,
  ]);
}

/**
 * The tallies after a case changed from `before` to `after` (absent: created or deleted): the
 * old contribution is taken away and the new one added. Counts never go below zero and entries
 * that reach zero are removed. Returns `tallies` itself when the change moves no count.
 */
export function talliesApply(
  tallies: CaseTallies,
  before?: TalliedCase,
  after?: TalliedCase,
): CaseTallies {
  const minus = before ? caseTallyContribution(before) : talliesEmpty();
  const plus = after ? caseTallyContribution(after) : talliesEmpty();
  const openByStatus = countsAdd(tallies.openByStatus, minus.openByStatus, plus.openByStatus);
  const openByReceiver = countsAdd(
    tallies.openByReceiver,
    minus.openByReceiver,
    plus.openByReceiver,
  );
  const followUpPending = Math.max(
    0,
    tallies.followUpPending - minus.followUpPending + plus.followUpPending,
  );
  const openWithDue = Math.max(0, tallies.openWithDue - minus.openWithDue + plus.openWithDue);
  const all = Math.max(0, tallies.all - minus.all + plus.all);
  const linked = linksReplace(tallies.linked, before, after);
  if (
    openByStatus === tallies.openByStatus &&
    openByReceiver === tallies.openByReceiver &&
    followUpPending === tallies.followUpPending &&
    openWithDue === tallies.openWithDue &&
    all === tallies.all &&
    linked === tallies.linked
  ) {
    return tallies;
  }
  return { openByStatus, openByReceiver, followUpPending, openWithDue, all, linked };
}

/** `linked` with the case's old link taken away and its new one put; the same object if equal. */
function linksReplace(
  linked: CaseTallies['linked'],
  before?: TalliedCase,
  after?: TalliedCase,
): CaseTallies['linked'] {
  const old = before && before.matterId !== before.id ? before : undefined;
  const now = after && after.matterId !== after.id ? after : undefined;
  if (old?.id === now?.id && old?.matterId === now?.matterId) return linked;
  const next = new Map(Object.entries(linked));
  if (old) next.delete(old.id);
  if (now) next.set(now.id, now.matterId);
  return Object.fromEntries(next);
}

/** How many closed cases there are: every case but the open ones tallied by status. */
export function talliesClosedCount(tallies: CaseTallies): number {
  const open = Object.values(tallies.openByStatus).reduce<number>((sum, n) => sum + (n ?? 0), 0);
  return Math.max(0, tallies.all - open);
}

/** The tallies of `cases`, counted from scratch. */
export function talliesOf(cases: Iterable<TalliedCase>): CaseTallies {
  let tallies = talliesEmpty();
  for (const c of cases) tallies = talliesApply(tallies, undefined, c);
  return tallies;
}

/** How many open cases have one of `statuses` (closed cases are not tallied). */
export function talliesStatusCount(tallies: CaseTallies, statuses: readonly CaseStatus[]): number {
  return statuses.reduce((sum, status) => sum + countOf(tallies.openByStatus, status), 0);
}

/** How many open cases `receiverId` received. */
export function talliesOpenOf(tallies: CaseTallies, receiverId: StaffId): number {
  return countOf(tallies.openByReceiver, receiverId);
}

type Counts = Readonly<Partial<Record<string, number>>>;

function countOf(counts: Counts, key: string): number {
  return Object.hasOwn(counts, key) ? (counts[key] ?? 0) : 0;
}

/** `counts` - `minus` + `plus`, key by key; the same object when no count moves. */
function countsAdd<C extends Counts>(counts: C, minus: Counts, plus: Counts): C {
  const deltas = new Map<string, number>();
  for (const [key, n] of Object.entries(minus)) deltas.set(key, (deltas.get(key) ?? 0) - (n ?? 0));
  for (const [key, n] of Object.entries(plus)) deltas.set(key, (deltas.get(key) ?? 0) + (n ?? 0));
  const moved = [...deltas].filter(([, delta]) => delta !== 0);
  if (moved.length === 0) return counts;
  const next = new Map(Object.entries(counts));
  for (const [key, delta] of moved) {
    const n = Math.max(0, (next.get(key) ?? 0) + delta);
    if (n > 0) next.set(key, n);
    else next.delete(key);
  }
  // `C` is a record of counts by key: the entries are its own, with counts changed.
  return Object.fromEntries(next) as C;
}

/** The key of the one row of tallies in the `tallies` table. */
export const TALLIES_KEY = 'cases';

/** Bump when `CaseTallies` changes shape: a stored row of another version is rebuilt. */
export const TALLIES_VERSION = 2;

/** The stored row of tallies. */
export interface CaseTalliesEntity extends CaseTallies {
  readonly key: typeof TALLIES_KEY;
  readonly version: number;
}

export function talliesRow(tallies: CaseTallies): CaseTalliesEntity {
  return {
    key: TALLIES_KEY,
    version: TALLIES_VERSION,
    openByStatus: tallies.openByStatus,
    openByReceiver: tallies.openByReceiver,
    followUpPending: tallies.followUpPending,
    openWithDue: tallies.openWithDue,
    all: tallies.all,
    linked: tallies.linked,
  };
}

/** The tallies a stored row holds; undefined when there is none of this version (rebuild). */
export function talliesFromRow(row: CaseTalliesEntity | undefined): CaseTallies | undefined {
  if (row?.version !== TALLIES_VERSION) return undefined;
  const { openByStatus, openByReceiver, followUpPending, openWithDue, all, linked } = row;
  return { openByStatus, openByReceiver, followUpPending, openWithDue, all, linked };
}
