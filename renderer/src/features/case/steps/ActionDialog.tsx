import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../desk/useErrorMessage';
import { FormDialog } from '../../../ui/FormDialog';
import { useSubmit } from '../../../ui/useSubmit';

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
  const [invalid, setInvalid] = useState(false);
  const submit = useSubmit(
    async () => {
      const accepted = await onSubmit();
      if (accepted) onClose();
      else setInvalid(true);
      return accepted;
    },
    {
      failureOf: (error) => {
        setInvalid(false);
        return t('caseActions.dialog.refused', { reason: errorMessage(error) });
      },
    },
  );

  return (
    <FormDialog
      title={title}
      labels={{
        cancel: t('caseActions.dialog.cancel'),
        submit: t('caseActions.dialog.submit', { action: title }),
        pending: t('caseActions.dialog.saving'),
      }}
      onClose={onClose}
      onSubmit={submit.run}
      pending={submit.pending}
      summary={invalid ? t('caseActions.dialog.fixErrors') : null}
      failure={submit.failure}
      maxWidth={wide ? 'md' : 'sm'}
      dividers
    >
      {children}
    </FormDialog>
  );
}
