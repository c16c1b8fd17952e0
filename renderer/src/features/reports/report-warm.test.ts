import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskDatabase } from '../../db/database';
import type { StoredDeskState } from '../../db/repos/settings';
import { testDatabase, testDeskSetUp } from '../../db/test-builders';
import { reportViewPlan, reportWarmUnits, type ReportChoice } from './useReportData';

let db: DeskDatabase;
let desk: StoredDeskState;

beforeEach(async () => {
  db = testDatabase();
  desk = await testDeskSetUp(db);
});
afterEach(async () => {
  await db.delete();
});

describe('what the warm-up counts ahead', () => {
  it('is every piece of the views the reports screen opens on first, each once, the current view first', () => {
    const current = { view: 'month', year: 2026, month: 1, mode: 'report' } as const;
    const units = reportWarmUnits(current, desk.rules);
    const keys = units.map((u) => JSON.stringify(u));
    expect(new Set(keys).size).toBe(keys.length);
    const wanted: ReportChoice[] = [
      current,
      { view: 'month', year: 2025, month: 12, mode: 'report' },
      { view: 'quarter', year: 2026, quarter: 1, mode: 'report' },
      { view: 'year', year: 2026, mode: 'report' },
    ];
    for (const choice of wanted) {
      for (const unit of reportViewPlan(choice, desk.rules).units) {
        expect(keys).toContain(JSON.stringify(unit));
      }
    }
    expect(units.slice(0, 6)).toEqual(reportViewPlan(current, desk.rules).units.slice(0, 6));
  });
});
