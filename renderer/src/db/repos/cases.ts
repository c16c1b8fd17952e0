/**
 * Cases: every write appends an event and replaces the snapshot the reducer folds from it, in
 * one transaction with its outbox row (on a desk set to sync: repos/outbox.ts) and the desk's
 * clock (DESIGN.md "Data model", "Sync").
 * Lists page by key, newest received first with the id as tiebreak.
 */
import {
  caseForViewer,
  caseReadingOf,
  casesForViewer,
  eventsForViewer,
  type CaseViewer,
} from '@shared/access/mask';
import Dexie from 'dexie';
import type { CaseId, CustomerId, EventId, HlcStamp, IsoInstant } from '@shared/kernel/brand';
import { isoInstant } from '@shared/kernel/brand';
import { localDateOf } from '@shared/calendar/deadline';
import type {
  CaseEntity,
  CaseEventEntity,
  CaseStatus,
  CustomerRef,
  SettingsEntity,
} from '@shared/model/entities';
import { hlcNext } from '@shared/kernel/hlc';
import { newId } from '@shared/kernel/ids';
import { numberFormat, numberPeriodKey } from '@shared/register/numbering';
import { caseIdTimeFor } from '@shared/register/query';
import type {
  CaseEvent,
  CaseEventType,
  CasePayloadOf,
  CaseReceived,
} from '@shared/workflow/events';
import { caseApply } from '@shared/workflow/reducer';
import type { DeskDatabase } from '../database';
import { StorageError, WorkflowError, withStorageErrors } from '../errors';
import { sessionStamp, type DeskSession, type WriteStamp } from '../session';
import { auditRecord } from './audit';
import { customerFileResolve } from './customers';
import { outboxIsQueuing, outboxQueue } from './outbox';
import { searchNewest } from './search';
import { searchTermsOf, searchTextsOf } from '@shared/register/search';
import { settingsGet } from './settings';
import { sessionRequire, stampRequireEvent } from '../access';

const NO_CUSTOMER_FILE: Awaited<ReturnType<typeof customerFileResolve>> = {};

/** What the clerk took in: the `case/received` payload without its number (the desk gives it). */
export type CaseIntake = Omit<CaseReceived['payload'], 'number'>;

/**
 * Registers a case as the session's operator, now: assigns its number (by the session desk's
 * numbering, in its time zone), links or creates the customer file, appends the
 * `case/received` event and writes the snapshot, the outbox row, the counter and the clock,
 * all in one transaction. Throws `StorageError('duplicateNumber')` when the next number is
 * taken and `WorkflowError` when the reducer refuses; either way nothing is written.
 *
 * The snapshot is saved without its search pieces (about a hundred index entries, most of the
 * cost of the save on a large desk) and marked `searchPending`; a second transaction, started
 * before this returns, writes them. IndexedDB runs a later transaction on the cases after that
 * one, so every read after the save finds the case by its text; if the desk stops in between,
 * `casesSearchIndexPending` writes them at the next start.
 */
export async function caseRegister(session: DeskSession, intake: CaseIntake): Promise<CaseEntity> {
  const { db } = session;
  sessionRequire(session, 'case.register');
  const created = await caseRegisterSaved(session, intake);
  const indexing = casesSearchIndexPending(db, [created.id]).catch((error: unknown) => {
    // The case is saved; only its search pieces wait, and the next start writes them.
    console.error(`case ${created.number}: search pieces not written yet`, error);
    return 0;
  });
  searchIndexWrites.set(db, indexing);
  return created;
}

/** The last search-index write each database has under way (see `caseSearchIndexSettled`). */
const searchIndexWrites = new WeakMap<DeskDatabase, Promise<number>>();

/** Resolves once the search pieces of the last case registered are written. */
export async function caseSearchIndexSettled(db: DeskDatabase): Promise<void> {
  await searchIndexWrites.get(db);
}

/**
 * Writes the search pieces of the cases saved without them (`searchPending`): the given ones,
 * or all of them (at start). Returns how many it wrote.
 */
export async function casesSearchIndexPending(
  db: DeskDatabase,
  ids?: readonly CaseId[],
): Promise<number> {
  return db.transaction('rw', db.cases, async () => {
    const rows = ids
      ? await db.cases.bulkGet([...ids])
      : await db.cases.where('searchPending').equals(1).toArray();
    const pending = rows.filter((row): row is CaseEntity => row?.searchPending === 1);
    await db.cases.bulkPut(
      pending.map(({ searchPending: _pending, ...row }) => ({
        ...row,
        searchTerms: searchTermsOf(searchTextsOf(row)),
      })),
    );
    return pending.length;
  });
}

