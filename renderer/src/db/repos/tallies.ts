/**
 * The case tallies (shared/register/tallies.ts): the stored row, and its rebuild from the indexes when it
 * is missing (a database written before tallies existed, or after `clear()`). The middleware in
 * ../tallies-middleware.ts keeps the row in step with every write of cases.
 */
import Dexie, { type Table } from 'dexie';
import type { CaseId } from '@shared/kernel/brand';
import { CASE_STATUSES } from '@shared/model/entities';
import {
  TALLIES_KEY,
  talliesFromRow,
  talliesRow,
  type CaseTallies,
} from '@shared/register/tallies';
import { caseIsOpen } from '@shared/workflow/reducer';
import type { DeskDatabase } from '../database';

const OPEN_STATUSES = CASE_STATUSES.filter((status) => caseIsOpen({ status }));

/**
 * Runs `read` with the stored tallies in one read transaction over the cases and the tallies,
 * so what it reads besides the row is read over the same cases. When the row is missing it is
 * rebuilt first and `read` runs on the rebuilt tallies.
 */
export async function talliesReadWith<T>(
  db: DeskDatabase,
  read: (tallies: CaseTallies) => Promise<T>,
  /** Tables `read` reads besides the cases and the tallies. */
  also: readonly Table[] = [],
): Promise<T> {
  const once = (rebuilt?: CaseTallies) =>
    db.transaction('r', [db.cases, db.tallies, ...also], async () => {
      const tallies = (await talliesGet(db)) ?? rebuilt;
      return tallies ? { value: await read(tallies) } : undefined;
    });
  const first = await once();
  if (first) return first.value;
  const rebuilt = await talliesRebuild(db);
  // Read with the stored row again; the rebuilt one only if the row went missing once more.
  const second = await once(rebuilt);
  if (!second) throw new Error('talliesReadWith: the rebuilt tallies were not read');
  return second.value;
}

/** The stored tallies; undefined when they must be rebuilt. */
export async function talliesGet(db: DeskDatabase): Promise<CaseTallies | undefined> {
  return talliesFromRow(await db.tallies.get(TALLIES_KEY));
}

/**
 * Counts the tallies from the indexes: per open status, pending follow-ups, open deadlines,
 * each receiver's open cases per status (the receivers from the `receiverId` index's distinct
 * keys), every case, and the linked ones from the matter index's keys (the one walk over the
 * whole desk, keys only: a second or so on 100,000 cases, once, when the row is missing).
 */
export async function talliesCount(db: DeskDatabase): Promise<CaseTallies> {
  return db.transaction('r', db.cases, async () => {
    const [byStatus, followUpPending, openWithDue, receivers, all, matterKeys] = await Promise.all([
      Promise.all(OPEN_STATUSES.map((status) => db.cases.where('status').equals(status).count())),
      db.cases.where('followUp.state').equals('pending').count(),
      // The index holds only cases with `openDueAt`.
      db.cases.orderBy('openDueAt').count(),
      db.cases.orderBy('receiverId').uniqueKeys(),
      db.cases.count(),
      // [matterId, receivedAt, id] of every case, keys only: a case linked under another's id
      // is one whose first and last parts differ.
      db.cases.orderBy('[matterId+receivedAt+id]').keys(),
    ]);
    const linked: Record<string, CaseId> = {};
    for (const key of matterKeys) {
      const [matterId, , id] = key as unknown as [CaseId, string, CaseId];
      if (matterId !== id) linked[id] = matterId;
    }
    const byReceiver = await Promise.all(
      receivers.map((receiverId) =>
        Promise.all(
          OPEN_STATUSES.map((status) =>
            db.cases
              .where('[receiverId+status+receivedAt+id]')
              .between([receiverId, status, Dexie.minKey], [receiverId, status, Dexie.maxKey])
              .count(),
          ),
        ).then((counts) => counts.reduce((sum, n) => sum + n, 0)),
      ),
    );
    return {
      openByStatus: Object.fromEntries(
        OPEN_STATUSES.map((status, i) => [status, byStatus[i] ?? 0]).filter(([, n]) => n !== 0),
      ),
      openByReceiver: Object.fromEntries(
        receivers
          .map((receiverId, i) => [String(receiverId), byReceiver[i] ?? 0] as const)
          .filter(([, n]) => n !== 0),
      ),
      followUpPending,
      openWithDue,
      all,
      linked,
    };
  });
}

const rebuilds = new WeakMap<DeskDatabase, Promise<CaseTallies>>();

/**
 * Counts the tallies again and stores them, in one transaction, so no write of cases falls
 * between the count and the row. Callers reading at once share one rebuild.
 */
export function talliesRebuild(db: DeskDatabase): Promise<CaseTallies> {
  let rebuild = rebuilds.get(db);
  if (!rebuild) {
    rebuild = outsideLiveQuery(() =>
      db.transaction('rw', [db.cases, db.tallies], async () => {
        const tallies = await talliesCount(db);
        await db.tallies.put(talliesRow(tallies));
        return tallies;
      }),
    ).finally(() => rebuilds.delete(db));
    rebuilds.set(db, rebuild);
  }
  return rebuild;
}

/**
 * Runs `fn` from a timer: outside the async context of the caller. The home screen reads the
 * tallies in a `liveQuery`, where Dexie refuses readwrite transactions (ReadOnlyError); a timer
 * callback does not carry that context.
 */
function outsideLiveQuery<T>(fn: () => Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    setTimeout(() => {
      fn().then(resolve, reject);
    }, 0);
  });
}
