import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseId, IsoInstant } from '@shared/kernel/brand';
import { NONE_KEY, type ReportFigures } from '@shared/stats/figures';
import { STATS_STAMP_ALL } from '@shared/stats/stamps';
import { SAMPLE_PAYLOADS } from '@shared/workflow/test-builders';
import type { DeskDatabase } from '../../db/database';
import { caseAppendEvent } from '../../db/repos/cases';
import { settingsPut } from '../../db/repos/settings';
import { statsStampsGet } from '../../db/repos/stats';
import {
  statsKeptClear,
  statsKeptGet,
  statsKeptPut,
  statsKeptUnits,
} from '../../db/repos/stats-kept';
import { talliesCount, talliesGet } from '../../db/repos/tallies';
import { tableChecksums } from '../../db/table-checksums';
import { statsUnitKey } from '@shared/stats/units';
import type { StoredDeskState } from '../../db/repos/settings';
import {
  testDatabase,
  testDeskSetUp,
  testRegister,
  testSession,
  TEST_UNIT,
} from '../../db/test-builders';
import {
  statsEngineCreate,
  StatsNoDeskError,
  type StatsEngine,
  type StatsUnit,
} from './stats-engine';

const NOVEMBER: StatsUnit = { kind: 'month', year: 2026, month: 11, mode: 'report' };
const OCTOBER: StatsUnit = { kind: 'month', year: 2026, month: 10, mode: 'report' };
const Q4: StatsUnit = { kind: 'quarter', year: 2026, quarter: 4, mode: 'report' };
/** 2026-11-26 09:00 in Shanghai: November's report period (10-25 to 11-24) is closed. */
const NOW = '2026-11-26T01:00:00.000Z' as IsoInstant;

let db: DeskDatabase;
let desk: StoredDeskState;
let engine: StatsEngine;

beforeEach(async () => {
  db = testDatabase();
  desk = await testDeskSetUp(db);
  engine = statsEngineCreate(db);
});
afterEach(async () => {
  await db.delete();
});

async function monthFigures(unit: StatsUnit, now: IsoInstant = NOW): Promise<ReportFigures> {
  const { result } = await engine.compute(unit, now);
  if (result.kind !== 'month') throw new Error(`expected a month, got ${result.kind}`);
  return result.figures;
}

/** Registers cases on weekdays of November's period and one in October's. */
async function someCases() {
  const november = [];
  for (const day of ['2026-11-03', '2026-11-04', '2026-11-05']) {
    november.push(await testRegister(db, desk, `${day}T02:00:00.000Z`));
  }
  const october = await testRegister(db, desk, '2026-10-13T02:00:00.000Z');
  return { november, october };
}

/** Changes a rule the figures depend on: the follow-up score that counts as satisfied. */
async function satisfiedThresholdChange() {
  const { scale } = desk.rules.followUp;
  await settingsPut(
    db,
    'rules',
    {
      ...desk.rules,
      followUp: {
        ...desk.rules.followUp,
        scale: { ...scale, satisfiedAtLeast: scale.satisfiedAtLeast === 5 ? 4 : 5 },
      },
    },
    NOW,
  );
}

async function dispatch(caseId: CaseId) {
  const session = testSession(db, desk, '2026-11-25T03:00:00.000Z');
  return caseAppendEvent(session, caseId, 'case/dispatched', {
    ...SAMPLE_PAYLOADS['case/dispatched'],
    ...TEST_UNIT,
  });
}

