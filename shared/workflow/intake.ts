/**
 * Intake (受理): checking what the clerk typed and turning it into the payload of a
 * `case/received` event, with the handling deadline decided by the desk's rules.
 *
 * No one may refuse to register a complaint (S003-H): only the subject is required; a missing
 * name, phone or address is a notice, never a reason to refuse.
 */
import type { Fen, IsoInstant, StaffId } from '../kernel/brand';
import type { CaseDeadline, CaseDueTime } from '../model/entities';
import type { CaseFlag, DeskRules } from '../rules/rules';
import { CASE_FLAGS } from '../rules/rules';
import { hasBidiControls } from '../kernel/bidi';
import { deadlineCompute, type DeadlineContext } from '../calendar/deadline';
import {
  rulesHandlingDeadline,
  rulesInterimDeadline,
  rulesKind,
  rulesSuggestedLevel,
  type LevelSuggestion,
} from '../rules/rules-query';
import { localDateTimeToInstant, type LocalDateTimeText } from '../kernel/time';
import type { CaseReceived } from './events';

/** What the intake form holds, as typed. */
export interface IntakeDraft {
  readonly customerName: string;
  readonly phone: string;
  readonly address: string;
  readonly organisation: string;
  readonly channelId: string;
  readonly kindId: string;
  readonly categoryId: string;
  readonly levelId: string;
  readonly subject: string;
  readonly content: string;
  readonly demand: string;
  /** Yuan as typed, e.g. `2000` or `1999.50`; empty when none. */
  readonly amountYuan: string;
  readonly flags: readonly CaseFlag[];
  readonly receivedAtLocal: LocalDateTimeText;
}

export type IntakeField = keyof IntakeDraft;

export type IntakeErrorCode =
  | 'required'
  | 'tooLong'
  | 'invalidPhone'
  | 'invalidAmount'
  | 'invalidTime'
  | 'inFuture'
  | 'unknownOption';

export type IntakeNoticeCode = 'missingName' | 'missingPhone' | 'missingAddress' | 'bidiControls';

/**
 * The typed fields whose text is shown back on screens and paper: a bidirectional control in
 * any of them (kernel/bidi.ts) is flagged next to the field. Not a refusal: the record keeps what
 * was typed, and the screens show the controls as visible labels.
 */
export const INTAKE_TEXT_FIELDS = [
  'customerName',
  'phone',
  'address',
  'organisation',
  'subject',
  'content',
  'demand',
] as const satisfies readonly IntakeField[];

export interface IntakeError {
  readonly field: IntakeField;
  readonly code: IntakeErrorCode;
}

export interface IntakeNotice {
  readonly field: IntakeField;
  readonly code: IntakeNoticeCode;
}

export interface IntakeCheck {
  readonly errors: readonly IntakeError[];
  readonly notices: readonly IntakeNotice[];
}

/** Limits that keep one record printable and searchable. */
export const INTAKE_LIMITS = {
  subject: 200,
  content: 10_000,
  demand: 2_000,
  customerName: 100,
  address: 200,
  organisation: 200,
} as const satisfies Partial<Record<IntakeField, number>>;

/** A received time may run ahead of the desk's clock by this much (clocks drift). */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

const PHONE = /^\+?[\d\s()-]{3,30}$/;
const AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;

/** A phone as typed is acceptable when it is digits with the usual separators, 3 to 20 digits. */
export function isPlausiblePhone(text: string): boolean {
  const digits = text.replace(/\D/g, '');
  return PHONE.test(text.trim()) && digits.length >= 3 && digits.length <= 20;
}

/** Parses yuan as typed into integer fen; undefined for an empty field, null when invalid. */
export function parseAmountYuan(text: string): Fen | undefined | null {
  const trimmed = text.trim().replace(/,/g, '');
  if (trimmed === '') return undefined;
  if (!AMOUNT.test(trimmed)) return null;
  const [whole = '0', fraction = ''] = trimmed.split('.');
  return (Number(whole) * 100 + Number(fraction.padEnd(2, '0'))) as Fen;
}

