/**
 * Keeps the case tallies (shared/register/tallies.ts) in step with the cases. A Dexie DBCore middleware:
 * every readwrite transaction over `cases` also takes in `tallies`, and each write of cases,
 * whichever repository makes it, applies its change to the tallies row in the same transaction,
 * so the counts commit or abort with the cases.
 *
 * - add, put, delete: the cases replaced are read first (`getMany`, in the transaction, with
 *   the row on a transaction's first write), then each written case's contribution replaces
 *   the old one's;
 * - deleteRange (`clear()`, a primary-key range): the row is deleted, to be rebuilt when next read;
 * - a missing row (a database from before tallies, or after a range delete) stays missing:
 *   repos/tallies.ts rebuilds it from the indexes.
 *
 * The writes of one transaction are applied one after another, so two writes of the same case
 * in flight together each read what the other left. Only this middleware and the rebuild, which
 * writes no cases, write the row. The row's writes go down the stack like any other, so
 * `liveQuery` sees them.
 *
 * The register's day counts (shared/register/day-counts.ts), in the `dayCounts` table when the
 * schema has it, are kept the same way: each write's changes move the rows of the cases' days,
 * statuses and filter values, read and written in the same transaction, while the marker row is
 * there; a range delete deletes them all with the marker, and the next read counts them again.
 *
 * Promises are chained with `then` on what the layer below returns (Dexie's own promises), as
 * Dexie's middlewares do, so the transaction's async context goes along.
 */