describe('the statistics engine', () => {
  it('counts a period once and gives the kept figures while nothing changed', async () => {
    await someCases();
    const first = await monthFigures(NOVEMBER);
    expect(first.matters).toBe(3);
    expect(engine.counted).toBe(1);
    const again = await engine.compute(NOVEMBER, '2026-11-26T02:00:00.000Z' as IsoInstant);
    expect(again.cached).toBe(true);
    expect(engine.counted).toBe(1);
    expect(again.result).toEqual({ kind: 'month', figures: first });
  });

  it('counts again when a case of the period changes, and the figures show the change', async () => {
    const { november } = await someCases();
    const before = await monthFigures(NOVEMBER);
    expect(before.byUnit[NONE_KEY]?.matters).toBe(3);
    const target = november[1];
    if (!target) throw new Error('no case');
    await dispatch(target.id);
    const after = await monthFigures(NOVEMBER);
    expect(engine.counted).toBe(2);
    expect(after.byUnit[TEST_UNIT.unitName]?.matters).toBe(1);
    expect(after.byUnit[NONE_KEY]?.matters).toBe(2);
  });

  it('keeps a period whose cases did not change when a case of another period does', async () => {
    const { october } = await someCases();
    await monthFigures(NOVEMBER);
    await monthFigures(OCTOBER);
    await dispatch(october.id);
    expect((await engine.compute(NOVEMBER, NOW)).cached).toBe(true);
    const octoberAgain = await engine.compute(OCTOBER, NOW);
    expect(octoberAgain.cached).toBe(false);
    // A new case in November is a change too, and the quarter holding both months counts again.
    await engine.compute(Q4, NOW);
    await testRegister(db, desk, '2026-11-06T02:00:00.000Z');
    expect((await monthFigures(NOVEMBER)).matters).toBe(4);
    const quarter = await engine.compute(Q4, NOW);
    expect(quarter.cached).toBe(false);
    expect(quarter.result.kind === 'quarter' && quarter.result.quarterly.total.matters).toBe(5);
  });

  it('counts again once an owed deadline has passed or the day has changed', async () => {
    const { november } = await someCases();
    const target = november[0];
    if (!target) throw new Error('no case');
    // Due 2026-11-27 09:00 Shanghai: open and not yet overdue on the 26th.
    const session = testSession(db, desk, '2026-11-25T03:00:00.000Z');
    await caseAppendEvent(session, target.id, 'case/dispatched', {
      ...SAMPLE_PAYLOADS['case/dispatched'],
      ...TEST_UNIT,
      deadline: { dueAt: '2026-11-27T01:00:00.000Z' as IsoInstant, basis: 'handling' },
    });
    const early = await monthFigures(NOVEMBER, '2026-11-26T01:00:00.000Z' as IsoInstant);
    // The same local day, before the deadline: kept.
    expect((await engine.compute(NOVEMBER, '2026-11-26T08:00:00.000Z' as IsoInstant)).cached).toBe(
      true,
    );
    // Past midnight in Shanghai: counted again (the same figures: nothing became due).
    const nextDay = await engine.compute(NOVEMBER, '2026-11-26T17:00:00.000Z' as IsoInstant);
    expect(nextDay.cached).toBe(false);
    const late = await monthFigures(NOVEMBER, '2026-11-27T01:00:01.000Z' as IsoInstant);
    expect(late.timeliness.openOverdue).toBe(early.timeliness.openOverdue + 1);
  });

  it('counts again when the rules change', async () => {
    await someCases();
    await monthFigures(NOVEMBER);
    await satisfiedThresholdChange();
    expect((await engine.compute(NOVEMBER, NOW)).cached).toBe(false);
  });

  it('counts the per-person record and refuses a desk that is not set up', async () => {
    await someCases();
    const { result } = await engine.compute({ kind: 'perPerson', year: 2026 }, NOW);
    expect(result).toEqual({ kind: 'perPerson', rows: [] });
    const empty = testDatabase();
    try {
      await expect(statsEngineCreate(empty).compute(NOVEMBER, NOW)).rejects.toBeInstanceOf(
        StatsNoDeskError,
      );
    } finally {
      await empty.delete();
    }
  });
});

