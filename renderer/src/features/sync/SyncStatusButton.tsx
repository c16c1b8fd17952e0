import { Button, Popover, Stack, Typography } from '@mui/material';
import CloudDoneIcon from '@mui/icons-material/CloudDone';
import CloudOffIcon from '@mui/icons-material/CloudOff';
import CloudUploadIcon from '@mui/icons-material/CloudUpload';
import ErrorIcon from '@mui/icons-material/Error';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '@shared/sync/desk-sync';
import { syncFailureText, useSync } from './SyncProvider';

function stateText(t: ReturnType<typeof useTranslation>['t'], status: SyncStatus): string {
  switch (status.state) {
    case 'off':
      return t('sync.status.off');
    case 'synced':
      return t('sync.status.synced');
    case 'waiting':
      return t('sync.status.waiting', { count: status.pending });
    case 'offline':
      return t('sync.status.offline');
    case 'error':
      return t('sync.status.error');
  }
}

const ICONS = {
  synced: <CloudDoneIcon fontSize="small" />,
  waiting: <CloudUploadIcon fontSize="small" />,
  offline: <CloudOffIcon fontSize="small" />,
  error: <ErrorIcon fontSize="small" />,
} as const;

/**
 * The sync status in the top bar (已同步 / N 条待上传 / 离线 / 出错); a click shows the detail,
 * for an error its reason, and offers to sync now. Absent while sync is off.
 */
export function SyncStatusButton() {
  const { t } = useTranslation();
  const { status, engine } = useSync();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  if (status.state === 'off') return null;
  const text = stateText(t, status);
  const detail =
    status.state === 'error'
      ? syncFailureText(t, status.failure)
      : status.state === 'offline'
        ? t('sync.status.offlineDetail', { count: status.pending })
        : status.state === 'waiting'
          ? t('sync.status.waitingDetail', { count: status.pending })
          : t('sync.status.syncedDetail', {
              at: status.at ? new Date(status.at).toLocaleString() : '',
            });
  return (
    <>
      <Button
        color="inherit"
        size="small"
        startIcon={ICONS[status.state]}
        aria-label={t('sync.status.label', { state: text })}
        title={detail}
        onClick={(e) => setAnchor(e.currentTarget)}
        sx={status.state === 'error' ? { bgcolor: 'error.main' } : undefined}
      >
        {text}
      </Button>
      <Popover
        open={anchor !== null}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
      >
        <Stack spacing={1} sx={{ p: 2, maxWidth: 360 }} role="status">
          <Typography variant="subtitle2">{text}</Typography>
          <Typography variant="body2">{detail}</Typography>
          {engine ? (
            <Button
              size="small"
              variant="outlined"
              onClick={() => {
                void engine.syncNow().catch(() => undefined);
              }}
            >
              {t('sync.syncNow')}
            </Button>
          ) : null}
        </Stack>
      </Popover>
    </>
  );
}
