import { TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import {
  correctiveActionCommand,
  type CorrectiveActionField,
  type CorrectiveActionInput,
} from '@shared/workflow/commands/closing';
import { ActionDialog } from './ActionDialog';
import { caseStepDefine, type CaseStepDialogProps } from './case-step';
import { useActionForm } from './useActionForm';
import { useCaseStep } from './useCaseStep';

const FIELDS: readonly {
  readonly key: keyof CorrectiveActionInput;
  readonly label: string;
  readonly required: boolean;
  readonly multiline: boolean;
}[] = [
  { key: 'rootCause', label: 'rootCause', required: true, multiline: true },
  { key: 'action', label: 'correctiveAction', required: true, multiline: true },
  { key: 'owner', label: 'owner', required: true, multiline: false },
  { key: 'approvedBy', label: 'approvedBy', required: false, multiline: false },
  { key: 'effectCheck', label: 'effectCheck', required: false, multiline: true },
];

export const correctiveActionStep = caseStepDefine({
  id: 'correctiveAction',
  group: 'record',
  events: ['case/correctiveAction'],
  Dialog: CorrectiveActionDialog,
});

/**
 * Corrective and preventive action (纠正/预防措施): the root cause, the action and who owns it;
 * the approval and the check of its effect may follow in a later record.
 */
function CorrectiveActionDialog({ caseEntity, onClose }: Readonly<CaseStepDialogProps>) {
  const { t } = useTranslation();
  const step = useCaseStep(caseEntity.id);
  const form = useActionForm<CorrectiveActionInput, CorrectiveActionField>({
    rootCause: '',
    action: '',
    owner: caseEntity.unitName ?? '',
    approvedBy: '',
    effectCheck: '',
  });
  const submit = async () => {
    const ctx = step.context();
    const result = correctiveActionCommand(form.values);
    if (!form.accept(result)) return false;
    await step.record('case/correctiveAction', result.payload, ctx.now);
    return true;
  };
  return (
    <ActionDialog
      title={t('caseActions.actions.correctiveAction')}
      onClose={onClose}
      onSubmit={submit}
    >
      {FIELDS.map(({ key, label, required, multiline }, index) => (
        <TextField
          key={key}
          {...form.text(key, t(`caseActions.fields.${label}`))}
          required={required}
          multiline={multiline}
          minRows={multiline ? 2 : undefined}
          autoFocus={index === 0}
        />
      ))}
    </ActionDialog>
  );
}
