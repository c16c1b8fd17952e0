import { describe, expect, it } from 'vitest';
import type { CaseId, IsoDate } from '@shared/kernel/brand';
import { printParamsOf, printPath } from './print-route';

describe('print addresses', () => {
  it('round-trips what a form is printed for', () => {
    const params = {
      caseIds: ['a' as CaseId, 'b' as CaseId],
      date: '2026-10-09' as IsoDate,
      from: '2026-09-25' as IsoDate,
      to: '2026-10-24' as IsoDate,
    };
    const path = printPath('dispatch', params);
    expect(path).toBe('/print/dispatch?cases=a%2Cb&date=2026-10-09&from=2026-09-25&to=2026-10-24');
    expect(printParamsOf(new URLSearchParams(path.split('?')[1]))).toEqual(params);
  });

  it('has no query for a form printed with its defaults', () => {
    expect(printPath('register')).toBe('/print/register');
  });

  it('drops dates that are not real dates', () => {
    expect(printParamsOf(new URLSearchParams('date=2026-02-30&from=yesterday&cases=,'))).toEqual(
      {},
    );
  });

  it('names a monthly report by its month, or its calendar month', () => {
    expect(printPath('monthlyReport', { month: '2026-10' })).toBe(
      '/print/monthlyReport?month=2026-10',
    );
    const calendar = printPath('monthlyReport', { month: '2026-10', calendarMonth: true });
    expect(calendar).toBe('/print/monthlyReport?month=2026-10&mode=calendar');
    expect(printParamsOf(new URLSearchParams(calendar.split('?')[1]))).toEqual({
      month: '2026-10',
      calendarMonth: true,
    });
    expect(printParamsOf(new URLSearchParams('month=2026-13'))).toEqual({});
  });
});