describe('kept figures in the database', () => {
  /** A new page load: a new engine over the same database, nothing in its memory. */
  async function reload(): Promise<StatsEngine> {
    await engine.idle();
    engine = statsEngineCreate(db);
    return engine;
  }

  it('are used by a new page load while nothing changed, without counting', async () => {
    await someCases();
    const first = await monthFigures(NOVEMBER);
    await engine.compute(Q4, NOW);
    const next = await reload();
    expect(await next.kept(NOVEMBER, NOW)).toEqual({
      result: { kind: 'month', figures: first },
      valid: true,
    });
    const again = await next.compute(NOVEMBER, '2026-11-26T02:00:00.000Z' as IsoInstant);
    expect(again).toEqual({ result: { kind: 'month', figures: first }, cached: true });
    expect((await next.compute(Q4, NOW)).cached).toBe(true);
    expect(next.counted).toBe(0);
  });

  it('are stale once a case of the period changes, and counted again with the change', async () => {
    const { november } = await someCases();
    const before = await monthFigures(NOVEMBER);
    const target = november[0];
    if (!target) throw new Error('no case');
    await dispatch(target.id);
    const next = await reload();
    // Shown at once, marked as no longer valid; then counted.
    expect(await next.kept(NOVEMBER, NOW)).toEqual({
      result: { kind: 'month', figures: before },
      valid: false,
    });
    const counted = await next.compute(NOVEMBER, NOW);
    expect(counted.cached).toBe(false);
    expect(
      counted.result.kind === 'month' && counted.result.figures.byUnit[TEST_UNIT.unitName],
    ).toMatchObject({ matters: 1 });
    // And kept again, valid, for the page load after.
    expect((await (await reload()).kept(NOVEMBER, NOW))?.valid).toBe(true);
  });

  it('stay valid when a case of another period changes', async () => {
    const { october } = await someCases();
    await monthFigures(NOVEMBER);
    await dispatch(october.id);
    const next = await reload();
    expect((await next.kept(NOVEMBER, NOW))?.valid).toBe(true);
    expect((await next.compute(NOVEMBER, NOW)).cached).toBe(true);
  });

  it('are stale after their valid-until time, and not shown at all under other rules', async () => {
    await someCases();
    await monthFigures(NOVEMBER);
    let next = await reload();
    // Past midnight in Shanghai (statsValidUntil): to be counted again.
    expect((await next.kept(NOVEMBER, '2026-11-26T17:00:00.000Z' as IsoInstant))?.valid).toBe(
      false,
    );
    await satisfiedThresholdChange();
    next = await reload();
    expect(await next.kept(NOVEMBER, NOW)).toBeUndefined();
    expect((await next.compute(NOVEMBER, NOW)).cached).toBe(false);
  });

  it('come back from the database as they were counted (structured clone)', async () => {
    await someCases();
    const counted = await engine.compute(Q4, NOW);
    await engine.idle();
    const stored = await statsKeptGet(db, statsUnitKey(Q4));
    expect(stored?.result).toStrictEqual(counted.result);
  });

  it('keep at most the limit, the least recently used going first', async () => {
    await someCases();
    await monthFigures(NOVEMBER);
    await engine.idle();
    const kept = await statsKeptGet(db, statsUnitKey(NOVEMBER));
    if (!kept) throw new Error('not kept');
    // Used long ago (epoch ms 1000 on): November, counted just now, is the most recent.
    for (let i = 0; i < 5; i++) await statsKeptPut(db, `test:${i}`, kept, 1000 + i, 3);
    expect((await statsKeptUnits(db)).sort()).toEqual([statsUnitKey(NOVEMBER), 'test:3', 'test:4']);
    await statsKeptClear(db);
    expect(await statsKeptUnits(db)).toEqual([]);
  });

  it('leave the tallies, the stamps and the backed-up tables as they were', async () => {
    await someCases();
    const tallies = await talliesGet(db);
    const checksums = await tableChecksums(db);
    const stamps = await statsStampsGet(db, ['changes:2026-11-04', STATS_STAMP_ALL]);
    await monthFigures(NOVEMBER);
    await engine.compute(Q4, NOW);
    await engine.idle();
    expect((await statsKeptUnits(db)).sort()).toEqual([statsUnitKey(NOVEMBER), statsUnitKey(Q4)]);
    expect(await talliesGet(db)).toEqual(tallies);
    expect(await talliesCount(db)).toEqual(tallies);
    expect(await tableChecksums(db)).toEqual(checksums);
    expect(await statsStampsGet(db, ['changes:2026-11-04', STATS_STAMP_ALL])).toEqual(stamps);
  });
});

describe('the change stamps', () => {
  it('are put with every write of a case, under its day, and by a delete under "all"', async () => {
    const { november } = await someCases();
    const key = 'changes:2026-11-04';
    const [first] = await statsStampsGet(db, [key]);
    expect(first).toBeDefined();
    const target = november[1];
    if (!target) throw new Error('no case');
    await dispatch(target.id);
    const [second] = await statsStampsGet(db, [key]);
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    // Another day's stamp did not move.
    const [other] = await statsStampsGet(db, ['changes:2026-10-13']);
    const other0 = november[0];
    if (!other0) throw new Error('no case');
    await dispatch(other0.id);
    expect(await statsStampsGet(db, ['changes:2026-10-13'])).toEqual([other]);
    expect(await statsStampsGet(db, [STATS_STAMP_ALL])).toEqual([undefined]);
    await db.cases.delete(target.id);
    expect((await statsStampsGet(db, [STATS_STAMP_ALL]))[0]).toBeDefined();
  });

  it('are not put when the write of the case fails', async () => {
    const { november } = await someCases();
    const target = november[2];
    if (!target) throw new Error('no case');
    const before = await statsStampsGet(db, ['changes:2026-11-05']);
    await expect(
      db.transaction('rw', db.cases, async () => {
        await db.cases.put({ ...target, subject: '改了' });
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect(await statsStampsGet(db, ['changes:2026-11-05'])).toEqual(before);
  });
});
