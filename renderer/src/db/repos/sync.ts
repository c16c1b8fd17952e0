/**
 * What sync reads and writes in the desk's database (DESIGN.md "Sync"): the sync settings, the
 * outbox (read in batches, deleted only for the ids the server acknowledged), pulled pages
 * (each page with its cursor in ONE transaction: events idempotent by id, each affected case
 * re-folded by the shared reducer, its search pieces rewritten; the tallies follow the cases
 * through the tallies middleware, never synced), and attachments' bytes by hash.
 */
import type { CaseId, EventId, HlcStamp, IsoInstant } from '@shared/kernel/brand';
import type {
  CaseEntity,
  CaseEventEntity,
  FileEntity,
  SettingsEntity,
} from '@shared/model/entities';
import { caseFold } from '@shared/workflow/reducer';
import { hlcMax } from '@shared/kernel/hlc';
import { searchTermsOf, searchTextsOf } from '@shared/register/search';
import { chunkRanges } from '@shared/attachments/limits';
import { contentHash } from '@shared/attachments/hash';
import type { SyncCursor, SyncSettings } from '@shared/sync/desk-sync';
import { SYNC_BACKLOG_START, syncBacklogOnSettings } from '@shared/sync/outbox';
import type { PulledEvent } from '@shared/sync/protocol';
import type { DeskDatabase } from '../database';
import { StorageError, withStorageErrors } from '../errors';
import { sessionRequire } from '../access';
import { sessionStamp, type DeskSession } from '../session';
import { auditRecord } from './audit';
import { customerFileMerge, customersByPhone, phoneKey } from './customers';
import { settingsGet } from './settings';

export async function syncSettingsGet(db: DeskDatabase): Promise<SyncSettings | undefined> {
  return settingsGet(db, 'sync');
}

/**
 * Saves the sync settings as the session's operator (`settings.sync`), with an audit entry.
 * A desk whose server names its code takes that code for its case numbers from now on
 * (DOMAIN.md section 5), in the same transaction. A change of server or token forgets the
 * cursor: the new server's events are pulled from the start (idempotent by id). A desk that
 * was not set to sync and now is starts queuing its whole history (`syncBacklog`): the engine
 * queues it in slices before its next push.
 */
export async function syncSettingsChange(session: DeskSession, next: SyncSettings): Promise<void> {
  const { db } = session;
  sessionRequire(session, 'settings.sync');
  const by = sessionStamp(session);
  await withStorageErrors(() =>
    db.transaction('rw', [db.settings, db.audit], async () => {
      const [before, identity] = await Promise.all([
        settingsGet(db, 'sync'),
        settingsGet(db, 'identity'),
      ]);
      const rows: SettingsEntity[] = [{ key: 'sync', value: next, updatedAt: by.at }];
      const code = next.kind === 'desk' && next.enabled ? next.desk?.code : undefined;
      if (identity && code !== undefined && identity.deskCode !== code) {
        rows.push({ key: 'identity', value: { ...identity, deskCode: code }, updatedAt: by.at });
      }
      // A desk that starts syncing queues the events it wrote alone, once (repos/outbox.ts).
      if (syncBacklogOnSettings(before, next) === 'start') {
        rows.push({ key: 'syncBacklog', value: SYNC_BACKLOG_START, updatedAt: by.at });
      }
      await db.settings.bulkPut(rows);
      if (before?.address !== next.address || before.token !== next.token) {
        await db.settings.delete('syncCursor');
      }
      await auditRecord(db, {
        at: by.at,
        actorId: by.actorId,
        action: 'settings.changed',
        target: 'sync',
        detail: `${next.address} ${next.enabled ? 'on' : 'off'}`,
      });
    }),
  );
}

export async function syncCursorGet(db: DeskDatabase): Promise<SyncCursor | null> {
  return (await settingsGet(db, 'syncCursor')) ?? null;
}

/** Forgets the cursor (the server's epoch changed): the next pull starts from the beginning. */
export async function syncCursorForget(db: DeskDatabase): Promise<void> {
  await db.settings.delete('syncCursor');
}

/** How many events wait to be pushed. */
export async function syncOutboxCount(db: DeskDatabase): Promise<number> {
  return db.outbox.count();
}

/** The oldest `limit` events of the outbox (by HLC), as stored. */
export async function syncOutboxBatch(db: DeskDatabase, limit: number): Promise<CaseEventEntity[]> {
  return db.transaction('r', [db.outbox, db.events], async () => {
    const rows = await db.outbox.orderBy('hlc').limit(limit).toArray();
    const events = await db.events.bulkGet(rows.map((r) => r.id));
    return events.filter((e): e is CaseEventEntity => e !== undefined);
  });
}

