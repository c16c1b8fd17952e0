/**
 * The audit log's hash chain (DOMAIN.md section 8): each entry carries the hash of the one
 * before it and its own hash over a canonical serialisation of its fields, so that editing or
 * deleting an entry breaks the chain at that entry, and `auditChainVerify` names it.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { AuditEntity } from '../model/entities';

/** What an entry says, before it is chained. */
export type AuditFacts = Omit<AuditEntity, 'seq' | 'prevHash' | 'hash'>;

/**
 * The bytes an entry's hash is taken over: its fields in a fixed order as a JSON array (absent
 * optional fields as `null`), so the hash does not depend on how the row was stored or read.
 */
export function auditCanonical(facts: AuditFacts, seq: number, prevHash: string): string {
  return JSON.stringify([
    seq,
    facts.id,
    facts.at,
    facts.actorId,
    facts.action,
    facts.target ?? null,
    facts.detail ?? null,
    prevHash,
  ]);
}

/** The hash of an entry at `seq` following `prevHash` (hex SHA-256). */
export function auditHash(facts: AuditFacts, seq: number, prevHash: string): string {
  return bytesToHex(sha256(utf8ToBytes(auditCanonical(facts, seq, prevHash))));
}

/** The last link of a chain: where the next entry attaches. */
export interface AuditChainHead {
  readonly seq: number;
  readonly hash: string;
}

export const AUDIT_CHAIN_START: AuditChainHead = { seq: 0, hash: '' };

/** The entry chained after `head`. */
export function auditChain(facts: AuditFacts, head: AuditChainHead): AuditEntity {
  const seq = head.seq + 1;
  // Only the chained fields, in case the facts carry stray properties.
  const entry: AuditFacts = {
    id: facts.id,
    at: facts.at,
    actorId: facts.actorId,
    action: facts.action,
    ...(facts.target === undefined ? {} : { target: facts.target }),
    ...(facts.detail === undefined ? {} : { detail: facts.detail }),
  };
  return { ...entry, seq, prevHash: head.hash, hash: auditHash(entry, seq, head.hash) };
}

/** Why a link is broken. */
export type AuditBreak =
  /** The entry's fields no longer give its hash: it was edited. */
  | 'edited'
  /** The entry does not point at the one before it: something before it was removed or replaced. */
  | 'unlinked'
  /** Positions are missing before this entry: entries were deleted. */
  | 'missing';

export type AuditVerification =
  | { readonly ok: true; readonly count: number }
  | {
      readonly ok: false;
      readonly count: number;
      /** The first broken entry (by position). */
      readonly seq: number;
      readonly id: AuditEntity['id'];
      readonly reason: AuditBreak;
    };

/**
 * Checks a chain given in `seq` order, and reports the first broken link. Rows written before
 * the chain existed have no `seq` and are broken too (the upgrade chains them all).
 */
export function auditChainVerify(rows: readonly AuditEntity[]): AuditVerification {
  let head = AUDIT_CHAIN_START;
  for (const row of rows) {
    const broken = (reason: AuditBreak): AuditVerification => ({
      ok: false,
      count: rows.length,
      seq: row.seq,
      id: row.id,
      reason,
    });
    if (row.seq !== head.seq + 1) return broken('missing');
    if (row.prevHash !== head.hash) return broken('unlinked');
    if (auditHash(row, row.seq, row.prevHash) !== row.hash) return broken('edited');
    head = { seq: row.seq, hash: row.hash };
  }
  return { ok: true, count: rows.length };
}

/** Chains rows written before the chain existed, in `at` order (the version-2 upgrade). */
export function auditChainAll(rows: readonly AuditFacts[]): AuditEntity[] {
  const ordered = [...rows].sort((a, b) =>
    a.at === b.at ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.at < b.at ? -1 : 1,
  );
  let head = AUDIT_CHAIN_START;
  return ordered.map((facts) => {
    const entry = auditChain(facts, head);
    head = { seq: entry.seq, hash: entry.hash };
    return entry;
  });
}
