/**
 * Stored records. A case (`CaseEntity`) is a snapshot derived from its events by the workflow
 * reducer (workflow/reducer.ts); everything else is a plain record.
 */
import type { SyncCursor, SyncSettings } from '../sync/desk-sync';
import type { SyncBacklog } from '../sync/outbox';
import type {
  Brand,
  AuditId,
  CaseId,
  CustomerId,
  DeskId,
  EventId,
  Fen,
  HlcStamp,
  IsoInstant,
  StaffId,
  UnitId,
} from '../kernel/brand';
import type { CaseFlag, DeskRules, FollowUpMethod, Locale } from '../rules/rules';
import type { CaseEvent } from '../workflow/events';
import type { PrintSettings } from '../paper/settings';
import type { SecurityPolicy } from '../access/credentials';
import type { AttachmentKind } from '../attachments/sniff';
import type { AttachmentSettings } from '../attachments/limits';

export type CaseStatus =
  | 'registered'
  | 'handledDirectly'
  | 'dispatched'
  | 'accepted'
  | 'returned'
  | 'replied'
  | 'escalated'
  | 'underReview'
  | 'awaitingFollowUp'
  | 'closed';

export const CASE_STATUSES: readonly CaseStatus[] = [
  'registered',
  'handledDirectly',
  'dispatched',
  'accepted',
  'returned',
  'replied',
  'escalated',
  'underReview',
  'awaitingFollowUp',
  'closed',
];

export interface CustomerRef {
  readonly customerId?: CustomerId;
  readonly name: string;
  readonly phone: string;
  /** Address or room number (房号). */
  readonly address: string;
  readonly organisation?: string;
}

/** Why a deadline may not be trusted as computed. */
export type DeadlineWarning = 'noCalendarData';

export interface CaseDeadline {
  readonly dueAt: IsoInstant;
  /** Years the deadline spans that have no official holiday data. */
  readonly warning?: DeadlineWarning;
  readonly warningYears?: readonly number[];
  /** What the deadline counts (handling, escalated, extension, remedial, manual). */
  readonly basis: 'handling' | 'escalated' | 'extension' | 'manual' | 'recomputed';
}

/** A due time without a basis: the dispatch (派单) and interim (临时措施) deadlines. */
export type CaseDueTime = Pick<CaseDeadline, 'dueAt' | 'warning' | 'warningYears'>;

export type FollowUpState = 'notDue' | 'pending' | 'done' | 'waived' | 'unreachable';

export interface CaseFollowUp {
  readonly state: FollowUpState;
  readonly dueAt?: IsoInstant;
  readonly attempts: number;
  readonly lastAttemptAt?: IsoInstant;
  readonly at?: IsoInstant;
  readonly byId?: StaffId;
  readonly byName?: string;
  readonly method?: FollowUpMethod;
  readonly satisfaction?: number;
  readonly satisfied?: boolean;
  /** Whether the sampling rule drew this case (recorded so the rate can be shown). */
  readonly sampled?: boolean;
}

export interface CaseResponsibility {
  readonly unitId?: UnitId;
  readonly unitName?: string;
  readonly personName?: string;
  readonly valid: boolean;
}

