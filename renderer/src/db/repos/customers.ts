/** Customer files (客户档案, one per household or caller), linked from their cases. */
import type { CustomerId, IsoInstant } from '../../../../shared/brand';
import type { CustomerEntity, CustomerRef } from '../../../../shared/entities';
import { newId } from '../../../../shared/ids';
import type { DeskDatabase } from '../database';

/** Phones are stored and matched without spaces, dashes or brackets: `138-1234 5678` = `13812345678`. */
export function phoneKey(phone: string): string {
  return phone.replace(/[\s\-()（）]/g, '');
}

export async function customerGet(
  db: DeskDatabase,
  id: CustomerId,
): Promise<CustomerEntity | undefined> {
  return db.customers.get(id);
}

/** The files that list this phone (usually one), oldest first. */
export async function customersByPhone(db: DeskDatabase, phone: string): Promise<CustomerEntity[]> {
  const key = phoneKey(phone);
  if (!key) return [];
  return db.customers.where('phones').equals(key).sortBy('createdAt');
}

/**
 * The file to link a case's customer to: the file named by `ref.customerId`, else the first
 * file with the same phone, else a new file when a name or phone was given. A known file only
 * gains what it lacked (a name, an address, another phone): a case never overwrites the file.
 * Returns the file to write (when it is new or changed) and its id.
 */
export async function customerFileResolve(
  db: DeskDatabase,
  ref: CustomerRef,
  now: IsoInstant,
  wallMs: number,
): Promise<{ readonly id?: CustomerId; readonly write?: CustomerEntity }> {
  const phone = phoneKey(ref.phone);
  const name = ref.name.trim();
  const address = ref.address.trim();
  const organisation = ref.organisation?.trim() || undefined;
  let existing = ref.customerId === undefined ? undefined : await db.customers.get(ref.customerId);
  if (!existing && phone) existing = (await customersByPhone(db, phone))[0];
  if (existing) {
    const merged: CustomerEntity = {
      ...existing,
      name: existing.name || name,
      address: existing.address || address,
      phones:
        phone && !existing.phones.includes(phone) ? [...existing.phones, phone] : existing.phones,
      ...(existing.organisation || !organisation ? {} : { organisation }),
    };
    const changed =
      merged.name !== existing.name ||
      merged.address !== existing.address ||
      merged.phones !== existing.phones ||
      merged.organisation !== existing.organisation;
    return changed
      ? { id: existing.id, write: { ...merged, updatedAt: now } }
      : { id: existing.id };
  }
  if (!name && !phone) return {};
  const created: CustomerEntity = {
    id: newId<CustomerId>(wallMs),
    name,
    phones: phone ? [phone] : [],
    address,
    ...(organisation ? { organisation } : {}),
    createdAt: now,
    updatedAt: now,
  };
  return { id: created.id, write: created };
}
