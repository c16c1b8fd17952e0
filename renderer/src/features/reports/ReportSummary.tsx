import { Box, Paper, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import {
  statsAverageScore,
  statsFollowUpRate,
  statsOnTimeRate,
  statsOverdueCount,
  statsSatisfiedShare,
  type ReportFigures,
} from '@shared/stats/figures';
import { percentText, scoreText } from './report-format';

export interface ReportSummaryProps {
  readonly figures: ReportFigures;
}

/** The period's headline figures, as a list of labelled values. */
export function ReportSummary({ figures }: ReportSummaryProps) {
  const { t } = useTranslation();
  const items: [string, string, string?][] = [
    [
      t('reports.summary.matters'),
      String(figures.matters),
      t('reports.summary.mattersHelp', { repeats: Math.max(0, figures.reports - figures.matters) }),
    ],
    [t('reports.summary.validComplaints'), String(figures.validComplaints)],
    [t('reports.summary.requests'), String(figures.requests)],
    [t('reports.summary.onTimeRate'), percentText(statsOnTimeRate(figures.timeliness))],
    [t('reports.summary.overdue'), String(statsOverdueCount(figures.timeliness))],
    [t('reports.summary.followUpRate'), percentText(statsFollowUpRate(figures.followUp))],
    [t('reports.summary.satisfiedShare'), percentText(statsSatisfiedShare(figures.followUp))],
    [t('reports.summary.averageScore'), scoreText(statsAverageScore(figures.followUp))],
  ];
  return (
    <Box
      component="dl"
      aria-label={t('reports.summary.label')}
      sx={{
        display: 'grid',
        gridTemplateColumns: { xs: 'repeat(2, 1fr)', md: 'repeat(4, 1fr)' },
        gap: 1.5,
        m: 0,
      }}
    >
      {items.map(([label, value, help]) => (
        <Paper key={label} variant="outlined" sx={{ p: 1.5 }}>
          <Typography component="dt" variant="body2" color="text.secondary">
            {label}
          </Typography>
          <Typography component="dd" variant="h5" sx={{ m: 0 }} title={help}>
            {value}
          </Typography>
        </Paper>
      ))}
    </Box>
  );
}
