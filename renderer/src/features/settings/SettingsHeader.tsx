import { Alert, Box, Link, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useDeskState } from '../../desk/desk-state';
import { useCanEditSettings } from './useCanEditSettings';

export interface SettingsHeaderProps {
  readonly title: string;
  readonly intro?: string;
  /** Buttons on the right of the title (hidden from those who may not edit). */
  readonly actions?: ReactNode;
}

/** The top of a settings page: the way back, the title, and why it is read-only if it is. */
export function SettingsHeader({ title, intro, actions }: Readonly<SettingsHeaderProps>) {
  const { t } = useTranslation();
  const { operator } = useDeskState();
  const canEdit = useCanEditSettings();
  return (
    <Box sx={{ mb: 2 }}>
      <Link component={RouterLink} to="/settings" variant="body2">
        {t('settings.back')}
      </Link>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mt: 1 }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          {title}
        </Typography>
        {canEdit ? actions : null}
      </Box>
      {intro ? (
        <Typography color="text.secondary" sx={{ mt: 1 }}>
          {intro}
        </Typography>
      ) : null}
      {canEdit ? null : (
        <Alert severity="info" sx={{ mt: 2 }}>
          {t('settings.adminOnly', { name: operator.name })}
        </Alert>
      )}
    </Box>
  );
}