async function caseRegisterSaved(session: DeskSession, intake: CaseIntake): Promise<CaseEntity> {
  const { db, desk } = session;
  const stamp = sessionStamp(session);
  const { wallMs } = stamp;
  const now = isoInstant(new Date(wallMs));
  const localDate = localDateOf(intake.receivedAt, desk.timeZone);
  const period = numberPeriodKey(desk.numbering, localDate);
  return withStorageErrors(() =>
    db.transaction('rw', [db.cases, db.events, db.customers, db.settings, db.outbox], async () => {
      // Requests are issued together where nothing depends on another: each round trip to
      // IndexedDB costs about a millisecond on a large desk.
      const [counterRow, clock, queuing, file] = await Promise.all([
        settingsGet(db, 'numbering'),
        settingsGet(db, 'clock'),
        outboxIsQueuing(db),
        // A confidential report, or one whose reporter is withheld, neither creates nor
        // completes a customer file: the files are read by every clerk (DOMAIN.md section 8).
        intake.flags.includes('confidential') || intake.flags.includes('reporterWithheld')
          ? NO_CUSTOMER_FILE
          : customerFileResolve(db, intake.customer, now, wallMs),
      ]);
      const counter = counterRow ?? {};
      const serial = (counter[period] ?? 0) + 1;
      const number = numberFormat(desk.numbering, localDate, serial, desk.deskCode);
      if ((await db.cases.where('number').equals(number).count()) > 0) {
        throw new StorageError('duplicateNumber', { message: `Case number ${number} exists` });
      }
      const caseId = newId<CaseId>(caseIdTimeFor(wallMs, intake.receivedAt));
      const hlc = hlcNext(clock, wallMs, stamp.deskId);
      const event = eventOf<CaseReceived>(stamp, caseId, hlc, 'case/received', {
        ...intake,
        number,
        customer: customerLinked(intake.customer, file.id),
      });
      const applied = caseApplyOrThrow(undefined, event);
      const next = desk.deskCode ? { ...applied, originDeskCode: desk.deskCode } : applied;
      await Promise.all([
        file.write ? db.customers.put(file.write) : undefined,
        db.events.add(event),
        db.cases.add({ ...next, searchTerms: [], searchPending: 1 }),
        outboxQueue(db, [event], now, { queuing }),
        db.settings.bulkPut([
          { key: 'numbering', value: { ...counter, [period]: serial }, updatedAt: now },
          clockRow(hlc, now),
        ] satisfies SettingsEntity[]),
      ]);
      return next;
    }),
  );
}

/** Every event type but the first: a case is received once, by `caseRegister`. */
export type CaseAppendableType = Exclude<CaseEventType, 'case/received'>;

/**
 * Appends one event to a case as the session's operator and writes the new snapshot, its outbox
 * row and the clock in one transaction. `at` is the event's time when the step already fixed it
 * (the instant its command was checked against); it is now otherwise. Throws `WorkflowError`
 * when the reducer refuses (nothing is written) and `StorageError('notFound')` for an unknown
 * case.
 */
export async function caseAppendEvent<T extends CaseAppendableType>(
  session: DeskSession,
  caseId: CaseId,
  type: T,
  payload: CasePayloadOf<T>,
  at?: IsoInstant,
): Promise<CaseEntity> {
  const { db } = session;
  const stamp = sessionStamp(session, at);
  stampRequireEvent(stamp, type);
  return withStorageErrors(() =>
    db.transaction('rw', caseAppendTables(db), () =>
      caseAppendInTransaction(db, stamp, caseId, type, payload),
    ),
  );
}

/** The tables `caseAppendInTransaction` writes: list them all in the enclosing transaction. */
export function caseAppendTables(db: DeskDatabase) {
  return [db.cases, db.events, db.settings, db.outbox];
}

/**
 * The body of `caseAppendEvent`, for writes that append events to several cases at once (linking
 * cases as one matter, recording a print): call it inside a `rw` transaction over
 * `caseAppendTables`, so that a refusal or failure of any event aborts them all. The events of
 * one such write share one `stamp` (`sessionStamp`).
 */
