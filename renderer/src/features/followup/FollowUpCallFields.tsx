import { Alert, Checkbox, FormControlLabel, Grid, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import {
  FOLLOW_UP_ATTEMPT_OUTCOMES,
  followUpScore,
  type FollowUpFormError,
  type FollowUpFormField,
} from '@shared/workflow/followup';
import { rulesIsSatisfied, rulesLabel } from '@shared/rules/rules-query';
import { useDeskState } from '../../desk/desk-state';
import type { FollowUpFormDraft } from './follow-up-form';

export interface FollowUpCallFieldsProps {
  readonly draft: FollowUpFormDraft;
  readonly onChange: (next: FollowUpFormDraft) => void;
  readonly errors: readonly FollowUpFormError[];
}

const NATIVE = { select: { native: true }, inputLabel: { shrink: true } } as const;

/** The labelled controls of one call or visit: how, what came of it, and the answers. */
export function FollowUpCallFields({ draft, onChange, errors }: Readonly<FollowUpCallFieldsProps>) {
  const { t } = useTranslation();
  const { rules, locale } = useDeskState();
  const { scale, questions, methods } = rules.followUp;
  const problem = (field: FollowUpFormField) => {
    const error = errors.find((e) => e.field === field);
    return error ? { error: true, helperText: t(`followUp.errors.${error.code}`) } : {};
  };
  const set = <K extends keyof FollowUpFormDraft>(field: K, value: FollowUpFormDraft[K]) =>
    onChange({ ...draft, [field]: value });
  const setAnswer = (index: number, value: string) =>
    set(
      'answers',
      draft.answers.map((answer, i) => (i === index ? value : answer)),
    );

  const reached = draft.outcome === 'reached';
  const score = followUpScore(rules, draft.satisfaction);
  const scores: number[] = [];
  for (let s = scale.max; s >= scale.min; s--) scores.push(s);

  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, sm: 4 }}>
        <TextField
          select
          fullWidth
          name="method"
          label={t('followUp.method')}
          value={draft.method}
          onChange={(e) => set('method', e.target.value)}
          slotProps={NATIVE}
          {...problem('method')}
        >
          {methods.map((method) => (
            <option key={method} value={method}>
              {t(`followUp.methods.${method}`)}
            </option>
          ))}
        </TextField>
      </Grid>
      <Grid size={{ xs: 12, sm: 8 }}>
        <TextField
          select
          fullWidth
          name="outcome"
          label={t('followUp.outcome')}
          value={draft.outcome}
          onChange={(e) => set('outcome', e.target.value as FollowUpFormDraft['outcome'])}
          slotProps={NATIVE}
          {...problem('outcome')}
        >
          <option value="reached">{t('followUp.outcomes.reached')}</option>
          {FOLLOW_UP_ATTEMPT_OUTCOMES.map((outcome) => (
            <option key={outcome} value={outcome}>
              {t(`followUp.outcomes.${outcome}`)}
            </option>
          ))}
        </TextField>
      </Grid>
      {reached ? (
        <>
          {questions.map((question, i) => (
            <Grid key={i} size={12}>
              <TextField
                fullWidth
                multiline
                name={`answers.${i}`}
                label={rulesLabel(question, locale)}
                value={draft.answers[i] ?? ''}
                onChange={(e) => setAnswer(i, e.target.value)}
                {...problem(`answers.${i}`)}
              />
            </Grid>
          ))}
          <Grid size={{ xs: 12, sm: 4 }}>
            <TextField
              select
              fullWidth
              name="satisfaction"
              label={t('followUp.satisfaction', { min: scale.min, max: scale.max })}
              value={draft.satisfaction}
              onChange={(e) => set('satisfaction', e.target.value)}
              slotProps={NATIVE}
              helperText={t('followUp.satisfactionHelp', { at: scale.satisfiedAtLeast })}
              {...problem('satisfaction')}
            >
              <option value="">{t('followUp.choose')}</option>
              {scores.map((s) => (
                <option key={s} value={String(s)}>
                  {s}
                </option>
              ))}
            </TextField>
          </Grid>
          <Grid size={{ xs: 12, sm: 8 }}>
            {score === undefined ? null : rulesIsSatisfied(rules, score) ? (
              <Alert severity="success">{t('followUp.satisfied')}</Alert>
            ) : (
              <Alert severity="warning">
                {t('followUp.notSatisfied', { handler: rulesLabel(rules.terms.handler, locale) })}
              </Alert>
            )}
          </Grid>
        </>
      ) : (
        <Grid size={12}>
          <FormControlLabel
            control={
              <Checkbox
                name="smsSent"
                checked={draft.smsSent}
                onChange={(e) => set('smsSent', e.target.checked)}
              />
            }
            label={t('followUp.smsSent')}
          />
        </Grid>
      )}
      <Grid size={12}>
        <TextField
          fullWidth
          multiline
          minRows={2}
          name="note"
          label={t('followUp.note')}
          value={draft.note}
          onChange={(e) => set('note', e.target.value)}
          {...problem('note')}
        />
      </Grid>
    </Grid>
  );
}
