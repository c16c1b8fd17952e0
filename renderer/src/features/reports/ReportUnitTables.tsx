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
import type { QuarterlyFigures } from '@shared/stats/quarterly';
import { rulesLabel } from '@shared/rules/rules-query';
import { formatDateTime } from '../../vocabulary/format';
import { useDeskState } from '../../desk/desk-state';
import { decimalText, percentText } from './report-format';
import { ReportTable, Row } from './ReportTables';

/**
 * Major and overdue matters listed on screen: a year of a large desk holds thousands, and a table
 * of thousands of rows would hold the screen up; the exports list them all.
 */
export const NOTABLE_SHOWN = 200;

/** By handling unit, and the major and overdue matters by number. */
export function ReportUnitTables({ figures }: Readonly<{ figures: ReportFigures }>) {
  const { t } = useTranslation();
  const { deadlineContext } = useDeskState();
  const units = Object.entries(figures.byUnit).sort(([, a], [, b]) => b.matters - a.matters);
  const notable = figures.notable.slice(0, NOTABLE_SHOWN);
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
        {notable.map((n) => (
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
      {figures.notable.length > notable.length ? (
        <Typography color="text.secondary">
          {t('reports.tables.moreListed', { count: figures.notable.length - notable.length })}
        </Typography>
      ) : null}
    </>
  );
}

/** The quarterly analysis' lists: customers who complained more than once, unresolved issues. */
export function QuarterlyTables({ quarterly }: Readonly<{ quarterly: QuarterlyFigures }>) {
  const { t } = useTranslation();
  const { deadlineContext } = useDeskState();
  return (
    <>
      <ReportTable
        maxHeight={480}
        title={t('reports.tables.repeatCustomers')}
        head={[
          t('reports.tables.customer'),
          t('reports.tables.phone'),
          t('reports.tables.address'),
          t('reports.tables.matters'),
          t('reports.tables.numbers'),
        ]}
      >
        {quarterly.repeatCustomers.slice(0, NOTABLE_SHOWN).map((c) => (
          <Row
            key={c.numbers.join()}
            cells={[c.name, c.phone, c.address, c.matters, c.numbers.join('、')]}
          />
        ))}
      </ReportTable>
      {quarterly.repeatCustomers.length === 0 ? (
        <Typography color="text.secondary">{t('reports.tables.noRepeat')}</Typography>
      ) : null}
      <ReportTable
        title={t('reports.tables.unresolved')}
        head={[
          t('reports.tables.number'),
          t('reports.tables.subject'),
          t('reports.tables.unit'),
          t('reports.tables.receivedAt'),
          t('reports.tables.dueAt'),
          t('reports.tables.overdueDays'),
          t('reports.tables.status'),
        ]}
      >
        {quarterly.unresolved.map((m) => (
          <Row
            key={m.number}
            cells={[
              m.number,
              m.subject,
              m.unitName ?? t('reports.tables.notDispatched'),
              formatDateTime(m.receivedAt, deadlineContext.timeZone),
              formatDateTime(m.dueAt, deadlineContext.timeZone),
              m.overdueWorkingDays,
              t(`status.${m.status}`),
            ]}
          />
        ))}
      </ReportTable>
      {quarterly.unresolved.length === 0 ? (
        <Typography color="text.secondary">{t('reports.tables.noUnresolved')}</Typography>
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
