import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { periodInstantRange } from '@shared/stats/period';
import { useDeskState } from '../../desk/desk-state';
import { useDeskServices } from '../../desk/services';
import { printRegisterCasesInParts } from '../../db/repos/print';
import type { FormContext } from '../../paper/forms/common';
import { registerRows, type RegisterRange } from '../../paper/forms/register';
import type { PrintRow } from '../../paper/model';

export interface RegisterRows {
  readonly rows: readonly PrintRow[];
  /** How many cases the range holds (the register's header says so from the first part). */
  readonly count: number;
  /** Every case of the range is in `rows`. */
  readonly complete: boolean;
}

interface Read {
  readonly key: string;
  readonly ctx: FormContext;
  readonly rows: readonly PrintRow[];
  readonly count: number;
}

/**
 * The printed rows of the register for `range`, read and built a part at a time
 * (`printRegisterCasesInParts`): the first part comes in a few milliseconds, so the preview lays
 * out its first page while the month is still being read, and no task of the UI thread reads or
 * builds a whole month. Live: when a case of the range changes, the range is read again and the
 * rows are replaced once that reading is complete (the pages shown meanwhile stay). Undefined
 * until the first part is in, or without a range or context.
 */
export function useRegisterRows(
  range: RegisterRange | undefined,
  ctx: FormContext | undefined,
): RegisterRows | undefined {
  const { db } = useDeskServices();
  const { deadlineContext, operator } = useDeskState();
  const timeZone = deadlineContext.timeZone;
  const key = range ? `${range.from}|${range.to}` : '';
  // What is being asked for now: a reading of another range or context stops early. Set by the
  // effect below, before useLiveQuery subscribes: the querier useLiveQuery starts (and drops)
  // while rendering, to look for a value at hand, then finds itself stale after one part.
  const wanted = useRef<{ key: string; ctx: FormContext | undefined }>({
    key: '',
    ctx: undefined,
  });
  useEffect(() => {
    wanted.current = { key, ctx };
  }, [key, ctx]);
  // The range and context last read whole: a reading again (a case changed) shows no parts.
  const readWhole = useRef<{ key: string; ctx: FormContext }>(undefined);
  const [parts, setParts] = useState<Read>();

  const whole = useLiveQuery(async (): Promise<Read | undefined> => {
    if (!range || !ctx) return undefined;
    const span = periodInstantRange({ first: range.from, last: range.to }, timeZone);
    const showParts = readWhole.current?.key !== key || readWhole.current.ctx !== ctx;
    const stale = () => wanted.current.key !== key || wanted.current.ctx !== ctx;
    let rows: readonly PrintRow[] = [];
    const cases = await printRegisterCasesInParts(
      db,
      span.from,
      span.to,
      operator,
      (part, count) => {
        // The rows so far, in a new array each time that keeps the earlier rows' objects: the
        // layout goes on from the rows it has measured (printDocumentContinues).
        rows = rows.concat(registerRows(ctx, part, range, rows.length + 1));
        if (showParts && !stale()) setParts({ key, ctx, rows, count });
      },
      stale,
    );
    if (stale()) return undefined;
    readWhole.current = { key, ctx };
    return { key, ctx, rows, count: cases.length };
    // `key` stands for `range`.
  }, [db, key, ctx, operator, timeZone]);

  return useMemo(() => {
    if (whole && whole.key === key && whole.ctx === ctx) {
      return { rows: whole.rows, count: whole.count, complete: true };
    }
    if (parts && parts.key === key && parts.ctx === ctx) {
      return { rows: parts.rows, count: parts.count, complete: false };
    }
    return undefined;
  }, [whole, parts, key, ctx]);
}
