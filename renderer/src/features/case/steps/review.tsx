import { Grid, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import {
  reviewCommand,
  type ReviewField,
  type ReviewInput,
} from '@shared/workflow/commands/escalation';
import { ActionDialog } from './ActionDialog';
import { caseStepDefine, type CaseStepDialogProps } from './case-step';
import { useActionForm } from './useActionForm';
import { useCaseStep } from './useCaseStep';

/** The review record's fields in the order of the printed form (DOMAIN.md section 7). */
const LONG_FIELDS: readonly (keyof ReviewInput)[] = [
  'customerDemand',
  'progress',
  'proposedSolution',
];
const SHORT_FIELDS: readonly (keyof ReviewInput)[] = ['feasibility', 'cost', 'fairness'];

export const reviewStep = caseStepDefine({
  id: 'review',
  group: 'step',
  events: ['case/reviewed'],
  Dialog: ReviewDialog,
});

/**
 * Internal review (内部评审): the review record of the proposed solution. A case reviewed before
 * gets a second review (第 2 次评审), after the customer disagreed with the first solution.
 */
function ReviewDialog({ caseEntity, events, onClose }: Readonly<CaseStepDialogProps>) {
  const { t } = useTranslation();
  const step = useCaseStep(caseEntity.id);
  const round = events.filter((event) => event.type === 'case/reviewed').length + 1;
  const form = useActionForm<ReviewInput, ReviewField>(() => ({
    customerDemand: caseEntity.demand,
    progress: caseEntity.reply ?? '',
    proposedSolution: '',
    feasibility: '',
    cost: '',
    fairness: '',
    reviewers: '',
    decision: '',
  }));
  const submit = async () => {
    const ctx = step.context();
    const result = reviewCommand(form.values, round);
    if (!form.accept(result)) return false;
    await step.record('case/reviewed', result.payload, ctx.now);
    return true;
  };
  const required: readonly (keyof ReviewInput)[] = ['proposedSolution', 'reviewers', 'decision'];
  const field = (key: keyof ReviewInput, multiline: boolean) => (
    <TextField
      key={key}
      {...form.text(key, t(`caseActions.fields.${key === 'decision' ? 'reviewDecision' : key}`), {
        help: key === 'reviewers' ? t('caseActions.fields.reviewersHelp') : undefined,
      })}
      multiline={multiline}
      minRows={multiline ? 2 : undefined}
      required={required.includes(key)}
      fullWidth
    />
  );
  return (
    <ActionDialog title={t('caseActions.actions.review')} onClose={onClose} onSubmit={submit} wide>
      <Typography variant="subtitle1" component="p">
        {t('caseActions.fields.reviewRound', { round })}
      </Typography>
      {LONG_FIELDS.map((key) => field(key, true))}
      <Grid container spacing={2}>
        {SHORT_FIELDS.map((key) => (
          <Grid key={key} size={{ xs: 12, md: 4 }}>
            {field(key, false)}
          </Grid>
        ))}
      </Grid>
      {field('reviewers', false)}
      {field('decision', true)}
    </ActionDialog>
  );
}
