import { Box, LinearProgress, Paper, Typography } from '@mui/material';
import { BarChart, BarPlot } from '@mui/x-charts/BarChart';
import { ChartsDataProvider } from '@mui/x-charts/ChartsDataProvider';
import { ChartsSurface } from '@mui/x-charts/ChartsSurface';
import { ChartsWrapper } from '@mui/x-charts/ChartsWrapper';
import { ChartsLegend } from '@mui/x-charts/ChartsLegend';
import { ChartsTooltip } from '@mui/x-charts/ChartsTooltip';
import { ChartsXAxis } from '@mui/x-charts/ChartsXAxis';
import { ChartsYAxis } from '@mui/x-charts/ChartsYAxis';
import { LineChart, LinePlot, MarkPlot } from '@mui/x-charts/LineChart';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { rulesLabel } from '@shared/rules/rules-query';
import {
  NONE_KEY,
  statsOnTimeRate,
  statsOverdueCount,
  statsSatisfiedShare,
} from '@shared/stats/figures';
import { useDeskState } from '../../desk/desk-state';
import type { ReportData } from './useReportData';

const HEIGHT = 260;
// The axes' room for their tick labels. The defaults are measured for Latin fonts: CJK fonts are
// taller and wider, and x-charts blanks a label that does not fit rather than draw it clipped.
const X_AXIS_HEIGHT = 40;
const Y_AXIS_WIDTH = 52;

