/**
 * What statistics and exports read: the cases of a period with every case linked to them (so a
 * matter first reported earlier is recognised), the register's rows in pages, the overdue and
 * follow-up lists, and the audit entry every export leaves (DOMAIN.md section 8).
 */
import { casesForViewer, type CaseViewer } from '@shared/access/mask';
import Dexie from 'dexie';
import type { AuditId, CaseId, IsoInstant } from '@shared/kernel/brand';
import type { AuditAction, CaseEntity, CaseStatus } from '@shared/model/entities';
import { newId } from '@shared/kernel/ids';
import { statsStampKeysOfRead, type StatsStampEntity } from '@shared/stats/stamps';
import type { DeskDatabase } from '../database';
import { withStorageErrors } from '../errors';
import { sessionStamp, type DeskSession } from '../session';
import { auditRecord } from './audit';
import { sessionRequire } from '../access';

/** An instant range, `from` included, `to` excluded. */
export interface InstantRange {
  readonly from: IsoInstant;
  readonly to: IsoInstant;
}

/**
 * The cases received in the range, plus every case of the same matters received outside it
 * (a matter counts in the period of its first report: statsReport needs to see it).
 */
export async function statsCasesOfRange(
  db: DeskDatabase,
  range: InstantRange,
): Promise<CaseEntity[]> {
  return db.transaction('r', db.cases, async () => {
    const inRange = await db.cases
      .where('[receivedAt+id]')
      .between([range.from, Dexie.minKey], [range.to, Dexie.minKey], true, false)
      .toArray();
    const inside = new Set(inRange.map((c) => c.id));
    // A matter's id is its first case's: only further reports can have members received
    // earlier, outside the range (later members do not change where a matter counts).
    const matterIds = [
      ...new Set(inRange.filter((c) => c.matterId !== c.id).map((c) => c.matterId)),
    ];
    if (matterIds.length === 0) return inRange;
    const linked = await db.cases.where('matterId').anyOf(matterIds).toArray();
    return [...inRange, ...linked.filter((c) => !inside.has(c.id))];
  });
}

/** The cases of a period, and the change stamps they were read under (shared/stats/stamps.ts). */
export interface StatsPeriodRead {
  readonly cases: CaseEntity[];
  /** The stamps the figures of these cases depend on, and their values when read. */
  readonly stampKeys: readonly string[];
  readonly stamps: readonly (string | undefined)[];
}

function stampsTable(db: DeskDatabase) {
  // Stamp rows live in the tallies table beside the tallies' own row (stats-stamps-middleware.ts).
  return db.table<StatsStampEntity, string>('tallies');
}

/**
 * `statsCasesOfRange` with the stamps of what it read, in one read transaction, so a write of a
 * case cannot fall between the cases and their stamps.
 */
export async function statsPeriodRead(
  db: DeskDatabase,
  range: InstantRange,
): Promise<StatsPeriodRead> {
  return db.transaction('r', [db.cases, db.tallies], async () => {
    const cases = await statsCasesOfRange(db, range);
    const stampKeys = statsStampKeysOfRead(range, cases);
    return { cases, stampKeys, stamps: await statsStampsGet(db, stampKeys) };
  });
}

/** The current change stamps under these keys (undefined: never written). */
export async function statsStampsGet(
  db: DeskDatabase,
  keys: readonly string[],
): Promise<(string | undefined)[]> {
  const rows = await stampsTable(db).bulkGet([...keys]);
  return rows.map((row) => row?.stamp);
}

/** Where a register page stopped: the next page starts strictly after this case. */
export interface StatsPageCursor {
  readonly receivedAt: IsoInstant;
  readonly id: CaseId;
}

/**
 * One page of the register of a range, oldest received first (the register's order), as the
 * viewer may see it: a confidential case is a row of the export, masked.
 */
export async function statsRegisterPage(
  db: DeskDatabase,
  range: InstantRange,
  viewer: CaseViewer,
  limit: number,
  after?: StatsPageCursor,
): Promise<{ readonly items: CaseEntity[]; readonly next?: StatsPageCursor }> {
  const lower = after ? [after.receivedAt, after.id] : [range.from, Dexie.minKey];
  const rows = await db.cases
    .where('[receivedAt+id]')
    .between(lower, [range.to, Dexie.minKey], after === undefined, false)
    .limit(limit + 1)
    .toArray();
  const stored = rows.slice(0, limit);
  const items = casesForViewer(stored, viewer);
  const last = stored[stored.length - 1];
  return rows.length > limit && last
    ? { items, next: { receivedAt: last.receivedAt, id: last.id } }
    : { items };
}

/** How many cases were received in the range (the register's row count). */
export async function statsRegisterCount(db: DeskDatabase, range: InstantRange): Promise<number> {
  return db.cases
    .where('[receivedAt+id]')
    .between([range.from, Dexie.minKey], [range.to, Dexie.minKey], true, false)
    .count();
}

/** Statuses in which a case has its reply: its handling deadline no longer runs. */
const REPLIED_STATUSES: ReadonlySet<CaseStatus> = new Set([
  'handledDirectly',
  'replied',
  'awaitingFollowUp',
]);

/**
 * Open, not exempt, still without a reply (or back in remedial work) and past their deadline at
 * `now`: the most overdue first, as the viewer may see them.
 */
export async function statsOverdueCases(
  db: DeskDatabase,
  now: IsoInstant,
  viewer: CaseViewer,
): Promise<CaseEntity[]> {
  // `openDueAt` is set only on open cases that are not exempt (reducer.ts).
  const open = await db.cases.where('openDueAt').below(now).sortBy('openDueAt');
  return casesForViewer(
    open.filter((c) => !REPLIED_STATUSES.has(c.status)),
    viewer,
  );
}

/** Cases waiting for their follow-up, the earliest due first (no due time last), as the viewer may see them. */
export async function statsFollowUpsPending(
  db: DeskDatabase,
  viewer: CaseViewer,
): Promise<CaseEntity[]> {
  const pending = await db.cases.where('followUp.state').equals('pending').toArray();
  const sorted = pending.sort(
    (a, b) =>
      (a.followUp.dueAt ?? '\uffff').localeCompare(b.followUp.dueAt ?? '\uffff') ||
      a.receivedAt.localeCompare(b.receivedAt),
  );
  return casesForViewer(sorted, viewer);
}

/** Records an export in the audit log: which table, for which period, by whom. */
export async function statsExportRecord(
  session: DeskSession,
  entry: {
    readonly action: Extract<
      AuditAction,
      'register.exported' | 'report.exported' | 'audit.exported'
    >;
    readonly table: string;
    readonly detail: string;
  },
): Promise<void> {
  sessionRequire(session, 'export');
  const by = sessionStamp(session);
  await withStorageErrors(() =>
    auditRecord(session.db, {
      id: newId<AuditId>(by.wallMs),
      at: by.at,
      actorId: by.actorId,
      action: entry.action,
      target: entry.table,
      detail: entry.detail,
    }),
  );
}

/** Whether the desk holds any case (a desk with none has no statistics to count ahead). */
export async function statsHasCases(db: DeskDatabase): Promise<boolean> {
  return (await db.cases.limit(1).primaryKeys()).length > 0;
}
