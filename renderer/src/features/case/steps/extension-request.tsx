import { TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { instantToLocalDateTime } from '@shared/kernel/time';
import {
  extensionLatest,
  extensionRequestCommand,
  type ExtensionRequestField,
  type ExtensionRequestInput,
} from '@shared/workflow/commands/extension';
import { useDeskState } from '../../../desk/desk-state';
import { formatDateTime } from '../../../vocabulary/format';
import { DeadlineText } from '../../../ui/DeadlineText';
import { ActionDialog } from './ActionDialog';
import { caseStepDefine, type CaseStepDialogProps } from './case-step';
import { useActionForm } from './useActionForm';
import { useCaseStep } from './useCaseStep';
import { DateTimeInput } from '../../../ui/DateTimeInput';

export const extensionRequestStep = caseStepDefine({
  id: 'extensionRequest',
  group: 'step',
  events: ['case/extensionRequested'],
  Dialog: ExtensionRequestDialog,
});

/** Extension requested (延期申请): a later deadline, within the rules' cap, with a reason. */
function ExtensionRequestDialog({ caseEntity, onClose }: Readonly<CaseStepDialogProps>) {
  const { t } = useTranslation();
  const { deadlineContext } = useDeskState();
  const timeZone = deadlineContext.timeZone;
  const step = useCaseStep(caseEntity.id);
  const latest = extensionLatest(caseEntity, step.context());
  const form = useActionForm<ExtensionRequestInput, ExtensionRequestField>(
    () => ({
      requestedDueAtLocal: latest ? instantToLocalDateTime(latest, timeZone) : '',
      reason: '',
    }),
    {
      deadline: formatDateTime(caseEntity.deadline?.dueAt, timeZone),
      latest: formatDateTime(latest, timeZone),
    },
  );
  const submit = async () => {
    const ctx = step.context();
    const result = extensionRequestCommand(form.values, caseEntity, ctx);
    if (!form.accept(result)) return false;
    await step.record('case/extensionRequested', result.payload, ctx.now);
    return true;
  };
  return (
    <ActionDialog
      title={t('caseActions.actions.extensionRequest')}
      onClose={onClose}
      onSubmit={submit}
    >
      <Typography variant="body2" component="div">
        {t('caseActions.fields.currentDeadline', { deadline: '' })}
        <DeadlineText deadline={caseEntity.deadline} showRemaining inline />
      </Typography>
      <DateTimeInput
        name="requestedDueAt"
        label={t('caseActions.fields.requestedDueAt')}
        value={form.values.requestedDueAtLocal}
        onChange={(value) => form.set('requestedDueAtLocal', value)}
        required
        autoFocus
        {...form.problem(
          'requestedDueAt',
          latest
            ? t('caseActions.fields.latestExtension', { latest: formatDateTime(latest, timeZone) })
            : undefined,
        )}
      />
      <TextField
        {...form.text('reason', t('caseActions.fields.extensionReason'))}
        multiline
        minRows={2}
        required
      />
    </ActionDialog>
  );
}