/** Checks a draft against the desk's rules; `now` is the desk's current instant. */
export function intakeCheck(
  draft: IntakeDraft,
  rules: DeskRules,
  now: IsoInstant,
  timeZone: string,
): IntakeCheck {
  const errors: IntakeError[] = [];
  const notices: IntakeNotice[] = [];

  if (draft.subject.trim() === '') errors.push({ field: 'subject', code: 'required' });
  for (const [field, limit] of Object.entries(INTAKE_LIMITS) as [IntakeField, number][]) {
    const value = draft[field];
    if (typeof value === 'string' && value.trim().length > limit) {
      errors.push({ field, code: 'tooLong' });
    }
  }

  if (draft.phone.trim() !== '' && !isPlausiblePhone(draft.phone)) {
    errors.push({ field: 'phone', code: 'invalidPhone' });
  }
  if (parseAmountYuan(draft.amountYuan) === null) {
    errors.push({ field: 'amountYuan', code: 'invalidAmount' });
  }

  const receivedAt = localDateTimeToInstant(draft.receivedAtLocal, timeZone);
  if (receivedAt === undefined) {
    errors.push({ field: 'receivedAtLocal', code: 'invalidTime' });
  } else if (Date.parse(receivedAt) - Date.parse(now) > FUTURE_TOLERANCE_MS) {
    errors.push({ field: 'receivedAtLocal', code: 'inFuture' });
  }

  const kind = rulesKind(rules, draft.kindId);
  if (!kind) errors.push({ field: 'kindId', code: 'unknownOption' });
  if (!rules.channels.some((channel) => channel.id === draft.channelId)) {
    errors.push({ field: 'channelId', code: 'unknownOption' });
  }
  if (draft.levelId !== '' && !rules.levels.some((level) => level.id === draft.levelId)) {
    errors.push({ field: 'levelId', code: 'unknownOption' });
  }
  if (kind && draft.categoryId !== '') {
    const known = kind.categories.some(
      (category) =>
        category.id === draft.categoryId ||
        (category.children ?? []).some((child) => child.id === draft.categoryId),
    );
    if (!known) errors.push({ field: 'categoryId', code: 'unknownOption' });
  }
  if (draft.flags.some((flag) => !CASE_FLAGS.includes(flag))) {
    errors.push({ field: 'flags', code: 'unknownOption' });
  }

  if (draft.customerName.trim() === '')
    notices.push({ field: 'customerName', code: 'missingName' });
  if (draft.phone.trim() === '') notices.push({ field: 'phone', code: 'missingPhone' });
  if (draft.address.trim() === '') notices.push({ field: 'address', code: 'missingAddress' });
  notices.push(...intakeBidiNotices(draft));

  return { errors, notices };
}

/**
 * The fields holding a bidirectional control. The form shows these as the clerk types (a
 * warning that stays until the text changes), and `intakeCheck` includes them.
 */
export function intakeBidiNotices(draft: IntakeDraft): IntakeNotice[] {
  return INTAKE_TEXT_FIELDS.filter((field) => hasBidiControls(draft[field])).map((field) => ({
    field,
    code: 'bidiControls',
  }));
}

export interface IntakeContext {
  readonly rules: DeskRules;
  readonly deadline: DeadlineContext;
  readonly receiver: { readonly id: StaffId; readonly name: string };
}

/** The handling deadline a new case gets under the desk's rules, if the rules set one. */
export function intakeDeadline(
  c: { kindId: string; levelId?: string; flags: readonly CaseFlag[] },
  receivedAt: IsoInstant,
  ctx: Pick<IntakeContext, 'rules' | 'deadline'>,
): CaseDeadline | undefined {
  const spec = rulesHandlingDeadline(ctx.rules, c);
  if (!spec) return undefined;
  const computed = deadlineCompute(spec, receivedAt, ctx.deadline);
  return { ...computed, basis: 'handling' };
}

/** When a new case must be dispatched, when the rules set a dispatch deadline. */
export function intakeDispatchDeadline(
  receivedAt: IsoInstant,
  ctx: Pick<IntakeContext, 'rules' | 'deadline'>,
): CaseDueTime | undefined {
  const spec = ctx.rules.deadlines.dispatch;
  return spec ? deadlineCompute(spec, receivedAt, ctx.deadline) : undefined;
}

