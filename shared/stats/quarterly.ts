/**
 * The quarterly analysis (DOMAIN.md section 6): the month-by-month trend, the Pareto of final
 * causes, the quarter's figures by unit and level, repeat complaints (customers with more than
 * one complaint in the quarter) and the top unresolved issues.
 */
import type { CaseStatus } from '../model/entities';
import type { IsoInstant } from '../kernel/brand';
import { workingDaysBetween } from '../calendar/deadline';
import { caseIsOpen } from '../workflow/reducer';
import type { ReportFigures } from './figures';
import { mattersInRange, statsKindClass, type Matter } from './matters';
import { statsPareto, type ParetoTable } from './pareto';
import type { QuarterPeriod } from './period';
import { statsReportOfMatters, type StatsInput } from './report';

export interface RepeatCustomer {
  readonly name: string;
  readonly phone: string;
  readonly address: string;
  readonly matters: number;
  readonly numbers: readonly string[];
}

export interface UnresolvedMatter {
  readonly number: string;
  readonly subject: string;
  readonly unitName?: string;
  readonly receivedAt: IsoInstant;
  readonly dueAt?: IsoInstant;
  /** Working days past the deadline at the time of the report; 0 when not overdue. */
  readonly overdueWorkingDays: number;
  readonly status: CaseStatus;
}

export interface QuarterlyFigures {
  readonly quarter: QuarterPeriod;
  /** The quarter as one period: by unit, by level, by final cause. */
  readonly total: ReportFigures;
  /** The three months, for the trend. */
  readonly months: readonly ReportFigures[];
  readonly pareto: ParetoTable;
  readonly repeatCustomers: readonly RepeatCustomer[];
  readonly unresolved: readonly UnresolvedMatter[];
}

/** How many unresolved issues the analysis lists. */
export const UNRESOLVED_LISTED = 10;

function customerKey(m: Matter): string | undefined {
  const { customer } = m.lead;
  if (customer.customerId) return `file:${customer.customerId}`;
  const phone = customer.phone.replace(/\D/g, '');
  if (phone) return `phone:${phone}`;
  const name = customer.name.trim();
  return name ? `name:${name}|${customer.address.trim()}` : undefined;
}

/** Customers with two or more complaint matters among `matters`, most first. */
export function statsRepeatCustomers(
  matters: readonly Matter[],
  rules: StatsInput['rules'],
): RepeatCustomer[] {
  const byCustomer = new Map<string, Matter[]>();
  for (const m of matters) {
    if (statsKindClass(m.lead, rules) !== 'complaint') continue;
    const key = customerKey(m);
    if (key === undefined) continue;
    const list = byCustomer.get(key);
    if (list) list.push(m);
    else byCustomer.set(key, [m]);
  }
  return [...byCustomer.values()]
    .filter((list) => list.length > 1)
    .map((list) => {
      const sorted = [...list].sort((a, b) => (a.firstReceivedAt < b.firstReceivedAt ? -1 : 1));
      const { customer } = (sorted[0] as Matter).lead;
      return {
        name: customer.name,
        phone: customer.phone,
        address: customer.address,
        matters: sorted.length,
        numbers: sorted.map((m) => m.lead.number),
      };
    })
    .sort(
      (a, b) => b.matters - a.matters || (a.numbers[0] ?? '').localeCompare(b.numbers[0] ?? ''),
    );
}

/** Open matters, the most overdue first, then the oldest. */
export function statsUnresolved(
  matters: readonly Matter[],
  input: Pick<StatsInput, 'asOf' | 'deadlineContext'>,
  limit = UNRESOLVED_LISTED,
): UnresolvedMatter[] {
  const asOfMs = Date.parse(input.asOf);
  return matters
    .filter((m) => caseIsOpen(m.lead))
    .map(({ lead }) => {
      const dueAt = lead.exemptReason === undefined ? lead.deadline?.dueAt : undefined;
      const overdue = dueAt !== undefined && asOfMs > Date.parse(dueAt);
      return {
        number: lead.number,
        subject: lead.subject,
        unitName: lead.unitName,
        receivedAt: lead.receivedAt,
        dueAt: lead.deadline?.dueAt,
        overdueWorkingDays: overdue
          ? Math.max(0, workingDaysBetween(dueAt, input.asOf, input.deadlineContext))
          : 0,
        status: lead.status,
        overdue,
      };
    })
    .sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        b.overdueWorkingDays - a.overdueWorkingDays ||
        (a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : 0),
    )
    .slice(0, limit)
    .map(({ overdue: _overdue, ...row }) => row);
}

/** The quarterly analysis of the matters first reported in the quarter. */
export function statsQuarterly(
  input: Omit<StatsInput, 'range'> & { readonly quarter: QuarterPeriod },
): QuarterlyFigures {
  const { quarter } = input;
  const tz = input.deadlineContext.timeZone;
  const matters = mattersInRange(input.cases, quarter, tz);
  const total = statsReportOfMatters(matters, { ...input, range: quarter });
  const months = quarter.months.map((month) =>
    statsReportOfMatters(mattersInRange(input.cases, month, tz), { ...input, range: month }),
  );
  return {
    quarter,
    total,
    months,
    pareto: statsPareto(
      total.byFinalCause,
      input.rules.finalCauses.map((cause) => cause.id),
    ),
    repeatCustomers: statsRepeatCustomers(matters, input.rules),
    unresolved: statsUnresolved(matters, input),
  };
}
