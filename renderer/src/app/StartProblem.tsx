import { Alert, Box, Button, CircularProgress, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { StorageErrorCode } from '../db/errors';

export interface StartProblemProps {
  readonly code: StorageErrorCode;
  /** The open is still going on (a blocked upgrade resumes by itself once the other window closes). */
  readonly waiting?: boolean;
}

/** What the clerk sees instead of 正在打开…… when the database cannot open: what and what to do. */
export function StartProblem({ code, waiting = false }: Readonly<StartProblemProps>) {
  const { t } = useTranslation();
  return (
    <Box sx={{ display: 'grid', placeItems: 'center', minHeight: '100vh', p: 3 }}>
      <Stack spacing={2} sx={{ maxWidth: 640, alignItems: 'center' }}>
        <Typography variant="h5" component="h1">
          {t('app.title')}
        </Typography>
        {waiting ? <CircularProgress aria-hidden /> : null}
        <Alert severity={waiting ? 'warning' : 'error'} role="alert">
          {waiting ? t(`errors.${code}`) : t('app.startFailed', { reason: t(`errors.${code}`) })}
        </Alert>
        <Button variant="contained" onClick={() => window.location.reload()}>
          {t('app.startRetry')}
        </Button>
      </Stack>
    </Box>
  );
}

/** Shown over the desk once another window has opened a newer version of the database. */
export function UpgradedElsewhereBanner() {
  const { t } = useTranslation();
  return (
    <Alert
      severity="error"
      role="alert"
      sx={{ position: 'fixed', top: 0, left: 0, right: 0, zIndex: 2000, borderRadius: 0 }}
      action={
        <Button color="inherit" size="small" onClick={() => window.location.reload()}>
          {t('app.startRetry')}
        </Button>
      }
    >
      {t('app.upgradedBanner')}
    </Alert>
  );
}
