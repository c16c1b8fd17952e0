import type { TFunction } from 'i18next';
import { missingCaseError } from '@shared/kernel/assert';
import type { LevelCondition, Locale, DeskRules } from '@shared/rules/rules';
import { rulesLabel, rulesLevel, type LevelSuggestion } from '@shared/rules/rules-query';
import { formatYuan } from '../../../vocabulary/format';

/** One matched condition of a level rule, in words. */
export function levelConditionText(condition: LevelCondition, t: TFunction): string {
  switch (condition.type) {
    case 'flag':
      return t(`flag.${condition.flag}`);
    case 'amountAtLeast':
      return t('caseActions.suggestion.amount', { yuan: formatYuan(condition.fen) });
    case 'overdue':
      return t('caseActions.suggestion.overdue');
    default:
      throw missingCaseError(condition);
  }
}

/** "Media exposure; amount involved of 2,000.00 yuan or more": the reasons of a suggestion. */
export function levelSuggestionReasons(
  suggestion: LevelSuggestion,
  t: TFunction,
  locale: Locale,
): string {
  return suggestion.reasons
    .map((reason) => levelConditionText(reason, t))
    .join(locale === 'zh-CN' ? '；' : '; ');
}

/** The suggested level's name in the desk's language. */
export function levelSuggestionLabel(
  suggestion: LevelSuggestion,
  rules: Pick<DeskRules, 'levels'>,
  locale: Locale,
): string {
  const level = rulesLevel(rules, suggestion.levelId);
  return level ? rulesLabel(level.label, locale) : suggestion.levelId;
}
