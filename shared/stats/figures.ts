/**
 * The figures of a report, kept as counts and sums (numerators and denominators) rather than
 * rates, so that several desks' reports can be summed with the same rules (the group report)
 * and every rate is computed once, from the sums, by the functions at the end.
 */
import type { IsoInstant } from '../kernel/brand';
import type { CaseStatus } from '../model/entities';
import type { DateRange } from './period';

/** How the handling deadlines of a set of matters were met. */
export interface TimelinessFigures {
  /** Replied by the deadline. */
  readonly onTime: number;
  /** Replied after the deadline. */
  readonly late: number;
  /** Not replied, still open, and past the deadline at the time of the report. */
  readonly openOverdue: number;
  /** Not replied, still open, not yet due. */
  readonly openInTime: number;
  /** Exempt from the deadline (不受时限限制): tracked, never overdue. */
  readonly exempt: number;
  /** No handling deadline, or closed without a reply. */
  readonly uncounted: number;
  /** Matters with a reply, and the working days from intake to reply summed over them. */
  readonly replied: number;
  readonly replyWorkingDays: number;
  /** Dispatched by the dispatch deadline (hotline 1 h, hospital the same day, company 30 min). */
  readonly dispatchOnTime: number;
  /** Dispatched after it, or still waiting for dispatch past it (late to dispatch). */
  readonly dispatchLate: number;
  /** Interim step (temporary countermeasure) recorded by its due time. */
  readonly interimOnTime: number;
  /** Interim step recorded after its due time, or still missing past it. */
  readonly interimLate: number;
}

/** Follow-ups (回访) of the matters that got a reply or a direct answer. */
export interface FollowUpFigures {
  readonly replied: number;
  /** A follow-up reached the customer and recorded a score. */
  readonly followedUp: number;
  readonly visits: number;
  readonly scoreTotal: number;
  readonly satisfied: number;
  readonly unreachable: number;
  /** Not drawn by the sample, or not required. */
  readonly waived: number;
  /** Due and not yet made. */
  readonly pending: number;
}

/** The figures of one handling unit, handler or level. */
export interface GroupFigures {
  readonly matters: number;
  readonly timeliness: TimelinessFigures;
  readonly followUp: FollowUpFigures;
}

/** A major or overdue matter, listed by name in the report. */
export interface NotableMatter {
  readonly number: string;
  readonly subject: string;
  readonly kindId: string;
  readonly levelId?: string;
  readonly unitName?: string;
  readonly receivedAt: IsoInstant;
  readonly dueAt?: IsoInstant;
  readonly repliedAt?: IsoInstant;
  readonly status: CaseStatus;
  readonly major: boolean;
  readonly overdue: boolean;
  /** The desk it came from, in a group report. */
  readonly deskName?: string;
}

/** Counts keyed by an id (kind, category `kind/category`, level, final cause ...). */
export type Counts = Readonly<Record<string, number>>;

/** The key under which cases without the attribute are counted (no category, not closed ...). */
export const NONE_KEY = '';

export interface ReportFigures {
  readonly range: DateRange;
  /** When the figures were computed: what "overdue" was measured against. */
  readonly asOf: IsoInstant;
  /** Matters first reported in the range (linked reports count once). */
  readonly matters: number;
  /** Cases received in the range, repeated reports included. */
  readonly reports: number;
  readonly validComplaints: number;
  readonly invalidComplaints: number;
  readonly requests: number;
  readonly byKind: Counts;
  /** Keyed `kindId/topCategoryId`; `kindId/` for none. */
  readonly byCategory: Counts;
  readonly byLevel: Counts;
  /** Keyed by final cause; `NONE_KEY` for matters not closed yet. */
  readonly byFinalCause: Counts;
  readonly timeliness: TimelinessFigures;
  readonly followUp: FollowUpFigures;
  /** Keyed by unit name; `NONE_KEY` for matters never dispatched. */
  readonly byUnit: Readonly<Record<string, GroupFigures>>;
  /** Keyed by handler name; `NONE_KEY` for none. */
  readonly byHandler: Readonly<Record<string, GroupFigures>>;
  readonly notable: readonly NotableMatter[];
  /**
   * In a group report only: the matters of each desk (keyed by desk name), counted for the desk
   * that received the matter's lead case.
   */
  readonly byDesk?: Readonly<Record<string, GroupFigures>>;
}

export const EMPTY_TIMELINESS: TimelinessFigures = {
  onTime: 0,
  late: 0,
  openOverdue: 0,
  openInTime: 0,
  exempt: 0,
  uncounted: 0,
  replied: 0,
  replyWorkingDays: 0,
  dispatchOnTime: 0,
  dispatchLate: 0,
  interimOnTime: 0,
  interimLate: 0,
};

export const EMPTY_FOLLOW_UP: FollowUpFigures = {
  replied: 0,
  followedUp: 0,
  visits: 0,
  scoreTotal: 0,
  satisfied: 0,
  unreachable: 0,
  waived: 0,
  pending: 0,
};

export const EMPTY_GROUP: GroupFigures = {
  matters: 0,
  timeliness: EMPTY_TIMELINESS,
  followUp: EMPTY_FOLLOW_UP,
};

/**
 * The order of the notable matters: by intake, then by number and desk, so that the list does
 * not depend on the order the cases were read in (events merged from several desks arrive in
 * any order).
 */
export function statsNotableCompare(a: NotableMatter, b: NotableMatter): number {
  const key = (n: NotableMatter) => [n.receivedAt, n.number, n.deskName ?? ''] as const;
  const [ka, kb] = [key(a), key(b)];
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] !== kb[i]) return (ka[i] as string) < (kb[i] as string) ? -1 : 1;
  }
  return 0;
}

/** `part / whole`, or undefined when there is nothing to divide by. */
export function statsRate(part: number, whole: number): number | undefined {
  return whole > 0 ? part / whole : undefined;
}

/** Replied on time out of all that counted against a deadline (replied or overdue). */
export function statsOnTimeRate(t: TimelinessFigures): number | undefined {
  return statsRate(t.onTime, t.onTime + t.late + t.openOverdue);
}

/** Matters past their deadline: replied late or still open and overdue. */
export function statsOverdueCount(t: TimelinessFigures): number {
  return t.late + t.openOverdue;
}

/** Average working days from intake to reply. */
export function statsAverageReplyDays(t: TimelinessFigures): number | undefined {
  return statsRate(t.replyWorkingDays, t.replied);
}

/** Followed up out of replied (回访率). */
export function statsFollowUpRate(f: FollowUpFigures): number | undefined {
  return statsRate(f.followedUp, f.replied);
}

/** Visits out of follow-ups made (上门回访比例). */
export function statsVisitShare(f: FollowUpFigures): number | undefined {
  return statsRate(f.visits, f.followedUp);
}

/** Average satisfaction score of the follow-ups made. */
export function statsAverageScore(f: FollowUpFigures): number | undefined {
  return statsRate(f.scoreTotal, f.followedUp);
}

/** Satisfied out of follow-ups made (满意率). */
export function statsSatisfiedShare(f: FollowUpFigures): number | undefined {
  return statsRate(f.satisfied, f.followedUp);
}
