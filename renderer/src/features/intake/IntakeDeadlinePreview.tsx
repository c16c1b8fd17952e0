import { Alert, AlertTitle, Box, Button, Stack, Typography } from '@mui/material';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { intakePreview, type IntakeDraft } from '@shared/workflow/intake';
import { rulesDefaultLevel, rulesLabel, rulesLevel } from '@shared/rules/rules-query';
import { useDeskState } from '../../desk/desk-state';
import { DeadlineText } from '../../ui/DeadlineText';
import { levelSuggestionLabel, levelSuggestionReasons } from '../case/steps/level-suggestion';

export interface IntakeDeadlinePreviewProps {
  readonly draft: IntakeDraft;
  /** Takes the rule's level into the draft (the clerk keeps the suggestion). */
  readonly onAdoptLevel: (levelId: string) => void;
}

/**
 * Before saving: the level a rule suggests for what was typed (2,000 yuan or more, media, a
 * lawsuit ...; the same suggestion the case page shows after) and the deadlines the case gets
 * with the level as chosen: the reply, the dispatch and the interim step.
 */
export function IntakeDeadlinePreview({
  draft,
  onAdoptLevel,
}: Readonly<IntakeDeadlinePreviewProps>) {
  const { t } = useTranslation();
  const { rules, locale, deadlineContext } = useDeskState();
  const preview = useMemo(
    () => intakePreview(draft, { rules, deadline: deadlineContext }),
    [draft, rules, deadlineContext],
  );
  if (!preview) return null;
  const { suggestion } = preview;
  const level = rulesLevel(rules, draft.levelId) ?? rulesDefaultLevel(rules);
  const lines = [
    ['handling', preview.deadline] as const,
    ['dispatch', preview.dispatchDeadline] as const,
    ['interim', preview.interimDeadline] as const,
  ];
  return (
    <Stack spacing={1} component="section" aria-label={t('intakePreview.label')} sx={{ mt: 2 }}>
      {suggestion ? (
        <Alert
          severity="warning"
          data-testid="intake-level-suggestion"
          action={
            <Button
              color="inherit"
              variant="outlined"
              size="small"
              onClick={() => onAdoptLevel(suggestion.levelId)}
            >
              {t('intakePreview.adopt', {
                level: levelSuggestionLabel(suggestion, rules, locale),
              })}
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
      ) : null}
      <Box data-testid="deadline-preview">
        {lines.map(([kind, due]) =>
          due || kind === 'handling' ? (
            <Typography key={kind} variant="body2" data-testid={`deadline-preview-${kind}`}>
              {t(`intakePreview.${kind}`)}：
              {due ? <DeadlineText deadline={due} /> : t('intakePreview.none')}
            </Typography>
          ) : null,
        )}
        <Typography variant="caption" color="text.secondary">
          {t('intakePreview.levelNote', { level: rulesLabel(level.label, locale) })}
        </Typography>
      </Box>
    </Stack>
  );
}
