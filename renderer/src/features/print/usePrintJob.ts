import { caseIsMasked, type CaseViewer } from '@shared/access/mask';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { CaseId, IsoDate } from '@shared/kernel/brand';
import { localDateOf } from '@shared/calendar/deadline';
import type { CaseEntity } from '@shared/model/entities';
import { isCaseForm, type CaseFormId, type PrintFormId } from '@shared/paper/forms';
import { statsLabelsOf } from '@shared/stats/combine';
import {
  periodContaining,
  periodInstantRange,
  periodOfMonth,
  type ReportPeriod,
} from '@shared/stats/period';
import { statsReport } from '@shared/stats/report';
import { useDeskState } from '../../desk/desk-state';
import { useDeskServices } from '../../desk/services';
import {
  printCasesWithEvents,
  printDispatchedCaseIds,
  printFollowUpsDue,
  type CaseWithEvents,
} from '../../db/repos/print';
import { statsCasesOfRange } from '../../db/repos/stats';
import { formTitle, type FormContext } from '../../paper/forms/common';
import { dispatchDocument } from '../../paper/forms/dispatch';
import { followUpSheetDocument } from '../../paper/forms/follow-up-sheet';
import { handlingRecordDocument } from '../../paper/forms/handling-record';
import { handlingNoticeDocument, handoverDocument } from '../../paper/forms/hospital';
import { monthlyReportDocument } from '../../paper/forms/monthly-report';
import { registerDocumentOf } from '../../paper/forms/register';
import { reviewRecordDocument } from '../../paper/forms/review-record';
import type { PrintDocument } from '../../paper/model';
import type { DeskDatabase } from '../../db/database';
import type { PrintParams } from './print-route';
import { useRegisterRows } from './useRegisterRows';

/** What a print job prints, and how the print is named and recorded. */
export interface PrintJob {
  readonly docs: readonly PrintDocument[];
  /** The PDF's default name and the print dialog's title. */
  readonly fileTitle: string;
  /** What a list form covered, for the audit log. */
  readonly detail?: string;
  /** The cases of a day's dispatch sheets, to choose from. */
  readonly choices?: readonly CaseEntity[];
  /**
   * False while the rows of a long list are still being read: the pages known so far show, the
   * job cannot print yet. Absent: complete.
   */
  readonly complete?: boolean;
}

export type PrintJobState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly job: PrintJob }
  | { readonly status: 'noCase' };

type Loaded =
  | {
      /** The dates only: the rows are read a part at a time by `useRegisterRows`. */
      readonly type: 'register';
      readonly from: IsoDate;
      readonly to: IsoDate;
      readonly reversed?: boolean;
    }
  | { readonly type: 'followUps'; readonly cases: CaseEntity[]; readonly day: IsoDate }
  | { readonly type: 'cases'; readonly cases: CaseWithEvents[]; readonly day?: IsoDate }
  | { readonly type: 'monthly'; readonly cases: CaseEntity[]; readonly period: ReportPeriod }
  | { readonly type: 'noCase' };

const CASE_BUILDERS: {
  readonly [F in CaseFormId]: (ctx: FormContext, c: CaseWithEvents) => PrintDocument;
} = {
  dispatch: dispatchDocument,
  handover: handoverDocument,
  handlingNotice: handlingNoticeDocument,
  handlingRecord: handlingRecordDocument,
  reviewRecord: reviewRecordDocument,
};

/**
 * The dates a job covers when the address names none: today, and the report period that holds
 * it (the register is attached to the monthly report, so it is printed for the same period).
 */
export function usePrintDefaults(): { readonly today: IsoDate; readonly period: ReportPeriod } {
  const { now } = useDeskServices();
  const { rules, deadlineContext } = useDeskState();
  const today = localDateOf(now(), deadlineContext.timeZone);
  return { today, period: periodContaining(today, rules.reportPeriodStartDay) };
}

/** The report period named after `YYYY-MM` (or its calendar month), else the one of today. */
function monthlyPeriod(params: PrintParams, fallback: ReportPeriod, startDay: number) {
  const mode = params.calendarMonth ? 'calendar' : 'report';
  const [year = fallback.year, number = fallback.month] = params.month
    ? params.month.split('-').map(Number)
    : [];
  return params.month || params.calendarMonth
    ? periodOfMonth(year, number, startDay, mode)
    : fallback;
}

