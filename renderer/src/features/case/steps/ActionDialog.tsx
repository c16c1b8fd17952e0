import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
} from '@mui/material';
import { useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../app/useErrorMessage';

export interface ActionDialogProps {
  /** The step's name: the dialog's title and accessible name, and the submit button's verb. */
  readonly title: string;
  readonly onClose: () => void;
  /**
   * Checks the form and records the step. Resolves false when the form has errors (shown next
   * to the fields); throws when storage or the workflow refuses (shown in the dialog).
   */
  readonly onSubmit: () => Promise<boolean>;
  readonly children: ReactNode;
  readonly wide?: boolean;
}

/**
 * The frame of every step's dialog: the form, a summary when fields are wrong, the workflow's
 * refusal in words when the case's state does not allow the step, and the buttons. Nothing is
 * recorded unless the step is accepted whole.
 */
export function ActionDialog({
  title,
  onClose,
  onSubmit,
  children,
  wide,
}: Readonly<ActionDialogProps>) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const titleId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [saving, setSaving] = useState(false);
  const [invalid, setInvalid] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setFailure(null);
    try {
      if (await onSubmit()) {
        onClose();
        return;
      }
      setInvalid(true);
      // After React has marked the fields, put the cursor in the first one to fix.
      requestAnimationFrame(() =>
        formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
    } catch (error) {
      setInvalid(false);
      setFailure(t('caseActions.dialog.refused', { reason: errorMessage(error) }));
    } finally {
      setSaving(false);
    }
  };
  const keyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
  };

  return (
    <Dialog
      open
      onClose={saving ? undefined : onClose}
      maxWidth={wide ? 'md' : 'sm'}
      fullWidth
      scroll="paper"
      aria-labelledby={titleId}
    >
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <Box
        component="form"
        ref={formRef}
        onSubmit={submit}
        onKeyDown={keyDown}
        noValidate
        sx={{ display: 'contents' }}
      >
        <DialogContent dividers>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {children}
            <Box aria-live="polite">
              {invalid ? <Alert severity="error">{t('caseActions.dialog.fixErrors')}</Alert> : null}
              {failure ? <Alert severity="error">{failure}</Alert> : null}
            </Box>
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={saving}>
            {t('caseActions.dialog.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={saving}>
            {saving
              ? t('caseActions.dialog.saving')
              : t('caseActions.dialog.submit', { action: title })}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
