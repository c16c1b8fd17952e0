/**
 * Importing an existing register (DESIGN.md "Excel"): every accepted row becomes a case with
 * its original number and an imported `case/received` event, followed by the steps the register
 * recorded. All of it is written in ONE transaction: a number that already exists, a step the
 * workflow refuses, a full disk, a cancel or the desk stopping in the middle writes nothing at
 * all (IndexedDB rolls an unfinished transaction back, also after a crash).
 *
 * Fast on large registers (issue 13): what the transaction needs from the desk is read in one
 * query each (taken numbers, units, the customer files of every phone in the file), callers are
 * matched to their files in memory, and the cases, events (and outbox rows, on a desk set to
 * sync) go in slices of
 * `IMPORT_SLICE` cases by bulk writes, the next slice made while the last is written. The case
 * tallies follow each slice's bulk write (tallies-middleware.ts: one update of the row per
 * slice); the search pieces go in with the case rows.
 */
import type {
  AuditId,
  CaseId,
  CustomerId,
  HlcStamp,
  IsoInstant,
  UnitId,
} from '@shared/kernel/brand';
import { isoInstant } from '@shared/kernel/brand';
import type {
  CaseEntity,
  CaseEventEntity,
  CustomerEntity,
  SettingsEntity,
  UnitEntity,
} from '@shared/model/entities';
import { newId } from '@shared/kernel/ids';
import { caseIdTimeFor } from '@shared/register/query';
import {
  importCheck,
  type ImportCheckContext,
  type ImportCheckResult,
  type ImportedCase,
} from '@shared/import/check';
import type { ImportMapping } from '@shared/import/fields';
import type { ImportCell } from '@shared/import/values';
import { importEventsOf, importUnitNames } from '@shared/import/events';
import { numberReserve } from '@shared/import/number-reserve';
import { caseApply } from '@shared/workflow/reducer';
import type { DeskDatabase } from '../database';
import { StorageError, WorkflowError, withStorageErrors } from '../errors';
import { sessionStamp, type DeskSession } from '../session';
import { customerFileMerge, phoneKey } from './customers';
import { settingsGet } from './settings';
import { auditRecord } from './audit';
import { outboxIsQueuing, outboxQueue } from './outbox';
import { sessionRequire } from '../access';

/** Cases per bulk write: large enough that round trips do not count, small enough to cancel. */
export const IMPORT_SLICE = 1000;

export interface CasesImportInput {
  readonly cases: readonly ImportedCase[];
  /** The channel imported cases are filed under. */
  readonly channelId: string;
  /** The file the rows came from, for the audit log. */
  readonly fileName: string;
}

export interface CasesImportResult {
  readonly created: number;
  /** Handling units the import added because no unit had their name. */
  readonly unitsCreated: readonly string[];
}

/** Which of the numbers the desk already has (the import refuses those rows). */
export async function importExistingNumbers(
  db: DeskDatabase,
  numbers: readonly string[],
): Promise<Set<string>> {
  if (numbers.length === 0) return new Set();
  // The index's keys only: the cases themselves are not read.
  const found = await db.cases
    .where('number')
    .anyOf([...numbers])
    .keys();
  return new Set(found.map(String));
}

/** The unit names an import would add: those no unit of the desk has. */
export async function importNewUnitNames(
  db: DeskDatabase,
  cases: readonly ImportedCase[],
): Promise<string[]> {
  const names = [...new Set(cases.flatMap(importUnitNames))];
  const known = new Set((await db.units.toArray()).map((unit) => unit.name));
  return names.filter((name) => !known.has(name));
}

function applyAll(events: readonly CaseEventEntity[]): CaseEntity {
  let state: CaseEntity | undefined;
  for (const event of events) {
    const result = caseApply(state, event);
    if (!result.ok) throw new WorkflowError(result.refusal);
    state = result.next;
  }
  if (!state) throw new Error('An imported case has no events');
  return state;
}

export interface CasesImportOptions {
  /** Told after each slice is written: the cases written so far, and of how many. */
  readonly onProgress?: (written: number, total: number) => void;
  /**
   * Aborted: the transaction is rolled back at the next slice and `casesImport` rejects with the
   * signal's reason; nothing is written.
   */
  readonly signal?: AbortSignal;
  /** Cases per bulk write (`IMPORT_SLICE`); tests take small slices to see several. */
  readonly slice?: number;
}

