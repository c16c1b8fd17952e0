/**
 * The audit log: who did what to which record (sign-ins, settings, accounts, prints, exports,
 * imports, backups, restores, purges, views of confidential cases). Every writer appends through
 * `auditRecord`, which chains the entry to the last one (shared/audit/chain.ts), so that an edit
 * or a deletion in IndexedDB shows in `auditVerify`.
 */
import type { AuditId, IsoInstant, StaffId } from '@shared/kernel/brand';
import type { AuditAction, AuditEntity } from '@shared/model/entities';
import { newId } from '@shared/kernel/ids';
import {
  AUDIT_CHAIN_START,
  auditChain,
  auditChainVerify,
  type AuditFacts,
  type AuditVerification,
} from '@shared/audit/chain';
import type { DeskDatabase } from '../database';
import { withStorageErrors } from '../errors';

/** An entry to append; its id, when not given, is a UUIDv7 of its time. */
export type AuditInput = Omit<AuditFacts, 'id'> & { readonly id?: AuditId };

/**
 * Appends one entry at the end of the chain. Runs in the caller's transaction when it includes
 * `audit` (the entry is then written with the change it records, or not at all); otherwise in
 * its own. IndexedDB runs read-write transactions on `audit` one after the other, and `seq` is
 * unique, so two writers never take the same position.
 */
export async function auditRecord(db: DeskDatabase, input: AuditInput): Promise<AuditEntity> {
  const facts: AuditFacts = { ...input, id: input.id ?? newId<AuditId>(Date.parse(input.at)) };
  return withStorageErrors(() =>
    db.transaction('rw', db.audit, async () => {
      const last = await db.audit.orderBy('seq').last();
      const row = auditChain(facts, last ? { seq: last.seq, hash: last.hash } : AUDIT_CHAIN_START);
      await db.audit.add(row);
      return row;
    }),
  );
}

/** The latest entries, newest first. */
export async function auditList(db: DeskDatabase, limit: number): Promise<AuditEntity[]> {
  return db.audit.orderBy('seq').reverse().limit(limit).toArray();
}

/** What the audit page filters on (all optional; times are instants, `to` exclusive). */
export interface AuditFilter {
  readonly action?: AuditAction;
  readonly actorId?: StaffId;
  readonly from?: IsoInstant;
  readonly to?: IsoInstant;
  /** Part of the target or the detail. */
  readonly text?: string;
}

/** Whether an entry matches the filter. */
export function auditMatches(row: AuditEntity, filter: AuditFilter): boolean {
  if (filter.action !== undefined && row.action !== filter.action) return false;
  if (filter.actorId !== undefined && row.actorId !== filter.actorId) return false;
  if (filter.from !== undefined && row.at < filter.from) return false;
  if (filter.to !== undefined && row.at >= filter.to) return false;
  const text = filter.text?.trim().toLowerCase();
  if (text) {
    const hay = `${row.target ?? ''} ${row.detail ?? ''}`.toLowerCase();
    if (!hay.includes(text)) return false;
  }
  return true;
}

/** The entries matching the filter, newest first, at most `limit`. */
export async function auditSearch(
  db: DeskDatabase,
  filter: AuditFilter,
  limit: number,
): Promise<AuditEntity[]> {
  return db.audit
    .orderBy('seq')
    .reverse()
    .filter((row) => auditMatches(row, filter))
    .limit(limit)
    .toArray();
}

/** Walks the whole chain in order and reports the first broken link. */
export async function auditVerify(db: DeskDatabase): Promise<AuditVerification> {
  // Rows without a position (written around the chain) sort nowhere in the `seq` index: they
  // are counted, and a chain that misses them is broken.
  const [chained, total] = await Promise.all([db.audit.orderBy('seq').toArray(), db.audit.count()]);
  const verdict = auditChainVerify(chained);
  if (verdict.ok && total !== chained.length) {
    const stray = (await db.audit.toArray()).find((row) => typeof row.seq !== 'number');
    if (stray) return { ok: false, count: total, seq: 0, id: stray.id, reason: 'missing' };
  }
  return verdict;
}
