import { TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { deadlineOfRules } from '../../../../../shared/workflow/commands/deadlines';
import { DeadlineText } from '../../../ui/DeadlineText';
import { ActionDialog } from './ActionDialog';
import type { CaseActionDialogProps } from './dialog-props';
import { TEXT_STEPS, type TextStepId } from './text-steps';
import { useActionForm } from './useActionForm';
import { useCaseStep } from './useCaseStep';

export interface TextStepDialogProps extends CaseActionDialogProps {
  readonly stepId: TextStepId;
}

/** A step whose form is one text: accept, return, urge, supervise, note, exempt, reopen. */
export function TextStepDialog({ stepId, caseEntity, onClose }: Readonly<TextStepDialogProps>) {
  const { t } = useTranslation();
  const step = useCaseStep(caseEntity.id);
  const config = TEXT_STEPS[stepId];
  const form = useActionForm<{ text: string }, 'text'>(() => ({
    text: config.initial(caseEntity),
  }));
  const submit = async () => {
    const errors = await config.submit(form.values.text, caseEntity, step);
    form.setErrors(errors);
    return errors.length === 0;
  };
  // Reopening counts a fresh deadline from now: show it before the clerk confirms.
  const reopenDeadline =
    stepId === 'reopen'
      ? deadlineOfRules(caseEntity, step.context().now, 'recomputed', step.context())
      : undefined;

  return (
    <ActionDialog title={t(`caseActions.actions.${stepId}`)} onClose={onClose} onSubmit={submit}>
      <TextField
        {...form.text('text', t(`caseActions.fields.${config.labelKey}`), {
          help: config.helpKey ? t(`caseActions.fields.${config.helpKey}`) : undefined,
        })}
        multiline={config.multiline}
        minRows={config.multiline ? 3 : undefined}
        required
        autoFocus
      />
      {reopenDeadline ? (
        <Typography variant="body2">
          {t('caseActions.fields.reopenDeadline', { due: '' })}
          <DeadlineText deadline={reopenDeadline} inline />
        </Typography>
      ) : null}
    </ActionDialog>
  );
}
