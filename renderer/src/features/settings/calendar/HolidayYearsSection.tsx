import {
  Box,
  Button,
  Grid,
  List,
  ListItem,
  ListItemText,
  Paper,
  TextField,
  Typography,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeskState } from '../../../desk/desk-state';
import {
  OFFICIAL_YEARS,
  extraYearsWith,
  yearDraftCheck,
  yearRuns,
  type DateListProblem,
  type YearCheck,
  type YearDraft,
} from './calendar-form';
import { SaveStatus } from '../SaveStatus';
import { useCalendarSave } from './use-calendar-save';

const EMPTY: YearDraft = { year: '', holidays: '', workdays: '' };

/** Which years have holiday data, and a form to add a year the official data lacks. */
export function HolidayYearsSection({ readOnly }: Readonly<{ readOnly: boolean }>) {
  const { t } = useTranslation();
  const { calendar } = useDeskState();
  const { save, status, clearStatus } = useCalendarSave();
  const [draft, setDraft] = useState<YearDraft>(EMPTY);
  const [check, setCheck] = useState<YearCheck | null>(null);

  const saveYears = (extraYears: typeof calendar.extraYears) => save({ ...calendar, extraYears });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = yearDraftCheck(draft);
    setCheck(found);
    clearStatus();
    if (!found.override) return;
    if (await saveYears(extraYearsWith(calendar.extraYears, found.override))) {
      setDraft(EMPTY);
      setCheck(null);
    }
  };

  const problemText = (problems: readonly DateListProblem[] | undefined) =>
    (problems ?? [])
      .map((p) =>
        t(
          `calendarSettings.add.errors.${p.problem}`,
          'text' in p ? { text: p.text } : { date: p.date },
        ),
      )
      .join('；');
  const field = (name: keyof YearDraft) => ({
    name,
    value: draft[name],
    onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [name]: e.target.value }),
  });
  const holidayError = problemText(check?.holidayProblems);
  const workdayError = problemText(check?.workdayProblems);

  return (
    <Paper sx={{ p: 2 }} component="section" aria-label={t('calendarSettings.years.title')}>
      <Typography variant="h6" component="h2">
        {t('calendarSettings.years.title')}
      </Typography>
      <Typography sx={{ mt: 1 }}>
        {t('calendarSettings.years.official', { years: yearRuns(OFFICIAL_YEARS).join('、') })}
      </Typography>
      <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>
        {t('calendarSettings.years.added')}
      </Typography>
      {calendar.extraYears.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('calendarSettings.years.addedNone')}
        </Typography>
      ) : (
        <List dense aria-label={t('calendarSettings.years.added')}>
          {calendar.extraYears.map((y) => (
            <ListItem
              key={y.year}
              secondaryAction={
                readOnly ? null : (
                  <Button
                    color="error"
                    onClick={() =>
                      void saveYears(calendar.extraYears.filter((o) => o.year !== y.year))
                    }
                  >
                    {t('calendarSettings.years.remove', { year: y.year })}
                  </Button>
                )
              }
            >
              <ListItemText
                primary={t('calendarSettings.years.addedLine', {
                  year: y.year,
                  holidays: y.holidays.length,
                  workdays: y.workdays.length,
                })}
                secondary={y.holidays.join('、')}
              />
            </ListItem>
          ))}
        </List>
      )}

      {readOnly ? null : (
        <Box
          component="form"
          onSubmit={(e) => void submit(e)}
          noValidate
          aria-label={t('calendarSettings.add.title')}
          sx={{ mt: 2 }}
        >
          <Typography variant="subtitle2" component="h3">
            {t('calendarSettings.add.title')}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {t('calendarSettings.add.help')}
          </Typography>
          <Grid container spacing={2}>
            <Grid size={{ xs: 12, sm: 2 }}>
              <TextField
                {...field('year')}
                label={t('calendarSettings.add.year')}
                inputMode="numeric"
                fullWidth
                error={check?.yearError !== undefined}
                helperText={
                  check?.yearError ? t(`calendarSettings.add.errors.${check.yearError}`) : ''
                }
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 5 }}>
              <TextField
                {...field('holidays')}
                label={t('calendarSettings.add.holidays')}
                multiline
                minRows={4}
                fullWidth
                error={holidayError !== ''}
                helperText={holidayError}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 5 }}>
              <TextField
                {...field('workdays')}
                label={t('calendarSettings.add.workdays')}
                multiline
                minRows={4}
                fullWidth
                error={workdayError !== ''}
                helperText={workdayError}
              />
            </Grid>
          </Grid>
          <Box sx={{ display: 'flex', gap: 2, mt: 2, alignItems: 'center' }}>
            <Button type="submit" variant="contained">
              {t('calendarSettings.add.save')}
            </Button>
            <SaveStatus status={status} />
          </Box>
        </Box>
      )}
    </Paper>
  );
}
