/**
 * The events of a case (DOMAIN.md section 2). Each has a type prefixed `case/` and a payload
 * that holds everything the reducer needs: deadlines and numbers are decided when the command
 * runs (with the desk's rules) and stored, so that folding events never depends on settings and
 * every replica derives the same snapshot.
 */
import type { CaseId, Fen, IsoInstant, StaffId, UnitId } from '../kernel/brand';
import type { CaseDeadline, CaseDueTime, CustomerRef } from '../model/entities';
import type { CaseFlag, FollowUpMethod } from '../rules/rules';
import type { AttachmentKind } from '../attachments/sniff';

/**
 * How a change of level moves the interim step: a level that brings one starts it
 * (`interimDeadline`, counted from the change); a level without one drops a step not yet
 * recorded (`interimDropped`).
 */
export interface InterimMove {
  readonly interimDeadline?: CaseDueTime;
  readonly interimDropped?: true;
}

/** Header fields that may be edited after intake, merged last-writer-wins by HLC. */
export interface CaseHeaderFields {
  readonly kindId: string;
  readonly categoryId?: string;
  readonly levelId?: string;
  readonly channelId: string;
  readonly customer: CustomerRef;
  readonly subject: string;
  readonly content: string;
  readonly demand: string;
  readonly amountFen?: Fen;
  readonly flags: readonly CaseFlag[];
}

export type HeaderFieldName = keyof CaseHeaderFields;

export type FollowUpOutcome =
  | 'reached'
  | 'noAnswer'
  | 'busy'
  | 'switchedOff'
  | 'refused'
  | 'wrongNumber'
  /** The customer asked to be called at another time. */
  | 'booked';

export type ConsultationOutcome =
  /** The customer agrees: the solution is carried out. */
  | 'agrees'
  /** Small disagreement: revise the measures. */
  | 'revise'
  /** Large disagreement: escalate or review again. */
  | 'escalateFurther'
  /** The request cannot be met: tell the customer, then follow up and close. */
  | 'cannotBeMet'
  /** After review: external review or arbitration (外部评审/仲裁). */
  | 'externalReview';

export interface ReviewRecord {
  readonly customerDemand: string;
  readonly progress: string;
  readonly proposedSolution: string;
  readonly feasibility: string;
  readonly cost: string;
  readonly fairness: string;
  readonly reviewers: readonly string[];
  readonly decision: string;
  /** 1 for the first internal review, 2 for a second review. */
  readonly round: number;
}

interface Ev<T extends string, P> {
  readonly type: T;
  readonly payload: P;
}

export type CaseReceived = Ev<
  'case/received',
  CaseHeaderFields & {
    readonly number: string;
    readonly receivedAt: IsoInstant;
    readonly receiverId: StaffId;
    readonly receiverName: string;
    readonly deadline?: CaseDeadline;
    /** When it must be dispatched, when the rules set a dispatch deadline. */
    readonly dispatchDeadline?: CaseDueTime;
    /** When the interim step is due, when a rule of `deadlines.interim` applies. */
    readonly interimDeadline?: CaseDueTime;
    /** Set when this case is a second report of an existing matter. */
    readonly matterId?: CaseId;
    readonly imported?: boolean;
  }
>;

