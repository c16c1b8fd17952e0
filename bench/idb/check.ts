/**
 * A check that the stored data is what the app would hold: for a sample of cases, the snapshot
 * equals the reducer's fold of the case's stored events, and, on a desk set to sync, each event
 * has its outbox row.
 */
import type { CaseId } from '@shared/kernel/brand';
import { CASE_STATUSES } from '@shared/model/entities';
import { caseFold } from '@shared/workflow/reducer';
import type { DeskDatabase } from '../../renderer/src/db/database';
import { caseEvents } from '../../renderer/src/db/repos/cases';
import { outboxIsQueuing } from '../../renderer/src/db/repos/outbox';
import type { Random } from './random';

export interface DataCheck {
  readonly sampled: number;
  /** Cases whose snapshot differs from the fold of their events, or whose outbox rows are missing. */
  readonly mismatches: readonly string[];
}

export async function dataCheck(
  db: DeskDatabase,
  sample: number,
  random: Random,
): Promise<DataCheck> {
  const keys = (await db.cases.toCollection().primaryKeys()) as CaseId[];
  const queuing = await db.transaction('r', db.settings, () => outboxIsQueuing(db));
  const mismatches: string[] = [];
  for (let i = 0; i < Math.min(sample, keys.length); i++) {
    const id = random.pick(keys);
    const [stored, events] = await Promise.all([db.cases.get(id), caseEvents(db, id)]);
    const folded = caseFold(events);
    const outbox = queuing ? await db.outbox.bulkGet(events.map((event) => event.id)) : [];
    if (
      JSON.stringify(folded) !== JSON.stringify(stored) ||
      outbox.some((row) => row === undefined)
    ) {
      mismatches.push(stored?.number ?? id);
    }
  }
  return { sampled: Math.min(sample, keys.length), mismatches };
}

/**
 * Re-derives the snapshots of the open cases from their events and rewrites those that differ,
 * as a schema upgrade of the app would after a change to the reducer (a database made by an
 * earlier generator keeps its events, which are the truth). Closed cases hold no derived field
 * that a reducer change has touched so far; the sample check above covers them.
 */
export async function openSnapshotsRefold(
  db: DeskDatabase,
): Promise<{ open: number; rewritten: number }> {
  const ids = (await db.cases
    .where('status')
    .anyOf(CASE_STATUSES.filter((status) => status !== 'closed'))
    .primaryKeys()) as CaseId[];
  let rewritten = 0;
  for (const id of ids) {
    const [stored, events] = await Promise.all([db.cases.get(id), caseEvents(db, id)]);
    const folded = caseFold(events);
    if (folded && JSON.stringify(folded) !== JSON.stringify(stored)) {
      await db.cases.put(folded);
      rewritten++;
    }
  }
  return { open: ids.length, rewritten };
}