/** When the interim step of a new case is due, when an interim rule applies to it. */
export function intakeInterimDeadline(
  c: { kindId: string; levelId?: string; flags: readonly CaseFlag[] },
  receivedAt: IsoInstant,
  ctx: Pick<IntakeContext, 'rules' | 'deadline'>,
): CaseDueTime | undefined {
  const spec = rulesInterimDeadline(ctx.rules, c);
  return spec ? deadlineCompute(spec, receivedAt, ctx.deadline) : undefined;
}

/** What the intake form shows before saving: the rule's level suggestion and the due times. */
export interface IntakePreview {
  /** The level a rule suggests for what was typed (amount, media, lawsuit ...), if higher. */
  readonly suggestion?: LevelSuggestion;
  readonly deadline?: CaseDeadline;
  readonly dispatchDeadline?: CaseDueTime;
  readonly interimDeadline?: CaseDueTime;
}

/**
 * The suggestion and the deadlines the case would get if saved now, with the level as chosen
 * (a suggestion the clerk has not taken does not change them). Undefined while the received
 * time cannot be read.
 */
export function intakePreview(
  draft: IntakeDraft,
  ctx: Pick<IntakeContext, 'rules' | 'deadline'>,
): IntakePreview | undefined {
  const receivedAt = localDateTimeToInstant(draft.receivedAtLocal, ctx.deadline.timeZone);
  if (receivedAt === undefined) return undefined;
  const levelId = draft.levelId === '' ? undefined : draft.levelId;
  const c = { kindId: draft.kindId, levelId, flags: draft.flags };
  const suggestion = rulesSuggestedLevel(ctx.rules, {
    ...c,
    amountFen: parseAmountYuan(draft.amountYuan) ?? undefined,
    overdue: false,
  });
  return {
    suggestion,
    deadline: intakeDeadline(c, receivedAt, ctx),
    dispatchDeadline: intakeDispatchDeadline(receivedAt, ctx),
    interimDeadline: intakeInterimDeadline(c, receivedAt, ctx),
  };
}

/**
 * The payload of the `case/received` event for a checked draft (the number is assigned by the
 * repository, in the same transaction that stores the case).
 */
export function intakePayload(
  draft: IntakeDraft,
  ctx: IntakeContext,
): Omit<CaseReceived['payload'], 'number'> {
  const receivedAt = localDateTimeToInstant(draft.receivedAtLocal, ctx.deadline.timeZone);
  if (receivedAt === undefined) throw new Error('intakePayload: check the draft first');
  const amountFen = parseAmountYuan(draft.amountYuan) ?? undefined;
  const levelId = draft.levelId === '' ? undefined : draft.levelId;
  const header = {
    kindId: draft.kindId,
    categoryId: draft.categoryId === '' ? undefined : draft.categoryId,
    levelId,
    channelId: draft.channelId,
    customer: {
      name: draft.customerName.trim(),
      phone: draft.phone.trim(),
      address: draft.address.trim(),
      organisation: draft.organisation.trim() === '' ? undefined : draft.organisation.trim(),
    },
    subject: draft.subject.trim(),
    content: draft.content.trim(),
    demand: draft.demand.trim(),
    amountFen,
    flags: [...draft.flags],
  };
  return {
    ...header,
    receivedAt,
    receiverId: ctx.receiver.id,
    receiverName: ctx.receiver.name,
    deadline: intakeDeadline(
      { kindId: header.kindId, levelId, flags: header.flags },
      receivedAt,
      ctx,
    ),
    ...optional('dispatchDeadline', intakeDispatchDeadline(receivedAt, ctx)),
    ...optional(
      'interimDeadline',
      intakeInterimDeadline(
        { kindId: header.kindId, levelId, flags: header.flags },
        receivedAt,
        ctx,
      ),
    ),
  };
}

/** `{ [key]: value }`, or nothing when the value is undefined (stored events stay lean). */
function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
