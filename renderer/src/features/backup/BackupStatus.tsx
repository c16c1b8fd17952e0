import { Alert, Button, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { backupIsStale } from '@shared/backup/rotation';
import { useDeskServices } from '../../desk/services';
import { useDeskState } from '../../desk/desk-state';
import { formatDateTime } from '../../vocabulary/date-time';
import { useLastBackup } from './use-backup';

export const BACKUP_PATH = '/settings/backup';

/** The home screen's line about the last backup, and a warning when it is more than a day old. */
export function BackupStatus() {
  const { t } = useTranslation();
  const { now } = useDeskServices();
  const { deadlineContext } = useDeskState();
  const last = useLastBackup();
  if (last === undefined) return null;
  const stale = backupIsStale(last?.at, new Date(now()));
  const text = last
    ? t('backup.lastAt', { time: formatDateTime(last.at, deadlineContext.timeZone) })
    : t('backup.none');
  if (!stale) {
    return (
      <Typography color="text.secondary" sx={{ mb: 2 }} data-testid="last-backup">
        {text}
      </Typography>
    );
  }
  return (
    <Alert
      severity="warning"
      sx={{ mb: 2 }}
      data-testid="last-backup"
      action={
        <Button color="inherit" size="small" component={RouterLink} to={BACKUP_PATH}>
          {t('backup.goBackup')}
        </Button>
      }
    >
      {text} · {last ? t('backup.stale') : t('backup.staleNone')}
    </Alert>
  );
}