export async function caseAppendInTransaction<T extends CaseAppendableType>(
  db: DeskDatabase,
  stamp: WriteStamp,
  caseId: CaseId,
  type: T,
  payload: CasePayloadOf<T>,
): Promise<CaseEntity> {
  // Before any read: a refused step touches nothing.
  stampRequireEvent(stamp, type);
  const now = isoInstant(new Date(stamp.wallMs));
  const current = await db.cases.get(caseId);
  if (!current) throw new StorageError('notFound', { message: `No case ${caseId}` });
  // The case may hold stamps from other desks ahead of our clock: stay after them.
  const [clock, queuing] = await Promise.all([settingsGet(db, 'clock'), outboxIsQueuing(db)]);
  const last = clock === undefined || current.lastHlc > clock ? current.lastHlc : clock;
  const hlc = hlcNext(last, stamp.wallMs, stamp.deskId);
  const event = eventOf<CaseEvent>(stamp, caseId, hlc, type, payload);
  const next = caseApplyOrThrow(current, event);
  await db.events.add(event);
  await db.cases.put(next);
  await outboxQueue(db, [event], now, { queuing });
  await db.settings.put(clockRow(hlc, now));
  return next;
}

/** An event of a case, its envelope (id, time, actor, desk) taken from its write's stamp. */
function eventOf<E extends CaseEvent = CaseEvent>(
  stamp: WriteStamp,
  caseId: CaseId,
  hlc: HlcStamp,
  type: E['type'],
  payload: E['payload'],
): CaseEventEntity<E> {
  return {
    id: newId<EventId>(stamp.wallMs),
    caseId,
    type,
    at: stamp.at,
    hlc,
    actorId: stamp.actorId,
    actorName: stamp.actorName,
    deskId: stamp.deskId,
    payload,
  };
}

function caseApplyOrThrow(state: CaseEntity | undefined, event: CaseEventEntity): CaseEntity {
  const result = caseApply(state, event);
  if (!result.ok) throw new WorkflowError(result.refusal);
  return result.next;
}

function customerLinked(ref: CustomerRef, customerId: CustomerId | undefined): CustomerRef {
  const linked: { -readonly [K in keyof CustomerRef]: CustomerRef[K] } = { ...ref, customerId };
  // No file (an anonymous caller): no key at all, rather than a stored `undefined`.
  if (customerId === undefined) delete linked.customerId;
  return linked;
}

function clockRow(hlc: HlcStamp, updatedAt: IsoInstant): SettingsEntity<'clock'> {
  return { key: 'clock', value: hlc, updatedAt };
}

export async function caseGet(db: DeskDatabase, id: CaseId): Promise<CaseEntity | undefined> {
  return db.cases.get(id);
}

export async function caseByNumber(
  db: DeskDatabase,
  number: string,
): Promise<CaseEntity | undefined> {
  return db.cases.where('number').equals(number).first();
}

/** A case and its history, as one viewer may see them. */
export interface CaseRead {
  readonly item: CaseEntity;
  readonly events: CaseEventEntity[];
}

/**
 * A case and its history as the viewer may see them (shared/access/mask.ts): the case page's
 * read, so that a confidential case opened by its address comes masked, without its history.
 */
export async function caseRead(
  db: DeskDatabase,
  id: CaseId,
  viewer: CaseViewer,
): Promise<CaseRead | undefined> {
  return db.transaction('r', [db.cases, db.events], async () => {
    const item = await db.cases.get(id);
    if (!item) return undefined;
    return {
      item: caseForViewer(item, viewer),
      events: eventsForViewer(item, await caseEvents(db, id), viewer),
    };
  });
}

/**
 * Records that the session's operator opened a confidential case: `case.viewed` when they read
 * it, `case.viewRefused` when it came masked. Other cases leave no entry.
 */
export async function caseViewRecord(
  session: DeskSession,
  viewer: CaseViewer,
  id: CaseId,
): Promise<void> {
  const { db } = session;
  const item = await db.cases.get(id);
  if (!item?.flags.includes('confidential')) return;
  const stamp = sessionStamp(session);
  const reading = caseReadingOf(item, viewer);
  await auditRecord(db, {
    at: stamp.at,
    actorId: stamp.actorId,
    action: reading === 'masked' ? 'case.viewRefused' : 'case.viewed',
    target: item.id,
    detail: item.number,
  });
}

/** A case's history in HLC order (the order the reducer folds it in). */
export async function caseEvents(db: DeskDatabase, caseId: CaseId): Promise<CaseEventEntity[]> {
  return db.events
    .where('[caseId+hlc]')
    .between([caseId, Dexie.minKey], [caseId, Dexie.maxKey])
    .toArray();
}

/** Where a page stopped: the next page starts strictly after (older than) this case. */
export interface CasesPageCursor {
  readonly receivedAt: IsoInstant;
  readonly id: CaseId;
}

export interface CasesQuery {
  readonly status?: CaseStatus;
  readonly kindId?: string;
  readonly unitId?: string;
  readonly limit: number;
  readonly after?: CasesPageCursor;
}