/** The current state of a complaint or request, folded from its events. */
export interface CaseEntity {
  readonly id: CaseId;
  /** Human number (编号), e.g. `2611-0007`. */
  readonly number: string;
  readonly deskId: DeskId;
  readonly kindId: string;
  readonly categoryId?: string;
  readonly levelId?: string;
  readonly channelId: string;
  readonly customer: CustomerRef;
  readonly subject: string;
  readonly content: string;
  /** The customer's demand (客户要求/最终诉求). */
  readonly demand: string;
  readonly receivedAt: IsoInstant;
  readonly receiverId: StaffId;
  readonly receiverName: string;
  readonly amountFen?: Fen;
  readonly flags: readonly CaseFlag[];
  readonly status: CaseStatus;
  readonly unitId?: UnitId;
  readonly unitName?: string;
  readonly handlerName?: string;
  readonly dispatchedAt?: IsoInstant;
  readonly acceptedAt?: IsoInstant;
  readonly repliedAt?: IsoInstant;
  readonly reply?: string;
  readonly closedAt?: IsoInstant;
  readonly deadline?: CaseDeadline;
  /** `deadline.dueAt` while the case is open and not exempt; absent otherwise (derived). */
  readonly openDueAt?: IsoInstant;
  /**
   * When the case must be dispatched (hotline 1 h, hospital the same working day, company
   * 30 min), decided at intake from the rules; kept after dispatch so lateness can be told.
   */
  readonly dispatchDeadline?: CaseDueTime;
  /** `dispatchDeadline.dueAt` while the case waits for its first dispatch (derived). */
  readonly dispatchOpenDueAt?: IsoInstant;
  /** The interim step's due time (company major complaints: a temporary countermeasure). */
  readonly interimDeadline?: CaseDueTime;
  /** When the interim step was recorded as done (临时措施已落实). */
  readonly interimMetAt?: IsoInstant;
  /** `interimDeadline.dueAt` while the case is open, not exempt and the step not done (derived). */
  readonly interimOpenDueAt?: IsoInstant;
  readonly exemptReason?: string;
  readonly pendingExtension?: { readonly requestedDueAt: IsoInstant; readonly reason: string };
  readonly escalated: boolean;
  /** Reopened for remedial action after an unsatisfied follow-up or a reopen. */
  readonly remedial: boolean;
  readonly valid?: boolean;
  readonly finalCauseId?: string;
  readonly responsibility?: CaseResponsibility;
  readonly followUp: CaseFollowUp;
  /** Cases of one matter share the id of the matter's first case (DOMAIN.md section 2). */
  readonly matterId: CaseId;
  readonly urgeCount: number;
  readonly supervised: boolean;
  readonly imported: boolean;
  readonly createdAt: IsoInstant;
  readonly updatedAt: IsoInstant;
  readonly lastHlc: HlcStamp;
  readonly eventCount: number;
  /** HLC of the last write to each editable header field, for last-writer-wins merges. */
  readonly fieldClock: Readonly<Record<string, HlcStamp>>;
  /** Events the reducer could not apply (e.g. from another desk, concurrently). */
  readonly ignoredEventIds: readonly EventId[];
  /** Search pieces: bigrams, single characters and Latin/digit words (DESIGN.md). */
  readonly searchTerms: readonly string[];
  /**
   * Set on a new case saved without its search pieces, which a second write adds right after
   * (so the clerk does not wait for them); cleared by that write, or at the next start.
   */
  readonly searchPending?: 1;
  /** The attachments on the case (`case/attachmentAdded` ids), absent when there are none. */
  readonly attachmentIds?: readonly string[];
  /**
   * The code of the desk that registered the case, kept by this database (not in any event):
   * set at registration on a desk with a code, and from the server on a pulled case. Absent: a
   * case registered here before the desk had a code.
   */
  readonly originDeskCode?: string;
  /**
   * Set only on a copy returned to a viewer who may not read all of the case
   * (shared/access/mask.ts): `case`, its shape only; `reporter`, all but its customer. Never
   * stored.
   */
  readonly masked?: 'case' | 'reporter';
}

/** One event of a case's history: append-only, never edited. */
export interface CaseEventEntity<E extends CaseEvent = CaseEvent> {
  readonly id: EventId;
  readonly caseId: CaseId;
  readonly type: E['type'];
  /** When it happened in the world (a received time may be earlier than the entry). */
  readonly at: IsoInstant;
  readonly hlc: HlcStamp;
  readonly actorId: StaffId;
  readonly actorName: string;
  readonly deskId: DeskId;
  readonly payload: E['payload'];
}

/** A customer file (客户档案): one per household or caller. */
export interface CustomerEntity {
  readonly id: CustomerId;
  readonly name: string;
  readonly phones: readonly string[];
  readonly address: string;
  readonly organisation?: string;
  readonly createdAt: IsoInstant;
  readonly updatedAt: IsoInstant;
}

