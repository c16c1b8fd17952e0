import { Alert, Box, LinearProgress, TextField, Typography } from '@mui/material';
import { memo, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { periodOfMonth, periodOfQuarter } from '@shared/stats/period';
import { formatDateTime } from '../../vocabulary/format';
import { useDeskState } from '../../desk/desk-state';
import { MonthlyReportPrintButton } from '../print/MonthlyReportPrintButton';
import { ExportPanel } from './ExportPanel';
import { ReportCharts } from './ReportCharts';
import { ReportPeriodPicker } from './ReportPeriodPicker';
import { ReportSummary } from './ReportSummary';
import { ReportTables } from './ReportTables';
import { PerPersonTable, QuarterlyTables, ReportUnitTables } from './ReportUnitTables';
import {
  useCurrentChoice,
  useReportData,
  type ReportChoice,
  type ReportData,
} from './useReportData';

/** The figures of one choice; kept as they are while the next choice is counted. */
const ReportFiguresView = memo(function ReportFiguresView({
  data,
}: Readonly<{ data: ReportData }>) {
  const { t } = useTranslation();
  const { rules, deadlineContext } = useDeskState();
  const { choice } = data;
  const startDay = rules.reportPeriodStartDay;
  const quarterOfView =
    choice.view === 'month'
      ? periodOfQuarter(choice.year, Math.ceil(choice.month / 3), startDay, choice.mode)
      : choice.view === 'quarter'
        ? periodOfQuarter(choice.year, choice.quarter, startDay, choice.mode)
        : undefined;
  return (
    <>
      <Typography variant="body2" color="text.secondary">
        {quarterOfView
          ? t('reports.period.quarter', {
              year: quarterOfView.year,
              quarter: quarterOfView.quarter,
              first: quarterOfView.first,
              last: quarterOfView.last,
            })
          : t('reports.period.yearOf', {
              year: choice.year,
              first: data.range.first,
              last: data.range.last,
            })}
        {' · '}
        {t('reports.period.asOf', { time: formatDateTime(data.asOf, deadlineContext.timeZone) })}
      </Typography>
      <ExportPanel
        range={data.range}
        month={
          choice.view === 'month'
            ? { year: choice.year, month: choice.month, mode: choice.mode }
            : undefined
        }
        quarter={
          quarterOfView
            ? { year: quarterOfView.year, quarter: quarterOfView.quarter, mode: choice.mode }
            : undefined
        }
      />
      {choice.view === 'month' ? (
        <MonthlyReportPrintButton
          period={periodOfMonth(choice.year, choice.month, startDay, choice.mode)}
        />
      ) : null}
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
      {data.quarterly ? <QuarterlyTables quarterly={data.quarterly} /> : null}
    </>
  );
});

function busyText(t: ReturnType<typeof useTranslation>['t'], choice: ReportChoice): string {
  switch (choice.view) {
    case 'month':
      return t('reports.busy.month', { year: choice.year, month: choice.month });
    case 'quarter':
      return t('reports.busy.quarter', { year: choice.year, quarter: choice.quarter });
    case 'year':
      return t('reports.busy.year', { year: choice.year });
  }
}

/**
 * Statistics (统计报表): a month, a quarter or a year on screen, charts, and the Excel exports.
 * The figures are counted off the UI thread; while a period is counted the figures shown stay,
 * dimmed under a labelled progress bar, and the region says it is busy.
 */
export function ReportsPage() {
  const { t } = useTranslation();
  const { rules } = useDeskState();
  const current = useCurrentChoice();
  const [choice, setChoice] = useState<ReportChoice>(current);
  const isHospital = rules.presetId === 'hospital';
  const [year, setYear] = useState(current.year);
  const state = useReportData(choice, isHospital ? year : undefined);
  const { data, busy, progress, stale } = state;
  const statusId = useId();
  const label = busyText(t, choice);
  // Kept figures no longer valid are on screen until counted again: never without saying so.
  const staleNote = stale ? (
    <Typography
      variant="body2"
      color="warning.dark"
      sx={{ fontWeight: 700 }}
      data-testid="report-stale"
    >
      {t('reports.busy.updating')}
    </Typography>
  ) : null;

  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Typography variant="h5" component="h1">
        {t('reports.title')}
      </Typography>
      <ReportPeriodPicker choice={choice} latest={current} onChange={setChoice} />
      {busy ? (
        <Box
          role="status"
          id={statusId}
          aria-label={label}
          data-testid="report-busy"
          sx={{ display: 'grid', gap: 0.5, position: 'sticky', top: 0, zIndex: 2 }}
        >
          {staleNote}
          <Typography variant="body2" color="text.secondary">
            {label} {progress.total > 1 ? t('reports.busy.progress', progress) : null}
          </Typography>
          <LinearProgress
            aria-label={label}
            variant={progress.total > 1 ? 'determinate' : 'indeterminate'}
            value={progress.total > 0 ? (progress.done / progress.total) * 100 : 0}
          />
        </Box>
      ) : null}
      {busy ? null : staleNote}
      {state.problem ? (
        <Alert severity="error">
          {state.problem === 'noDesk' ? t('reports.busy.noDesk') : t('reports.busy.failed')}
        </Alert>
      ) : null}
      <Box
        data-testid="report-figures"
        // How many pieces of the view were counted rather than taken from kept figures: what
        // the end-to-end test reads to know a period seen before came from the cache.
        data-counted={busy ? undefined : state.counted}
        aria-busy={busy}
        aria-describedby={busy ? statusId : undefined}
        sx={{
          display: 'grid',
          gap: 2,
          // Stale figures stay readable but plainly not the ones asked for.
          opacity: busy && data?.choice !== choice ? 0.45 : 1,
          transition: 'opacity 120ms',
        }}
      >
        {data ? <ReportFiguresView data={data} /> : null}
      </Box>
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
          {data?.perPerson ? <PerPersonTable year={year} rows={data.perPerson} /> : null}
        </Box>
      ) : null}
    </Box>
  );
}
