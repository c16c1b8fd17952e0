import { TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { rulesLabel } from '../../../../../shared/rules-query';
import {
  levelChangeCommand,
  type LevelChangeField,
} from '../../../../../shared/workflow/commands/escalation';
import { useDeskState } from '../../../app/desk-state';
import { ActionDialog } from './ActionDialog';
import type { CaseActionDialogProps } from './dialog-props';
import { levelSuggestionReasons } from './level-suggestion';
import { SelectField } from './SelectField';
import { useActionForm } from './useActionForm';
import { useCaseStep } from './useCaseStep';

/** Level changed (调整级别) without escalating; from the banner, with the rule's level. */
export function LevelChangeDialog({
  caseEntity,
  onClose,
  suggestion,
}: Readonly<CaseActionDialogProps>) {
  const { t } = useTranslation();
  const { rules, locale } = useDeskState();
  const step = useCaseStep(caseEntity.id);
  const form = useActionForm<{ levelId: string; reason: string }, LevelChangeField>(() => ({
    levelId: suggestion?.levelId ?? '',
    reason: suggestion ? levelSuggestionReasons(suggestion, t, locale) : '',
  }));
  const submit = async () => {
    const ctx = step.context();
    const result = levelChangeCommand(
      {
        ...form.values,
        suggestedByRule: suggestion !== undefined && form.values.levelId === suggestion.levelId,
      },
      caseEntity,
      ctx,
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
        options={rules.levels.map((level) => ({
          value: level.id,
          label: rulesLabel(level.label, locale),
        }))}
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
