import { TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { deadlineCompute } from '@shared/calendar/deadline';
import { escalateCommand, type EscalateField } from '@shared/workflow/commands/escalation';
import { useDeskState } from '../../../desk/desk-state';
import { DeadlineText } from '../../../ui/DeadlineText';
import { ActionDialog } from './ActionDialog';
import { caseStepDefine, type CaseStepDialogProps } from './case-step';
import { SelectField } from './SelectField';
import { useCaseStep } from './useCaseStep';
import { useLevelForm } from './useLevelForm';

export const escalateStep = caseStepDefine({
  id: 'escalate',
  group: 'step',
  events: ['case/escalated'],
  Dialog: EscalateDialog,
});

/**
 * Escalated (升级处理): a reason and, optionally, a higher level. Opened from the suggestion
 * banner, it starts with the rule's level and reasons, and records that a rule suggested it.
 */
function EscalateDialog({ caseEntity, onClose, suggestion }: Readonly<CaseStepDialogProps>) {
  const { t } = useTranslation();
  const { rules } = useDeskState();
  const step = useCaseStep(caseEntity.id);
  const { form, levelOptions, suggestedByRule } = useLevelForm<EscalateField>(suggestion);
  const ctx = step.context();
  const deadline = deadlineCompute(rules.deadlines.escalated, ctx.now, ctx.deadline);
  const submit = async () => {
    const now = step.context();
    const result = escalateCommand(
      // Recorded as the rule's only when the clerk kept the level it suggested.
      { ...form.values, suggestedByRule: suggestedByRule() },
      now,
      caseEntity,
    );
    if (!form.accept(result)) return false;
    await step.record('case/escalated', result.payload, now.now);
    return true;
  };
  return (
    <ActionDialog title={t('caseActions.actions.escalate')} onClose={onClose} onSubmit={submit}>
      <TextField
        {...form.text('reason', t('caseActions.fields.escalateReason'))}
        multiline
        minRows={2}
        required
        autoFocus
      />
      <SelectField
        name="levelId"
        label={t('caseActions.fields.level')}
        value={form.values.levelId}
        onChange={(value) => form.set('levelId', value)}
        placeholder={t('caseActions.fields.levelKeep')}
        options={levelOptions}
        {...form.problem('levelId')}
      />
      <Typography variant="body2" component="div">
        {t('caseActions.fields.escalatedDeadline')}
        <DeadlineText deadline={deadline} inline />
      </Typography>
    </ActionDialog>
  );
}
