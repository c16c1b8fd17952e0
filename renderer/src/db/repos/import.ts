/**
 * Importing an existing register (DESIGN.md "Excel"): every accepted row becomes a case with
 * its original number and an imported `case/received` event, followed by the steps the register
 * recorded. All of it is written in ONE transaction: a number that already exists, a step the
 * workflow refuses or a full disk writes nothing at all.
 */
import type { AuditId, CaseId, EventId, HlcStamp, IsoInstant, UnitId } from '@shared/kernel/brand';
import { isoInstant } from '@shared/kernel/brand';
import type {
  CaseEntity,
  CaseEventEntity,
  OutboxEntity,
  SettingsEntity,
  UnitEntity,
} from '@shared/model/entities';
import { newId } from '@shared/kernel/ids';
import { caseIdTimeFor } from '@shared/register/query';
import type { ImportedCase } from '@shared/import/check';
import { importEventsOf, importUnitNames } from '@shared/import/events';
import { numberReserve } from '@shared/import/number-reserve';
import { caseApply } from '@shared/workflow/reducer';
import type { DeskDatabase } from '../database';
import { StorageError, WorkflowError, withStorageErrors } from '../errors';
import { sessionStamp, type DeskSession } from '../session';
import { customerFileResolve } from './customers';
import { settingsGet } from './settings';
import { auditRecord } from './audit';
import { sessionRequire } from '../access';

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
  const found = await db.cases
    .where('number')
    .anyOf([...numbers])
    .toArray();
  return new Set(found.map((c) => c.number));
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

/**
 * Writes the imported cases (as the session's operator, numbered by the session desk's rules), their customer files, the units they name, the outbox rows, the
 * numbering counter (moved past the imported numbers) and an audit entry, in one transaction.
 * Throws `StorageError('duplicateNumber')` when a number exists already (two rows of the file,
 * or a case of the desk) and `WorkflowError` when a step is refused; nothing is written then.
 */
export async function casesImport(
  session: DeskSession,
  input: CasesImportInput,
): Promise<CasesImportResult> {
  const { db, desk } = session;
  sessionRequire(session, 'import');
  const stamp = sessionStamp(session);
  const { wallMs } = stamp;
  const actor = { id: stamp.actorId, name: stamp.actorName };
  const now = isoInstant(new Date(wallMs));
  const numbers = input.cases.map((c) => c.number);
  return withStorageErrors(() =>
    db.transaction(
      'rw',
      [db.cases, db.events, db.customers, db.settings, db.outbox, db.units, db.audit],
      async () => {
        const taken = await db.cases.where('number').anyOf(numbers).toArray();
        if (taken.length > 0 || new Set(numbers).size !== numbers.length) {
          throw new StorageError('duplicateNumber', {
            message: `Numbers exist: ${taken.map((c) => c.number).join(', ') || 'twice in the file'}`,
          });
        }

        const unitIds = new Map<string, UnitId>();
        const unitsCreated: string[] = [];
        for (const name of new Set(input.cases.flatMap(importUnitNames))) {
          const existing = await db.units.where('name').equals(name).first();
          if (existing) {
            unitIds.set(name, existing.id);
            continue;
          }
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

        let clock: HlcStamp | undefined = await settingsGet(db, 'clock');
        const counter = (await settingsGet(db, 'numbering')) ?? {};
        const cases: CaseEntity[] = [];
        const events: CaseEventEntity[] = [];
        const outbox: OutboxEntity[] = [];
        for (const [index, imported] of input.cases.entries()) {
          const file = await customerFileResolve(db, { ...imported.customer }, now, wallMs);
          // Written at once: the next row of the same household must find this file.
          if (file.write) await db.customers.put(file.write);
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
            customerId: file.id,
          });
          cases.push(applyAll(caseEvents));
          events.push(...caseEvents);
          outbox.push(...caseEvents.map((e) => outboxRow(e.id, e.caseId, e.hlc, now)));
          clock = caseEvents[caseEvents.length - 1]?.hlc ?? clock;
        }

        await db.cases.bulkAdd(cases);
        await db.events.bulkAdd(events);
        await db.outbox.bulkAdd(outbox);
        const settings: SettingsEntity[] = [
          {
            key: 'numbering',
            value: numberReserve(counter, numbers, desk.numbering, desk.deskCode),
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
          detail: String(cases.length),
        });
        return { created: cases.length, unitsCreated };
      },
    ),
  );
}

function outboxRow(id: EventId, caseId: CaseId, hlc: HlcStamp, queuedAt: IsoInstant): OutboxEntity {
  return { id, caseId, hlc, queuedAt };
}