/** What the desk reads for a print job; `c` holds the defaults and the desk's zone. */
async function printJobLoad(
  form: PrintFormId,
  params: PrintParams,
  c: {
    readonly db: DeskDatabase;
    readonly today: IsoDate;
    readonly period: ReportPeriod;
    readonly startDay: number;
    readonly timeZone: string;
    readonly viewer: CaseViewer;
  },
): Promise<Loaded> {
  const { db, today, period, startDay, timeZone, viewer } = c;
  const dayRange = (day: IsoDate) => periodInstantRange({ first: day, last: day }, timeZone);
  switch (form) {
    case 'register': {
      const from = params.from ?? period.first;
      const to = params.to ?? period.last;
      // A reversed range prints nothing; the date field says why.
      return to < from
        ? { type: 'register', from, to, reversed: true }
        : { type: 'register', from, to };
    }
    case 'monthlyReport': {
      const chosen = monthlyPeriod(params, period, startDay);
      const cases = await statsCasesOfRange(db, periodInstantRange(chosen, timeZone));
      return { type: 'monthly', cases, period: chosen };
    }
    case 'followUpSheet': {
      const day = params.date ?? today;
      return {
        type: 'followUps',
        cases: await printFollowUpsDue(db, dayRange(day).to, viewer),
        day,
      };
    }
    default: {
      if (params.caseIds) {
        const cases = await printCasesWithEvents(db, params.caseIds, viewer, {
          withAnnex: form === 'handlingRecord',
        });
        return cases.length > 0 ? { type: 'cases', cases } : { type: 'noCase' };
      }
      if (form !== 'dispatch' && form !== 'handover') return { type: 'noCase' };
      const day = params.date ?? today;
      const ids = await printDispatchedCaseIds(db, dayRange(day).from, dayRange(day).to);
      return { type: 'cases', cases: await printCasesWithEvents(db, ids, viewer), day };
    }
  }
}

/**
 * Loads what a form prints and builds its documents. Cases left out of a day's batch are in
 * `excluded`.
 */
export function usePrintJob(
  form: PrintFormId,
  params: PrintParams,
  ctx: FormContext | undefined,
  excluded: ReadonlySet<CaseId>,
): PrintJobState {
  const { db } = useDeskServices();
  const { rules, deadlineContext, operator } = useDeskState();
  const { today, period } = usePrintDefaults();
  const timeZone = deadlineContext.timeZone;
  const startDay = rules.reportPeriodStartDay;
  const key = JSON.stringify(params);
  // Tagged with what it was loaded for: while a new choice loads, the old pages must not show
  // (or print) as if they were the new ones.
  const query = `${form}|${key}|${today}|${period.first}`;
  const tagged = useLiveQuery(
    async () => ({
      query,
      loaded: await printJobLoad(form, params, {
        db,
        today,
        period,
        startDay,
        timeZone,
        viewer: operator,
      }),
    }),
    [db, query, startDay, timeZone, operator],
  );
  const loaded = tagged?.query === query ? tagged.loaded : undefined;
  const registerRange =
    loaded?.type === 'register' && !loaded.reversed
      ? { from: loaded.from, to: loaded.to }
      : undefined;
  const register = useRegisterRows(registerRange, ctx);

  return useMemo((): PrintJobState => {
    if (!loaded || !ctx) return { status: 'loading' };
    const title = formTitle(ctx, form);
    switch (loaded.type) {
      case 'noCase':
        return { status: 'noCase' };
      case 'register': {
        if (!loaded.reversed && !register) return { status: 'loading' };
        return {
          status: 'ready',
          job: {
            docs:
              loaded.reversed || !register
                ? []
                : [registerDocumentOf(ctx, register.rows, register.count, loaded)],
            fileTitle: `${title}-${loaded.from}-${loaded.to}`,
            detail: `${loaded.from}..${loaded.to}`,
            complete: register?.complete ?? true,
          },
        };
      }
      case 'followUps':
        return {
          status: 'ready',
          job: {
            docs: [followUpSheetDocument(ctx, loaded.cases, loaded.day)],
            fileTitle: `${title}-${loaded.day}`,
            detail: loaded.day,
          },
        };
      case 'monthly': {
        const figures = statsReport({
          cases: loaded.cases,
          range: loaded.period,
          rules,
          deadlineContext,
          asOf: ctx.printedAt,
        });
        return {
          status: 'ready',
          job: {
            docs: [monthlyReportDocument(ctx, { figures, labels: statsLabelsOf(rules) })],
            fileTitle: `${title}-${loaded.period.first}-${loaded.period.last}`,
            detail: `${loaded.period.first}..${loaded.period.last}`,
          },
        };
      }
      case 'cases': {
        if (!isCaseForm(form)) return { status: 'noCase' };
        const build = CASE_BUILDERS[form];
        // A case form is not printed of a case that came back masked: it would be empty.
        const readable = loaded.cases.filter((c) => !caseIsMasked(c.item));
        if (readable.length === 0 && !loaded.day) return { status: 'noCase' };
        const chosen = readable.filter((c) => !excluded.has(c.item.id));
        const only = readable.length === 1 ? readable[0] : undefined;
        return {
          status: 'ready',
          job: {
            docs: chosen.map((c) => build(ctx, c)),
            fileTitle: only ? `${title}-${only.item.number}` : `${title}-${loaded.day ?? ''}`,
            ...(loaded.day ? { detail: loaded.day, choices: readable.map((c) => c.item) } : {}),
          },
        };
      }
    }
  }, [loaded, register, ctx, form, excluded, rules, deadlineContext]);
}
