/** The audit log: who did what to which record (settings, staff, prints, exports, backups). */
import type { AuditId } from '@shared/kernel/brand';
import type { AuditEntity } from '@shared/model/entities';
import { newId } from '@shared/kernel/ids';
import type { DeskDatabase } from '../database';
import { withStorageErrors } from '../errors';

/** Appends one entry; its id is a UUIDv7 of the entry's time. */
export async function auditRecord(
  db: DeskDatabase,
  entry: Omit<AuditEntity, 'id'>,
): Promise<AuditEntity> {
  const row: AuditEntity = { id: newId<AuditId>(Date.parse(entry.at)), ...entry };
  await withStorageErrors(() => db.audit.add(row));
  return row;
}

/** The latest entries, newest first. */
export async function auditList(db: DeskDatabase, limit: number): Promise<AuditEntity[]> {
  return db.audit.orderBy('at').reverse().limit(limit).toArray();
}
