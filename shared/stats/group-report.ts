/**
 * The group monthly report from the event logs of many desks (issue 15, head office): every
 * case is folded from its events with the desks' own reducer, then counted by the same
 * statistics code as one desk's monthly report (`statsReportOfMatters`), over all the desks at
 * once, so a matter linked across desks counts once. Each matter also counts for the desk that
 * received its lead case: the per-desk breakdown (`byDesk`) and the desk named on each notable
 * matter. Pure: the events, the rules and the time of the report are parameters.
 */
import type { CaseId, EventId, IsoInstant } from '../kernel/brand';
import type { DeadlineContext } from '../calendar/deadline';
import type { CaseEntity, CaseEventEntity } from '../model/entities';
import type { DeskRules } from '../rules/rules';
import { caseFold } from '../workflow/reducer';
import {
  REPORT_DOCUMENT_FORMAT,
  statsLabelsOf,
  type ReportDesk,
  type ReportDocument,
  type ReportPeriodInfo,
} from './combine';
import { statsNotableCompare, type GroupFigures, type NotableMatter } from './figures';
import { mattersInRange, type Matter } from './matters';
import { periodOfMonth } from './period';
import { statsReportOfMatters } from './report';

/** An event as the server holds it: the stored event and the code of the desk that pushed it. */
export type DeskEvent = CaseEventEntity & { readonly originDeskCode: string };

/** A desk of the organisation, as the server knows it. */
export interface GroupDesk {
  readonly code: string;
  readonly name: string;
}

/**
 * Gathers the events of many desks, in any order, in pages, with duplicates (an event pulled
 * twice counts once), and folds them into cases. Each case belongs to the desk that pushed its
 * intake (`case/received`).
 */
export class GroupCaseLog {
  readonly #events = new Map<CaseId, Map<EventId, DeskEvent>>();
  #count = 0;

  add(events: Iterable<DeskEvent>): void {
    for (const event of events) {
      let ofCase = this.#events.get(event.caseId);
      if (!ofCase) {
        ofCase = new Map();
        this.#events.set(event.caseId, ofCase);
      }
      if (!ofCase.has(event.id)) {
        ofCase.set(event.id, event);
        this.#count += 1;
      }
    }
  }

  /** Distinct events gathered so far. */
  get eventCount(): number {
    return this.#count;
  }

  /** Every case with an intake, folded, with the code of the desk that received it. */
  *cases(): Generator<{ readonly state: CaseEntity; readonly deskCode: string }> {
    for (const ofCase of this.#events.values()) {
      const events = [...ofCase.values()];
      const state = caseFold(events);
      const intake = events.find((e) => e.type === 'case/received');
      // No intake yet (its desk has not pushed it): no case to count.
      if (state && intake) yield { state, deskCode: intake.originDeskCode };
    }
  }
}

export interface GroupReportInput {
  readonly organisationName: string;
  /** Every desk of the organisation: the breakdown lists each, with zeros when it had nothing. */
  readonly desks: readonly GroupDesk[];
  readonly cases: Iterable<{ readonly state: CaseEntity; readonly deskCode: string }>;
  readonly period: ReportPeriodInfo;
  readonly rules: DeskRules;
  readonly deadlineContext: DeadlineContext;
  readonly asOf: IsoInstant;
}

/**
 * The group monthly report of the organisation's desks as a `ReportDocument`, the shape a desk's
 * exported monthly report carries, so the desk's workbook builder prints it unchanged.
 */
export function statsGroupReport(input: GroupReportInput): ReportDocument {
  const { rules, deadlineContext, asOf } = input;
  const range = periodOfMonth(
    input.period.year,
    input.period.month,
    rules.reportPeriodStartDay,
    input.period.mode,
  );
  const cases: CaseEntity[] = [];
  const deskOfCase = new Map<CaseId, string>();
  for (const { state, deskCode } of input.cases) {
    cases.push(state);
    deskOfCase.set(state.id, deskCode);
  }
  const nameOf = new Map(input.desks.map((d) => [d.code, d.name]));
  // A desk the server no longer lists (removed) still counts, under its code.
  const deskName = (code: string) => nameOf.get(code) ?? code;

  const matters = mattersInRange(cases, range, deadlineContext.timeZone);
  const statsInput = { range, rules, deadlineContext, asOf };
  const figures = statsReportOfMatters(matters, { ...statsInput, cases });

  const byDeskMatters = new Map<string, Matter[]>(input.desks.map((d) => [d.code, []]));
  for (const matter of matters) {
    const code = deskOfCase.get(matter.lead.id) ?? '';
    const list = byDeskMatters.get(code);
    if (list) list.push(matter);
    else byDeskMatters.set(code, [matter]);
  }
  const byDesk: Record<string, GroupFigures> = {};
  const notable: NotableMatter[] = [];
  for (const [code, deskMatters] of byDeskMatters) {
    const deskCases = cases.filter((c) => deskOfCase.get(c.id) === code);
    const f = statsReportOfMatters(deskMatters, { ...statsInput, cases: deskCases });
    byDesk[deskName(code)] = { matters: f.matters, timeliness: f.timeliness, followUp: f.followUp };
    notable.push(...f.notable.map((n) => ({ ...n, deskName: deskName(code) })));
  }
  notable.sort(statsNotableCompare);

  const desks: ReportDesk[] = input.desks.map((d) => ({
    deskId: d.code,
    organisationName: input.organisationName,
    deskName: d.name,
  }));
  return {
    format: REPORT_DOCUMENT_FORMAT,
    version: 1,
    desks,
    period: input.period,
    labels: statsLabelsOf(rules),
    figures: { ...figures, notable, byDesk },
  };
}
