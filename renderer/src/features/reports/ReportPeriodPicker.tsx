import { Box, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { isoDateAddDays } from '@shared/calendar/iso-date';
import {
  periodOfMonth,
  periodOfQuarter,
  periodOfReportYear,
  type PeriodMode,
} from '@shared/stats/period';
import { useDeskState } from '../../desk/desk-state';
import type { ReportChoice, ReportViewKind } from './useReportData';

/** How many months, quarters and years back the picker offers. */
const MONTHS_OFFERED = 36;
const QUARTERS_OFFERED = 12;
const YEARS_OFFERED = 5;

export interface ReportPeriodPickerProps {
  readonly choice: ReportChoice;
  /** The month the desk is in now: the latest period offered. */
  readonly latest: { readonly year: number; readonly month: number };
  readonly onChange: (choice: ReportChoice) => void;
}

/** The same view over another period: the month, quarter or year holding the choice. */
function choiceAs(
  view: ReportViewKind,
  choice: ReportChoice,
  latest: ReportPeriodPickerProps['latest'],
): ReportChoice {
  const { year, mode } = choice;
  const lastMonth =
    choice.view === 'month'
      ? choice.month
      : choice.view === 'quarter'
        ? choice.quarter * 3
        : year === latest.year
          ? latest.month
          : 12;
  const month = year * 12 + lastMonth > latest.year * 12 + latest.month ? latest.month : lastMonth;
  switch (view) {
    case 'month':
      return { view, year, month, mode };
    case 'quarter':
      return { view, year, quarter: Math.ceil(month / 3), mode };
    case 'year':
      return { view, year, mode };
  }
}

/** Which report (month, quarter, year), its period, and how months are counted. */
export function ReportPeriodPicker({ choice, latest, onChange }: ReportPeriodPickerProps) {
  const { t } = useTranslation();
  const { rules } = useDeskState();
  const startDay = rules.reportPeriodStartDay;
  // A few dozen options: cheap enough to make on each render.
  const options = (() => {
    const months: { value: string; label: string }[] = [];
    for (let i = 0; i < MONTHS_OFFERED; i++) {
      const index = latest.year * 12 + (latest.month - 1) - i;
      const year = Math.floor(index / 12);
      const month = (index % 12) + 1;
      months.push({ value: `${year}-${month}`, label: t('reports.period.month', { year, month }) });
    }
    const quarters: { value: string; label: string }[] = [];
    const latestQuarter = latest.year * 4 + Math.ceil(latest.month / 3) - 1;
    for (let i = 0; i < QUARTERS_OFFERED; i++) {
      const index = latestQuarter - i;
      const year = Math.floor(index / 4);
      const quarter = (index % 4) + 1;
      quarters.push({
        value: `${year}-${quarter}`,
        label: t('reports.period.quarterName', { year, quarter }),
      });
    }
    const years = Array.from({ length: YEARS_OFFERED }, (_, i) => ({
      value: String(latest.year - i),
      label: t('reports.period.yearName', { year: latest.year - i }),
    }));
    return { month: months, quarter: quarters, year: years };
  })();

  const period =
    choice.view === 'month'
      ? periodOfMonth(choice.year, choice.month, startDay, choice.mode)
      : choice.view === 'quarter'
        ? periodOfQuarter(choice.year, choice.quarter, startDay, choice.mode)
        : periodOfReportYear(choice.year, startDay, choice.mode);
  const value =
    choice.view === 'month'
      ? `${choice.year}-${choice.month}`
      : choice.view === 'quarter'
        ? `${choice.year}-${choice.quarter}`
        : String(choice.year);
  // The day before the start day, as the report period's last day (24 for 25).
  const lastDay = Number(isoDateAddDays(periodOfMonth(2026, 1, startDay).first, -1).slice(8));

  const choosePeriod = (text: string) => {
    const [year = NaN, part = NaN] = text.split('-').map(Number);
    switch (choice.view) {
      case 'month':
        onChange({ ...choice, year, month: part });
        break;
      case 'quarter':
        onChange({ ...choice, year, quarter: part });
        break;
      case 'year':
        onChange({ ...choice, year });
        break;
    }
  };

  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center' }}>
      <TextField
        select
        size="small"
        label={t('reports.period.view')}
        value={choice.view}
        onChange={(event) =>
          onChange(choiceAs(event.target.value as ReportViewKind, choice, latest))
        }
        slotProps={{ select: { native: true } }}
        fullWidth={false}
        sx={{ width: 140 }}
      >
        <option value="month">{t('reports.period.views.month')}</option>
        <option value="quarter">{t('reports.period.views.quarter')}</option>
        <option value="year">{t('reports.period.views.year')}</option>
      </TextField>
      <TextField
        select
        size="small"
        label={t(`reports.period.labels.${choice.view}`)}
        value={value}
        onChange={(event) => choosePeriod(event.target.value)}
        slotProps={{ select: { native: true } }}
        fullWidth={false}
        sx={{ width: 200 }}
      >
        {options[choice.view].map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
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
