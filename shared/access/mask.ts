/**
 * Who may read a case, and what the others see of it (DOMAIN.md section 8). One masking
 * function, `caseForViewer`, applied by the repositories to every case they return (lists,
 * queues, search, the case page, customer files, duplicates, prints, exports), so that no screen
 * decides for itself what a confidential case hides.
 *
 * A *masked* case keeps what the register's shape and counts need (number, times, kind, level,
 * channel, status, deadlines, flags) and loses its customer, subject, content, demand, reply,
 * category, unit, handler and search pieces. A case whose reporter is withheld
 * (`reporterWithheld`) loses only its customer to everyone but supervisors and administrators,
 * its handlers included.
 */
import type { StaffId, UnitId } from '../kernel/brand';
import { rolesMay } from './permissions';
import type { CaseEntity, CaseEventEntity, CustomerRef, StaffRole } from '../model/entities';

/** Who is reading: the operator at the keyboard. */
export interface CaseViewer {
  readonly id: StaffId;
  readonly name: string;
  readonly roles: readonly StaffRole[];
  readonly unitId?: UnitId;
}

/** What a masked text field holds, so that a cell shows that something is withheld. */
export const MASKED_TEXT = '***';

/** How much of a case a viewer reads: all of it, all but the reporter, or its shape only. */
export type CaseReading = 'full' | 'withoutReporter' | 'masked';

type AccessFields = Pick<CaseEntity, 'flags' | 'unitId' | 'handlerName'>;

/** Whether the viewer's roles read every confidential case (the role table: supervisors, admins). */
function oversees(viewer: CaseViewer): boolean {
  return rolesMay(viewer.roles, 'case.readConfidential');
}

/**
 * Whether the viewer may read a confidential case: by role (`case.readConfidential` in
 * shared/access/permissions.ts), or as a handler of the case's unit (or its named handler).
 */
export function viewerMayReadConfidential(viewer: CaseViewer, c: AccessFields): boolean {
  if (oversees(viewer)) return true;
  if (!viewer.roles.includes('handler')) return false;
  if (c.unitId !== undefined && viewer.unitId === c.unitId) return true;
  const named = c.handlerName?.trim();
  return named !== undefined && named !== '' && named === viewer.name.trim();
}

/** Whether the viewer reads every case in full, whatever its flags (counts then hide none). */
export function viewerReadsEveryCase(viewer: CaseViewer): boolean {
  return oversees(viewer);
}

/** How much of the case the viewer reads. */
export function caseReadingOf(c: AccessFields, viewer: CaseViewer): CaseReading {
  if (c.flags.includes('confidential') && !viewerMayReadConfidential(viewer, c)) return 'masked';
  if (c.flags.includes('reporterWithheld') && !oversees(viewer)) return 'withoutReporter';
  return 'full';
}

/** Whether the viewer reads the case in full (what a filter on its text may match). */
export function viewerReadsCase(c: AccessFields, viewer: CaseViewer): boolean {
  return caseReadingOf(c, viewer) === 'full';
}

const NO_CUSTOMER: CustomerRef = { name: MASKED_TEXT, phone: '', address: '' };

/**
 * The case as the viewer may see it: itself when they read it in full, otherwise a copy with
 * what they may not read removed and `masked` set (never stored: writes fold events, not these
 * copies).
 */
export function caseForViewer(c: CaseEntity, viewer: CaseViewer): CaseEntity {
  const reading = caseReadingOf(c, viewer);
  if (reading === 'full') return c;
  if (reading === 'withoutReporter') {
    return { ...c, customer: NO_CUSTOMER, searchTerms: [], masked: 'reporter' };
  }
  const {
    categoryId: _category,
    unitId: _unit,
    unitName: _unitName,
    handlerName: _handler,
    reply: _reply,
    amountFen: _amount,
    finalCauseId: _cause,
    responsibility: _responsibility,
    exemptReason: _exempt,
    pendingExtension: _extension,
    ...rest
  } = c;
  return {
    ...rest,
    customer: NO_CUSTOMER,
    subject: MASKED_TEXT,
    content: '',
    demand: '',
    followUp: { state: c.followUp.state, attempts: c.followUp.attempts },
    searchTerms: [],
    masked: 'case',
  };
}

/** The cases as the viewer may see them. */
export function casesForViewer(cases: readonly CaseEntity[], viewer: CaseViewer): CaseEntity[] {
  return cases.map((c) => caseForViewer(c, viewer));
}

/** Whether a case came back masked (its shape only). */
export function caseIsMasked(c: Pick<CaseEntity, 'masked'>): boolean {
  return c.masked === 'case';
}

/** An event's payload with its customer withheld, wherever the payload carries one. */
function withoutCustomer(event: CaseEventEntity): CaseEventEntity {
  const payload = event.payload as unknown as Record<string, unknown>;
  let next: Record<string, unknown> = payload;
  if ('customer' in payload) next = { ...next, customer: NO_CUSTOMER };
  const fields = payload.fields;
  if (typeof fields === 'object' && fields !== null && 'customer' in fields) {
    next = { ...next, fields: { ...fields, customer: NO_CUSTOMER } };
  }
  if (next === payload) return event;
  // The same event type with the customer replaced: the payload keeps its shape.
  return { ...event, payload: next as unknown as CaseEventEntity['payload'] };
}

/**
 * A case's history as the viewer may see it: none of it for a masked case (every event could
 * quote it), and without the customer for a case whose reporter is withheld from them.
 */
export function eventsForViewer(
  c: CaseEntity,
  events: readonly CaseEventEntity[],
  viewer: CaseViewer,
): CaseEventEntity[] {
  const reading = caseReadingOf(c, viewer);
  if (reading === 'masked') return [];
  if (reading === 'withoutReporter') return events.map(withoutCustomer);
  return [...events];
}
