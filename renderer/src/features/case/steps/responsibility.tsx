import {
  Autocomplete,
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  Radio,
  RadioGroup,
  TextField,
} from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { unitNameKey } from '@shared/organisation/units';
import {
  responsibilityCommand,
  type ResponsibilityField,
  type ResponsibilityInput,
} from '@shared/workflow/commands/closing';
import { unitsActive } from '../../../db/repos/units';
import { useDeskServices } from '../../../desk/services';
import { ActionDialog } from './ActionDialog';
import { caseStepDefine, type CaseStepDialogProps } from './case-step';
import { useActionForm } from './useActionForm';
import { useCaseStep } from './useCaseStep';

type Validity = ResponsibilityInput['validity'];

export const responsibilityStep = caseStepDefine({
  id: 'responsibility',
  group: 'record',
  events: ['case/responsibilityDetermined'],
  Dialog: ResponsibilityDialog,
});

/**
 * Responsibility determined (定责): valid or invalid, and the responsible unit or department and
 * person (the hospital counts each confirmed complaint in the person's yearly record).
 */
function ResponsibilityDialog({ caseEntity, onClose }: Readonly<CaseStepDialogProps>) {
  const { t } = useTranslation();
  const { db } = useDeskServices();
  const step = useCaseStep(caseEntity.id);
  const units = useLiveQuery(() => unitsActive(db), [db]) ?? [];
  const known = caseEntity.responsibility;
  const form = useActionForm<Omit<ResponsibilityInput, 'unitId'>, ResponsibilityField>(() => ({
    validity: known ? (known.valid ? 'valid' : 'invalid') : '',
    unitName: known?.unitName ?? caseEntity.unitName ?? '',
    personName: known?.personName ?? caseEntity.handlerName ?? '',
    note: '',
  }));
  const submit = async () => {
    const ctx = step.context();
    const key = unitNameKey(form.values.unitName);
    const unit = units.find((candidate) => unitNameKey(candidate.name) === key);
    const result = responsibilityCommand({ ...form.values, unitId: unit?.id });
    if (!form.accept(result)) return false;
    await step.record('case/responsibilityDetermined', result.payload, ctx.now);
    return true;
  };
  const validity = form.problem('validity');
  return (
    <ActionDialog
      title={t('caseActions.actions.responsibility')}
      onClose={onClose}
      onSubmit={submit}
    >
      <FormControl error={validity.error} required>
        <FormLabel id="responsibility-validity">{t('caseActions.fields.validity')}</FormLabel>
        <RadioGroup
          row
          aria-labelledby="responsibility-validity"
          name="validity"
          value={form.values.validity}
          onChange={(event) => form.set('validity', event.target.value as Validity)}
        >
          <FormControlLabel
            value="valid"
            control={<Radio slotProps={{ input: { 'aria-invalid': validity.error } }} />}
            label={t('caseActions.fields.valid')}
          />
          <FormControlLabel
            value="invalid"
            control={<Radio />}
            label={t('caseActions.fields.invalid')}
          />
        </RadioGroup>
        {validity.helperText ? <FormHelperText>{validity.helperText}</FormHelperText> : null}
      </FormControl>
      <Autocomplete
        freeSolo
        options={units.map((unit) => unit.name)}
        inputValue={form.values.unitName}
        onInputChange={(_event, value) => form.set('unitName', value)}
        renderInput={(params) => (
          <TextField
            {...params}
            name="unitName"
            label={t('caseActions.fields.responsibleUnit')}
            required={form.values.validity === 'valid'}
            {...form.problem('unitName')}
          />
        )}
      />
      <TextField
        {...form.text('personName', t('caseActions.fields.responsiblePerson'))}
        required={form.values.validity === 'valid'}
      />
      <TextField
        {...form.text('note', t('caseActions.fields.responsibilityNote'))}
        multiline
        minRows={2}
      />
    </ActionDialog>
  );
}
