/**
 * The shape of every stored record, checked line by line before a backup is restored (and by
 * anything else that takes records from outside: a merge, a fuzz harness). Strict on what the
 * desk relies on to find and fold a record (keys, ids, types, times, the event's type), open
 * (`looseObject`) on the rest, so a record written by an older version of this schema, with a
 * field since added as optional, still passes.
 *
 * Binary values (attachments) travel in a backup as `{ $file: <sha256>, ... }` references
 * (shared/backup/binary.ts); the schemas accept either form wherever a record may hold bytes.
 */
import { z } from 'zod';
import { CASE_STATUSES, STAFF_ROLES } from '../model/entities';
import type { CaseEventType } from '../workflow/events';
import { searchTermsOf, searchTextsOf } from '../register/search';

/**
 * The value written in place of a derived one (format 2): a case's `searchTerms` when they are
 * exactly the pieces its texts give. The key keeps its place, so the restored record is the same
 * object, key for key, as the one backed up.
 */
export const BACKUP_DERIVED = '$derived';

const id = z.string().min(1).max(200);
const instant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a time');
const hlc = z.string().min(1);

/** The case event types, listed once here so a backup with an unknown step is refused. */
export const CASE_EVENT_TYPE_NAMES = [
  'case/received',
  'case/accepted',
  'case/attachmentAdded',
  'case/attachmentRemoved',
  'case/closed',
  'case/consulted',
  'case/converted',
  'case/correctiveAction',
  'case/deadlineChanged',
  'case/dispatched',
  'case/escalated',
  'case/exempted',
  'case/exported',
  'case/extensionDecided',
  'case/extensionRequested',
  'case/fieldsChanged',
  'case/followUpAttempted',
  'case/followUpWaived',
  'case/followedUp',
  'case/handledDirectly',
  'case/interimMet',
  'case/levelChanged',
  'case/linked',
  'case/markedInvalid',
  'case/noted',
  'case/printed',
  'case/replied',
  'case/reopened',
  'case/responsibilityDetermined',
  'case/returned',
  'case/reviewed',
  'case/supervised',
  'case/unlinked',
  'case/urged',
] as const satisfies readonly CaseEventType[];

/** Fails to compile when the workflow gains a step this list does not name (a backup holding it would be refused). */
type UnlistedEventType = Exclude<CaseEventType, (typeof CASE_EVENT_TYPE_NAMES)[number]>;
export const EVERY_EVENT_TYPE_LISTED: [UnlistedEventType] extends [never] ? true : never = true;

const customerRef = z.looseObject({
  customerId: id.optional(),
  name: z.string(),
  phone: z.string(),
  address: z.string(),
  // One of the case's searchable texts (searchTextsOf): a derived value is made from it.
  organisation: z.string().nullish(),
});

const caseRecord = z.looseObject({
  id,
  number: z.string().min(1),
  deskId: id,
  kindId: z.string().min(1),
  channelId: z.string(),
  customer: customerRef,
  subject: z.string(),
  content: z.string(),
  demand: z.string(),
  receivedAt: instant,
  receiverId: id,
  receiverName: z.string(),
  flags: z.array(z.string()),
  status: z.enum(CASE_STATUSES as [string, ...string[]]),
  escalated: z.boolean(),
  remedial: z.boolean(),
  followUp: z.looseObject({ state: z.string(), attempts: z.int().nonnegative() }),
  matterId: id,
  urgeCount: z.int().nonnegative(),
  supervised: z.boolean(),
  imported: z.boolean(),
  createdAt: instant,
  updatedAt: instant,
  lastHlc: hlc,
  eventCount: z.int().nonnegative(),
  fieldClock: z.record(z.string(), z.string()),
  ignoredEventIds: z.array(id),
  // Format 2 writes `"$derived"` where the pieces are the ones the case's texts give
  // (backupRecordLean); the restore makes them again (backupRecordDerive).
  searchTerms: z.union([z.array(z.string()), z.literal(BACKUP_DERIVED)]),
  openDueAt: instant.optional(),
  searchPending: z.literal(1).optional(),
});

export const eventRecord = z.looseObject({
  id,
  caseId: id,
  type: z.enum(CASE_EVENT_TYPE_NAMES),
  at: instant,
  hlc,
  actorId: id,
  actorName: z.string(),
  deskId: id,
  payload: z.record(z.string(), z.unknown()),
});

