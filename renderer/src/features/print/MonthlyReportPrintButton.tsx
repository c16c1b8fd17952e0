import PrintIcon from '@mui/icons-material/Print';
import { Button } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { ReportPeriod } from '@shared/stats/period';
import { printPath } from './print-route';

/** 「打印月报表」 for the period a report screen shows. */
export function MonthlyReportPrintButton({ period }: Readonly<{ period: ReportPeriod }>) {
  const { t } = useTranslation();
  const month = `${period.year}-${String(period.month).padStart(2, '0')}`;
  return (
    <Button
      component={RouterLink}
      to={printPath('monthlyReport', { month, calendarMonth: period.mode === 'calendar' })}
      startIcon={<PrintIcon />}
      sx={{ justifySelf: 'start' }}
    >
      {t('print.buttons.monthlyReport')}
    </Button>
  );
}
