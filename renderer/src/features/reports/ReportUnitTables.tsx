import { Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import {
  NONE_KEY,
  statsAverageReplyDays,
  statsOverdueCount,
  statsSatisfiedShare,
  type ReportFigures,
} from '@shared/stats/figures';
import type { PersonYearRow } from '@shared/stats/per-person';
import { rulesLabel } from '@shared/rules/rules-query';
import { formatDateTime } from '../../vocabulary/format';
import { useDeskState } from '../../desk/desk-state';
import { decimalText, percentText } from './report-format';
import { ReportTable, Row } from './ReportTables';

/** By handling unit, and the major and overdue matters by number. */
export function ReportUnitTables({ figures }: Readonly<{ figures: ReportFigures }>) {
  const { t } = useTranslation();
  const { deadlineContext } = useDeskState();
  const units = Object.entries(figures.byUnit).sort(([, a], [, b]) => b.matters - a.matters);
  return (
    <>
      <ReportTable
        title={t('reports.tables.byUnit')}
        head={[
          t('reports.tables.unit'),
          t('reports.tables.count'),
          t('reports.tables.onTime'),
          t('reports.tables.overdue'),
          t('reports.tables.averageDays'),
          t('reports.tables.followedUp'),
          t('reports.tables.satisfiedShare'),
        ]}
      >
        {units.map(([name, g]) => (
          <Row
            key={name}
            cells={[
              name === NONE_KEY ? t('reports.tables.notDispatched') : name,
              g.matters,
              g.timeliness.onTime,
              statsOverdueCount(g.timeliness),
              decimalText(statsAverageReplyDays(g.timeliness), 2),
              g.followUp.followedUp,
              percentText(statsSatisfiedShare(g.followUp)),
            ]}
          />
        ))}
      </ReportTable>
      <ReportTable
        // A long list scrolls inside its box; the Excel export has every row.
        maxHeight={480}
        title={t('reports.tables.notable')}
        head={[
          t('reports.tables.number'),
          t('reports.tables.subject'),
          t('reports.tables.unit'),
          t('reports.tables.receivedAt'),
          t('reports.tables.dueAt'),
          t('reports.tables.reason'),
        ]}
      >
        {figures.notable.map((n) => (
          <Row
            key={n.number}
            cells={[
              n.number,
              n.subject,
              n.unitName ?? t('reports.tables.notDispatched'),
              formatDateTime(n.receivedAt, deadlineContext.timeZone),
              formatDateTime(n.dueAt, deadlineContext.timeZone),
              [
                n.major ? t('reports.tables.major') : '',
                n.overdue ? t('reports.tables.overdueMark') : '',
              ]
                .filter(Boolean)
                .join('、'),
            ]}
          />
        ))}
      </ReportTable>
      {figures.notable.length === 0 ? (
        <Typography color="text.secondary">{t('reports.tables.noneListed')}</Typography>
      ) : null}
    </>
  );
}

/** The hospital preset's yearly record per person, by level. */
export function PerPersonTable({
  year,
  rows,
}: Readonly<{ year: number; rows: readonly PersonYearRow[] }>) {
  const { t } = useTranslation();
  const { rules, locale } = useDeskState();
  const levels = [...rules.levels].sort((a, b) => b.rank - a.rank);
  return (
    <>
      <ReportTable
        title={t('reports.perPerson.title', { year })}
        head={[
          t('reports.perPerson.person'),
          t('reports.perPerson.unit'),
          ...levels.map((level) => rulesLabel(level.label, locale)),
          t('reports.perPerson.total'),
        ]}
      >
        {rows.map((row) => (
          <Row
            key={`${row.unitName}/${row.personName}`}
            cells={[
              row.personName,
              row.unitName,
              ...levels.map((level) => row.byLevel[level.id] ?? 0),
              row.total,
            ]}
          />
        ))}
      </ReportTable>
      {rows.length === 0 ? (
        <Typography color="text.secondary">{t('reports.perPerson.empty')}</Typography>
      ) : null}
    </>
  );
}
