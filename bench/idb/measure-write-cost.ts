/**
 * Where the time of writing imported cases goes (issue 13): the very records an import wrote are
 * written again with raw IndexedDB (no Dexie, no middleware, no JavaScript of the app) into new
 * databases whose schemas or contents differ, one transaction each, so the differences between
 * the variants are what each part costs IndexedDB:
 *
 * - `full` (and `full, put`): every table with the desk's schema, records added (put);
 * - `no search index`: the same without the multi-entry `*searchTerms` index of `cases` (the
 *   pieces are still in each record, not indexed);
 * - `cases key only`: `cases` without any index, the other tables as they are;
 * - `cases only`, `cases only, key only`, `events only`, `outbox only`, `customers only`: one
 *   table each;
 * - the restore's shape: pages of 2,000 records in a transaction each, with the indexes declared
 *   before the records or created by a version change after them.
 */
import Dexie from 'dexie';
import { SCHEMA_V1 } from '../../renderer/src/db/schema-v1';
import { SCHEMA_V2 } from '../../renderer/src/db/schema-v2';
import { rawOpen } from './raw';

export interface WriteCostRun {
  readonly variant: string;
  /** One time per round, ms. */
  readonly samples: readonly number[];
  /** The times the requests took to issue (cloning the records, extracting their index keys). */
  readonly issuedSamples: readonly number[];
  readonly stores: readonly string[];
}

const STORES = ['cases', 'events', 'outbox', 'customers'] as const;

function transactionDone(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

function casesSchema(drop: (index: string) => boolean): string {
  return SCHEMA_V2.cases
    .split(',')
    .map((part) => part.trim())
    .filter((part, i) => i === 0 || !drop(part))
    .join(', ');
}

const VARIANTS: readonly {
  readonly variant: string;
  readonly cases: string;
  readonly stores: readonly (typeof STORES)[number][];
  readonly put?: boolean;
}[] = [
  { variant: 'full, put', cases: SCHEMA_V2.cases, stores: STORES, put: true },
  { variant: 'full', cases: SCHEMA_V2.cases, stores: STORES },
  {
    variant: 'no search index',
    cases: casesSchema((index) => index === '*searchTerms'),
    stores: STORES,
  },
  { variant: 'cases key only', cases: casesSchema(() => true), stores: STORES },
  { variant: 'cases only', cases: SCHEMA_V2.cases, stores: ['cases'] },
  { variant: 'cases only, key only', cases: casesSchema(() => true), stores: ['cases'] },
  { variant: 'events only', cases: SCHEMA_V2.cases, stores: ['events'] },
  { variant: 'outbox only', cases: SCHEMA_V2.cases, stores: ['outbox'] },
  { variant: 'customers only', cases: SCHEMA_V2.cases, stores: ['customers'] },
];

/** Creates the indexes of a Dexie schema string (primary key first) on `store`. */
function indexesCreate(store: IDBObjectStore, spec: string): void {
  for (const part of spec.split(',').slice(1)) {
    const text = part.trim();
    const unique = text.startsWith('&');
    const multiEntry = text.startsWith('*');
    const name = text.replace(/^[&*]/, '');
    const keyPath = name.startsWith('[') ? name.slice(1, -1).split('+') : name;
    store.createIndex(name, keyPath, { unique, multiEntry });
  }
}

function openAt(
  name: string,
  version: number,
  upgrade: (db: IDBDatabase, tx: IDBTransaction) => void,
): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onupgradeneeded = () => {
      if (request.transaction) upgrade(request.result, request.transaction);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error(`cannot open ${name}`));
  });
}

/**
 * The restore's alternative: every record put into stores with their primary keys only (in
 * transactions of `page` records), then the indexes created by one version change, as Dexie's
 * schema upgrade would: the browser fills the index entries itself.
 */
