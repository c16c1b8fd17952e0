/**
 * Puts the statistics' change stamps (shared/stats/stamps.ts) with every write of cases, in the
 * same transaction, so the cached figures of a period (features/reports/stats-engine.ts) know
 * when a case they were counted from changed, whichever repository, import or sync wrote it.
 *
 * A Dexie DBCore middleware like the tallies' (tallies-middleware.ts), one level below it, so its
 * own writes of stamp rows go straight to the table rather than through the tallies' wrapper. A
 * write puts stamps blindly (nothing is read): a fresh token under each day written and, for a
 * linked report, `changes:linked`; a delete puts `changes:all`, since which days it touched is not
 * known without reading the cases.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, Middleware } from 'dexie';
import type { CaseEntity } from '@shared/model/entities';
import { newId } from '@shared/kernel/ids';
import { STATS_STAMP_ALL, statsStampKeysOfCase, type StatsStampEntity } from '@shared/stats/stamps';

const CASES = 'cases';
/** The stamps are rows of the tallies table: derived, never synced, exported or backed up. */
const STAMPS = 'tallies';

export function statsStampsMiddleware(): Middleware<DBCore> {
  // Below the tallies (level 10), above Dexie's hooks (2): see the module comment.
  return { stack: 'dbcore', name: 'statsStamps', level: 9, create: stampsCore };
}

/** The stamp keys a write of cases puts. */
function keysOf(req: DBCoreMutateRequest): string[] {
  if (req.type === 'delete' || req.type === 'deleteRange') return [STATS_STAMP_ALL];
  const keys = new Set<string>();
  for (const value of req.values as readonly CaseEntity[]) {
    for (const key of statsStampKeysOfCase(value)) keys.add(key);
  }
  return [...keys];
}

function stampsCore(down: DBCore): Partial<DBCore> {
  const names = down.schema.tables.map((table) => table.name);
  if (!names.includes(CASES) || !names.includes(STAMPS)) return {};
  const cases = down.table(CASES);
  const stamps = down.table(STAMPS);
  return {
    transaction(stores, mode, options) {
      const scope =
        mode === 'readwrite' && stores.includes(CASES) && !stores.includes(STAMPS)
          ? [...stores, STAMPS]
          : stores;
      return down.transaction(scope, mode, options);
    },
    table(name) {
      if (name !== CASES) return down.table(name);
      return {
        ...cases,
        mutate(req): Promise<DBCoreMutateResponse> {
          const keys = keysOf(req);
          if (keys.length === 0) return cases.mutate(req);
          // One token per write: any figures that read these days before it see a new stamp.
          const stamp = newId<string>(Date.now());
          const values: StatsStampEntity[] = keys.map((key) => ({ key, stamp }));
          return cases.mutate(req).then((res) =>
            stamps.mutate({ trans: req.trans, type: 'put', values }).then((written) => {
              if (written.numFailures > 0) {
                throw written.failures[0] ?? new Error('Writing the statistics stamps failed');
              }
              return res;
            }),
          );
        },
      };
    },
  };
}
