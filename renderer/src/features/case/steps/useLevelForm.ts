import { useTranslation } from 'react-i18next';
import { rulesLabel } from '@shared/rules/rules-query';
import { useDeskState } from '../../../desk/desk-state';
import type { CaseStepDialogProps } from './case-step';
import { levelSuggestionReasons } from './level-suggestion';
import { useActionForm } from './useActionForm';

export interface LevelFormValues {
  readonly levelId: string;
  readonly reason: string;
}

/**
 * The form of a step that sets a level with a reason (escalate, change the level): opened from
 * the suggestion banner it starts with the rule's level and reasons, and `suggestedByRule` says
 * whether the clerk kept the level the rule suggested.
 */
export function useLevelForm<F extends string>(suggestion: CaseStepDialogProps['suggestion']) {
  const { t } = useTranslation();
  const { rules, locale } = useDeskState();
  const form = useActionForm<LevelFormValues, F>(() => ({
    levelId: suggestion?.levelId ?? '',
    reason: suggestion ? levelSuggestionReasons(suggestion, t, locale) : '',
  }));
  const levelOptions = rules.levels.map((level) => ({
    value: level.id,
    label: rulesLabel(level.label, locale),
  }));
  const suggestedByRule = () =>
    suggestion !== undefined && form.values.levelId === suggestion.levelId;
  return { form, levelOptions, suggestedByRule };
}
