import { Alert, Box, Button, Divider, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { sessionMay } from '../../db/access';
import { caseRestoreMay } from '../../db/repos/case-restore';
import { useDeskSession } from '../../desk/desk-session';
import { useDeskServices } from '../../desk/services';
import { useDeskState } from '../../desk/desk-state';
import { formatDateTime } from '../../vocabulary/date-time';
import { failureText } from './backup-words';
import { CaseRestorePanel } from './CaseRestorePanel';
import { RestorePanel } from './RestorePanel';
import { useBackupNow, useLastBackup } from './use-backup';

/** Settings › Backup and restore (#/settings/backup). */
export function BackupPage() {
  const { t } = useTranslation();
  const { bridge } = useDeskServices();
  const { deadlineContext } = useDeskState();
  const session = useDeskSession();
  const last = useLastBackup();
  const backup = useBackupNow();
  const [folder, setFolder] = useState<string | null | undefined>(undefined);
  // The case page links here with its number (`?case=`) for an administrator.
  const [search] = useSearchParams();
  const caseNumber = search.get('case') ?? undefined;

  useEffect(() => {
    let live = true;
    void bridge.backupFolder().then((info) => live && setFolder(info.folder));
    return () => {
      live = false;
    };
  }, [bridge]);

  const chooseFolder = async () => {
    const chosen = await bridge.backupChooseFolder();
    if (chosen.status === 'chosen') setFolder(chosen.folder);
  };

  const result = backup.result;
  return (
    <Box sx={{ maxWidth: 900 }}>
      <Button component={RouterLink} to="/settings" size="small">
        {t('settings.back')}
      </Button>
      <Typography variant="h5" component="h1">
        {t('backup.title')}
      </Typography>
      <Typography color="text.secondary" sx={{ mt: 1, mb: 2 }}>
        {t('backup.intro')}
      </Typography>
      <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
        <Typography data-testid="backup-page-last">
          {t('backup.last')}：
          {last
            ? formatDateTime(last.at, deadlineContext.timeZone)
            : last === null
              ? t('backup.none')
              : '…'}
          {last?.path ? ` · ${last.path}` : ''}
        </Typography>
        {folder ? (
          <Box>
            <Typography>
              {t('backup.folder')}：<code>{folder}</code>
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {t('backup.folderHelp')}
            </Typography>
            <Button onClick={() => void chooseFolder()} sx={{ mt: 1 }}>
              {t('backup.folderChange')}
            </Button>
          </Box>
        ) : folder === null ? (
          <Typography variant="body2" color="text.secondary">
            {t('backup.browserHelp')}
          </Typography>
        ) : null}
        <Button
          variant="contained"
          onClick={() => void backup.run()}
          disabled={backup.progress !== null}
        >
          {t('backup.now')}
        </Button>
        {backup.progress ? (
          <Alert severity="info" role="status">
            {t('backup.running', { table: backup.progress.table, count: backup.progress.count })}
          </Alert>
        ) : null}
        {result?.status === 'saved' ? (
          <Alert severity="success" role="status">
            {t('backup.done', { path: result.path })}
          </Alert>
        ) : null}
        {result?.status === 'cancelled' ? (
          <Alert severity="info">{t('backup.cancelled')}</Alert>
        ) : null}
        {result?.status === 'failed' ? (
          <Alert severity="error" role="alert">
            {t('backup.failed', { reason: failureText(t, result) })}
          </Alert>
        ) : null}
      </Stack>
      {caseRestoreMay(session) ? (
        <>
          <Divider sx={{ my: 3 }} />
          <CaseRestorePanel
            session={session}
            {...(caseNumber !== undefined ? { initialNumber: caseNumber } : {})}
          />
        </>
      ) : null}
      {/* Replacing the desk's data is an administrator's (the repository refuses anyone else). */}
      {sessionMay(session, 'restore') ? (
        <>
          <Divider sx={{ my: 3 }} />
          <RestorePanel session={session} timeZone={deadlineContext.timeZone} />
        </>
      ) : null}
    </Box>
  );
}
