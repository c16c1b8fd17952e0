import {
  Autocomplete,
  Box,
  Checkbox,
  FormControlLabel,
  TextField,
  Typography,
} from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { instantToLocalDateTime } from '@shared/kernel/time';
import { unitNameKey } from '@shared/organisation/units';
import {
  dispatchCheck,
  dispatchPayload,
  dispatchProposedDeadline,
  type DispatchField,
  type DispatchInput,
} from '@shared/workflow/commands/dispatch';
import { unitAdd, unitList } from '../../../db/repos/units';
import { useDeskSession } from '../../../desk/desk-session';
import { useDeskState } from '../../../desk/desk-state';
import { useDeskServices } from '../../../desk/services';
import { formatDateTime } from '../../../vocabulary/format';
import { DeadlineText } from '../../../ui/DeadlineText';
import { ActionDialog } from './ActionDialog';
import { isRedispatch, type CaseStepDialogProps } from './case-step';
import { useActionForm } from './useActionForm';
import { useCaseStep } from './useCaseStep';
import { DateTimeInput } from '../../../ui/DateTimeInput';

/**
 * Dispatch (交办) or re-dispatch (改派): the unit (picked, or typed as a new one), its handler,
 * the deadline the rules give (or another with a reason) and the instructions.
 */
export function DispatchDialog({ caseEntity, onClose }: Readonly<CaseStepDialogProps>) {
  const { t } = useTranslation();
  const { db } = useDeskServices();
  const { deadlineContext } = useDeskState();
  const session = useDeskSession();
  const step = useCaseStep(caseEntity.id);
  const units = useLiveQuery(() => unitList(db), [db]) ?? [];
  const proposed = dispatchProposedDeadline(caseEntity, step.context());
  const timeZone = deadlineContext.timeZone;
  const form = useActionForm<DispatchInput, DispatchField>(
    () => ({
      unitName: '',
      handlerName: '',
      dueMode: proposed ? 'rules' : 'manual',
      dueAtLocal: proposed ? instantToLocalDateTime(proposed.dueAt, timeZone) : '',
      deadlineReason: '',
      instructions: '',
    }),
    { receivedAt: formatDateTime(caseEntity.receivedAt, timeZone) },
  );
  const { values, set } = form;
  const manual = values.dueMode === 'manual';

  const submit = async () => {
    const ctx = step.context();
    const result = dispatchCheck(values, caseEntity, ctx);
    if (!form.accept(result)) return false;
    // Read again: the list shown may still be loading, or changed in another window.
    const key = unitNameKey(result.payload.unitName);
    const known = (await unitList(db)).find((unit) => unitNameKey(unit.name) === key);
    if (known && !known.active) {
      form.setErrors([{ field: 'unitName', code: 'unitInactive' }]);
      return false;
    }
    // A new name becomes a unit of the desk first (its own audited write), then the dispatch.
    const unit = known ?? (await unitAdd(session, { name: result.payload.unitName }));
    await step.record('case/dispatched', dispatchPayload(result.payload, unit.id), ctx.now);
    return true;
  };

  const unitProblem = form.problem('unitName', t('caseActions.fields.unitHelp'));
  return (
    <ActionDialog
      title={t(`caseActions.actions.${isRedispatch(caseEntity) ? 'redispatch' : 'dispatch'}`)}
      onClose={onClose}
      onSubmit={submit}
    >
      <Autocomplete
        freeSolo
        options={units.filter((unit) => unit.active).map((unit) => unit.name)}
        inputValue={values.unitName}
        onInputChange={(_event, value) => set('unitName', value)}
        renderInput={(params) => (
          <TextField
            {...params}
            name="unitName"
            label={t('caseActions.fields.unit')}
            required
            autoFocus
            {...unitProblem}
          />
        )}
      />
      <TextField {...form.text('handlerName', t('caseActions.fields.handlerName'))} />
      <Box>
        <Typography variant="body2" component="div" data-testid="rule-deadline">
          {proposed ? (
            <>
              {t('caseActions.fields.ruleDeadline')}：
              <DeadlineText deadline={proposed} showRemaining inline />
            </>
          ) : (
            t('caseActions.fields.ruleDeadlineNone')
          )}
        </Typography>
        {proposed ? (
          <FormControlLabel
            control={
              <Checkbox
                checked={manual}
                onChange={(event) => set('dueMode', event.target.checked ? 'manual' : 'rules')}
              />
            }
            label={t('caseActions.fields.editDeadline')}
          />
        ) : null}
      </Box>
      {manual ? (
        <>
          <DateTimeInput
            name="dueAt"
            label={t('caseActions.fields.dueAt')}
            value={values.dueAtLocal}
            onChange={(value) => set('dueAtLocal', value)}
            required
            {...form.problem('dueAt')}
          />
          {proposed ? (
            <TextField
              {...form.text('deadlineReason', t('caseActions.fields.deadlineReason'))}
              required
            />
          ) : null}
        </>
      ) : null}
      <TextField
        {...form.text('instructions', t('caseActions.fields.instructions'))}
        multiline
        minRows={2}
      />
    </ActionDialog>
  );
}
