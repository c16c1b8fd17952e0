import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
} from '@mui/material';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface SettingsDialogProps {
  readonly title: string;
  readonly onSubmit: (event: FormEvent) => Promise<void>;
  readonly onClose: () => void;
  readonly saving: boolean;
  /** Why the last save failed, other than a field's error. */
  readonly failure: string | null;
  /** The fields. */
  readonly children: ReactNode;
}

/** The form dialog that adds or edits a staff member or a unit, with cancel and save. */
export function SettingsDialog(props: Readonly<SettingsDialogProps>) {
  const { title, onSubmit, onClose, saving, failure, children } = props;
  const { t } = useTranslation();
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <form onSubmit={onSubmit} noValidate>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {children}
            {failure ? <Alert severity="error">{failure}</Alert> : null}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('settings.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={saving}>
            {saving ? t('settings.saving') : t('settings.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