export type CaseEvent =
  | CaseReceived
  | Ev<
      'case/fieldsChanged',
      { readonly fields: Partial<CaseHeaderFields>; readonly reason?: string }
    >
  | Ev<
      'case/handledDirectly',
      {
        readonly answer: string;
        readonly followUpRequired: boolean;
        readonly followUpDueAt?: IsoInstant;
      }
    >
  | Ev<
      'case/dispatched',
      {
        readonly unitId: UnitId;
        readonly unitName: string;
        readonly handlerName?: string;
        readonly deadline: CaseDeadline;
        /** Why the deadline differs from the preset's, when it was edited. */
        readonly deadlineReason?: string;
        readonly instructions?: string;
      }
    >
  | Ev<'case/accepted', { readonly handlerName: string }>
  | Ev<'case/returned', { readonly reason: string }>
  | Ev<'case/extensionRequested', { readonly requestedDueAt: IsoInstant; readonly reason: string }>
  | Ev<
      'case/extensionDecided',
      { readonly approved: boolean; readonly deadline?: CaseDeadline; readonly note?: string }
    >
  | Ev<
      'case/replied',
      { readonly reply: string; readonly toldCustomer: string; readonly followUpDueAt?: IsoInstant }
    >
  | Ev<'case/urged', { readonly note: string }>
  | Ev<'case/supervised', { readonly note: string }>
  /** The interim step is done (临时措施已落实), e.g. a temporary countermeasure in place. */
  | Ev<'case/interimMet', { readonly note: string }>
  | Ev<
      'case/escalated',
      {
        readonly reason: string;
        readonly levelId?: string;
        readonly deadline: CaseDeadline;
        readonly suggestedByRule?: boolean;
      } & InterimMove
    >
  | Ev<'case/reviewed', { readonly review: ReviewRecord }>
  /** `followUpDueAt`: when the outcome is `cannotBeMet` (the case then waits for its follow-up). */
  | Ev<
      'case/consulted',
      {
        readonly outcome: ConsultationOutcome;
        readonly note: string;
        readonly followUpDueAt?: IsoInstant;
      }
    >
  | Ev<
      'case/followUpAttempted',
      {
        readonly outcome: Exclude<FollowUpOutcome, 'reached'>;
        readonly method: FollowUpMethod;
        readonly note?: string;
        readonly smsSent?: boolean;
      }
    >
  | Ev<
      'case/followedUp',
      {
        readonly method: FollowUpMethod;
        readonly satisfaction: number;
        readonly satisfied: boolean;
        readonly answers: readonly string[];
        readonly note?: string;
        readonly sampled?: boolean;
      }
    >
  | Ev<
      'case/followUpWaived',
      { readonly reason: 'notSampled' | 'unreachable' | 'notRequired'; readonly note?: string }
    >
  | Ev<
      'case/responsibilityDetermined',
      {
        readonly unitId?: UnitId;
        readonly unitName?: string;
        readonly personName?: string;
        readonly valid: boolean;
        readonly note?: string;
      }
    >
  | Ev<
      'case/correctiveAction',
      {
        readonly rootCause: string;
        readonly action: string;
        readonly owner: string;
        readonly approvedBy?: string;
        readonly effectCheck?: string;
      }
    >
  | Ev<'case/closed', { readonly finalCauseId: string; readonly summary: string }>
  | Ev<'case/reopened', { readonly reason: string; readonly deadline?: CaseDeadline }>
  | Ev<
      'case/converted',
      { readonly fromKindId: string; readonly toKindId: string; readonly reason: string }
    >
  | Ev<
      'case/markedInvalid',
      { readonly explanation: string; readonly newKindId?: string; readonly close: boolean }
    >
  | Ev<'case/exempted', { readonly reason: string }>
  | Ev<
      'case/levelChanged',
      {
        readonly levelId: string;
        readonly reason: string;
        readonly suggestedByRule?: boolean;
        /** The handling deadline the new level's time limit gives, when it differs. */
        readonly deadline?: CaseDeadline;
      } & InterimMove
    >
  | Ev<'case/deadlineChanged', { readonly deadline: CaseDeadline; readonly reason: string }>
  | Ev<'case/noted', { readonly note: string }>
  | Ev<'case/linked', { readonly matterId: CaseId; readonly otherCaseId: CaseId }>
  | Ev<'case/unlinked', { readonly otherCaseId: CaseId }>
  | Ev<'case/printed', { readonly form: string }>
  /**
   * A file joined the case: its bytes are stored once under `hash` (the `files` table), never in
   * the event or the case row; `kind`, `mediaType` and `inline` come from its content.
   */
  | Ev<
      'case/attachmentAdded',
      {
        readonly attachmentId: string;
        readonly hash: string;
        readonly name: string;
        readonly kind: AttachmentKind;
        readonly mediaType: string;
        /** Whether the desk may render it (images and PDF; never SVG or HTML). */
        readonly inline: boolean;
        readonly size: number;
        readonly caption?: string;
        /** Set when the photo's position was removed from the stored copy. */
        readonly locationRemoved?: boolean;
      }
    >
  /** A file taken off the case; its bytes stay stored for an administrator until purged. */
  | Ev<
      'case/attachmentRemoved',
      { readonly attachmentId: string; readonly name: string; readonly reason?: string }
    >
  | Ev<'case/exported', { readonly table: string }>;

export type CaseEventType = CaseEvent['type'];

export type CaseEventOf<T extends CaseEventType> = Extract<CaseEvent, { type: T }>;
export type CasePayloadOf<T extends CaseEventType> = CaseEventOf<T>['payload'];
