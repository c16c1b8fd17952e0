/**
 * The monthly report (客户投诉/需求信息月报表) as a workbook: one printable A4 sheet of small ruled
 * tables (intake, kinds and categories, levels, timeliness, follow-up and satisfaction, final
 * causes, units, the major and overdue matters), and the figures as data in a hidden sheet for
 * the group report. The group report uses the same sheet, with the desks it sums.
 */
import type ExcelJS from 'exceljs';
import { STYLE_TEXT } from '@shared/export/sheet-style';
import type { ReportDocument } from '@shared/stats/combine';
import {
  NONE_KEY,
  statsAverageReplyDays,
  statsAverageScore,
  statsFollowUpRate,
  statsOnTimeRate,
  statsRate,
  statsSatisfiedShare,
  statsVisitShare,
} from '@shared/stats/figures';
import type { FormCell, FormSheet } from './form-sheet';
import { reportDataWrite } from './report-data-sheet';
import {
  decimalCell,
  dateTimeCell,
  matterListSection,
  orderedKeys,
  percentCell,
  reportSheet,
  unitSection,
  type ReportSheetContext,
} from './report-workbook';
import { fill } from './sheet-words';

// Columns 5 to 7 hold date-times in the list of matters (yyyy-mm-dd hh:mm).
const WIDTHS = [14, 14, 12, 12, 17, 17, 17, 12];

function intakeSection(form: FormSheet, doc: ReportDocument, ctx: ReportSheetContext): void {
  const w = ctx.lang.words;
  const f = doc.figures;
  form.section(w.monthly.intake);
  form.header([{ value: w.monthly.item, span: 4 }, { value: w.count, span: 2 }, w.share]);
  const line = (label: string, count: number, share?: number) =>
    form.labelled(
      label,
      [{ value: count, span: 2 }, share === undefined ? '' : percentCell(share)],
      4,
    );
  line(w.monthly.matters, f.matters);
  line(w.monthly.reports, f.reports);
  line(w.monthly.repeats, Math.max(0, f.reports - f.matters));
  line(w.monthly.validComplaints, f.validComplaints, statsRate(f.validComplaints, f.matters));
  line(w.monthly.invalidComplaints, f.invalidComplaints, statsRate(f.invalidComplaints, f.matters));
  line(w.monthly.requests, f.requests, statsRate(f.requests, f.matters));
}

function kindSection(form: FormSheet, doc: ReportDocument, ctx: ReportSheetContext): void {
  const { words: w, label } = ctx.lang;
  const f = doc.figures;
  form.section(w.monthly.byKind);
  form.header([
    { value: w.monthly.kind, span: 2 },
    { value: w.monthly.category, span: 3 },
    w.count,
    w.share,
  ]);
  for (const kindId of orderedKeys(f.byKind, Object.keys(doc.labels.kinds))) {
    const kindLabel = label(doc.labels.kinds[kindId], kindId);
    const prefix = `${kindId}/`;
    const keys = Object.keys(f.byCategory).filter((key) => key.startsWith(prefix));
    const ordered = orderedKeys(
      Object.fromEntries(keys.map((key) => [key, f.byCategory[key] ?? 0])),
      Object.keys(doc.labels.categories).filter((key) => key.startsWith(prefix)),
    );
    for (const key of ordered) {
      const categoryId = key.slice(prefix.length);
      const count = f.byCategory[key] ?? 0;
      form.cells([
        { value: kindLabel, span: 2, style: STYLE_TEXT },
        {
          value:
            categoryId === NONE_KEY
              ? w.monthly.unclassified
              : label(doc.labels.categories[key], categoryId),
          span: 3,
          style: STYLE_TEXT,
        },
        count,
        percentCell(statsRate(count, f.matters)),
      ]);
    }
    const subtotal = f.byKind[kindId] ?? 0;
    form.total([
      { value: `${kindLabel} ${w.subtotal}`, span: 5 },
      subtotal,
      percentCell(statsRate(subtotal, f.matters)),
    ]);
  }
  form.total([{ value: w.total, span: 5 }, f.matters, percentCell(f.matters > 0 ? 1 : undefined)]);
}

function countSection(
  form: FormSheet,
  title: string,
  heading: string,
  counts: Readonly<Record<string, number>>,
  labels: ReportDocument['labels']['levels'],
  total: number,
  ctx: ReportSheetContext,
  sortByCount = false,
): void {
  const w = ctx.lang.words;
  form.section(title);
  form.header([{ value: heading, span: 4 }, { value: w.count, span: 2 }, w.share]);
  let keys = orderedKeys(counts, Object.keys(labels)).filter((key) => key !== NONE_KEY);
  if (sortByCount) keys = keys.sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0));
  for (const key of keys) {
    const count = counts[key] ?? 0;
    form.labelled(
      ctx.lang.label(labels[key], key),
      [{ value: count, span: 2 }, percentCell(statsRate(count, total))],
      4,
    );
  }
  const none = counts[NONE_KEY] ?? 0;
  if (sortByCount && none > 0) {
    form.labelled(
      ctx.lang.words.monthly.undetermined,
      [{ value: none, span: 2 }, percentCell(statsRate(none, total))],
      4,
    );
  }
  if (keys.length === 0 && none === 0) form.labelled(w.none, [{ value: 0, span: 2 }, ''], 4);
  form.total([
    { value: w.total, span: 4 },
    { value: total, span: 2 },
    percentCell(total > 0 ? 1 : undefined),
  ]);
}