function ChartCard({ title, children }: Readonly<{ title: string; children: ReactNode }>) {
  return (
    <Paper
      variant="outlined"
      sx={{ p: 1.5, m: 0, minWidth: 0 }}
      component="figure"
      aria-label={title}
      role="figure"
    >
      <Typography variant="subtitle1" component="figcaption">
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

const percent = (value: number | null) => (value === null ? '—' : `${value.toFixed(1)}%`);

/** A chart whose months are still being counted: a labelled progress bar in its place. */
function Pending() {
  const { t } = useTranslation();
  return (
    <Box sx={{ height: HEIGHT, display: 'grid', alignContent: 'center', gap: 1 }}>
      <Typography color="text.secondary">{t('reports.busy.pending')}</Typography>
      <LinearProgress aria-label={t('reports.busy.pending')} />
    </Box>
  );
}

/** The charts' titles in each view. */
function titlesOf(view: ReportData['choice']['view']) {
  switch (view) {
    case 'month':
      return { trend: 'trend', rates: 'rates', pareto: 'pareto', paretoEmpty: 'paretoEmpty' };
    case 'quarter':
      return {
        trend: 'trendQuarter',
        rates: 'ratesQuarter',
        pareto: 'pareto',
        paretoEmpty: 'paretoEmpty',
      };
    case 'year':
      return {
        trend: 'trendYear',
        rates: 'ratesYear',
        pareto: 'paretoYear',
        paretoEmpty: 'paretoYearEmpty',
      };
  }
}

/** Trend by month, on-time rate and satisfaction, the Pareto of final causes, and by unit. */
export function ReportCharts({ data }: Readonly<{ data: ReportData }>) {
  const { t } = useTranslation();
  const { locale } = useDeskState();
  const titles = titlesOf(data.choice.view);
  const trend = data.trend ?? [];
  const months = trend.map((point) =>
    t('reports.charts.monthShort', { year: point.year, month: point.month }),
  );
  const ratePoints = (rate: number | undefined) => (rate === undefined ? null : rate * 100);
  const pareto = data.pareto?.rows ?? [];
  const causeLabel = (id: string) => {
    const label = data.labels.causes[id];
    return label ? rulesLabel(label, locale) : id;
  };
  const units = Object.entries(data.figures.byUnit)
    .filter(([name]) => name !== NONE_KEY)
    .sort(([, a], [, b]) => b.matters - a.matters)
    .slice(0, 10);

  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, gap: 2 }}>
      <ChartCard title={t(`reports.charts.${titles.trend}`)}>
        {data.trend === undefined ? (
          <Pending />
        ) : (
          <BarChart
            height={HEIGHT}
            xAxis={[{ scaleType: 'band', data: months, height: X_AXIS_HEIGHT }]}
            yAxis={[{ width: Y_AXIS_WIDTH }]}
            series={[
              {
                label: t('reports.charts.trendComplaints'),
                stack: 'all',
                data: trend.map((m) => m.figures.validComplaints),
              },
              {
                label: t('reports.charts.trendRequests'),
                stack: 'all',
                data: trend.map((m) => m.figures.requests),
              },
              {
                label: t('reports.charts.trendOther'),
                stack: 'all',
                data: trend.map((m) =>
                  Math.max(0, m.figures.matters - m.figures.validComplaints - m.figures.requests),
                ),
              },
            ]}
          />
        )}
      </ChartCard>
      <ChartCard title={t(`reports.charts.${titles.rates}`)}>
        {data.trend === undefined ? (
          <Pending />
        ) : (
          <LineChart
            height={HEIGHT}
            xAxis={[{ scaleType: 'point', data: months, height: X_AXIS_HEIGHT }]}
            yAxis={[
              { min: 0, max: 100, width: Y_AXIS_WIDTH, valueFormatter: (v: number) => `${v}%` },
            ]}
            series={[
              {
                label: t('reports.charts.onTimeRate'),
                data: trend.map((m) => ratePoints(statsOnTimeRate(m.figures.timeliness))),
                valueFormatter: percent,
                connectNulls: true,
              },
              {
                label: t('reports.charts.satisfiedShare'),
                data: trend.map((m) => ratePoints(statsSatisfiedShare(m.figures.followUp))),
                valueFormatter: percent,
                connectNulls: true,
              },
            ]}
          />
        )}
      </ChartCard>
      <ChartCard title={t(`reports.charts.${titles.pareto}`)}>
        {data.pareto === undefined ? (
          <Pending />
        ) : pareto.length === 0 ? (
          <Typography color="text.secondary" sx={{ py: 4 }}>
            {t(`reports.charts.${titles.paretoEmpty}`)}
          </Typography>
        ) : (
          <ChartsDataProvider
            height={HEIGHT}
            xAxis={[
              {
                id: 'causes',
                scaleType: 'band',
                data: pareto.map((row) => causeLabel(row.causeId)),
                // Cause names are long: slanted, they fit under narrow bars.
                height: 72,
                tickLabelStyle: { angle: -35, textAnchor: 'end' },
              },
            ]}
            yAxis={[
              { id: 'count', position: 'left', width: Y_AXIS_WIDTH },
              {
                id: 'cumulative',
                position: 'right',
                min: 0,
                max: 100,
                valueFormatter: (v: number) => `${v}%`,
              },
            ]}
            series={[
              {
                type: 'bar',
                label: t('reports.charts.paretoCount'),
                yAxisId: 'count',
                data: pareto.map((row) => row.count),
              },
              {
                type: 'line',
                label: t('reports.charts.paretoCumulative'),
                yAxisId: 'cumulative',
                data: pareto.map((row) => row.cumulativeShare * 100),
                valueFormatter: percent,
              },
            ]}
          >
            {/* The legend is HTML: it sits beside the SVG surface, not inside it. */}
            <ChartsWrapper>
              <ChartsLegend />
              <ChartsSurface>
                <BarPlot />
                <LinePlot />
                <MarkPlot />
                <ChartsXAxis axisId="causes" />
                <ChartsYAxis axisId="count" />
                <ChartsYAxis axisId="cumulative" />
              </ChartsSurface>
              <ChartsTooltip />
            </ChartsWrapper>
          </ChartsDataProvider>
        )}
      </ChartCard>
      <ChartCard title={t('reports.charts.byUnit')}>
        {units.length === 0 ? (
          <Typography color="text.secondary" sx={{ py: 4 }}>
            {t('reports.charts.empty')}
          </Typography>
        ) : (
          <BarChart
            height={HEIGHT}
            layout="horizontal"
            xAxis={[{ height: X_AXIS_HEIGHT }]}
            yAxis={[{ scaleType: 'band', data: units.map(([name]) => name), width: 90 }]}
            series={[
              { label: t('reports.charts.unitMatters'), data: units.map(([, g]) => g.matters) },
              {
                label: t('reports.charts.unitOverdue'),
                data: units.map(([, g]) => statsOverdueCount(g.timeliness)),
              },
            ]}
          />
        )}
      </ChartCard>
    </Box>
  );
}
