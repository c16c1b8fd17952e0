import { Box, TextField, Typography } from '@mui/material';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isoDateAddDays } from '@shared/calendar/iso-date';
import { periodOfMonth, type PeriodMode } from '@shared/stats/period';
import { useDeskState } from '../../desk/desk-state';
import type { ReportChoice } from './useReportData';

/** How many months back the picker offers. */
const MONTHS_OFFERED = 36;

export interface ReportPeriodPickerProps {
  readonly choice: ReportChoice;
  /** The period the desk is in now: the latest month offered. */
  readonly latest: ReportChoice;
  readonly onChange: (choice: ReportChoice) => void;
}

/** The month and the way it is counted (report period 25th-24th, or calendar month). */
export function ReportPeriodPicker({ choice, latest, onChange }: ReportPeriodPickerProps) {
  const { t } = useTranslation();
  const { rules } = useDeskState();
  const startDay = rules.reportPeriodStartDay;
  const months = useMemo(() => {
    const list: { value: string; year: number; month: number }[] = [];
    for (let i = 0; i < MONTHS_OFFERED; i++) {
      const index = latest.year * 12 + (latest.month - 1) - i;
      const year = Math.floor(index / 12);
      const month = (index % 12) + 1;
      list.push({ value: `${year}-${month}`, year, month });
    }
    return list;
  }, [latest.month, latest.year]);
  const period = periodOfMonth(choice.year, choice.month, startDay, choice.mode);
  // The day before the start day, as the report period's last day (24 for 25).
  const lastDay = Number(isoDateAddDays(periodOfMonth(2026, 1, startDay).first, -1).slice(8));

  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center' }}>
      <TextField
        select
        size="small"
        label={t('reports.period.label')}
        value={`${choice.year}-${choice.month}`}
        onChange={(event) => {
          const [year = NaN, month = NaN] = event.target.value.split('-').map(Number);
          onChange({ ...choice, year, month });
        }}
        slotProps={{ select: { native: true } }}
        fullWidth={false}
        sx={{ width: 180 }}
      >
        {months.map((m) => (
          <option key={m.value} value={m.value}>
            {t('reports.period.month', { year: m.year, month: m.month })}
          </option>
        ))}
      </TextField>
      {startDay === 1 ? null : (
        <TextField
          select
          size="small"
          label={t('reports.period.mode')}
          value={choice.mode}
          onChange={(event) => onChange({ ...choice, mode: event.target.value as PeriodMode })}
          slotProps={{ select: { native: true } }}
          fullWidth={false}
          sx={{ width: 300 }}
        >
          <option value="report">
            {t('reports.period.modeReport', { day: startDay, last: lastDay })}
          </option>
          <option value="calendar">{t('reports.period.modeCalendar')}</option>
        </TextField>
      )}
      <Typography color="text.secondary" data-testid="report-range">
        {t('reports.period.range', { first: period.first, last: period.last })}
      </Typography>
    </Box>
  );
}
