import { Alert, Snackbar } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { backupDueToday } from '@shared/backup/rotation';
import { backupLast, type BackupMakeResult } from '../../db/repos/backup';
import { useDeskServices } from '../../desk/services';
import { useDeskState } from '../../desk/desk-state';
import { failureText } from './backup-words';
import { backupRun } from './use-backup';

/**
 * The automatic backup at the first start of each day, on the desktop, into the backup folder
 * (rotated there). A browser cannot write a file unasked: there the home screen offers the
 * backup instead (BackupStatus).
 */
export function DailyBackup() {
  const { t } = useTranslation();
  const { db, bridge, now } = useDeskServices();
  const { operator, deadlineContext } = useDeskState();
  const started = useRef(false);
  const [result, setResult] = useState<BackupMakeResult | null>(null);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void (async () => {
      const { folder } = await bridge.backupFolder();
      if (folder === null) return;
      const last = await backupLast(db);
      if (!backupDueToday(last?.at, new Date(now()), deadlineContext.timeZone)) return;
      setResult(
        await backupRun(db, bridge, 'daily', {
          actorId: operator.id,
          timeZone: deadlineContext.timeZone,
          now,
        }),
      );
    })().catch((error: unknown) => console.error('daily backup failed', error));
  }, [db, bridge, now, operator.id, deadlineContext.timeZone]);

  if (!result || result.status === 'cancelled') return null;
  return (
    <Snackbar open autoHideDuration={8000} onClose={() => setResult(null)}>
      <Alert
        severity={result.status === 'saved' ? 'success' : 'error'}
        onClose={() => setResult(null)}
      >
        {result.status === 'saved'
          ? t('backup.daily', { path: result.path })
          : t('backup.failed', { reason: failureText(t, result) })}
      </Alert>
    </Snackbar>
  );
}
