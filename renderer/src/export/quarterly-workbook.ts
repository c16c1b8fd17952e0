/**
 * The quarterly analysis as a workbook: the month-by-month trend, the Pareto table of final
 * causes (counts sorted, cumulative percentage, the causes that make up 80% marked), the
 * quarter by unit and by level, repeat complaints and the top unresolved issues.
 */
import type ExcelJS from 'exceljs';
import { STYLE_TEXT } from '@shared/export/sheet-style';
import type { ReportLabels } from '@shared/stats/combine';
import { statsOnTimeRate, statsRate, statsSatisfiedShare } from '@shared/stats/figures';
import type { QuarterlyFigures } from '@shared/stats/quarterly';
import { phoneMask } from '@shared/register/columns';
import {
  matterListSection,
  orderedKeys,
  percentCell,
  reportSheet,
  unitSection,
  type ReportSheetContext,
} from './report-workbook';
import { fill } from './sheet-words';

// Columns 5 and 6 hold date-times in the list of unresolved issues.
const WIDTHS = [12, 22, 12, 12, 17, 17, 12, 12];

export interface QuarterlySheetInput {
  readonly figures: QuarterlyFigures;
  readonly labels: ReportLabels;
  readonly organisationName: string;
  readonly deskName: string;
  readonly maskPhones: boolean;
}

export function quarterlyReportSheet(
  workbook: ExcelJS.Workbook,
  input: QuarterlySheetInput,
  ctx: ReportSheetContext,
): ExcelJS.Worksheet {
  const { words: w, label, status } = ctx.lang;
  const q = w.quarterly;
  const { figures, labels } = input;
  return reportSheet(
    workbook,
    {
      sheetName: q.sheet,
      widths: WIDTHS,
      title: fill(q.title, { noun: ctx.noun }),
      deskLine: fill(w.deskLine, {
        organisation: input.organisationName,
        desk: input.deskName,
      }),
      periodLine: fill(q.period, {
        year: figures.quarter.year,
        quarter: figures.quarter.quarter,
        first: figures.quarter.first,
        last: figures.quarter.last,
      }),
      tables: (form) => {
        form.section(q.trend);
        const m = w.monthly;
        form.header([
          { value: q.month, span: 2 },
          m.matters,
          m.validComplaints,
          m.requests,
          m.overdue,
          m.onTimeRate,
          m.satisfiedShare,
        ]);
        const trendRow = (name: string, f: QuarterlyFigures['total'], total = false) => {
          const cells = [
            { value: name, span: 2, style: STYLE_TEXT },
            f.matters,
            f.validComplaints,
            f.requests,
            f.timeliness.late + f.timeliness.openOverdue,
            percentCell(statsOnTimeRate(f.timeliness)),
            percentCell(statsSatisfiedShare(f.followUp)),
          ];
          return total ? form.total(cells) : form.cells(cells);
        };
        figures.months.forEach((month, i) => {
          const period = figures.quarter.months[i];
          trendRow(
            period ? fill(q.monthLabel, { year: period.year, month: period.month }) : '',
            month,
          );
        });
        trendRow(w.total, figures.total, true);

        form.section(q.pareto);
        form.header([q.rank, { value: m.cause, span: 2 }, w.count, w.share, q.cumulative, q.vital]);
        figures.pareto.rows.forEach((row, i) => {
          form.cells([
            i + 1,
            { value: label(labels.causes[row.causeId], row.causeId), span: 2, style: STYLE_TEXT },
            row.count,
            percentCell(row.share),
            percentCell(row.cumulativeShare),
            row.vital ? q.vitalMark : '',
          ]);
        });
        form.total([
          { value: w.total, span: 3 },
          figures.pareto.total,
          percentCell(figures.pareto.total > 0 ? 1 : undefined),
          '',
        ]);
        if (figures.pareto.undetermined > 0) {
          form.labelled(m.undetermined, [figures.pareto.undetermined, ''], 3);
        }

        unitSection(form, q.byUnit, figures.total.byUnit, ctx);

        form.section(q.byLevel);
        form.header([{ value: m.level, span: 3 }, { value: w.count, span: 2 }, w.share]);
        for (const key of orderedKeys(figures.total.byLevel, Object.keys(labels.levels))) {
          const count = figures.total.byLevel[key] ?? 0;
          form.labelled(
            label(labels.levels[key], key),
            [{ value: count, span: 2 }, percentCell(statsRate(count, figures.total.matters))],
            3,
          );
        }

        form.section(q.repeats);
        form.header([
          q.customer,
          { value: q.phone, span: 1 },
          { value: q.room, span: 1 },
          q.matters,
          { value: q.numbers, span: 4 },
        ]);
        for (const c of figures.repeatCustomers) {
          form.cells([
            { value: c.name, style: STYLE_TEXT },
            input.maskPhones && c.phone ? phoneMask(c.phone) : c.phone,
            { value: c.address, style: STYLE_TEXT },
            c.matters,
            { value: c.numbers.join('、'), style: STYLE_TEXT },
          ]);
        }
        if (figures.repeatCustomers.length === 0) form.labelled(w.none, [''], 1);

        matterListSection(
          form,
          q.unresolved,
          [q.overdueDays, q.status],
          figures.unresolved.map((u) => ({
            number: u.number,
            subject: u.subject,
            unit: u.unitName ?? m.notDispatched,
            receivedAt: u.receivedAt,
            dueAt: u.dueAt,
            more: [u.overdueWorkingDays, status(u.status)],
          })),
          ctx,
        );
      },
    },
    ctx,
  );
}