const customerRecord = z.looseObject({
  id,
  name: z.string(),
  phones: z.array(z.string()),
  address: z.string(),
  createdAt: instant,
  updatedAt: instant,
});

const unitRecord = z.looseObject({
  id,
  name: z.string().min(1),
  parentId: id.optional(),
  active: z.boolean(),
});

const staffRecord = z.looseObject({
  id,
  name: z.string().min(1),
  roles: z.array(z.enum(STAFF_ROLES as [string, ...string[]])),
  active: z.boolean(),
  createdAt: instant,
});

const settingsRecord = z.looseObject({
  key: z.string().min(1),
  value: z.unknown(),
  updatedAt: instant,
});

const auditRecord = z.looseObject({
  id,
  at: instant,
  actorId: id,
  action: z.string().min(1),
  target: z.string().optional(),
  detail: z.string().optional(),
  seq: z.int().nonnegative().optional(),
});

const outboxRecord = z.looseObject({ id, caseId: id, hlc, queuedAt: instant });

const knowledgeRecord = z.looseObject({
  id,
  question: z.string(),
  answer: z.string(),
  active: z.boolean(),
  createdAt: instant,
  updatedAt: instant,
  createdById: id,
  searchTerms: z.array(z.string()),
});

const draftRecord = z.looseObject({ key: z.string().min(1), updatedAt: instant });

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const credentialRecord = z.looseObject({ staffId: id });
const fileRecord = z.looseObject({ hash: sha256, addedAt: instant });
const fileChunkRecord = z.looseObject({ hash: sha256, index: z.int().nonnegative() });

/** One schema per table; a table not listed here cannot be restored (the reader refuses it). */
export const BACKUP_RECORD_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  cases: caseRecord,
  events: eventRecord,
  customers: customerRecord,
  units: unitRecord,
  staff: staffRecord,
  settings: settingsRecord,
  audit: auditRecord,
  outbox: outboxRecord,
  knowledge: knowledgeRecord,
  drafts: draftRecord,
  credentials: credentialRecord,
  files: fileRecord,
  fileChunks: fileChunkRecord,
};

/** Checks one record of `table`; the message names the first wrong field. */
export function backupRecordCheck(
  table: string,
  record: unknown,
): { ok: true } | { ok: false; message: string } {
  const schema = BACKUP_RECORD_SCHEMAS[table];
  if (!schema) return { ok: false, message: `no schema for table ${table}` };
  const result = schema.safeParse(record);
  if (result.success) return { ok: true };
  const issue = result.error.issues[0];
  return {
    ok: false,
    message: issue ? `${issue.path.join('.') || '(record)'}: ${issue.message}` : 'invalid',
  };
}

type CaseTexts = Parameters<typeof searchTextsOf>[0];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The search pieces a case's texts give, or undefined when its texts are not all strings. */
function caseSearchTerms(record: Record<string, unknown>): string[] | undefined {
  const customer = record.customer;
  if (!isRecord(customer)) return undefined;
  const texts = [
    record.number,
    customer.name,
    customer.phone,
    customer.address,
    customer.organisation ?? '',
    record.subject,
    record.content,
    record.demand,
  ];
  if (!texts.every((text) => typeof text === 'string')) return undefined;
  return searchTermsOf(searchTextsOf(record as unknown as CaseTexts));
}

function sameStrings(a: readonly unknown[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The record as format 2 writes it: a case's `searchTerms` (about a hundred pieces, most of the
 * line) become `"$derived"` when they are exactly what `searchTermsOf(searchTextsOf(case))` gives,
 * in the same order; any other value (a case saved with its pieces pending, pieces made by an
 * older version of the function) is written as it is. Other tables are unchanged.
 */
export function backupRecordLean(table: string, record: unknown): unknown {
  if (table !== 'cases' || !isRecord(record) || !Array.isArray(record.searchTerms)) return record;
  const derived = caseSearchTerms(record);
  if (!derived || !sameStrings(record.searchTerms, derived)) return record;
  return { ...record, searchTerms: BACKUP_DERIVED };
}

/** The record as it was backed up: the inverse of `backupRecordLean` (and unchanged for format 1). */
export function backupRecordDerive(table: string, record: unknown): unknown {
  if (table !== 'cases' || !isRecord(record) || record.searchTerms !== BACKUP_DERIVED)
    return record;
  const derived = caseSearchTerms(record);
  if (!derived) throw new Error('backup: a case whose search pieces cannot be made');
  return { ...record, searchTerms: derived };
}
