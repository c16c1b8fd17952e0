/**
 * Small questions the UI and the commands ask of a desk's rules: which deadline applies, which
 * level a case should have, whether it must be followed up. Pure; the rules are data.
 */
import type { Fen } from '../kernel/brand';
import { missingCaseError, strictAssert } from '../kernel/assert';
import type {
  CaseFlag,
  CategoryDef,
  DeadlineRule,
  DeadlineSpec,
  DeskRules,
  KindDef,
  LevelCondition,
  LevelDef,
  LocalizedText,
  Locale,
} from './rules';
import { PRESETS } from './presets';

/** What a deadline rule looks at. A case without a level counts as at the default level. */
export interface DeadlineQuery {
  readonly kindId: string;
  readonly levelId?: string;
  readonly flags: readonly CaseFlag[];
}

export interface LevelQuery extends DeadlineQuery {
  readonly amountFen?: Fen;
  /** Past its handling deadline with no final solution. */
  readonly overdue: boolean;
}

export interface LevelSuggestion {
  readonly levelId: string;
  /** The conditions of the rule that matched, to show and record with the change. */
  readonly reasons: LevelCondition[];
}

export function rulesKind(rules: Pick<DeskRules, 'kinds'>, kindId: string): KindDef | undefined {
  return rules.kinds.find((kind) => kind.id === kindId);
}

export function rulesLevel(
  rules: Pick<DeskRules, 'levels'>,
  levelId: string,
): LevelDef | undefined {
  return rules.levels.find((level) => level.id === levelId);
}

/** The kind a new intake starts at: the rules' own, else their preset's, else the first. */
export function rulesDefaultKind(
  rules: Pick<DeskRules, 'kinds' | 'defaultKindId' | 'presetId'>,
): KindDef {
  const wanted = rules.defaultKindId ?? PRESETS[rules.presetId]?.defaultKindId;
  const first = rules.kinds[0];
  strictAssert(first, 'rules define at least one kind');
  return rules.kinds.find((kind) => kind.id === wanted) ?? first;
}

/** The level a new case starts at: the lowest rank (the first of equals). */
export function rulesDefaultLevel(rules: Pick<DeskRules, 'levels'>): LevelDef {
  const [first, ...rest] = rules.levels;
  strictAssert(first, 'rules define at least one level');
  return rest.reduce((lowest, level) => (level.rank < lowest.rank ? level : lowest), first);
}

function deadlineRuleMatches(
  rule: DeadlineRule,
  c: DeadlineQuery,
  rules: Pick<DeskRules, 'levels'>,
): boolean {
  if (rule.kindIds && !rule.kindIds.includes(c.kindId)) return false;
  if (rule.levelIds && !rule.levelIds.includes(c.levelId ?? rulesDefaultLevel(rules).id)) {
    return false;
  }
  if (rule.urgentOnly && !c.flags.includes('urgent')) return false;
  return true;
}

function firstDeadline(
  list: readonly DeadlineRule[] | undefined,
  c: DeadlineQuery,
  rules: Pick<DeskRules, 'levels'>,
): DeadlineSpec | undefined {
  return list?.find((rule) => deadlineRuleMatches(rule, c, rules))?.deadline;
}

/** From intake to the unit's reply: the first matching handling rule, if any. */
export function rulesHandlingDeadline(
  rules: Pick<DeskRules, 'deadlines' | 'levels'>,
  c: DeadlineQuery,
): DeadlineSpec | undefined {
  return firstDeadline(rules.deadlines.handling, c, rules);
}

/**
 * An interim step due before the handling deadline (company major complaints: a temporary
 * countermeasure within 8 working hours), if the rules set one.
 */
export function rulesInterimDeadline(
  rules: Pick<DeskRules, 'deadlines' | 'levels'>,
  c: DeadlineQuery,
): DeadlineSpec | undefined {
  return firstDeadline(rules.deadlines.interim, c, rules);
}

/** From the reply to the follow-up: the first matching follow-up rule, if any. */
export function rulesFollowUpDeadline(
  rules: Pick<DeskRules, 'deadlines' | 'levels'>,
  kindId: string,
  c: Partial<Omit<DeadlineQuery, 'kindId'>> = {},
): DeadlineSpec | undefined {
  return firstDeadline(
    rules.deadlines.followUp,
    { kindId, levelId: c.levelId, flags: c.flags ?? [] },
    rules,
  );
}

