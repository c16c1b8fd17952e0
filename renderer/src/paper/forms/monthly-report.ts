/**
 * The monthly report (月报表, DOMAIN.md section 6) on paper: the figures of
 * shared/stats/report.ts in the sections and words of the exported workbook
 * (renderer/src/export/monthly-workbook.ts), so the printed and the Excel report agree.
 */
import type { IsoInstant } from '@shared/kernel/brand';
import { printFormOrientation } from '@shared/paper/forms';
import type { ReportLabels } from '@shared/stats/combine';
import {
  NONE_KEY,
  statsAverageReplyDays,
  statsAverageScore,
  statsFollowUpRate,
  statsOnTimeRate,
  statsOverdueCount,
  statsRate,
  statsSatisfiedShare,
  statsVisitShare,
  type Counts,
  type ReportFigures,
} from '@shared/stats/figures';
import type { LocalizedText } from '@shared/rules/rules';
import { sheetLanguage } from '../../export/sheet-words';
import type { PrintDocument, PrintRow, PrintTableSection } from '../model';
import {
  dateTime,
  documentFrame,
  head,
  label,
  row,
  signatures,
  value,
  words,
  type FormContext,
} from './common';

const percent = (rate: number | undefined) =>
  rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
const decimal = (n: number | undefined) => (n === undefined ? '—' : n.toFixed(1));

/** Keys in the rules' order first, then any others; only those counted. */
function ordered(counts: Counts, labelled: readonly string[]): string[] {
  const extra = Object.keys(counts).filter((key) => !labelled.includes(key));
  return [...labelled, ...extra].filter((key) => (counts[key] ?? 0) > 0);
}

function table(
  key: string,
  caption: string,
  columns: readonly number[],
  heads: readonly string[],
  rows: PrintRow[],
): PrintTableSection {
  return {
    type: 'table',
    key,
    caption,
    columns,
    head: [row('head', ...heads.map((text) => head(text)))],
    rows,
  };
}

const n = (count: number) => value(String(count), { align: 'right' });
const r = (text: string) => value(text, { align: 'right' });

export interface MonthlyReportInput {
  readonly figures: ReportFigures;
  readonly labels: ReportLabels;
}

