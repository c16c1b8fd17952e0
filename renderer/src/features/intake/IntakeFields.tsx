import {
  Checkbox,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormLabel,
  Grid,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { CASE_FLAGS, type CaseFlag } from '@shared/rules/rules';
import { rulesKind, rulesLabel } from '@shared/rules/rules-query';
import {
  INTAKE_LIMITS,
  intakeBidiNotices,
  type IntakeCheck,
  type IntakeDraft,
  type IntakeField,
} from '@shared/workflow/intake';
import { useDeskState } from '../../desk/desk-state';
import { DateTimeInput } from '../../ui/DateTimeInput';
import { categoryOptions } from '../../ui/categoryOptions';

export interface IntakeFieldsProps {
  readonly draft: IntakeDraft;
  readonly onChange: (next: IntakeDraft) => void;
  readonly check: IntakeCheck;
}

/** The labelled controls of the intake form; every label is also the control's name. */
export function IntakeFields({ draft, onChange, check }: Readonly<IntakeFieldsProps>) {
  const { t } = useTranslation();
  const { rules, locale } = useDeskState();
  const label = (text: Parameters<typeof rulesLabel>[0]) => rulesLabel(text, locale);

  const set = <K extends IntakeField>(field: K, value: IntakeDraft[K]) => {
    const next = { ...draft, [field]: value };
    // A category belongs to a kind: changing the kind clears a category it does not have.
    if (field === 'kindId') next.categoryId = '';
    onChange(next);
  };
  const bidiFields = new Set(intakeBidiNotices(draft).map((notice) => notice.field));
  const problem = (field: IntakeField) => {
    const error = check.errors.find((e) => e.field === field);
    if (error) {
      // The reason names the limit: a red field alone does not say how long it may be.
      const max = (INTAKE_LIMITS as Partial<Record<IntakeField, number>>)[field];
      const value = draft[field];
      const length = typeof value === 'string' ? value.trim().length : 0;
      return { error: true, helperText: t(`intake.errors.${error.code}`, { max, length }) };
    }
    // A hidden direction control outranks a missing-detail notice: it is shown as a warning.
    // Checked as the clerk types, not only on save: the save clears the form's notices.
    if (bidiFields.has(field)) {
      return {
        helperText: t('intake.notices.bidiControls'),
        slotProps: { formHelperText: { sx: { color: 'warning.dark', fontWeight: 600 } } },
      };
    }
    const notice = check.notices.find((n) => n.field === field);
    return notice ? { helperText: t(`intake.notices.${notice.code}`) } : {};
  };
  const text = (field: IntakeField & keyof IntakeDraft, labelText: string, extra: object = {}) => ({
    name: field,
    label: labelText,
    value: draft[field] as string,
    onChange: (e: { target: { value: string } }) => set(field, e.target.value as never),
    ...problem(field),
    ...extra,
  });
  const native = { slotProps: { select: { native: true }, inputLabel: { shrink: true } } };
  const kind = rulesKind(rules, draft.kindId);
  const toggleFlag = (flag: CaseFlag, on: boolean) =>
    set('flags', on ? [...draft.flags, flag] : draft.flags.filter((f) => f !== flag));

  return (
    <Grid container spacing={2}>
      <Grid size={12}>
        <Typography variant="subtitle1" component="h2">
          {t('intake.customerSection')}
        </Typography>
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <TextField
          {...text(
            'customerName',
            t('intake.customerName', { customer: label(rules.terms.customer) }),
          )}
          autoFocus
        />
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <TextField {...text('phone', t('intake.phone'), { inputMode: 'tel' })} />
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <TextField {...text('address', t('intake.address', { room: label(rules.terms.room) }))} />
      </Grid>

      <Grid size={12}>
        <Typography variant="subtitle1" component="h2">
          {t('intake.caseSection')}
        </Typography>
      </Grid>
      <Grid size={12}>
        <TextField
          {...text('subject', t('intake.subject'))}
          required
          helperText={problem('subject').helperText ?? t('intake.subjectHelp')}
        />
      </Grid>
      <Grid size={{ xs: 12, md: 8 }}>
        <TextField
          {...text('content', t('intake.content'))}
          multiline
          minRows={4}
          helperText={problem('content').helperText ?? t('intake.contentHelp')}
        />
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <TextField {...text('demand', t('intake.demand'))} multiline minRows={4} />
      </Grid>
      <Grid size={{ xs: 12, md: 3 }}>
        <TextField select {...text('channelId', t('intake.channel'))} {...native}>
          {rules.channels.map((channel) => (
            <option key={channel.id} value={channel.id}>
              {label(channel.label)}
            </option>
          ))}
        </TextField>
      </Grid>
      <Grid size={{ xs: 12, md: 3 }}>
        <TextField select {...text('kindId', t('intake.kind'))} {...native}>
          {rules.kinds.map((k) => (
            <option key={k.id} value={k.id}>
              {label(k.label)}
            </option>
          ))}
        </TextField>
      </Grid>
      <Grid size={{ xs: 12, md: 3 }}>
        <TextField select {...text('categoryId', t('intake.category'))} {...native}>
          <option value="">{t('intake.categoryNone')}</option>
          {categoryOptions(kind, locale)}
        </TextField>
      </Grid>
      <Grid size={{ xs: 12, md: 3 }}>
        <TextField select {...text('levelId', t('intake.level'))} {...native}>
          {[...rules.levels]
            .sort((a, b) => a.rank - b.rank)
            .map((level) => (
              <option key={level.id} value={level.id}>
                {label(level.label)}
              </option>
            ))}
        </TextField>
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <DateTimeInput
          name="receivedAtLocal"
          label={t('intake.receivedAt')}
          value={draft.receivedAtLocal}
          onChange={(value) => set('receivedAtLocal', value)}
          outOfTabOrder
          {...problem('receivedAtLocal')}
          helperText={problem('receivedAtLocal').helperText ?? t('intake.receivedAtHelp')}
        />
      </Grid>
      <Grid size={{ xs: 12, md: 5 }}>
        <TextField {...text('organisation', t('intake.organisation'))} />
      </Grid>
      <Grid size={{ xs: 12, md: 3 }}>
        <TextField {...text('amountYuan', t('intake.amount'), { inputMode: 'decimal' })} />
      </Grid>
      <Grid size={{ xs: 12, md: 9 }}>
        <FormControl component="fieldset">
          <FormLabel component="legend">{t('intake.flags')}</FormLabel>
          <FormGroup row>
            {CASE_FLAGS.map((flag) => (
              <FormControlLabel
                key={flag}
                control={
                  <Checkbox
                    size="small"
                    checked={draft.flags.includes(flag)}
                    onChange={(e) => toggleFlag(flag, e.target.checked)}
                  />
                }
                label={t(`flag.${flag}`)}
              />
            ))}
          </FormGroup>
        </FormControl>
      </Grid>
    </Grid>
  );
}