/**
 * The customer files of an import, matched in memory: the desk's files of the file's phones
 * (read in one query), then those the import creates or completes, so that the next row of the
 * same household finds its file, as `customerFileResolve` would have.
 */
class ImportCustomerFiles {
  /** The file each phone finds: the oldest listing it (`customersByPhone(...)[0]`). */
  private readonly byPhone = new Map<string, CustomerEntity>();
  /** The files to write, as the last row left them. */
  readonly writes = new Map<CustomerId, CustomerEntity>();

  constructor(
    known: readonly CustomerEntity[],
    private readonly now: IsoInstant,
    private readonly wallMs: number,
  ) {
    // Oldest first, as `customersByPhone` sorts (ties in key order).
    const sorted = [...known].sort(
      (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
    );
    for (const file of sorted) this.index(file);
  }

  /** Lists the file under its phones that no older file holds (or that it holds itself). */
  private index(file: CustomerEntity): void {
    for (const phone of file.phones) {
      const holder = this.byPhone.get(phone);
      if (!holder || holder.id === file.id) this.byPhone.set(phone, file);
    }
  }

  resolve(customer: ImportedCase['customer']): CustomerId | undefined {
    const phone = phoneKey(customer.phone);
    const existing = phone ? this.byPhone.get(phone) : undefined;
    const { id, write } = customerFileMerge(existing, customer, this.now, this.wallMs);
    if (write) {
      this.writes.set(write.id, write);
      // The completed file replaces the old one under each of its phones.
      this.index(write);
    }
    return id;
  }
}

/**
 * Writes the imported cases (as the session's operator, numbered by the session desk's rules),
 * their customer files, the units they name, the outbox rows, the numbering counter (moved past
 * the imported numbers) and an audit entry, in one transaction. Throws
 * `StorageError('duplicateNumber')` when a number exists already (two rows of the file, or a
 * case of the desk) and `WorkflowError` when a step is refused; nothing is written then, nor
 * when `options.signal` is aborted before the end.
 */
export async function casesImport(
  session: DeskSession,
  input: CasesImportInput,
  options: CasesImportOptions = {},
): Promise<CasesImportResult> {
  const { db, desk } = session;
  const { signal, onProgress } = options;
  const slice = Math.max(1, options.slice ?? IMPORT_SLICE);
  sessionRequire(session, 'import');
  signal?.throwIfAborted();
  const stamp = sessionStamp(session);
  const { wallMs } = stamp;
  const actor = { id: stamp.actorId, name: stamp.actorName };
  const now = isoInstant(new Date(wallMs));
  const numbers = input.cases.map((c) => c.number);
  if (new Set(numbers).size !== numbers.length) {
    throw new StorageError('duplicateNumber', { message: 'Numbers exist: twice in the file' });
  }
  const phones = [
    ...new Set(input.cases.map((c) => phoneKey(c.customer.phone)).filter((p) => p !== '')),
  ];
  const total = input.cases.length;
  try {
    return await casesImportWrite();
  } catch (error) {
    // A cancel surfaces as itself, not as the transaction failure it caused.
    if (signal?.aborted) throw signal.reason;
    throw error;
  }

  function casesImportWrite(): Promise<CasesImportResult> {
    return withStorageErrors(() =>
      db.transaction(
        'rw',
        [db.cases, db.events, db.customers, db.settings, db.outbox, db.units, db.audit],
        async () => {
          // Read together: each is one query, whatever the size of the file.
          const [taken, units, clockRead, counterRead, known, queuing] = await Promise.all([
            numbers.length === 0 ? [] : db.cases.where('number').anyOf(numbers).keys(),
            db.units.toArray(),
            settingsGet(db, 'clock'),
            settingsGet(db, 'numbering'),
            phones.length === 0 ? [] : db.customers.where('phones').anyOf(phones).toArray(),
            outboxIsQueuing(db),
          ]);
          if (taken.length > 0) {
            throw new StorageError('duplicateNumber', {
              message: `Numbers exist: ${taken.slice(0, 20).join(', ')}`,
            });
          }

          const unitIds = new Map<string, UnitId>();
          // The first unit of a name in key order, as `where('name').equals(name).first()` finds.
          for (const unit of units) if (!unitIds.has(unit.name)) unitIds.set(unit.name, unit.id);
          const unitsCreated: string[] = [];
          for (const name of new Set(input.cases.flatMap(importUnitNames))) {
            if (unitIds.has(name)) continue;
            const unit: UnitEntity = { id: newId<UnitId>(wallMs), name, active: true };
            await db.units.add(unit);
            await auditRecord(db, {
              id: newId<AuditId>(wallMs),
              at: now,
              actorId: actor.id,
              action: 'unit.added',
              target: unit.id,
              detail: name,
            });
            unitIds.set(name, unit.id);
            unitsCreated.push(name);
          }

          const files = new ImportCustomerFiles(known, now, wallMs);
          let clock: HlcStamp | undefined = clockRead;
          let previous: Promise<unknown> | undefined;
          let written = 0;
          for (let start = 0; start < total; start += slice) {
            // Throwing here aborts the transaction: what the slices before wrote is rolled back.
            signal?.throwIfAborted();
            const cases: CaseEntity[] = [];
            const events: CaseEventEntity[] = [];
            const end = Math.min(total, start + slice);
            for (let index = start; index < end; index++) {
              const imported = input.cases[index];
              if (!imported) continue;
              const caseEvents = importEventsOf(imported, {
                // One millisecond apart: cases received at the same minute keep the file's order
                // (lists break ties by id); never older than the receipt (search relies on it).
                caseId: newId<CaseId>(caseIdTimeFor(wallMs + index, imported.receivedAt)),
                actor,
                deskId: stamp.deskId,
                wallMs,
                clock,
                unitIds,
                channelId: input.channelId,
                customerId: files.resolve(imported.customer),
              });
              cases.push(applyAll(caseEvents));
              events.push(...caseEvents);
              clock = caseEvents[caseEvents.length - 1]?.hlc ?? clock;
            }
            // Issued before waiting for the last slice: IndexedDB writes while the next is made.
            const writing = Promise.all([
              db.cases.bulkAdd(cases),
              db.events.bulkAdd(events),
              outboxQueue(db, events, now, { queuing }),
            ]);
            // Awaited below; a failure meanwhile is not unhandled (it aborts the transaction).
            writing.catch(() => undefined);
            if (previous) {
              await previous;
              onProgress?.(written, total);
            }
            previous = writing;
            written = end;
          }
          if (previous) await previous;
          signal?.throwIfAborted();

          await db.customers.bulkPut([...files.writes.values()]);
          const settings: SettingsEntity[] = [
            {
              key: 'numbering',
              value: numberReserve(counterRead ?? {}, numbers, desk.numbering, desk.deskCode),
              updatedAt: now,
            },
          ];
          if (clock !== undefined) settings.push({ key: 'clock', value: clock, updatedAt: now });
          await db.settings.bulkPut(settings);
          await auditRecord(db, {
            id: newId<AuditId>(wallMs),
            at: now,
            actorId: actor.id,
            action: 'register.imported',
            target: input.fileName,
            detail: String(total),
          });
          onProgress?.(total, total);
          return { created: total, unitsCreated };
        },
      ),
    );
  }
}

/** What checking a register against the desk found: the rows, and the units it would add. */
export interface ImportChecked {
  readonly result: ImportCheckResult;
  readonly newUnits: readonly string[];
}

/**
 * Checks every row of a register (shared/import/check.ts) against the desk: a row whose number
 * the desk has is refused. The rows are checked once; only when some numbers exist are they
 * checked again with those numbers known (`onProgress` then hears the second pass too).
 */
export async function importCheckOnDesk(
  db: DeskDatabase,
  rows: readonly (readonly ImportCell[])[],
  dataStartRow: number,
  mapping: ImportMapping,
  ctx: Omit<ImportCheckContext, 'existingNumbers'>,
  onProgress?: (checked: number, total: number) => void,
): Promise<ImportChecked> {
  const first = importCheck(
    rows,
    dataStartRow,
    mapping,
    { ...ctx, existingNumbers: new Set() },
    onProgress,
  );
  const existing = await importExistingNumbers(
    db,
    first.accepted.map((c) => c.number),
  );
  const result =
    existing.size === 0
      ? first
      : importCheck(rows, dataStartRow, mapping, { ...ctx, existingNumbers: existing }, onProgress);
  return { result, newUnits: await importNewUnitNames(db, result.accepted) };
}
