import { Box, CircularProgress, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../vocabulary/format';
import { useDeskState } from '../../desk/desk-state';
import { MonthlyReportPrintButton } from '../print/MonthlyReportPrintButton';
import { ExportPanel } from './ExportPanel';
import { ReportCharts } from './ReportCharts';
import { ReportPeriodPicker } from './ReportPeriodPicker';
import { ReportSummary } from './ReportSummary';
import { ReportTables } from './ReportTables';
import { PerPersonTable, ReportUnitTables } from './ReportUnitTables';
import {
  useCurrentChoice,
  usePerPersonYear,
  useReportData,
  type ReportChoice,
} from './useReportData';

/** Statistics (统计报表): the monthly figures on screen, charts, and the Excel exports. */
export function ReportsPage() {
  const { t } = useTranslation();
  const { rules, deadlineContext } = useDeskState();
  const current = useCurrentChoice();
  const [choice, setChoice] = useState<ReportChoice>(current);
  const data = useReportData(choice);
  const isHospital = rules.presetId === 'hospital';
  const [year, setYear] = useState(current.year);
  const perPerson = usePerPersonYear(year, isHospital);

  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Typography variant="h5" component="h1">
        {t('reports.title')}
      </Typography>
      <ReportPeriodPicker choice={choice} latest={current} onChange={setChoice} />
      {data ? (
        <>
          <Typography variant="body2" color="text.secondary">
            {t('reports.period.quarter', {
              year: data.quarter.year,
              quarter: data.quarter.quarter,
              first: data.quarter.first,
              last: data.quarter.last,
            })}
            {' · '}
            {t('reports.period.asOf', {
              time: formatDateTime(data.asOf, deadlineContext.timeZone),
            })}
          </Typography>
          <ExportPanel period={data.period} quarter={data.quarter.quarter} />
          <MonthlyReportPrintButton period={data.period} />
          <ReportSummary figures={data.figures} />
          <ReportCharts data={data} />
          <Box
            sx={{
              display: 'grid',
              gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' },
              gap: 2,
              alignItems: 'start',
            }}
          >
            <ReportTables figures={data.figures} labels={data.labels} />
          </Box>
          <ReportUnitTables figures={data.figures} />
          {isHospital ? (
            <Box sx={{ display: 'grid', gap: 1 }}>
              <TextField
                select
                size="small"
                label={t('reports.perPerson.year')}
                value={year}
                onChange={(event) => setYear(Number(event.target.value))}
                slotProps={{ select: { native: true } }}
                fullWidth={false}
                sx={{ width: 140 }}
              >
                {[0, 1, 2, 3, 4].map((back) => (
                  <option key={back} value={current.year - back}>
                    {current.year - back}
                  </option>
                ))}
              </TextField>
              {perPerson ? <PerPersonTable year={year} rows={perPerson} /> : null}
            </Box>
          ) : null}
        </>
      ) : (
        <CircularProgress aria-label={t('app.loading')} />
      )}
    </Box>
  );
}
