/** Customer files (客户档案, one per household or caller), linked from their cases. */
import Dexie from 'dexie';
import { viewerReadsCase, type CaseViewer } from '@shared/access/mask';
import type { CustomerId, IsoInstant } from '@shared/kernel/brand';
import type { CustomerEntity, CustomerRef } from '@shared/model/entities';
import { newId } from '@shared/kernel/ids';
import type { DeskDatabase } from '../database';

/** Phones are stored and matched without spaces, dashes or brackets: `138-1234 5678` = `13812345678`. */
export function phoneKey(phone: string): string {
  return phone.replace(/[\s\-()（）]/g, '');
}

/**
 * The files the viewer may see: every file but one whose cases are all withheld from them (a
 * confidential report they may not read, or one whose reporter is withheld), since such a file
 * says only who reported. A file without cases is shown.
 */
export async function customersForViewer(
  db: DeskDatabase,
  files: readonly CustomerEntity[],
  viewer: CaseViewer,
): Promise<CustomerEntity[]> {
  if (files.length === 0) return [];
  const readable = new Map<CustomerId, boolean>();
  await db.cases
    .where('customer.customerId')
    .anyOf([...new Set(files.map((file) => file.id))])
    .each((row) => {
      const id = row.customer.customerId;
      if (id === undefined) return;
      readable.set(id, (readable.get(id) ?? false) || viewerReadsCase(row, viewer));
    });
  return files.filter((file) => readable.get(file.id) !== false);
}

/** A customer file, unless it is withheld from the viewer (see `customersForViewer`). */
export async function customerGet(
  db: DeskDatabase,
  id: CustomerId,
  viewer: CaseViewer,
): Promise<CustomerEntity | undefined> {
  const file = await db.customers.get(id);
  return file ? (await customersForViewer(db, [file], viewer))[0] : undefined;
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
  let existing = ref.customerId === undefined ? undefined : await db.customers.get(ref.customerId);
  if (!existing && phone) existing = (await customersByPhone(db, phone))[0];
  return customerFileMerge(existing, ref, now, wallMs);
}

/**
 * What `customerFileResolve` decides once the known file (if any) is found: the file gains only
 * what it lacked, or a new file is made when a name or phone was given. Pure, so that an import
 * can resolve thousands of callers against files it read in one query.
 */
export function customerFileMerge(
  existing: CustomerEntity | undefined,
  ref: CustomerRef,
  now: IsoInstant,
  wallMs: number,
): { readonly id?: CustomerId; readonly write?: CustomerEntity } {
  const phone = phoneKey(ref.phone);
  const name = ref.name.trim();
  const address = ref.address.trim();
  const organisation = ref.organisation?.trim() || undefined;
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

/** The files at this address or room (as typed, without surrounding spaces), oldest first. */
export async function customersByAddress(
  db: DeskDatabase,
  address: string,
): Promise<CustomerEntity[]> {
  const key = address.trim();
  if (!key) return [];
  return db.customers.where('address').equals(key).sortBy('createdAt');
}

/** Where a page of the customer list stopped (by name, then id). */
export interface CustomersPageCursor {
  readonly name: string;
  readonly id: CustomerId;
}

/** One page of customer files by name, continuing after `after` (keyset, never offset). */
export async function customersPage(
  db: DeskDatabase,
  viewer: CaseViewer,
  limit: number,
  after?: CustomersPageCursor,
): Promise<{ items: CustomerEntity[]; next?: CustomersPageCursor }> {
  const rows = await db.customers
    .where('[name+id]')
    .between(after ? [after.name, after.id] : [Dexie.minKey], [Dexie.maxKey], !after, true)
    .limit(limit + 1)
    .toArray();
  const stored = rows.slice(0, limit);
  // The cursor is the last stored file: a withheld one still moves the page on.
  const items = await customersForViewer(db, stored, viewer);
  const last = stored[stored.length - 1];
  return rows.length > limit && last
    ? { items, next: { name: last.name, id: last.id } }
    : { items };
}

/** A phone typed as digits (with the usual separators): looked up by the phone index. */
const PHONE_LIKE = /^\+?[\d\s\-()（）]{3,}$/;

/**
 * Customer files whose phone, name or address starts with the text (by index), then those
 * that hold it anywhere in a name, address, phone or organisation (a scan, stopped at `limit`).
 */
export async function customersSearch(
  db: DeskDatabase,
  viewer: CaseViewer,
  text: string,
  limit: number,
): Promise<CustomerEntity[]> {
  const query = text.trim();
  if (!query) return [];
  const found = new Map<CustomerId, CustomerEntity>();
  const add = (rows: readonly CustomerEntity[]) => {
    for (const row of rows) if (found.size < limit) found.set(row.id, row);
  };
  if (PHONE_LIKE.test(query)) {
    add(await db.customers.where('phones').startsWith(phoneKey(query)).limit(limit).toArray());
  } else {
    add(await db.customers.where('name').startsWith(query).limit(limit).toArray());
    add(await db.customers.where('address').startsWith(query).limit(limit).toArray());
  }
  if (found.size < limit) {
    const needle = query.toLowerCase();
    const digits = phoneKey(query);
    add(
      await db.customers
        .filter(
          (row) =>
            !found.has(row.id) &&
            (row.name.toLowerCase().includes(needle) ||
              row.address.toLowerCase().includes(needle) ||
              (row.organisation ?? '').toLowerCase().includes(needle) ||
              (digits !== '' && row.phones.some((phone) => phone.includes(digits)))),
        )
        .limit(limit - found.size)
        .toArray(),
    );
  }
  return customersForViewer(db, [...found.values()], viewer);
}

/** How many cases each customer file has, and how many are still open. */
export async function customerCaseCounts(
  db: DeskDatabase,
  customerIds: readonly CustomerId[],
): Promise<Map<CustomerId, { readonly total: number; readonly open: number }>> {
  const counts = new Map<CustomerId, { total: number; open: number }>();
  if (customerIds.length === 0) return counts;
  await db.cases
    .where('customer.customerId')
    .anyOf([...new Set(customerIds)])
    .each((row) => {
      const id = row.customer.customerId;
      if (id === undefined) return;
      const count = counts.get(id) ?? { total: 0, open: 0 };
      count.total += 1;
      if (row.status !== 'closed') count.open += 1;
      counts.set(id, count);
    });
  return counts;
}