/**
 * Deletes from the outbox exactly the acknowledged ids (an id the server did not name stays, to
 * be pushed again). Returns how many rows went.
 */
export async function syncOutboxAcknowledge(
  db: DeskDatabase,
  acknowledged: readonly string[],
): Promise<number> {
  return db.transaction('rw', db.outbox, async () => {
    const ids = acknowledged as readonly EventId[];
    const present = (await db.outbox.bulkGet([...ids])).filter((r) => r !== undefined).length;
    await db.outbox.bulkDelete([...ids]);
    return present;
  });
}

/** What storing a pulled page changed. */
export interface SyncPageStored {
  readonly added: number;
  readonly cases: readonly CaseId[];
}

/** The pulled event as stored: the protocol's extra field dropped. */
function storedEvent(event: PulledEvent): CaseEventEntity {
  const { originDeskCode: _origin, ...stored } = event;
  return stored as CaseEventEntity;
}

/**
 * Stores one pulled page and its cursor in ONE transaction: the events not already here
 * (idempotent by id), each affected case folded again from all its events (shared reducer, any
 * order) with its search pieces, and the cursor. A failure aborts all of it, so a pull stopped
 * between pages resumes after the last page stored.
 *
 * Two desks that numbered cases before they had desk codes can hold the same number; the pulled
 * case then keeps its snapshot but is filed under `<origin desk code>-<number>` (numbers are
 * unique in this database).
 */
export async function syncPulledPageStore(
  db: DeskDatabase,
  events: readonly PulledEvent[],
  cursor: SyncCursor,
  now: IsoInstant,
): Promise<SyncPageStored> {
  return withStorageErrors(() =>
    db.transaction('rw', [db.events, db.cases, db.customers, db.settings], async () => {
      const existing = await db.events.bulkGet(events.map((e) => e.id));
      const fresh = new Map<EventId, PulledEvent>();
      events.forEach((event, i) => {
        if (existing[i] === undefined && !fresh.has(event.id)) fresh.set(event.id, event);
      });
      const origin = new Map<CaseId, string>();
      // The desk that registered each case: the origin of its `case/received`.
      const registeredBy = new Map<CaseId, string>();
      for (const event of fresh.values()) {
        origin.set(event.caseId, event.originDeskCode);
        if (event.type === 'case/received') registeredBy.set(event.caseId, event.originDeskCode);
      }
      await db.events.bulkAdd([...fresh.values()].map(storedEvent));
      const caseIds = [...origin.keys()];
      let clock = await settingsGet(db, 'clock');
      for (const caseId of caseIds) {
        const history = await db.events.where('caseId').equals(caseId).toArray();
        const folded = caseFold(history);
        // Steps of a case whose receipt has not arrived yet wait in `events` for it.
        if (!folded) continue;
        const number = await numberFree(db, folded, origin.get(caseId));
        const customer = await pulledCustomerFile(db, folded, now);
        const originDeskCode =
          registeredBy.get(caseId) ?? (await db.cases.get(caseId))?.originDeskCode;
        await db.cases.put(
          caseSearchable({
            ...folded,
            number,
            customer,
            ...(originDeskCode ? { originDeskCode } : {}),
          }),
        );
        clock = clock === undefined ? folded.lastHlc : hlcMax(clock, folded.lastHlc);
      }
      const rows: SettingsEntity[] = [{ key: 'syncCursor', value: cursor, updatedAt: now }];
      // The desk's clock moves past what it has seen, so its next edit orders after them.
      if (clock !== undefined)
        rows.push({ key: 'clock', value: clock as HlcStamp, updatedAt: now });
      await db.settings.bulkPut(rows);
      return { added: fresh.size, cases: caseIds };
    }),
  );
}

/**
 * The customer file of a pulled case, made or completed as a case registered here would
 * (`customerFileResolve`): the file the case names, else the oldest file with its phone, else a
 * new file. A new file keeps the id the origin desk gave it, so the desks and head office name
 * one household's file alike; a case matched to a file of this desk by phone is linked to that
 * file here, so the customer's history lists it. Confidential and withheld-reporter cases make
 * no file (DOMAIN.md section 8). Returns the case's customer as stored here.
 */
