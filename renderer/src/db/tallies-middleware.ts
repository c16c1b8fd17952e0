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
 * Promises are chained with `then` on what the layer below returns (Dexie's own promises), as
 * Dexie's middlewares do, so the transaction's async context goes along.
 */
import Dexie from 'dexie';
import type {
  DBCore,
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

const CASES = 'cases';
const TALLIES = 'tallies';

/** What the middleware keeps for one transaction while it writes cases. */
interface TransactionTallies {
  /** The last write of cases queued; the next one starts when it is done. */
  queue: Promise<unknown>;
  /** The tallies as the last write left them: undefined if not read yet, null if no row. */
  tallies?: CaseTallies | null;
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
    if (moving.length === 0) return Dexie.Promise.resolve();
    return talliesIn(state, trans).then((current) => {
      if (!current) return;
      let next = current;
      for (const [before, after] of moving) next = talliesApply(next, before, after);
      if (next === current) return;
      state.tallies = next;
      return tallies
        .mutate({ trans, type: 'put', values: [talliesRow(next)] })
        .then(failOnFailures);
    });
  };

  /** Deletes the row: the next read rebuilds it. */
  const forget = (state: TransactionTallies, trans: DBCoreTransaction) => {
    state.tallies = null;
    return tallies.mutate({ trans, type: 'delete', keys: [TALLIES_KEY] }).then(failOnFailures);
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

  return {
    transaction(stores, mode, options) {
      const scope =
        mode === 'readwrite' && stores.includes(CASES) && !stores.includes(TALLIES)
          ? [...stores, TALLIES]
          : stores;
      return down.transaction(scope, mode, options);
    },
    table(name) {
      if (name === CASES) return casesTable;
      if (name === TALLIES) return talliesTable;
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
