import { Alert, Box, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BusinessPeriod } from '@shared/model/entities';
import { useDeskState } from '../../../desk/desk-state';
import { businessHoursProblems } from './calendar-form';
import { SaveStatus } from '../SaveStatus';
import { useCalendarSave } from './use-calendar-save';

type Problems = ReturnType<typeof businessHoursProblems>;

/**
 * The desk's business periods (default 08:30-12:00 and 13:30-17:30), typed as 24-hour `HH:mm`
 * (a time input would show 12-hour AM/PM times in some browser locales).
 */
export function BusinessHoursSection({ readOnly }: Readonly<{ readOnly: boolean }>) {
  const { t } = useTranslation();
  const { calendar } = useDeskState();
  const { save, status, clearStatus } = useCalendarSave();
  const [periods, setPeriods] = useState<BusinessPeriod[]>(() => [...calendar.businessHours]);
  const [problems, setProblems] = useState<Problems>([]);

  const set = (index: number, field: keyof BusinessPeriod, value: string) =>
    setPeriods(periods.map((p, i) => (i === index ? { ...p, [field]: value } : p)));
  const problemAt = (index: number) => problems.find((p) => p.index === index);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = businessHoursProblems(periods);
    setProblems(found);
    clearStatus();
    if (found.length > 0) return;
    await save({ ...calendar, businessHours: periods });
  };

  const listProblem = problemAt(-1);
  return (
    <Paper
      component="form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={t('calendarSettings.hours.title')}
      sx={{ p: 2 }}
    >
      <Typography variant="h6" component="h2">
        {t('calendarSettings.hours.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('calendarSettings.hours.help')}
      </Typography>
      <Stack spacing={2}>
        {periods.map((period, i) => {
          const problem = problemAt(i);
          const n = i + 1;
          return (
            <Stack key={i} direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
              <TextField
                placeholder="08:30"
                inputMode="numeric"
                label={t('calendarSettings.hours.start', { n })}
                value={period.start}
                onChange={(e) => set(i, 'start', e.target.value)}
                slotProps={{ inputLabel: { shrink: true }, htmlInput: { readOnly } }}
                error={problem !== undefined}
                helperText={problem ? t(`calendarSettings.hours.errors.${problem.code}`) : ' '}
              />
              <TextField
                placeholder="08:30"
                inputMode="numeric"
                label={t('calendarSettings.hours.end', { n })}
                value={period.end}
                onChange={(e) => set(i, 'end', e.target.value)}
                slotProps={{ inputLabel: { shrink: true }, htmlInput: { readOnly } }}
                error={problem !== undefined}
              />
              <Button
                onClick={() => setPeriods(periods.filter((_p, j) => j !== i))}
                sx={{ mt: 1, whiteSpace: 'nowrap', flexShrink: 0 }}
              >
                {t('calendarSettings.hours.remove', { n })}
              </Button>
            </Stack>
          );
        })}
      </Stack>
      {listProblem ? (
        <Alert severity="error" sx={{ mt: 1 }}>
          {t(`calendarSettings.hours.errors.${listProblem.code}`)}
        </Alert>
      ) : null}
      <Box sx={{ display: readOnly ? 'none' : 'flex', gap: 2, mt: 2, alignItems: 'center' }}>
        <Button onClick={() => setPeriods([...periods, { start: '', end: '' }])}>
          {t('calendarSettings.hours.add')}
        </Button>
        <Button type="submit" variant="contained">
          {t('calendarSettings.hours.save')}
        </Button>
        <SaveStatus status={status} />
      </Box>
    </Paper>
  );
}
