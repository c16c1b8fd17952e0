import { Checkbox, FormControlLabel, FormHelperText, TextField, Box } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { rulesFollowUpRequired } from '@shared/rules/rules-query';
import {
  handleDirectlyCommand,
  type HandleDirectlyField,
  type HandleDirectlyInput,
} from '@shared/workflow/commands/handling';
import { useDeskState } from '../../../desk/desk-state';
import { ActionDialog } from './ActionDialog';
import { caseStepDefine, type CaseStepDialogProps } from './case-step';
import { useActionForm } from './useActionForm';
import { useCaseStep } from './useCaseStep';

export const handleDirectlyStep = caseStepDefine({
  id: 'handleDirectly',
  group: 'step',
  events: ['case/handledDirectly'],
  Dialog: HandleDirectlyDialog,
});

/** Handled directly (直办): the answer given on the spot, and whether it is followed up. */
function HandleDirectlyDialog({ caseEntity, onClose }: Readonly<CaseStepDialogProps>) {
  const { t } = useTranslation();
  const { rules } = useDeskState();
  const step = useCaseStep(caseEntity.id);
  const rule = rulesFollowUpRequired(rules, caseEntity.kindId);
  const form = useActionForm<HandleDirectlyInput, HandleDirectlyField>({
    answer: '',
    followUpRequired: rule === 'always',
  });
  const submit = async () => {
    const ctx = step.context();
    const result = handleDirectlyCommand(form.values, caseEntity, ctx);
    if (!form.accept(result)) return false;
    await step.record('case/handledDirectly', result.payload, ctx.now);
    return true;
  };
  return (
    <ActionDialog
      title={t('caseActions.actions.handleDirectly')}
      onClose={onClose}
      onSubmit={submit}
    >
      <TextField
        {...form.text('answer', t('caseActions.fields.answer'), {
          help: t('caseActions.fields.answerHelp'),
        })}
        multiline
        minRows={3}
        required
        autoFocus
      />
      <Box>
        <FormControlLabel
          control={
            <Checkbox
              checked={form.values.followUpRequired}
              onChange={(event) => form.set('followUpRequired', event.target.checked)}
            />
          }
          label={t('caseActions.fields.followUpRequired')}
        />
        <FormHelperText>
          {t('caseActions.fields.followUpRequiredHelp', {
            rule: t(
              `caseActions.fields.${rule === 'always' ? 'followUpAlways' : 'followUpSample'}`,
            ),
          })}
        </FormHelperText>
      </Box>
    </ActionDialog>
  );
}
