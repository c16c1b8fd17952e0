import { Button, Paper, Stack, Typography } from '@mui/material';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SaveStatus } from '../SaveStatus';
import { useCanEditSettings } from '../useCanEditSettings';
import type { AidsStatus } from './useAidsDraft';

export interface AidsSectionProps {
  /** The heading's id, which names the form. */
  readonly titleId: string;
  readonly title: string;
  readonly intro: string;
  readonly onSubmit: (event: FormEvent) => Promise<void>;
  readonly saving: boolean;
  /** The save button's words. */
  readonly saveLabel: string;
  readonly status: AidsStatus | null;
  /** Buttons before the save button, for those who may edit. */
  readonly actions?: ReactNode;
  /** The fields. */
  readonly children: ReactNode;
}

/** One form of the call-aids page: heading, intro, fields, and save with its outcome. */
export function AidsSection(props: Readonly<AidsSectionProps>) {
  const { titleId, title, intro, onSubmit, saving, saveLabel, status, actions, children } = props;
  const { t } = useTranslation();
  const canEdit = useCanEditSettings('settings.aids');
  return (
    <Paper component="form" onSubmit={onSubmit} noValidate sx={{ p: 3 }} aria-labelledby={titleId}>
      <Typography id={titleId} variant="h6" component="h2">
        {title}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5, mb: 2 }}>
        {intro}
      </Typography>
      {children}
      {canEdit ? (
        <Stack direction="row" spacing={2} sx={{ mt: 2, alignItems: 'center' }}>
          {actions}
          <Button type="submit" variant="contained" disabled={saving}>
            {saving ? t('settings.saving') : saveLabel}
          </Button>
          <SaveStatus status={status} sx={{ flex: 1 }} />
        </Stack>
      ) : null}
    </Paper>
  );
}