import Dexie from 'dexie';
import type {
  DBCore,
  DBCoreKeyRange,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import type { CaseEntity } from '@shared/model/entities';
import {
  TALLIES_KEY,
  isTallyChange,
  talliesApply,
  talliesFromRow,
  talliesRow,
  type CaseTallies,
  type CaseTalliesEntity,
} from '@shared/register/tallies';
import {
  DAY_COUNTS_MARKER,
  countDeltas,
  type DayCountEntity,
  type DayCountKey,
} from '@shared/register/day-counts';

const CASES = 'cases';
const TALLIES = 'tallies';
const DAY_COUNTS = 'dayCounts';
/** Every key (DBCoreRangeType.Any, 3: a const enum, not importable under isolatedModules). */
const ANY_RANGE: DBCoreKeyRange = { type: 3, lower: undefined, upper: undefined };

/** What the middleware keeps for one transaction while it writes cases. */
interface TransactionTallies {
  /** The last write of cases queued; the next one starts when it is done. */
  queue: Promise<unknown>;
  /** The tallies as the last write left them: undefined if not read yet, null if no row. */
  tallies?: CaseTallies | null;
  /** Whether the day counts count every case (their marker is there): undefined if not read. */
  dayCountsReady?: boolean;
}

/** One case changed by a write: absent before when created, absent after when deleted. */
type CaseChange = readonly [before: CaseEntity | undefined, after: CaseEntity | undefined];

export function talliesMiddleware(): Middleware<DBCore> {
  return { stack: 'dbcore', name: 'tallies', create: talliesCore };
}

function talliesCore(down: DBCore): Partial<DBCore> {
  const names = down.schema.tables.map((table) => table.name);
  // A database without the two tables (another schema): nothing to keep.
  if (!names.includes(CASES) || !names.includes(TALLIES)) return {};
  const transactions = new WeakMap<DBCoreTransaction, TransactionTallies>();
  const cases = down.table(CASES);
  const tallies = down.table(TALLIES);
  const { extractKey } = cases.schema.primaryKey;
  const dayCounts = names.includes(DAY_COUNTS) ? down.table(DAY_COUNTS) : undefined;
  const MARKER_KEY: DayCountKey = [DAY_COUNTS_MARKER.facet, DAY_COUNTS_MARKER.day, ''];

  /** Whether the day counts are kept (read once per transaction). */
  const dayCountsReadyIn = (
    table: DBCoreTable,
    state: TransactionTallies,
    trans: DBCoreTransaction,
  ) =>
    state.dayCountsReady !== undefined
      ? Dexie.Promise.resolve(state.dayCountsReady)
      : table.get({ trans, key: MARKER_KEY }).then((row?: DayCountEntity) => {
          state.dayCountsReady = row?.n === DAY_COUNTS_MARKER.n;
          return state.dayCountsReady;
        });

  /** Moves the day counts of one write's changes, in the write's transaction. */
  const recordDayCounts = (
    state: TransactionTallies,
    trans: DBCoreTransaction,
    changes: readonly CaseChange[],
  ) => {
    const deltas = dayCounts ? countDeltas(changes) : [];
    if (!dayCounts || deltas.length === 0) return Dexie.Promise.resolve();
    return dayCountsReadyIn(dayCounts, state, trans).then((ready) => {
      if (!ready) return;
      const keys = deltas.map((entry) => entry.key);
      return dayCounts
        .getMany({ trans, keys, cache: 'immutable' })
        .then((rows: (DayCountEntity | undefined)[]) => {
          const puts: DayCountEntity[] = [];
          const deletes: DayCountKey[] = [];
          deltas.forEach(({ key, delta }, i) => {
            const n = (rows[i]?.n ?? 0) + delta;
            const [facet, day, status] = key;
            if (n > 0) puts.push({ facet, day, status, n });
            else deletes.push(key);
          });
          return Dexie.Promise.all([
            puts.length > 0
              ? dayCounts.mutate({ trans, type: 'put', values: puts }).then(failOnFailures)
              : undefined,
            deletes.length > 0
              ? dayCounts.mutate({ trans, type: 'delete', keys: deletes }).then(failOnFailures)
              : undefined,
          ]).then(() => undefined);
        });
    });
  };

  /** The tallies as this transaction has them: the row is read once per transaction. */
  const talliesIn = (state: TransactionTallies, trans: DBCoreTransaction) =>
    state.tallies !== undefined
      ? Dexie.Promise.resolve(state.tallies)
      : tallies.get({ trans, key: TALLIES_KEY }).then((row?: CaseTalliesEntity) => {
          state.tallies = talliesFromRow(row) ?? null;
          return state.tallies;
        });

  /** Applies the changes of one write to the row (read already), in the write's transaction. */
  const record = (
    state: TransactionTallies,
    trans: DBCoreTransaction,
    changes: readonly CaseChange[],
  ) => {
    // Most events move no count (a note, a print, the search pieces): nothing to write.
    const moving = changes.filter(([before, after]) => isTallyChange(before, after));
    if (moving.length === 0) return recordDayCounts(state, trans, changes);
    return talliesIn(state, trans).then((current) => {
      if (!current) return recordDayCounts(state, trans, changes);
      let next = current;
      for (const [before, after] of moving) next = talliesApply(next, before, after);
      if (next === current) return recordDayCounts(state, trans, changes);
      state.tallies = next;
      return tallies
        .mutate({ trans, type: 'put', values: [talliesRow(next)] })
        .then(failOnFailures)
        .then(() => recordDayCounts(state, trans, changes));
    });
  };

  /** Deletes the row and the day counts: the next read counts them again. */
  const forget = (state: TransactionTallies, trans: DBCoreTransaction) => {
    state.tallies = null;
    state.dayCountsReady = false;
    return tallies
      .mutate({ trans, type: 'delete', keys: [TALLIES_KEY] })
      .then(failOnFailures)
      .then(() =>
        dayCounts
          ? dayCounts.mutate({ trans, type: 'deleteRange', range: ANY_RANGE }).then(failOnFailures)
          : undefined,
      );
  };

  const write = (
    state: TransactionTallies,
    req: DBCoreMutateRequest,
  ): Promise<DBCoreMutateResponse> => {
    const { trans } = req;
    const keys =
      req.type === 'deleteRange'
        ? undefined
        : req.type === 'delete'
          ? req.keys
          : (req.keys ?? (extractKey ? req.values.map(extractKey) : undefined));
    if (req.type === 'deleteRange' || !keys) {
      // Which cases go is not known without reading them all: count again when next read.
      return cases.mutate(req).then((res) => forget(state, trans).then(() => res));
    }
    if (keys.length === 0) return cases.mutate(req);
    // The row is read along with the first write's own requests: one round trip fewer.
    if (req.type === 'add') {
      // An add succeeds only where there was no case: it replaces none.
      return Dexie.Promise.all([cases.mutate(req), talliesIn(state, trans)]).then(([res]) =>
        record(state, trans, changesOf(req, keys, [], res)).then(() => res),
      );
    }
    return Dexie.Promise.all([
      cases.getMany({ trans, keys, cache: 'immutable' }),
      talliesIn(state, trans),
    ]).then(([stored]: [(CaseEntity | undefined)[], unknown]) =>
      cases
        .mutate(req)
        .then((res) => record(state, trans, changesOf(req, keys, stored, res)).then(() => res)),
    );
  };

  const casesTable: DBCoreTable = {
    ...cases,
    mutate(req) {
      let state = transactions.get(req.trans);
      if (!state) {
        state = { queue: Dexie.Promise.resolve() };
        transactions.set(req.trans, state);
      }
      const queued = state;
      const run = () => write(queued, req);
      const result = queued.queue.then(run, run);
      queued.queue = result;
      return result;
    },
  };

  const talliesTable: DBCoreTable = {
    ...tallies,
    mutate(req) {
      // Written directly (the rebuild): read the row again before the next write of cases.
      const state = transactions.get(req.trans);
      if (state) state.tallies = undefined;
      return tallies.mutate(req);
    },
  };

  const dayCountsTable: DBCoreTable | undefined = dayCounts && {
    ...dayCounts,
    mutate(req) {
      // Written directly (a rebuild): read the marker again before the next write of cases.
      const state = transactions.get(req.trans);
      if (state) state.dayCountsReady = undefined;
      return dayCounts.mutate(req);
    },
  };

  return {
    transaction(stores, mode, options) {
      const scope =
        mode === 'readwrite' && stores.includes(CASES)
          ? [
              ...stores,
              ...[TALLIES, ...(dayCounts ? [DAY_COUNTS] : [])].filter(
                (name) => !stores.includes(name),
              ),
            ]
          : stores;
      return down.transaction(scope, mode, options);
    },
    table(name) {
      if (name === CASES) return casesTable;
      if (name === TALLIES) return talliesTable;
      if (name === DAY_COUNTS && dayCountsTable) return dayCountsTable;
      return down.table(name);
    },
  };
}

/**
 * The cases a write changed, in order, skipping the operations that failed. A key written twice
 * in one request replaces what the first write left.
 */
function changesOf(
  req: Exclude<DBCoreMutateRequest, { type: 'deleteRange' }>,
  keys: readonly unknown[],
  stored: readonly (CaseEntity | undefined)[],
  res: DBCoreMutateResponse,
): CaseChange[] {
  const latest = new Map<unknown, CaseEntity | undefined>();
  const changes: CaseChange[] = [];
  keys.forEach((key, i) => {
    if (res.failures[i] !== undefined) return;
    const before = latest.has(key) ? latest.get(key) : stored[i];
    const after = req.type === 'delete' ? undefined : (req.values[i] as CaseEntity);
    latest.set(key, after);
    changes.push([before, after]);
  });
  return changes;
}

function failOnFailures(res: DBCoreMutateResponse): void {
  if (res.numFailures > 0) throw res.failures[0] ?? new Error('Writing the tallies failed');
}
