/**
 * Recomputing the deadlines of open cases after the working calendar or the deadline rules
 * changed (shared/workflow/deadline-recompute.ts). Each change is a `case/deadlineChanged` event
 * written with its snapshot in the case's own transaction, so the history shows it and an
 * interruption leaves every case either changed or not.
 */
import type { CaseId } from '@shared/kernel/brand';
import type { DeadlineContext } from '@shared/calendar/deadline';
import { CASE_STATUSES, type CaseDeadline, type CaseEntity } from '@shared/model/entities';
import type { DeskRules } from '@shared/rules/rules';
import {
  deadlineChangedPayload,
  deadlineStartsOf,
  deadlineRecompute,
  type DeadlineRecompute,
} from '@shared/workflow/deadline-recompute';
import type { DeskDatabase } from '../database';
import { withStorageErrors } from '../errors';
import { sessionStamp, type DeskSession } from '../session';
import { caseAppendInTransaction, caseEvents } from './cases';
import { sessionRequire } from '../access';

const OPEN_STATUSES = CASE_STATUSES.filter((status) => status !== 'closed');

export interface DeadlinesContext {
  readonly rules: Pick<DeskRules, 'deadlines' | 'levels'>;
  readonly deadline: DeadlineContext;
}

/**
 * What the recompute would do to one case (reads its events only when its deadline counts from
 * an escalation or a reopening).
 */
async function recomputeOf(
  db: DeskDatabase,
  item: CaseEntity,
  ctx: DeadlinesContext,
): Promise<DeadlineRecompute> {
  const basis = item.deadline?.basis;
  const starts =
    basis === 'escalated' || basis === 'recomputed'
      ? deadlineStartsOf(await caseEvents(db, item.id))
      : {};
  return deadlineRecompute(item, ctx, starts);
}

async function openCaseIds(db: DeskDatabase): Promise<CaseId[]> {
  return db.cases.where('status').anyOf(OPEN_STATUSES).primaryKeys();
}

export interface DeadlinesPreview {
  /** Open cases looked at. */
  readonly open: number;
  /** Of those, the cases whose deadline would change. */
  readonly changes: number;
}

/** How many open cases' deadlines the current rules and calendar would change. */
export async function deadlinesRecomputePreview(
  db: DeskDatabase,
  ctx: DeadlinesContext,
): Promise<DeadlinesPreview> {
  return db.transaction('r', [db.cases, db.events], async () => {
    const open = await db.cases.where('status').anyOf(OPEN_STATUSES).toArray();
    const results = await Promise.all(open.map((item) => recomputeOf(db, item, ctx)));
    return {
      open: open.length,
      changes: results.filter((r) => r.outcome === 'changed').length,
    };
  });
}

export interface DeadlinesRecomputeInput extends DeadlinesContext {
  /** The words the history shows with a change (in the desk's language). */
  readonly reasonOf: (previous: CaseDeadline, next: CaseDeadline) => string;
}

export interface DeadlinesRecomputeResult {
  readonly open: number;
  /** The cases whose deadline changed, as they are now. */
  readonly changed: readonly CaseEntity[];
}

/**
 * Recomputes the deadline of every open case and records each change as a
 * `case/deadlineChanged` event. One transaction per case: the case is read, recomputed and
 * written in it, so a case changed meanwhile is recomputed from what it is now.
 */
export async function deadlinesRecompute(
  session: DeskSession,
  input: DeadlinesRecomputeInput,
): Promise<DeadlinesRecomputeResult> {
  const { db } = session;
  // Refused before the first case: a run stopped halfway would leave some cases recomputed.
  sessionRequire(session, 'case.changeDeadline');
  // One instant for every change of the run, as the session's operator.
  const stamp = sessionStamp(session);
  const ids = await openCaseIds(db);
  const changed: CaseEntity[] = [];
  for (const id of ids) {
    const next = await db.transaction(
      'rw',
      [db.cases, db.events, db.settings, db.outbox],
      async () => {
        const item = await db.cases.get(id);
        if (!item) return undefined;
        const result = await recomputeOf(db, item, input);
        if (result.outcome !== 'changed') return undefined;
        return withStorageErrors(() =>
          caseAppendInTransaction(
            db,
            stamp,
            id,
            'case/deadlineChanged',
            deadlineChangedPayload(result, input.reasonOf(result.previous, result.deadline)),
          ),
        );
      },
    );
    if (next) changed.push(next);
  }
  return { open: ids.length, changed };
}
