/**
 * The baselines: the same questions asked of IndexedDB directly (no Dexie, no repository), on
 * the same database and indexes, the plainest way that gives the same answer.
 */
import type {
  CaseEntity,
  CaseEventEntity,
  CustomerEntity,
  SettingsEntity,
} from '@shared/model/entities';
import {
  searchMatches,
  searchQueryTerms,
  searchTermsOf,
  searchTextsOf,
} from '@shared/register/search';
import type { CaseReceived } from '@shared/workflow/events';

export function rawOpen(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error(`cannot open ${name}`));
  });
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('request failed'));
  });
}

function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

/** Values of a cursor walk while `take` says go on (it returns false to stop). */
function walk<T>(
  source: IDBIndex | IDBObjectStore,
  range: IDBKeyRange,
  direction: IDBCursorDirection,
  take: (value: T) => boolean,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = source.openCursor(range, direction);
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor || !take(cursor.value as T)) {
        resolve();
        return;
      }
      cursor.continue();
    };
    request.onerror = () => reject(request.error ?? new Error('cursor failed'));
  });
}

/** `[status, …]` keys only: an empty array sorts after every string, so it closes the range. */
function prefixRange(prefix: string): IDBKeyRange {
  return IDBKeyRange.bound([prefix], [prefix, []]);
}

/** The newest `limit + 1` cases of a status (the app asks for one more to know of a next page). */
export async function rawFirstPage(
  db: IDBDatabase,
  status: string,
  limit: number,
): Promise<CaseEntity[]> {
  const index = db
    .transaction('cases', 'readonly')
    .objectStore('cases')
    .index('[status+receivedAt+id]');
  const rows: CaseEntity[] = [];
  await walk<CaseEntity>(index, prefixRange(status), 'prev', (row) => rows.push(row) <= limit);
  return rows.slice(0, limit);
}

/**
 * Cases holding the query: count the query's pieces in the `searchTerms` index, walk the rarest,
 * keep rows holding every piece whose text contains the query, newest first.
 */
export async function rawSearch(
  db: IDBDatabase,
  query: string,
  limit: number,
): Promise<CaseEntity[]> {
  const pieces = [...new Set(searchQueryTerms(query))];
  const index = db.transaction('cases', 'readonly').objectStore('cases').index('searchTerms');
  const counts = await Promise.all(
    pieces.map((piece) => done(index.count(IDBKeyRange.only(piece)))),
  );
  let rarest = 0;
  counts.forEach((count, i) => {
    if (count < (counts[rarest] ?? Infinity)) rarest = i;
  });
  const rows: CaseEntity[] = [];
  await walk<CaseEntity>(index, IDBKeyRange.only(pieces[rarest] ?? ''), 'next', (row) => {
    const terms = new Set(row.searchTerms);
    if (pieces.every((piece) => terms.has(piece)) && searchMatches(searchTextsOf(row), query)) {
      rows.push(row);
    }
    return true;
  });
  rows.sort((a, b) =>
    a.receivedAt !== b.receivedAt ? (a.receivedAt > b.receivedAt ? -1 : 1) : a.id > b.id ? -1 : 1,
  );
  return rows.slice(0, limit);
}

/** A case and its history. */
export async function rawCaseOpen(
  db: IDBDatabase,
  id: string,
): Promise<{ item: CaseEntity | undefined; events: CaseEventEntity[] }> {
  const tx = db.transaction(['cases', 'events'], 'readonly');
  const [item, events] = await Promise.all([
    done(tx.objectStore('cases').get(id)) as Promise<CaseEntity | undefined>,
    done(tx.objectStore('events').index('caseId').getAll(id)) as Promise<CaseEventEntity[]>,
  ]);
  return { item, events };
}

export interface RawIntake {
  /** The caller's phone as the customers' `phones` index holds it ('' for none). */
  readonly phone: string;
  /** A new caller's file. */
  readonly customer?: CustomerEntity;
  /** The event and snapshot, still without their number (given in the transaction). */
  readonly event: CaseEventEntity<CaseReceived>;
  readonly snapshot: CaseEntity;
  /** The numbering period of the received date, e.g. `2611`. */
  readonly period: string;
  readonly numberOf: (serial: number) => string;
}