async function pulledCustomerFile(
  db: DeskDatabase,
  folded: CaseEntity,
  now: IsoInstant,
): Promise<CaseEntity['customer']> {
  const ref = folded.customer;
  if (folded.flags.includes('confidential') || folded.flags.includes('reporterWithheld')) {
    return ref;
  }
  const phone = phoneKey(ref.phone);
  let existing = ref.customerId === undefined ? undefined : await db.customers.get(ref.customerId);
  if (!existing && phone) existing = (await customersByPhone(db, phone))[0];
  const merged = customerFileMerge(existing, ref, now, Date.parse(now));
  const write =
    merged.write && !existing && ref.customerId !== undefined
      ? { ...merged.write, id: ref.customerId }
      : merged.write;
  if (write) await db.customers.put(write);
  const id = write?.id ?? merged.id;
  if (id === undefined || id === ref.customerId) return ref;
  return { ...ref, customerId: id };
}

async function numberFree(
  db: DeskDatabase,
  folded: CaseEntity,
  originDeskCode: string | undefined,
): Promise<string> {
  const holder = await db.cases.where('number').equals(folded.number).first();
  if (!holder || holder.id === folded.id) return folded.number;
  return `${originDeskCode ?? 'X'}-${folded.number}`;
}

/** A snapshot with its search pieces, as the register searches it. */
function caseSearchable(row: CaseEntity): CaseEntity {
  const { searchPending: _pending, ...rest } = row;
  return { ...rest, searchTerms: searchTermsOf(searchTextsOf(rest)) };
}

/** The stored attachments' hashes the given events name, that this desk holds the bytes of. */
export async function syncFilesHeld(
  db: DeskDatabase,
  events: readonly CaseEventEntity[],
): Promise<string[]> {
  const hashes = [
    ...new Set(
      events
        .filter((e) => e.type === 'case/attachmentAdded')
        .map((e) => (e.payload as { readonly hash: string }).hash),
    ),
  ];
  const rows = await db.files.bulkGet(hashes);
  return rows.filter((r): r is FileEntity => r !== undefined).map((r) => r.hash);
}

/** A stored file's bytes, whole (for upload); undefined when not (completely) here. */
export async function syncFileBytes(
  db: DeskDatabase,
  hash: string,
): Promise<Uint8Array | undefined> {
  const file = await db.files.get(hash);
  if (!file) return undefined;
  const chunks = await db.fileChunks.where('hash').equals(hash).sortBy('index');
  if (chunks.length !== file.chunkCount) return undefined;
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.bytes.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk.bytes, at);
    at += chunk.bytes.length;
  }
  return bytes;
}

/**
 * Stores a downloaded file under its hash, after checking the bytes are the ones named (a
 * server or a network that changed them is refused). The thumbnail stays absent: the viewer
 * shows the file itself.
 */
export async function syncFileStore(
  db: DeskDatabase,
  meta: Pick<FileEntity, 'hash' | 'kind' | 'mediaType'>,
  bytes: Uint8Array,
  now: IsoInstant,
): Promise<void> {
  if (contentHash([bytes]) !== meta.hash) {
    throw new StorageError('notFound', { message: `Downloaded file ${meta.hash} differs` });
  }
  const ranges = chunkRanges(bytes.length);
  await db.transaction('rw', [db.files, db.fileChunks], async () => {
    if (await db.files.get(meta.hash)) return;
    await db.files.add({
      hash: meta.hash,
      kind: meta.kind,
      mediaType: meta.mediaType,
      size: bytes.length,
      chunkCount: ranges.length,
      addedAt: now,
    });
    await db.fileChunks.bulkAdd(
      ranges.map(([start, end], index) => ({
        hash: meta.hash,
        index,
        bytes: bytes.slice(start, end),
      })),
    );
  });
}

/** How each database downloads a file it lacks (set by the running sync engine). */
const fileFetchers = new WeakMap<DeskDatabase, (hash: string) => Promise<Uint8Array>>();

/** The running engine offers (or, with undefined, withdraws) downloads of files by hash. */
export function syncFileFetcherSet(
  db: DeskDatabase,
  fetcher: ((hash: string) => Promise<Uint8Array>) | undefined,
): void {
  if (fetcher) fileFetchers.set(db, fetcher);
  else fileFetchers.delete(db);
}

/**
 * Downloads and stores a pulled attachment's bytes when someone opens it (attachments.ts calls
 * this on its read path). Returns false when sync is not running here: the file stays missing.
 */
export async function syncFileDownload(
  db: DeskDatabase,
  meta: Pick<FileEntity, 'hash' | 'kind' | 'mediaType'>,
  now: IsoInstant,
): Promise<boolean> {
  const fetcher = fileFetchers.get(db);
  if (!fetcher) return false;
  await syncFileStore(db, meta, await fetcher(meta.hash), now);
  return true;
}