export function monthlyReportDocument(
  ctx: FormContext,
  { figures: f, labels }: MonthlyReportInput,
): PrintDocument {
  const m = sheetLanguage(ctx.locale).words;
  const w = m.monthly;
  const name = (text: LocalizedText | undefined, fallback: string) =>
    text ? words(ctx, text) : fallback;
  const share = (count: number) => percent(statsRate(count, f.matters));
  const itemRows = (items: readonly (readonly [string, string])[]) =>
    items.map(([item, shown], i) => row(`i${i}`, value(item), r(shown)));

  const intake = table(
    'intake',
    w.intake,
    [60, 20, 20],
    [w.item, m.count, m.share],
    [
      row('matters', value(w.matters), n(f.matters), r('')),
      row('reports', value(w.reports), n(f.reports), r('')),
      row('repeats', value(w.repeats), n(Math.max(0, f.reports - f.matters)), r('')),
      row('valid', value(w.validComplaints), n(f.validComplaints), r(share(f.validComplaints))),
      row(
        'invalid',
        value(w.invalidComplaints),
        n(f.invalidComplaints),
        r(share(f.invalidComplaints)),
      ),
      row('requests', value(w.requests), n(f.requests), r(share(f.requests))),
    ],
  );

  const kindRows: PrintRow[] = [];
  for (const kindId of ordered(f.byKind, Object.keys(labels.kinds))) {
    const kind = name(labels.kinds[kindId], kindId);
    const prefix = `${kindId}/`;
    const keys = ordered(
      Object.fromEntries(Object.entries(f.byCategory).filter(([key]) => key.startsWith(prefix))),
      Object.keys(labels.categories).filter((key) => key.startsWith(prefix)),
    );
    for (const key of keys) {
      const categoryId = key.slice(prefix.length);
      const count = f.byCategory[key] ?? 0;
      kindRows.push(
        row(
          key,
          value(kind),
          value(
            categoryId === NONE_KEY ? w.unclassified : name(labels.categories[key], categoryId),
          ),
          n(count),
          r(share(count)),
        ),
      );
    }
    const subtotal = f.byKind[kindId] ?? 0;
    kindRows.push(
      row(
        `${kindId}-subtotal`,
        label(`${kind} ${m.subtotal}`, { colSpan: 2 }),
        n(subtotal),
        r(share(subtotal)),
      ),
    );
  }
  kindRows.push(
    row(
      'total',
      label(m.total, { colSpan: 2 }),
      n(f.matters),
      r(percent(f.matters > 0 ? 1 : undefined)),
    ),
  );
  const byKind = table(
    'kind',
    w.byKind,
    [25, 35, 20, 20],
    [w.kind, w.category, m.count, m.share],
    kindRows,
  );

  const countTable = (
    key: string,
    caption: string,
    heading: string,
    counts: Counts,
    names: Readonly<Record<string, LocalizedText>>,
    byCount: boolean,
  ) => {
    let keys = ordered(counts, Object.keys(names)).filter((k) => k !== NONE_KEY);
    if (byCount) keys = [...keys].sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0));
    const rows = keys.map((k) =>
      row(k, value(name(names[k], k)), n(counts[k] ?? 0), r(share(counts[k] ?? 0))),
    );
    const none = counts[NONE_KEY] ?? 0;
    if (byCount && none > 0) rows.push(row('none', value(w.undetermined), n(none), r(share(none))));
    rows.push(
      row('total', label(m.total), n(f.matters), r(percent(f.matters > 0 ? 1 : undefined))),
    );
    return table(key, caption, [60, 20, 20], [heading, m.count, m.share], rows);
  };

  const t = f.timeliness;
  const timeliness = table(
    'timeliness',
    w.timeliness,
    [80, 20],
    [w.item, m.count],
    itemRows([
      [w.onTime, String(t.onTime)],
      [w.late, String(t.late)],
      [w.openOverdue, String(t.openOverdue)],
      [w.openInTime, String(t.openInTime)],
      [w.exempt, String(t.exempt)],
      [w.uncounted, String(t.uncounted)],
      [w.onTimeRate, percent(statsOnTimeRate(t))],
      [w.averageDays, decimal(statsAverageReplyDays(t))],
    ]),
  );

  const fu = f.followUp;
  const followUp = table(
    'followUp',
    w.followUp,
    [80, 20],
    [w.item, m.count],
    itemRows([
      [w.replied, String(fu.replied)],
      [w.followedUp, String(fu.followedUp)],
      [w.followUpRate, percent(statsFollowUpRate(fu))],
      [w.visits, String(fu.visits)],
      [w.visitShare, percent(statsVisitShare(fu))],
      [w.averageScore, decimal(statsAverageScore(fu))],
      [w.satisfied, String(fu.satisfied)],
      [w.satisfiedShare, percent(statsSatisfiedShare(fu))],
      [w.unreachable, String(fu.unreachable)],
      [w.waived, String(fu.waived)],
      [w.pending, String(fu.pending)],
    ]),
  );

  const units = Object.entries(f.byUnit).sort(
    ([a, ga], [b, gb]) => gb.matters - ga.matters || a.localeCompare(b, 'zh-CN'),
  );
  const byUnit = table(
    'unit',
    w.byUnit,
    [28, 12, 12, 12, 12, 12, 12],
    [w.unit, m.count, w.onTime, w.overdue, w.averageDays, w.followedUp, w.satisfiedShare],
    units.length > 0
      ? units.map(([unit, g]) =>
          row(
            unit || 'none',
            value(unit === NONE_KEY ? w.notDispatched : unit),
            n(g.matters),
            n(g.timeliness.onTime),
            n(statsOverdueCount(g.timeliness)),
            r(decimal(statsAverageReplyDays(g.timeliness))),
            n(g.followUp.followedUp),
            r(percent(statsSatisfiedShare(g.followUp))),
          ),
        )
      : [row('none', value(m.none, { colSpan: 7, align: 'center' }))],
  );

  const notable = table(
    'notable',
    w.notable,
    [12, 30, 12, 19, 19, 8],
    [w.number, w.subject, w.unit, w.receivedAt, w.dueAt, w.reason],
    f.notable.length > 0
      ? f.notable.map((item) =>
          row(
            item.number,
            value(item.number),
            value(item.subject),
            value(item.unitName),
            value(dateTime(ctx, item.receivedAt)),
            value(dateTime(ctx, item.dueAt as IsoInstant | undefined)),
            value(
              [item.major ? w.major : '', item.overdue ? w.overdueMark : '']
                .filter(Boolean)
                .join('、'),
            ),
          ),
        )
      : [row('none', value(m.none, { colSpan: 6, align: 'center' }))],
  );

  const periodText = m.periodLine
    .replace('{{first}}', f.range.first)
    .replace('{{last}}', f.range.last);
  return {
    ...documentFrame(
      ctx,
      'monthlyReport',
      `monthlyReport:${f.range.first}`,
      periodText,
      periodText,
    ),
    orientation: printFormOrientation('monthlyReport', ctx.settings),
    density: 'normal',
    sections: [
      intake,
      byKind,
      countTable('level', w.byLevel, w.level, f.byLevel, labels.levels, false),
      timeliness,
      followUp,
      countTable('cause', w.byCause, w.cause, f.byFinalCause, labels.causes, true),
      byUnit,
      notable,
      ...signatures(ctx, 'monthlyReport'),
    ],
  };
}