export async function writeThenIndex(
  name: string,
  records: ReadonlyMap<string, readonly unknown[]>,
  page: number,
  withIndexesFirst: boolean,
): Promise<number> {
  const dbName = `${name}-later-${withIndexesFirst}`;
  await Dexie.delete(dbName);
  const specs: Record<(typeof STORES)[number], string> = {
    cases: SCHEMA_V2.cases,
    events: SCHEMA_V1.events,
    outbox: SCHEMA_V1.outbox,
    customers: SCHEMA_V1.customers,
  };
  const started = performance.now();
  const db = await openAt(dbName, 1, (created) => {
    for (const store of STORES) {
      const os = created.createObjectStore(store, { keyPath: 'id' });
      if (withIndexesFirst) indexesCreate(os, specs[store]);
    }
  });
  for (const store of STORES) {
    const all = records.get(store) ?? [];
    for (let start = 0; start < all.length; start += page) {
      const tx = db.transaction(store, 'readwrite');
      const target = tx.objectStore(store);
      for (const record of all.slice(start, start + page)) target.add(record);
      await transactionDone(tx);
    }
  }
  db.close();
  if (!withIndexesFirst) {
    const indexed = await openAt(dbName, 2, (_db, tx) => {
      for (const store of STORES) indexesCreate(tx.objectStore(store), specs[store]);
    });
    indexed.close();
  }
  const ms = performance.now() - started;
  await Dexie.delete(dbName);
  return ms;
}

async function putOnce(
  name: string,
  records: ReadonlyMap<string, readonly unknown[]>,
  { variant, cases, stores, put }: (typeof VARIANTS)[number],
): Promise<{ ms: number; issuedMs: number }> {
  const dbName = `${name}-cost-${variant.replace(/[ ,]+/g, '-')}`;
  await Dexie.delete(dbName);
  const schema = new Dexie(dbName);
  schema.version(1).stores({
    cases,
    events: SCHEMA_V1.events,
    outbox: SCHEMA_V1.outbox,
    customers: SCHEMA_V1.customers,
  });
  await schema.open();
  schema.close();
  const raw = await rawOpen(dbName);
  const started = performance.now();
  let issuedMs = 0;
  const tx = raw.transaction([...stores], 'readwrite');
  for (const store of stores) {
    const target = tx.objectStore(store);
    for (const record of records.get(store) ?? []) {
      if (put) target.put(record);
      else target.add(record);
    }
  }
  // Each request clones its record and extracts its index keys before it returns.
  issuedMs = performance.now() - started;
  await transactionDone(tx);
  const ms = performance.now() - started;
  raw.close();
  await Dexie.delete(dbName);
  return { ms, issuedMs };
}

/**
 * Puts `records` into a new database of each variant's schema, `rounds` times, the variants
 * interleaved within each round (so a change of the machine's load falls on all of them); also
 * the restore's shape (pages of 2,000 records, one transaction each) with the indexes declared
 * first and created after the records.
 */
export async function writeCostBreakdown(
  name: string,
  records: ReadonlyMap<string, readonly unknown[]>,
  rounds: number,
  log: (message: string) => void,
): Promise<WriteCostRun[]> {
  const samples = new Map<string, { ms: number[]; issued: number[]; stores: readonly string[] }>();
  const add = (variant: string, stores: readonly string[], ms: number, issuedMs?: number) => {
    const entry = samples.get(variant) ?? { ms: [], issued: [], stores };
    entry.ms.push(ms);
    if (issuedMs !== undefined) entry.issued.push(issuedMs);
    samples.set(variant, entry);
    log(`write cost, ${variant}: ${Math.round(ms)} ms`);
  };
  for (let round = 0; round < rounds; round++) {
    for (const variant of VARIANTS) {
      const { ms, issuedMs } = await putOnce(name, records, variant);
      add(variant.variant, variant.stores, ms, issuedMs);
    }
    for (const indexesFirst of [true, false]) {
      const ms = await writeThenIndex(name, records, 2000, indexesFirst);
      add(`pages of 2,000, indexes ${indexesFirst ? 'first' : 'created after'}`, STORES, ms);
    }
  }
  return [...samples].map(([variant, entry]) => ({
    variant,
    samples: entry.ms,
    issuedSamples: entry.issued,
    stores: entry.stores,
  }));
}
