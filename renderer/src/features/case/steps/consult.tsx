import { TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import {
  CONSULTATION_OUTCOMES,
  consultCommand,
  type ConsultField,
  type ConsultInput,
} from '@shared/workflow/commands/escalation';
import type { ConsultationOutcome } from '@shared/workflow/events';
import { ActionDialog } from './ActionDialog';
import { caseStepDefine, type CaseStepDialogProps } from './case-step';
import { SelectField } from './SelectField';
import { useActionForm } from './useActionForm';
import { useCaseStep } from './useCaseStep';

export const consultStep = caseStepDefine({
  id: 'consult',
  group: 'step',
  events: ['case/consulted'],
  Dialog: ConsultDialog,
});

/**
 * Customer consulted (客户意见征询) on the reviewed solution: agrees, a small disagreement (revise
 * the measures), a large one (escalate or review again), cannot be met, or external review.
 */
function ConsultDialog({ caseEntity, onClose }: Readonly<CaseStepDialogProps>) {
  const { t } = useTranslation();
  const step = useCaseStep(caseEntity.id);
  const form = useActionForm<ConsultInput, ConsultField>({ outcome: '', note: '' });
  const submit = async () => {
    const ctx = step.context();
    const result = consultCommand(form.values, caseEntity, ctx);
    if (!form.accept(result)) return false;
    await step.record('case/consulted', result.payload, ctx.now);
    return true;
  };
  return (
    <ActionDialog title={t('caseActions.actions.consult')} onClose={onClose} onSubmit={submit}>
      <SelectField
        name="outcome"
        label={t('caseActions.fields.consultOutcome')}
        value={form.values.outcome}
        onChange={(value) => form.set('outcome', value as ConsultationOutcome | '')}
        placeholder={t('caseActions.fields.choose')}
        options={CONSULTATION_OUTCOMES.map((outcome) => ({
          value: outcome,
          label: t(`eventFacts.consultOutcomes.${outcome}`),
        }))}
        required
        {...form.problem('outcome')}
      />
      <TextField
        {...form.text('note', t('caseActions.fields.consultNote'), {
          help: t('caseActions.fields.consultNoteHelp'),
        })}
        multiline
        minRows={3}
        required
      />
    </ActionDialog>
  );
}
