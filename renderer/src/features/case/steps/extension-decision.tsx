import {
  FormControl,
  FormControlLabel,
  FormLabel,
  Radio,
  RadioGroup,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import {
  extensionDecisionCommand,
  type ExtensionDecisionField,
  type ExtensionDecisionInput,
} from '@shared/workflow/commands/extension';
import { useDeskState } from '../../../desk/desk-state';
import { formatDateTime } from '../../../vocabulary/format';
import { ActionDialog } from './ActionDialog';
import { caseStepDefine, type CaseStepDialogProps } from './case-step';
import { useActionForm } from './useActionForm';
import { useCaseStep } from './useCaseStep';

export const extensionDecisionStep = caseStepDefine({
  id: 'extensionDecision',
  group: 'step',
  events: ['case/extensionDecided'],
  Dialog: ExtensionDecisionDialog,
});

/** Extension decided (延期批准): approve the date asked for, or refuse it with a reason. */
function ExtensionDecisionDialog({ caseEntity, onClose }: Readonly<CaseStepDialogProps>) {
  const { t } = useTranslation();
  const { deadlineContext } = useDeskState();
  const step = useCaseStep(caseEntity.id);
  const form = useActionForm<ExtensionDecisionInput, ExtensionDecisionField>({
    approved: true,
    note: '',
  });
  const pending = caseEntity.pendingExtension;
  const submit = async () => {
    const ctx = step.context();
    const result = extensionDecisionCommand(form.values, caseEntity);
    if (!form.accept(result)) return false;
    await step.record('case/extensionDecided', result.payload, ctx.now);
    return true;
  };
  return (
    <ActionDialog
      title={t('caseActions.actions.extensionDecision')}
      onClose={onClose}
      onSubmit={submit}
    >
      {pending ? (
        <Typography>
          {t('caseActions.fields.pendingRequest', {
            due: formatDateTime(pending.requestedDueAt, deadlineContext.timeZone),
            reason: pending.reason,
          })}
        </Typography>
      ) : null}
      <FormControl>
        <FormLabel id="extension-decision">{t('caseActions.fields.decision')}</FormLabel>
        <RadioGroup
          row
          aria-labelledby="extension-decision"
          value={form.values.approved ? 'approve' : 'refuse'}
          onChange={(event) => form.set('approved', event.target.value === 'approve')}
        >
          <FormControlLabel
            value="approve"
            control={<Radio />}
            label={t('caseActions.fields.approve')}
          />
          <FormControlLabel
            value="refuse"
            control={<Radio />}
            label={t('caseActions.fields.refuse')}
          />
        </RadioGroup>
      </FormControl>
      <TextField
        {...form.text('note', t('caseActions.fields.decisionNote'), {
          help: t('caseActions.fields.decisionNoteHelp'),
        })}
        multiline
        minRows={2}
        required={!form.values.approved}
      />
    </ActionDialog>
  );
}
