import { Alert, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { rulesLabel } from '@shared/rules/rules-query';
import {
  closeCommand,
  isComplaintCase,
  type CloseField,
  type CloseInput,
} from '@shared/workflow/commands/closing';
import { useDeskState } from '../../../desk/desk-state';
import { ActionDialog } from './ActionDialog';
import { caseStepDefine, type CaseStepDialogProps } from './case-step';
import { SelectField } from './SelectField';
import { useActionForm } from './useActionForm';
import { useCaseStep } from './useCaseStep';

export const closeStep = caseStepDefine({
  id: 'close',
  group: 'step',
  events: ['case/closed'],
  Dialog: CloseDialog,
});

/**
 * Closed (结案): the final cause from the desk's two-level list (statistics count by it, not by
 * the category guessed at intake) and a summary.
 */
function CloseDialog({ caseEntity, onClose }: Readonly<CaseStepDialogProps>) {
  const { t } = useTranslation();
  const { rules, locale } = useDeskState();
  const step = useCaseStep(caseEntity.id);
  const form = useActionForm<CloseInput, CloseField>({ finalCauseId: '', summary: '' });
  const submit = async () => {
    const ctx = step.context();
    const result = closeCommand(form.values, ctx);
    if (!form.accept(result)) return false;
    await step.record('case/closed', result.payload, ctx.now);
    return true;
  };
  const label = (text: Parameters<typeof rulesLabel>[0]) => rulesLabel(text, locale);
  const leaves = rules.finalCauses.filter((cause) => !cause.children?.length);
  const headings = rules.finalCauses.filter((cause) => cause.children?.length);
  return (
    <ActionDialog title={t('caseActions.actions.close')} onClose={onClose} onSubmit={submit}>
      {isComplaintCase(caseEntity, rules) && !caseEntity.responsibility ? (
        <Alert severity="info">{t('caseActions.fields.noResponsibility')}</Alert>
      ) : null}
      <SelectField
        name="finalCauseId"
        label={t('caseActions.fields.finalCause')}
        value={form.values.finalCauseId}
        onChange={(value) => form.set('finalCauseId', value)}
        placeholder={t('caseActions.fields.choose')}
        options={leaves.map((cause) => ({ value: cause.id, label: label(cause.label) }))}
        groups={headings.map((heading) => ({
          label: label(heading.label),
          options: (heading.children ?? []).map((cause) => ({
            value: cause.id,
            label: label(cause.label),
          })),
        }))}
        required
        {...form.problem('finalCauseId')}
      />
      <TextField
        {...form.text('summary', t('caseActions.fields.summary'))}
        multiline
        minRows={3}
        required
      />
    </ActionDialog>
  );
}
