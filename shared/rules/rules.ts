/**
 * The rules a desk works by, as data (DESIGN.md principle 3): kinds, categories, levels,
 * channels, deadlines, follow-up, numbering and the words of the forms. Each preset in
 * `presets/` is one value of `DeskRules`; a desk keeps an editable copy in its settings.
 */
import type { Fen } from '../kernel/brand';

/** A label in both languages of the product. zh-CN is the default. */
export interface LocalizedText {
  readonly zh: string;
  readonly en: string;
}

export type Locale = 'zh-CN' | 'en';

/** What a kind is, whatever a preset calls it; rules (conversion, counting) key on this. */
export type KindClass =
  'complaint' | 'request' | 'inquiry' | 'suggestion' | 'appeal' | 'help' | 'praise';

export interface CategoryDef {
  readonly id: string;
  readonly label: LocalizedText;
  /** Second level of the two-level tree (may be empty). */
  readonly children?: readonly CategoryDef[];
}

export interface KindDef {
  readonly id: string;
  readonly label: LocalizedText;
  readonly class: KindClass;
  /** Categories offered at intake for this kind (first level; children are the second). */
  readonly categories: readonly CategoryDef[];
}

export interface LevelDef {
  readonly id: string;
  readonly label: LocalizedText;
  /** Higher is more serious; the lowest rank is the default at intake. */
  readonly rank: number;
}

export interface ChannelDef {
  readonly id: string;
  readonly label: LocalizedText;
}

export type DeadlineUnit =
  | 'workingDays'
  | 'workingHours'
  | 'clockHours'
  | 'clockMinutes'
  /** The end of business on the day the clock starts (the next working day if off-hours). */
  | 'sameWorkingDay';

export interface DeadlineSpec {
  readonly amount: number;
  readonly unit: DeadlineUnit;
  /**
   * Clock units only: when the clock starts outside business hours, start it at the next
   * opening instead (S003-H: off-hours complaints are passed on within 1 h of work starting).
   * Working units always start at the next opening.
   */
  readonly fromOpening?: boolean;
}

/** A deadline that applies when every given condition matches; the first matching rule wins. */
export interface DeadlineRule {
  readonly kindIds?: readonly string[];
  readonly levelIds?: readonly string[];
  /** Only for cases flagged urgent. */
  readonly urgentOnly?: boolean;
  readonly deadline: DeadlineSpec;
}

export interface DeadlineRules {
  /** From intake to the unit's reply (handling deadline). */
  readonly handling: readonly DeadlineRule[];
  /** Replaces the handling deadline when a case is escalated, counted from the escalation. */
  readonly escalated: DeadlineSpec;
  /** From intake to dispatch, when the preset sets one (hotline 1 h, company 30 min). */
  readonly dispatch?: DeadlineSpec;
  /** From the reply to the follow-up. */
  readonly followUp: readonly DeadlineRule[];
  /** The longest extension a unit may be granted, when the preset limits it. */
  readonly maxExtension?: DeadlineSpec;
  /**
   * Interim steps due before the handling deadline, from intake; the first matching rule wins
   * (company major complaints: a temporary countermeasure within 8 working hours, S001-I 5.3.1).
   */
  readonly interim?: readonly DeadlineRule[];
}

export type CaseFlag =
  | 'media'
  | 'lawsuit'
  | 'groupDispute'
  | 'safety'
  | 'urgent'
  | 'confidential'
  | 'reporterWithheld'
  | 'phoneHandover';

export const CASE_FLAGS: readonly CaseFlag[] = [
  'urgent',
  'media',
  'lawsuit',
  'groupDispute',
  'safety',
  'confidential',
  'reporterWithheld',
  'phoneHandover',
];

/** A condition under which a level applies (DOMAIN.md section 4, e.g. amount >= 2,000 yuan). */
export type LevelCondition =
  | { readonly type: 'flag'; readonly flag: CaseFlag }
  | { readonly type: 'amountAtLeast'; readonly fen: Fen }
  | { readonly type: 'overdue'; readonly kindClass: KindClass };

export interface LevelRule {
  readonly levelId: string;
  /** Only for cases of these kinds (all kinds when absent): S001-A levels are for complaints. */
  readonly kindIds?: readonly string[];
  /** Any one condition suggests the level. */
  readonly anyOf: readonly LevelCondition[];
}

export type FollowUpMethod = 'phone' | 'visit';

export interface FollowUpRules {
  /** Kinds whose classes are always followed up. */
  readonly alwaysForClasses: readonly KindClass[];
  /** Share (0..1) of satisfied cases of the other classes drawn for follow-up. */
  readonly sampleRateSatisfied: number;
  readonly scale: { readonly min: number; readonly max: number; readonly satisfiedAtLeast: number };
  readonly questions: readonly LocalizedText[];
  readonly methods: readonly FollowUpMethod[];
  /** Share of visits aimed at (reported, not enforced). */
  readonly visitTarget?: number;
  /** After an SMS and this many working days without contact, the case may close as unreachable. */
  readonly unreachableAfterWorkingDays?: number;
  readonly openingScript?: LocalizedText;
}

export interface NumberingRules {
  /**
   * Tokens: `{YYYY}`, `{YY}`, `{MM}`, `{DD}`, `{SEQ:n}` (serial padded to n digits).
   * Default `{YY}{MM}-{SEQ:4}` gives `2611-0042`.
   */
  readonly pattern: string;
  readonly resetEvery: 'month' | 'year' | 'never';
}

/** The words a preset uses on the register and forms where they differ (DOMAIN.md section 6). */
export interface Terms {
  readonly customer: LocalizedText;
  readonly room: LocalizedText;
  readonly handler: LocalizedText;
  readonly caseNoun: LocalizedText;
  readonly registerTitle: LocalizedText;
}

/** What the clerk says on the phone (S003-A), shown at intake; editable. */
export interface CallScripts {
  readonly opening: LocalizedText;
  readonly closings: readonly LocalizedText[];
}

export interface ReferralEntry {
  readonly name: LocalizedText;
  readonly phone: string;
  readonly scope: LocalizedText;
}

export type PresetId = 'property' | 'hotline' | 'hospital' | 'company';

export interface DeskRules {
  readonly presetId: PresetId;
  readonly name: LocalizedText;
  readonly kinds: readonly KindDef[];
  /**
   * The kind a new intake starts at: the desk's most common one (the hotline's 一般诉求, not
   * the 建议 its list starts with). Rules stored before it existed fall back to their preset's.
   */
  readonly defaultKindId?: string;
  readonly levels: readonly LevelDef[];
  readonly channels: readonly ChannelDef[];
  /** Final causes (最终原因) offered when closing; statistics count by these. */
  readonly finalCauses: readonly CategoryDef[];
  readonly deadlines: DeadlineRules;
  readonly levelRules: readonly LevelRule[];
  readonly followUp: FollowUpRules;
  readonly numbering: NumberingRules;
  readonly terms: Terms;
  /** In the property preset an invalid complaint is counted as a request (S001-A 4.1.1.2). */
  readonly invalidComplaintBecomesKindId?: string;
  readonly referrals: readonly ReferralEntry[];
  /** Intake call scripts, when the desk uses them (the hotline does). */
  readonly scripts?: CallScripts;
  /** Report period: from this day of the previous month to the day before it (25 -> 25th..24th). */
  readonly reportPeriodStartDay: number;
}
