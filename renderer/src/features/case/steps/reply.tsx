import { TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { followUpDueAtOf } from '@shared/workflow/commands/deadlines';
import { replyCommand, type ReplyField, type ReplyInput } from '@shared/workflow/commands/handling';
import { DeadlineText } from '../../../ui/DeadlineText';
import { ActionDialog } from './ActionDialog';
import { caseStepDefine, type CaseStepDialogProps } from './case-step';
import { useActionForm } from './useActionForm';
import { useCaseStep } from './useCaseStep';

export const replyStep = caseStepDefine({
  id: 'reply',
  group: 'step',
  events: ['case/replied'],
  Dialog: ReplyDialog,
});

/** Replied (办结回复): what the unit did and what the customer was told. */
function ReplyDialog({ caseEntity, onClose }: Readonly<CaseStepDialogProps>) {
  const { t } = useTranslation();
  const step = useCaseStep(caseEntity.id);
  const form = useActionForm<ReplyInput, ReplyField>({ reply: '', toldCustomer: '' });
  const followUpDueAt = followUpDueAtOf(caseEntity, step.context());
  const submit = async () => {
    const ctx = step.context();
    const result = replyCommand(form.values, caseEntity, ctx);
    if (!form.accept(result)) return false;
    await step.record('case/replied', result.payload, ctx.now);
    return true;
  };
  return (
    <ActionDialog title={t('caseActions.actions.reply')} onClose={onClose} onSubmit={submit}>
      <TextField
        {...form.text('reply', t('caseActions.fields.reply'), {
          help: t('caseActions.fields.replyHelp'),
        })}
        multiline
        minRows={3}
        required
        autoFocus
      />
      <TextField
        {...form.text('toldCustomer', t('caseActions.fields.toldCustomer'))}
        multiline
        minRows={2}
        required
      />
      {followUpDueAt ? (
        <Typography variant="body2">
          {t('caseActions.fields.followUpDue', { due: '' })}
          <DeadlineText deadline={{ dueAt: followUpDueAt }} inline />
        </Typography>
      ) : null}
    </ActionDialog>
  );
}
