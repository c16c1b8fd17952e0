import { TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { levelChangeCommand, type LevelChangeField } from '@shared/workflow/commands/escalation';
import { deadlineStartsOf } from '@shared/workflow/deadline-recompute';
import { ActionDialog } from './ActionDialog';
import { caseStepDefine, type CaseStepDialogProps } from './case-step';
import { SelectField } from './SelectField';
import { useCaseStep } from './useCaseStep';
import { useLevelForm } from './useLevelForm';

export const levelChangeStep = caseStepDefine({
  id: 'levelChange',
  group: 'record',
  events: ['case/levelChanged'],
  isOffered: (_c, rules) => rules.levels.length > 1,
  Dialog: LevelChangeDialog,
});

/** Level changed (调整级别) without escalating; from the banner, with the rule's level. */
function LevelChangeDialog({
  caseEntity,
  events,
  onClose,
  suggestion,
}: Readonly<CaseStepDialogProps>) {
  const { t } = useTranslation();
  const step = useCaseStep(caseEntity.id);
  const { form, levelOptions, suggestedByRule } = useLevelForm<LevelChangeField>(suggestion);
  const submit = async () => {
    const ctx = step.context();
    const result = levelChangeCommand(
      { ...form.values, suggestedByRule: suggestedByRule() },
      caseEntity,
      ctx,
      // A reopened case's deadline counts from its reopening.
      deadlineStartsOf(events),
    );
    if (!form.accept(result)) return false;
    await step.record('case/levelChanged', result.payload, ctx.now);
    return true;
  };
  return (
    <ActionDialog title={t('caseActions.actions.levelChange')} onClose={onClose} onSubmit={submit}>
      <SelectField
        name="levelId"
        label={t('caseActions.fields.level')}
        value={form.values.levelId}
        onChange={(value) => form.set('levelId', value)}
        placeholder={t('caseActions.fields.choose')}
        options={levelOptions}
        required
        {...form.problem('levelId')}
      />
      <TextField
        {...form.text('reason', t('caseActions.fields.levelReason'))}
        multiline
        minRows={2}
        required
      />
    </ActionDialog>
  );
}
