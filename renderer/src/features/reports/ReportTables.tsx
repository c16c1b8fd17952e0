import {
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportLabels } from '@shared/stats/combine';
import {
  NONE_KEY,
  statsAverageReplyDays,
  statsAverageScore,
  statsFollowUpRate,
  statsOnTimeRate,
  statsRate,
  statsSatisfiedShare,
  statsVisitShare,
  type ReportFigures,
} from '@shared/stats/figures';
import { rulesLabel } from '@shared/rules/rules-query';
import { useDeskState } from '../../desk/desk-state';
import { decimalText, percentText, scoreText } from './report-format';

/** A titled, ruled table of the reports screen. */
export function ReportTable({
  title,
  head,
  children,
  maxHeight,
}: Readonly<{ title: string; head: readonly string[]; children: ReactNode; maxHeight?: number }>) {
  return (
    <TableContainer component={Paper} variant="outlined" sx={maxHeight ? { maxHeight } : undefined}>
      <Typography variant="subtitle1" component="h3" sx={{ px: 2, pt: 1.5 }}>
        {title}
      </Typography>
      <Table size="small" aria-label={title} stickyHeader={maxHeight !== undefined}>
        <TableHead>
          <TableRow>
            {head.map((text, i) => (
              <TableCell key={text} align={i === 0 ? 'left' : 'right'}>
                {text}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>{children}</TableBody>
      </Table>
    </TableContainer>
  );
}

export function Row({ cells }: Readonly<{ cells: readonly ReactNode[] }>) {
  return (
    <TableRow>
      {cells.map((cell, i) => (
        <TableCell key={i} align={i === 0 ? 'left' : 'right'}>
          {cell}
        </TableCell>
      ))}
    </TableRow>
  );
}

export interface ReportTablesProps {
  readonly figures: ReportFigures;
  readonly labels: ReportLabels;
}

/** By kind and category, timeliness, follow-up, and final cause: the monthly report's tables. */
export function ReportTables({ figures, labels }: ReportTablesProps) {
  const { t } = useTranslation();
  const { locale } = useDeskState();
  const label = (text: ReportLabels['kinds'][string] | undefined, id: string) =>
    text ? rulesLabel(text, locale) : id;
  const share = (count: number) => percentText(statsRate(count, figures.matters));
  const categories = Object.entries(figures.byCategory).sort(([a], [b]) => a.localeCompare(b));
  const tl = figures.timeliness;
  const fu = figures.followUp;
  const causes = Object.entries(figures.byFinalCause)
    .filter(([id]) => id !== NONE_KEY)
    .sort(([, a], [, b]) => b - a);
  return (
    <>
      <ReportTable
        title={t('reports.tables.byCategory')}
        head={[
          t('reports.tables.kind'),
          t('reports.tables.category'),
          t('reports.tables.count'),
          t('reports.tables.share'),
        ]}
      >
        {categories.map(([key, count]) => {
          const [kindId = '', categoryId = ''] = key.split('/');
          return (
            <Row
              key={key}
              cells={[
                label(labels.kinds[kindId], kindId),
                categoryId === NONE_KEY
                  ? t('reports.tables.unclassified')
                  : label(labels.categories[key], categoryId),
                count,
                share(count),
              ]}
            />
          );
        })}
      </ReportTable>
      <ReportTable
        title={t('reports.tables.timeliness')}
        head={[t('reports.tables.item'), t('reports.tables.value')]}
      >
        <Row cells={[t('reports.tables.timelinessRows.onTime'), tl.onTime]} />
        <Row cells={[t('reports.tables.timelinessRows.late'), tl.late]} />
        <Row cells={[t('reports.tables.timelinessRows.openOverdue'), tl.openOverdue]} />
        <Row cells={[t('reports.tables.timelinessRows.openInTime'), tl.openInTime]} />
        <Row cells={[t('reports.tables.timelinessRows.exempt'), tl.exempt]} />
        <Row cells={[t('reports.summary.onTimeRate'), percentText(statsOnTimeRate(tl))]} />
        <Row
          cells={[
            t('reports.tables.timelinessRows.averageDays'),
            decimalText(statsAverageReplyDays(tl), 2),
          ]}
        />
      </ReportTable>
      <ReportTable
        title={t('reports.tables.followUp')}
        head={[t('reports.tables.item'), t('reports.tables.value')]}
      >
        <Row cells={[t('reports.tables.followUpRows.replied'), fu.replied]} />
        <Row cells={[t('reports.tables.followUpRows.followedUp'), fu.followedUp]} />
        <Row
          cells={[
            t('reports.tables.followUpRows.followUpRate'),
            percentText(statsFollowUpRate(fu)),
          ]}
        />
        <Row cells={[t('reports.tables.followUpRows.visits'), fu.visits]} />
        <Row
          cells={[t('reports.tables.followUpRows.visitShare'), percentText(statsVisitShare(fu))]}
        />
        <Row
          cells={[t('reports.tables.followUpRows.averageScore'), scoreText(statsAverageScore(fu))]}
        />
        <Row
          cells={[
            t('reports.tables.followUpRows.satisfiedShare'),
            percentText(statsSatisfiedShare(fu)),
          ]}
        />
        <Row cells={[t('reports.tables.followUpRows.unreachable'), fu.unreachable]} />
        <Row cells={[t('reports.tables.followUpRows.pending'), fu.pending]} />
      </ReportTable>
      <ReportTable
        title={t('reports.tables.byCause')}
        head={[t('reports.tables.cause'), t('reports.tables.count'), t('reports.tables.share')]}
      >
        {causes.map(([id, count]) => (
          <Row key={id} cells={[label(labels.causes[id], id), count, share(count)]} />
        ))}
        <Row
          cells={[
            t('reports.tables.undetermined'),
            figures.byFinalCause[NONE_KEY] ?? 0,
            share(figures.byFinalCause[NONE_KEY] ?? 0),
          ]}
        />
      </ReportTable>
    </>
  );
}
