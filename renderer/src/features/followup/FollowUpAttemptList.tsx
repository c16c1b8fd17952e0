import { Box, List, ListItem, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { FollowUpAttemptRecord } from '@shared/workflow/followup';
import { useDeskState } from '../../desk/desk-state';
import { formatDateTime } from '../../vocabulary/format';

/** The unsuccessful calls of the current round, so the clerk sees what was tried before. */
export function FollowUpAttemptList({
  attempts,
}: Readonly<{ attempts: readonly FollowUpAttemptRecord[] }>) {
  const { t } = useTranslation();
  const { deadlineContext } = useDeskState();
  if (attempts.length === 0) return null;
  return (
    <Box>
      <Typography variant="subtitle2" component="h3">
        {t('followUp.attemptsSoFar', { count: attempts.length })}
      </Typography>
      <List dense disablePadding aria-label={t('followUp.attemptsTitle')}>
        {attempts.map((attempt, i) => (
          <ListItem key={i} disableGutters sx={{ py: 0 }}>
            <Typography variant="body2" color="text.secondary">
              {t('followUp.attemptLine', {
                at: formatDateTime(attempt.at, deadlineContext.timeZone),
                method: t(`followUp.methods.${attempt.method}`),
                outcome: t(`followUp.outcomeShort.${attempt.outcome}`),
              })}
              {attempt.smsSent ? ` · ${t('followUp.attemptSms')}` : ''}
              {attempt.note ? ` · ${attempt.note}` : ''}
            </Typography>
          </ListItem>
        ))}
      </List>
    </Box>
  );
}
