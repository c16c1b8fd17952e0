import { Alert, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { rulesKind, rulesLabel } from '@shared/rules/rules-query';
import {
  isComplaintCase,
  markInvalidCommand,
  type MarkInvalidField,
  type MarkInvalidInput,
} from '@shared/workflow/commands/closing';
import { useDeskState } from '../../../desk/desk-state';
import { ActionDialog } from './ActionDialog';
import { caseStepDefine, type CaseStepDialogProps } from './case-step';
import { useActionForm } from './useActionForm';
import { useCaseStep } from './useCaseStep';

export const markInvalidStep = caseStepDefine({
  id: 'markInvalid',
  group: 'record',
  events: ['case/markedInvalid'],
  isOffered: (c, rules) => isComplaintCase(c, rules) && c.valid !== false,
  Dialog: MarkInvalidDialog,
});

/**
 * Marked invalid (判定无效): kept, never deleted; counted as another kind where the rules say so
 * (the property preset: as a request), closed with the explanation elsewhere.
 */
function MarkInvalidDialog({ caseEntity, onClose }: Readonly<CaseStepDialogProps>) {
  const { t } = useTranslation();
  const { rules, locale } = useDeskState();
  const step = useCaseStep(caseEntity.id);
  const form = useActionForm<MarkInvalidInput, MarkInvalidField>({ explanation: '' });
  const submit = async () => {
    const ctx = step.context();
    const result = markInvalidCommand(form.values, caseEntity, ctx);
    if (!form.accept(result)) return false;
    await step.record('case/markedInvalid', result.payload, ctx.now);
    return true;
  };
  const becomes = rules.invalidComplaintBecomesKindId
    ? rulesKind(rules, rules.invalidComplaintBecomesKindId)
    : undefined;
  const kindProblem = form.problem('kindId');
  return (
    <ActionDialog title={t('caseActions.actions.markInvalid')} onClose={onClose} onSubmit={submit}>
      <Alert severity="info">
        {becomes
          ? t('caseActions.fields.invalidBecomes', { kind: rulesLabel(becomes.label, locale) })
          : t('caseActions.fields.invalidCloses')}
      </Alert>
      {kindProblem.error ? <Alert severity="error">{kindProblem.helperText}</Alert> : null}
      <TextField
        {...form.text('explanation', t('caseActions.fields.explanation'))}
        multiline
        minRows={3}
        required
        autoFocus
      />
    </ActionDialog>
  );
}