function listSection(
  form: FormSheet,
  title: string,
  rows: readonly (readonly [string, FormCell | number])[],
  ctx: ReportSheetContext,
): void {
  const w = ctx.lang.words;
  form.section(title);
  form.header([{ value: w.monthly.item, span: 4 }, w.value]);
  for (const [label, value] of rows) form.labelled(label, [value], 4);
}

function timelinessSection(form: FormSheet, doc: ReportDocument, ctx: ReportSheetContext): void {
  const m = ctx.lang.words.monthly;
  const t = doc.figures.timeliness;
  listSection(
    form,
    m.timeliness,
    [
      [m.onTime, t.onTime],
      [m.late, t.late],
      [m.openOverdue, t.openOverdue],
      [m.openInTime, t.openInTime],
      [m.exempt, t.exempt],
      [m.uncounted, t.uncounted],
      [m.onTimeRate, percentCell(statsOnTimeRate(t))],
      [m.averageDays, decimalCell(statsAverageReplyDays(t))],
    ],
    ctx,
  );
}

function followUpSection(form: FormSheet, doc: ReportDocument, ctx: ReportSheetContext): void {
  const m = ctx.lang.words.monthly;
  const f = doc.figures.followUp;
  listSection(
    form,
    m.followUp,
    [
      [m.replied, f.replied],
      [m.followedUp, f.followedUp],
      [m.followUpRate, percentCell(statsFollowUpRate(f))],
      [m.visits, f.visits],
      [m.visitShare, percentCell(statsVisitShare(f))],
      [m.averageScore, decimalCell(statsAverageScore(f))],
      [m.satisfied, f.satisfied],
      [m.satisfiedShare, percentCell(statsSatisfiedShare(f))],
      [m.unreachable, f.unreachable],
      [m.waived, f.waived],
      [m.pending, f.pending],
    ],
    ctx,
  );
}

function notableSection(
  form: FormSheet,
  doc: ReportDocument,
  ctx: ReportSheetContext,
  isGroup: boolean,
): void {
  const m = ctx.lang.words.monthly;
  const when = dateTimeCell(ctx);
  matterListSection(
    form,
    m.notable,
    [m.repliedAt, m.reason],
    doc.figures.notable.map((n) => {
      const unit = n.unitName ?? '';
      return {
        number: n.number,
        subject: n.subject,
        // In a group report the desk comes first, on its own line when the column is narrow.
        unit: isGroup && n.deskName ? `${n.deskName} ${unit}` : unit,
        receivedAt: n.receivedAt,
        dueAt: n.dueAt,
        more: [
          when(n.repliedAt),
          [n.major ? m.major : '', n.overdue ? m.overdueMark : ''].filter(Boolean).join('、'),
        ],
      };
    }),
    ctx,
  );
}

/** Adds the report sheet (and its hidden data) to the workbook. */
export function monthlyReportSheet(
  workbook: ExcelJS.Workbook,
  doc: ReportDocument,
  ctx: ReportSheetContext,
  isGroup = false,
): ExcelJS.Worksheet {
  const w = ctx.lang.words;
  const sheet = reportSheet(
    workbook,
    {
      sheetName: isGroup ? w.group.sheet : w.monthly.sheet,
      widths: WIDTHS,
      title: fill(isGroup ? w.group.title : w.monthly.title, { noun: ctx.noun }),
      deskLine:
        doc.desks.length === 1 && doc.desks[0]
          ? fill(w.deskLine, {
              organisation: doc.desks[0].organisationName,
              desk: doc.desks[0].deskName,
            })
          : doc.desks.map((d) => d.deskName).join('、'),
      periodLine: fill(w.periodLine, {
        first: doc.figures.range.first,
        last: doc.figures.range.last,
      }),
      tables: (form) => {
        intakeSection(form, doc, ctx);
        kindSection(form, doc, ctx);
        countSection(
          form,
          w.monthly.byLevel,
          w.monthly.level,
          doc.figures.byLevel,
          doc.labels.levels,
          doc.figures.matters,
          ctx,
        );
        timelinessSection(form, doc, ctx);
        followUpSection(form, doc, ctx);
        countSection(
          form,
          w.monthly.byCause,
          w.monthly.cause,
          doc.figures.byFinalCause,
          doc.labels.causes,
          doc.figures.matters,
          ctx,
          true,
        );
        unitSection(form, w.monthly.byUnit, doc.figures.byUnit, ctx);
        notableSection(form, doc, ctx, isGroup);
        if (isGroup) {
          form.section(w.monthly.desks);
          form.header([{ value: w.monthly.desk, span: 4 }, w.monthly.organisation]);
          for (const desk of doc.desks)
            form.labelled(desk.deskName, [{ value: desk.organisationName, style: STYLE_TEXT }], 4);
          // The same columns as the table by unit, one line per desk.
          if (doc.figures.byDesk) {
            unitSection(form, w.monthly.byDesk, doc.figures.byDesk, ctx, w.monthly.desk);
          }
        }
      },
    },
    ctx,
  );
  reportDataWrite(workbook, doc);
  return sheet;
}