export interface CasesPage {
  readonly items: CaseEntity[];
  /** Absent on the last page. */
  readonly next?: CasesPageCursor;
}

/**
 * One page of cases, newest received first, continuing after `query.after`. Walks the compound
 * index of the first filter given (`[status+receivedAt+id]` ...) backwards from the cursor;
 * further filters are checked on the rows the walk meets.
 */
export async function casesPage(db: DeskDatabase, query: CasesQuery): Promise<CasesPage> {
  const { index, prefix, rest } = pageIndexFor(query);
  // A shorter array sorts before every longer one it begins, and `maxKey` (an array) after
  // every string. `maxKey` is one object and may appear only once in a key: IndexedDB rejects a
  // key that holds the same array twice.
  const lower = [...prefix, Dexie.minKey];
  const upper = query.after
    ? [...prefix, query.after.receivedAt, query.after.id]
    : [...prefix, Dexie.maxKey];
  let rows = db.cases.where(index).between(lower, upper, true, !query.after).reverse();
  if (rest) rows = rows.filter(rest);
  // One row more than asked says whether there is a next page.
  return pageOf(await rows.limit(query.limit + 1).toArray(), query.limit);
}

function pageIndexFor(query: CasesQuery): {
  index: string;
  prefix: string[];
  rest?: (row: CaseEntity) => boolean;
} {
  const { status, kindId, unitId } = query;
  const matchesKind = (row: CaseEntity) => kindId === undefined || row.kindId === kindId;
  const matchesUnit = (row: CaseEntity) => unitId === undefined || row.unitId === unitId;
  if (status !== undefined) {
    const rest =
      kindId === undefined && unitId === undefined
        ? undefined
        : (row: CaseEntity) => matchesKind(row) && matchesUnit(row);
    return { index: '[status+receivedAt+id]', prefix: [status], rest };
  }
  if (unitId !== undefined) {
    return {
      index: '[unitId+receivedAt+id]',
      prefix: [unitId],
      rest: kindId === undefined ? undefined : matchesKind,
    };
  }
  if (kindId !== undefined) return { index: '[kindId+receivedAt+id]', prefix: [kindId] };
  return { index: '[receivedAt+id]', prefix: [] };
}

function pageOf(rows: CaseEntity[], limit: number): CasesPage {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return rows.length > limit && last
    ? { items, next: { receivedAt: last.receivedAt, id: last.id } }
    : { items };
}

/** Newest received first, then the larger id (UUIDv7: the later entry). */
function newestFirst(a: CaseEntity, b: CaseEntity): number {
  if (a.receivedAt !== b.receivedAt) return a.receivedAt > b.receivedAt ? -1 : 1;
  return a.id === b.id ? 0 : a.id > b.id ? -1 : 1;
}

function isAfterCursor(row: CaseEntity, cursor: CasesPageCursor | undefined): boolean {
  if (!cursor) return true;
  return (
    row.receivedAt < cursor.receivedAt ||
    (row.receivedAt === cursor.receivedAt && row.id < cursor.id)
  );
}

/**
 * Cases whose text holds the query (Chinese or not: DESIGN.md "Chinese search"), newest
 * received first, continuing after `after` (see repos/search.ts).
 */
export async function casesSearch(
  db: DeskDatabase,
  query: string,
  limit: number,
  after?: CasesPageCursor,
): Promise<CasesPage> {
  // One row more than asked says whether there is a next page.
  const rows = await searchNewest(db, query, (row) => isAfterCursor(row, after), limit + 1);
  return pageOf(rows, limit);
}

/** How many cases there are, or how many have a status. */
export async function casesCount(
  db: DeskDatabase,
  query: { readonly status?: CaseStatus } = {},
): Promise<number> {
  return query.status === undefined
    ? db.cases.count()
    : db.cases.where('status').equals(query.status).count();
}

/**
 * A customer file's cases, the open ones first, then newest received first, as the viewer may
 * see them: a confidential case they may not read, or one whose reporter is withheld from them,
 * is not listed at all (that the customer made it is what it hides).
 */
export async function casesOfCustomer(
  db: DeskDatabase,
  customerId: CustomerId,
  viewer: CaseViewer,
): Promise<CaseEntity[]> {
  const rows = await db.cases.where('customer.customerId').equals(customerId).toArray();
  const isOpen = (row: CaseEntity) => row.status !== 'closed';
  return casesForViewer(rows, viewer)
    .filter((row) => row.masked === undefined)
    .sort((a, b) => Number(isOpen(b)) - Number(isOpen(a)) || newestFirst(a, b));
}