function conditionHolds(
  condition: LevelCondition,
  c: LevelQuery,
  kind: KindDef | undefined,
): boolean {
  switch (condition.type) {
    case 'flag':
      return c.flags.includes(condition.flag);
    case 'amountAtLeast':
      return c.amountFen !== undefined && c.amountFen >= condition.fen;
    case 'overdue':
      return c.overdue && kind?.class === condition.kindClass;
    default:
      throw missingCaseError(condition);
  }
}

/**
 * The level the rules suggest for a case, only when it is higher than the level it has (a
 * case without a level is at the default). When several rules match, the highest level wins;
 * its matching conditions are the reasons.
 */
export function rulesSuggestedLevel(
  rules: Pick<DeskRules, 'kinds' | 'levels' | 'levelRules'>,
  c: LevelQuery,
): LevelSuggestion | undefined {
  const kind = rulesKind(rules, c.kindId);
  const current =
    (c.levelId !== undefined ? rulesLevel(rules, c.levelId) : undefined) ??
    rulesDefaultLevel(rules);
  let best: { level: LevelDef; reasons: LevelCondition[] } | undefined;
  for (const rule of rules.levelRules) {
    if (rule.kindIds && !rule.kindIds.includes(c.kindId)) continue;
    const level = rulesLevel(rules, rule.levelId);
    if (!level || level.rank <= current.rank) continue;
    const reasons = rule.anyOf.filter((condition) => conditionHolds(condition, c, kind));
    if (reasons.length === 0) continue;
    if (!best || level.rank > best.level.rank) best = { level, reasons };
  }
  return best && { levelId: best.level.id, reasons: best.reasons };
}

/** Only an inquiry may become a complaint, never the reverse (S003-O: 允许协同记入投诉,但不可逆). */
export function rulesCanConvertKind(
  rules: Pick<DeskRules, 'kinds'>,
  fromKindId: string,
  toKindId: string,
): boolean {
  const from = rulesKind(rules, fromKindId);
  const to = rulesKind(rules, toKindId);
  return from?.class === 'inquiry' && to?.class === 'complaint';
}

/**
 * Whether a replied case must be followed up (`always`) or only if the sample draws it
 * (`sample`, see rulesSampleDraw). Pass `satisfiedOnReply: false` when the customer was not
 * fully satisfied with the reply: such cases are always followed up (S001-A 4.3). Unknown
 * counts as satisfied.
 */
export function rulesFollowUpRequired(
  rules: Pick<DeskRules, 'kinds' | 'followUp'>,
  kindId: string,
  satisfiedOnReply?: boolean,
): 'always' | 'sample' {
  const kind = rulesKind(rules, kindId);
  if (kind && rules.followUp.alwaysForClasses.includes(kind.class)) return 'always';
  return satisfiedOnReply === false ? 'always' : 'sample';
}

/** Whether the sample draws a case; `random01` is a uniform draw in [0, 1) made by the caller. */
export function rulesSampleDraw(rules: Pick<DeskRules, 'followUp'>, random01: number): boolean {
  return random01 < rules.followUp.sampleRateSatisfied;
}

/** Whether a follow-up score counts as satisfied on the desk's scale. */
export function rulesIsSatisfied(rules: Pick<DeskRules, 'followUp'>, score: number): boolean {
  return score >= rules.followUp.scale.satisfiedAtLeast;
}

/**
 * A category and its parent, for display: `[parent]` for a first-level category,
 * `[parent, child]` for a second-level one, `[]` when the kind has no such category.
 */
export function rulesCategoryPath(
  rules: Pick<DeskRules, 'kinds'>,
  kindId: string,
  categoryId: string,
): CategoryDef[] {
  for (const parent of rulesKind(rules, kindId)?.categories ?? []) {
    if (parent.id === categoryId) return [parent];
    const child = parent.children?.find((candidate) => candidate.id === categoryId);
    if (child) return [parent, child];
  }
  return [];
}

/** The text in the locale, falling back to the other language when it is empty. */
export function rulesLabel(text: LocalizedText, locale: Locale): string {
  switch (locale) {
    case 'zh-CN':
      return text.zh || text.en;
    case 'en':
      return text.en || text.zh;
    default:
      throw missingCaseError(locale);
  }
}
