import { Alert, AlertTitle, Button } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { LevelSuggestion } from '@shared/rules/rules-query';
import { useDeskState } from '../../../desk/desk-state';
import { levelSuggestionLabel, levelSuggestionReasons } from './level-suggestion';

export interface LevelSuggestionBannerProps {
  readonly suggestion: LevelSuggestion;
  /** Escalate when the case's state allows it; otherwise only the level can change. */
  readonly canEscalate: boolean;
  readonly onAccept: () => void;
}

/**
 * A level rule fired (media, lawsuit, 2,000 yuan or more, overdue ...): the clerk sees why and
 * may accept, which opens the escalation (or level) dialog filled in with the rule's level.
 */
export function LevelSuggestionBanner({
  suggestion,
  canEscalate,
  onAccept,
}: Readonly<LevelSuggestionBannerProps>) {
  const { t } = useTranslation();
  const { rules, locale } = useDeskState();
  return (
    <Alert
      severity="warning"
      action={
        <Button color="inherit" variant="outlined" size="small" onClick={onAccept}>
          {t(`caseActions.suggestion.${canEscalate ? 'escalate' : 'change'}`)}
        </Button>
      }
    >
      <AlertTitle>
        {t('caseActions.suggestion.title', {
          level: levelSuggestionLabel(suggestion, rules, locale),
        })}
      </AlertTitle>
      {t('caseActions.suggestion.because', {
        reasons: levelSuggestionReasons(suggestion, t, locale),
      })}
    </Alert>
  );
}