export interface UnitEntity {
  readonly id: UnitId;
  readonly name: string;
  readonly parentId?: UnitId;
  readonly phone?: string;
  readonly active: boolean;
  /**
   * The code of the desk that serves this unit, when another desk does (sync): a dispatch to
   * the unit routes the case to that desk. Absent: the unit is this desk's own.
   */
  readonly deskCode?: string;
}

export type StaffRole = 'clerk' | 'shiftLead' | 'supervisor' | 'handler' | 'admin';

export const STAFF_ROLES: readonly StaffRole[] = [
  'clerk',
  'shiftLead',
  'supervisor',
  'handler',
  'admin',
];

export interface StaffEntity {
  readonly id: StaffId;
  readonly name: string;
  /** Staff number (工号), optional. */
  readonly staffNo?: string;
  readonly roles: readonly StaffRole[];
  readonly unitId?: UnitId;
  /** A departed operator is disabled, never deleted: their history stays attributed. */
  readonly active: boolean;
  readonly createdAt: IsoInstant;
}

export interface BusinessPeriod {
  /** `HH:mm`, local time. */
  readonly start: string;
  readonly end: string;
}

/** Holidays and make-up working days an administrator added for a year without official data. */
export interface CalendarYearOverride {
  readonly year: number;
  readonly holidays: readonly string[];
  readonly workdays: readonly string[];
}

export interface CalendarSettings {
  readonly timeZone: string;
  readonly businessHours: readonly BusinessPeriod[];
  readonly extraYears: readonly CalendarYearOverride[];
}

export interface DeskIdentity {
  readonly deskId: DeskId;
  readonly organisationName: string;
  readonly deskName: string;
  /** Prefixes case numbers when several desks sync (DOMAIN.md section 5). */
  readonly deskCode?: string;
  readonly setUpAt: IsoInstant;
}

/** The `settings` table holds one row per key; each key has its own value type. */
export interface SettingsValues {
  readonly identity: DeskIdentity;
  readonly rules: DeskRules;
  readonly calendar: CalendarSettings;
  readonly locale: Locale;
  /** The last serial used per numbering period, e.g. `{ '2611': 7 }`. */
  readonly numbering: Readonly<Record<string, number>>;
  readonly currentOperatorId: StaffId;
  /** The last hybrid-logical-clock stamp this desk issued, so stamps only ever grow. */
  readonly clock: HlcStamp;
  /** How many days back intake looks for duplicates (absent: DUPLICATE_WINDOW_DAYS_DEFAULT). */
  readonly duplicateWindowDays: number;
  /** Print options; read through `printSettingsRestore`, which fills in the defaults. */
  readonly print: PrintSettings;
  /** Sign-in policy: idle lock, password age, lock after failures (absent: the defaults). */
  readonly security: SecurityPolicy;
  /** Attachment limits; read through `attachmentSettingsRestore`. */
  readonly attachments: AttachmentSettings;
  /** Hosts the desk may open in the system browser on a click (absent: none). */
  readonly externalHosts: readonly string[];
  /** The shared folder where new installers are put for the offline update ('' or absent: none). */
  readonly updateFolder: string;
  /** The sync server and this desk's token (absent: the desk works alone). */
  readonly sync: SyncSettings;
  /** Where pulling from the sync server continues; written with each pulled page. */
  readonly syncCursor: SyncCursor;
  /** How far the events written before the desk started syncing are queued (shared/sync/outbox.ts). */
  readonly syncBacklog: SyncBacklog;
}

export type SettingsKey = keyof SettingsValues;

export interface SettingsEntity<K extends SettingsKey = SettingsKey> {
  readonly key: K;
  readonly value: SettingsValues[K];
  readonly updatedAt: IsoInstant;
}

