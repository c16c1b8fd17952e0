import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Stack,
} from '@mui/material';
import { useId, useRef, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';

export interface FormDialogLabels {
  readonly cancel: string;
  readonly submit: string;
  /** The submit button's words while the form is being saved. */
  readonly pending: string;
}

export interface FormDialogProps {
  /** The dialog's title and accessible name. */
  readonly title: string;
  /** The buttons' words (the caller's namespace: `ui/` knows no locale). */
  readonly labels: FormDialogLabels;
  readonly onClose: () => void;
  /**
   * Checks and saves the form (usually `useSubmit`'s `run`). Returning or resolving `false`
   * means fields are wrong: the cursor goes to the first field marked invalid.
   */
  readonly onSubmit: () => unknown;
  /** While true the buttons are disabled and the dialog stays open. */
  readonly pending: boolean;
  /** A sentence under the fields asking to fix them, shown while fields are wrong. */
  readonly summary?: string | null;
  /** Why the last save failed, other than a field's error. */
  readonly failure?: string | null;
  /** A line above the fields. */
  readonly intro?: ReactNode;
  /** What comes below the failure, in the scrolling part (a secondary way out of the form). */
  readonly below?: ReactNode;
  readonly open?: boolean;
  readonly maxWidth?: 'sm' | 'md';
  /** Lines above and below a content that scrolls (the longer forms). */
  readonly dividers?: boolean;
  /** The fields. */
  readonly children: ReactNode;
}

/**
 * The frame of the desk's form dialogs: the title, the fields, the failure in words, cancel and
 * submit. Enter in a one-line field and Ctrl+Enter (Cmd+Enter) anywhere submit; Escape and
 * cancel close without saving, except while the save runs.
 */
export function FormDialog(props: Readonly<FormDialogProps>) {
  const { title, labels, onClose, onSubmit, pending, summary, failure, intro, children } = props;
  const titleId = useId();
  const formRef = useRef<HTMLFormElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    if ((await onSubmit()) === false) {
      // After React has marked the fields, put the cursor in the first one to fix.
      requestAnimationFrame(() => {
        const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
        // A date picker (DateTimeInput) marks its group; its input passes the focus on.
        const group = invalid?.getAttribute('role') === 'group';
        (group ? invalid?.querySelector<HTMLElement>('input') : invalid)?.focus();
      });
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
      open={props.open ?? true}
      onClose={pending ? undefined : onClose}
      maxWidth={props.maxWidth ?? 'sm'}
      fullWidth
      scroll="paper"
      aria-labelledby={titleId}
    >
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <Box
        component="form"
        ref={formRef}
        onSubmit={(event: FormEvent) => void submit(event)}
        onKeyDown={keyDown}
        noValidate
        sx={{ display: 'contents' }}
      >
        <DialogContent dividers={props.dividers}>
          {intro ? <DialogContentText sx={{ mb: 1 }}>{intro}</DialogContentText> : null}
          <Stack spacing={2} sx={{ pt: 1 }}>
            {children}
            <Box aria-live="polite">
              {summary ? <Alert severity="error">{summary}</Alert> : null}
              {failure ? <Alert severity="error">{failure}</Alert> : null}
            </Box>
          </Stack>
          {props.below}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={pending}>
            {labels.cancel}
          </Button>
          <Button type="submit" variant="contained" disabled={pending}>
            {pending ? labels.pending : labels.submit}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
