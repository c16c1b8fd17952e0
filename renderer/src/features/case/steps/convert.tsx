import { TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { rulesLabel } from '@shared/rules/rules-query';
import {
  convertCommand,
  convertTargets,
  type ConvertField,
  type ConvertInput,
} from '@shared/workflow/commands/closing';
import { useDeskState } from '../../../desk/desk-state';
import { ActionDialog } from './ActionDialog';
import { caseStepDefine, type CaseStepDialogProps } from './case-step';
import { SelectField } from './SelectField';
import { useActionForm } from './useActionForm';
import { useCaseStep } from './useCaseStep';

export const convertStep = caseStepDefine({
  id: 'convert',
  group: 'record',
  events: ['case/converted'],
  isOffered: (c, rules) => convertTargets(c, rules).length > 0,
  Dialog: ConvertDialog,
});

/** An inquiry converted into a complaint (咨询转投诉); never the reverse (S003-O). */
function ConvertDialog({ caseEntity, onClose }: Readonly<CaseStepDialogProps>) {
  const { t } = useTranslation();
  const { rules, locale } = useDeskState();
  const step = useCaseStep(caseEntity.id);
  const targets = convertTargets(caseEntity, rules);
  const form = useActionForm<ConvertInput, ConvertField>(() => ({
    toKindId: targets.length === 1 ? (targets[0]?.id ?? '') : '',
    reason: '',
  }));
  const submit = async () => {
    const ctx = step.context();
    const result = convertCommand(form.values, caseEntity, ctx);
    if (!form.accept(result)) return false;
    await step.record('case/converted', result.payload, ctx.now);
    return true;
  };
  return (
    <ActionDialog title={t('caseActions.actions.convert')} onClose={onClose} onSubmit={submit}>
      <SelectField
        name="toKindId"
        label={t('caseActions.fields.toKind')}
        value={form.values.toKindId}
        onChange={(value) => form.set('toKindId', value)}
        placeholder={t('caseActions.fields.choose')}
        options={targets.map((kind) => ({ value: kind.id, label: rulesLabel(kind.label, locale) }))}
        required
        {...form.problem('toKindId')}
      />
      <TextField
        {...form.text('reason', t('caseActions.fields.convertReason'))}
        multiline
        minRows={2}
        required
        autoFocus
      />
    </ActionDialog>
  );
}