/**
 * One intake written by hand: the reads the app makes (counter, number taken?, the caller's
 * file by phone), then the customer, event, case (without its search pieces, as the app saves
 * it), outbox row, counter and clock, in one transaction. The records are made before the clock
 * starts; only the number is set here. `rawIntakeIndex` writes the pieces afterwards.
 */
export async function rawIntake(db: IDBDatabase, r: RawIntake): Promise<CaseEntity> {
  const tx = db.transaction(['cases', 'events', 'customers', 'settings', 'outbox'], 'readwrite');
  const finished = committed(tx);
  const cases = tx.objectStore('cases');
  const settings = tx.objectStore('settings');
  const counterRow = (await done(settings.get('numbering'))) as
    SettingsEntity<'numbering'> | undefined;
  const counter = counterRow?.value ?? {};
  const serial = (counter[r.period] ?? 0) + 1;
  const number = r.numberOf(serial);
  const taken = await done(cases.index('number').count(IDBKeyRange.only(number)));
  if (taken > 0) throw new Error(`raw intake: number ${number} taken`);
  if (r.phone !== '') await done(tx.objectStore('customers').index('phones').getAll(r.phone));
  const event = { ...r.event, payload: { ...r.event.payload, number } };
  const terms = new Set([...r.snapshot.searchTerms, ...searchTermsOf([number])]);
  const snapshot: CaseEntity = { ...r.snapshot, number, searchTerms: [...terms] };
  if (r.customer) tx.objectStore('customers').put(r.customer);
  tx.objectStore('events').add(event);
  cases.add({ ...snapshot, searchTerms: [], searchPending: 1 });
  tx.objectStore('outbox').add({
    id: event.id,
    caseId: event.caseId,
    hlc: event.hlc,
    queuedAt: event.at,
  });
  settings.put({
    key: 'numbering',
    value: { ...counter, [r.period]: serial },
    updatedAt: event.at,
  });
  settings.put({ key: 'clock', value: event.hlc, updatedAt: event.at });
  await finished;
  return snapshot;
}

/** The second write of an intake: the case with its search pieces. */
export async function rawIntakeIndex(db: IDBDatabase, snapshot: CaseEntity): Promise<void> {
  const tx = db.transaction('cases', 'readwrite');
  const finished = committed(tx);
  tx.objectStore('cases').put(snapshot);
  await finished;
}

/** Deletes cases written by hand (the app's tallies never counted them). */
export async function rawCasesDelete(db: IDBDatabase, ids: readonly string[]): Promise<void> {
  const tx = db.transaction('cases', 'readwrite');
  const finished = committed(tx);
  for (const id of ids) tx.objectStore('cases').delete(id);
  await finished;
}

/** How many cases each matter has (the register shows it next to linked cases). */
export async function rawMatterSizes(
  db: IDBDatabase,
  matterIds: readonly string[],
): Promise<Map<string, number>> {
  const index = db.transaction('cases', 'readonly').objectStore('cases').index('matterId');
  const ids = [...new Set(matterIds)];
  const counts = await Promise.all(ids.map((id) => done(index.count(IDBKeyRange.only(id)))));
  return new Map(ids.map((id, i) => [id, counts[i] ?? 0]));
}

/** Cases and distinct matters of a status, walking its rows. */
export async function rawStatusCounts(
  db: IDBDatabase,
  status: string,
): Promise<{ cases: number; matters: number }> {
  const index = db
    .transaction('cases', 'readonly')
    .objectStore('cases')
    .index('[status+receivedAt+id]');
  const matters = new Set<string>();
  let cases = 0;
  await walk<CaseEntity>(index, prefixRange(status), 'next', (row) => {
    cases++;
    matters.add(row.matterId);
    return true;
  });
  return { cases, matters: matters.size };
}

/** Every case and every distinct matter, from the primary key and the `matterId` index. */
export async function rawRegisterCounts(
  db: IDBDatabase,
): Promise<{ cases: number; matters: number }> {
  const store = db.transaction('cases', 'readonly').objectStore('cases');
  const cases = done(store.count());
  const matters = new Promise<number>((resolve, reject) => {
    let count = 0;
    const request = store.index('matterId').openKeyCursor(null, 'nextunique');
    request.onsuccess = () => {
      if (!request.result) {
        resolve(count);
        return;
      }
      count++;
      request.result.continue();
    };
    request.onerror = () => reject(request.error ?? new Error('cursor failed'));
  });
  return { cases: await cases, matters: await matters };
}