export type AuditAction =
  | 'desk.setUp'
  | 'settings.changed'
  | 'staff.added'
  | 'staff.changed'
  | 'unit.added'
  | 'unit.changed'
  | 'knowledge.added'
  | 'knowledge.changed'
  | 'case.printed'
  | 'case.exported'
  | 'register.printed'
  | 'register.exported'
  | 'register.imported'
  | 'report.exported'
  | 'backup.made'
  | 'backup.restored'
  | 'case.purged'
  | 'case.restoredFromBackup'
  | 'case.viewed'
  | 'case.viewRefused'
  | 'audit.exported'
  | 'account.signedIn'
  | 'account.signInRefused'
  | 'account.locked'
  | 'account.passwordChanged'
  | 'account.passwordReset'
  /** The bytes of attachments removed from every case were deleted (repos/attachments.ts). */
  | 'files.purged';

/** Every audit action, in the order the audit page offers them. */
export const AUDIT_ACTIONS: readonly AuditAction[] = [
  'account.signedIn',
  'account.signInRefused',
  'account.locked',
  'account.passwordChanged',
  'account.passwordReset',
  'desk.setUp',
  'settings.changed',
  'staff.added',
  'staff.changed',
  'unit.added',
  'unit.changed',
  'knowledge.added',
  'knowledge.changed',
  'case.viewed',
  'case.viewRefused',
  'case.printed',
  'case.exported',
  'register.printed',
  'register.exported',
  'register.imported',
  'report.exported',
  'audit.exported',
  'backup.made',
  'backup.restored',
  'case.purged',
  'case.restoredFromBackup',
];

export interface AuditEntity {
  readonly id: AuditId;
  readonly at: IsoInstant;
  readonly actorId: StaffId;
  readonly action: AuditAction;
  readonly target?: string;
  readonly detail?: string;
  /** Position in the hash chain, from 1, gap-free (shared/audit/chain.ts). */
  readonly seq: number;
  /** The hash of the previous entry (`''` for the first). */
  readonly prevHash: string;
  /** SHA-256 of the entry's canonical serialisation with `prevHash` (hex). */
  readonly hash: string;
}

export type KnowledgeId = Brand<string, 'KnowledgeId'>;

/** A standard answer of the knowledge base (知识库), searched from intake (S003-A). */
export interface KnowledgeEntity {
  readonly id: KnowledgeId;
  readonly question: string;
  readonly answer: string;
  readonly kindId?: string;
  readonly categoryId?: string;
  /** The closed case whose answer was added, when it came from one. */
  readonly sourceCaseId?: CaseId;
  readonly active: boolean;
  readonly createdAt: IsoInstant;
  readonly updatedAt: IsoInstant;
  readonly createdById: StaffId;
  readonly searchTerms: readonly string[];
}

/** A form being typed, kept so that a crash or power cut loses nothing (DESIGN.md principle 1). */
export interface DraftEntity {
  /** Which form, e.g. `intake`. */
  readonly key: string;
  readonly value: unknown;
  readonly updatedAt: IsoInstant;
}

/** Local writes waiting to be pushed to the sync server (DESIGN.md Sync). */
export interface OutboxEntity {
  /** The event id: pushing is idempotent by it. */
  readonly id: EventId;
  readonly caseId: CaseId;
  readonly hlc: HlcStamp;
  readonly queuedAt: IsoInstant;
}

/**
 * A stored file (an attachment's content), keyed by the SHA-256 of its stored bytes: the bytes
 * themselves are in `fileChunks`, in pieces of `FILE_CHUNK_BYTES`; never in a case row.
 */
export interface FileEntity {
  readonly hash: string;
  readonly kind: AttachmentKind;
  readonly mediaType: string;
  readonly size: number;
  readonly chunkCount: number;
  readonly addedAt: IsoInstant;
  /** A small JPEG (upright, at most 320 px a side) for images; absent for other files. */
  readonly thumbnail?: Uint8Array;
  readonly width?: number;
  readonly height?: number;
}

/** One piece of a stored file's bytes. */
export interface FileChunkEntity {
  readonly hash: string;
  readonly index: number;
  readonly bytes: Uint8Array;
}
