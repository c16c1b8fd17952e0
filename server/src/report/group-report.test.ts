/**
 * The group report command end to end on each database: two desks push the November fixture
 * (one of them working cases routed from the other), a desk of another organisation pushes its
 * own; the report read from the store in small pages, written as .xlsx and read back with ExcelJS
 * shows the figures of the two desks, broken down by desk, and nothing of the other organisation.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IsoInstant } from '@shared/kernel/brand';
import type { CaseEventEntity } from '@shared/model/entities';
import { fixtureEvents, statsFixtureGroups, FIXTURE_AS_OF } from '@shared/stats/test-fixture';
import { BACKENDS } from '../../test/backends';
import type { Caller, Store } from '../store';
import {
  groupReportDocument,
  groupReportWrite,
  reportArgs,
  type GroupReportOptions,
} from './group-report';

const OPTIONS: GroupReportOptions = {
  organisation: '阳光物业',
  year: 2026,
  month: 11,
  mode: 'report',
  preset: 'property',
  locale: 'zh-CN',
  timeZone: 'Asia/Shanghai',
  madeBy: '总部统计员',
  asOf: FIXTURE_AS_OF,
  pageSize: 250,
};

function rowWith(sheet: ExcelJS.Worksheet, label: string, after = 1): ExcelJS.Row {
  for (let r = after; r <= sheet.rowCount; r++) {
    if (sheet.getCell(r, 1).value === label) return sheet.getRow(r);
  }
  throw new Error(`no row ${label}`);
}

function rowIndexOf(sheet: ExcelJS.Worksheet, label: string): number {
  return Number(rowWith(sheet, label).number);
}

async function pushAll(
  store: Store,
  caller: Caller,
  events: readonly CaseEventEntity[],
  routes: { caseId: string; deskCodes: string[] }[] = [],
): Promise<void> {
  for (let i = 0; i < events.length; i += 500) {
    const batch = events.slice(i, i + 500);
    const ids = new Set(batch.map((e) => e.caseId as string));
    await store.push(caller, {
      events: batch as unknown as Record<string, unknown>[],
      routes: routes.filter((r) => ids.has(r.caseId)),
    });
  }
}

describe.each(BACKENDS)('the group report command on $name', (backend) => {
  let store: Store;
  let dir: string;

  beforeAll(async () => {
    if (backend.skip) return;
    store = await backend.open({ clock: () => Date.parse('2026-12-05T09:00:00Z') });
    dir = await mkdtemp(path.join(tmpdir(), 'group-report-'));
    await store.createOrganisation('阳光物业');
    await store.createOrganisation('别家物业');
    const caller = async (org: string, code: string, name: string) =>
      store.authenticate((await store.createDesk(org, code, name)).token);
    const n1 = await caller('阳光物业', 'N1', '北区客服台');
    const n2 = await caller('阳光物业', 'N2', '南区客服台');
    await caller('阳光物业', 'N3', '东区客服台');
    const other = await caller('别家物业', 'X1', '别家客服台');

    // Desk N1 received A, F, D; N2 received B, C, J. A's first ten cases were routed to N2,
    // whose handlers replied and closed them (their events come from N2).
    const groups = statsFixtureGroups();
    const eventsOf = (names: string[]) =>
      names.flatMap((n) => (groups[n] ?? []).map((spec) => fixtureEvents(spec)));
    const n1Cases = eventsOf(['A', 'F', 'D']);
    const routed = n1Cases.slice(0, 10);
    await pushAll(
      store,
      n1,
      n1Cases.flatMap((events, i) => (i < 10 ? events.slice(0, 1) : events)),
      routed.map((events) => ({ caseId: events[0]?.caseId ?? '', deskCodes: ['N2'] })),
    );
    await pushAll(store, n2, [...routed.flatMap((events) => events.slice(1))]);
    await pushAll(store, n2, eventsOf(['B', 'C', 'J']).flat());
    // Another organisation: its cases (other ids) must not reach this report.
    const foreign = eventsOf(['B']).map((events) =>
      events.map((e) => ({ ...e, id: `x-${e.id}`, caseId: `x-${e.caseId}` }) as CaseEventEntity),
    );
    await pushAll(store, other, foreign.flat());
  }, 120_000);

  afterAll(async () => {
    if (backend.skip) return;
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it.skipIf(backend.skip)('writes the figures of every desk, by desk, read in pages', async () => {
    const out = path.join(dir, 'group-2026-11.xlsx');
    const result = await groupReportWrite(store, OPTIONS, out);
    expect(result.pages).toBeGreaterThan(3);
    expect(await readdir(dir)).toEqual(['group-2026-11.xlsx']);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet('汇总月报表');
    if (!sheet) throw new Error('no group sheet');
    expect(sheet.getCell('A1').value).toBe('客户投诉/需求信息汇总月报表');
    expect(sheet.getCell('A2').value).toBe(
      '北区客服台、南区客服台、东区客服台　报告期：2026-10-25 至 2026-11-24',
    );
    expect(rowWith(sheet, '受理事项（按事项计）').getCell(5).value).toBe(174);
    expect(rowWith(sheet, '来电来访次数（含重复反映）').getCell(5).value).toBe(189);
    expect(rowWith(sheet, '按时办结').getCell(5).value).toBe(114);
    expect(rowWith(sheet, '超时办结').getCell(5).value).toBe(40);
    expect(rowWith(sheet, '超期未办结').getCell(5).value).toBe(20);
    expect(rowWith(sheet, '按时办结率').getCell(5).value).toBeCloseTo(114 / 174, 10);

    // 十、各受理台情况: desk, matters, on time, overdue, average days, followed up, satisfied.
    const byDesk = rowIndexOf(sheet, '十、各受理台情况');
    const north = rowWith(sheet, '北区客服台', byDesk);
    expect([3, 4, 5, 7].map((c) => north.getCell(c).value)).toEqual([100, 80, 20, 80]);
    const south = rowWith(sheet, '南区客服台', byDesk);
    expect([3, 4, 5, 7].map((c) => south.getCell(c).value)).toEqual([74, 34, 40, 54]);
    expect(rowWith(sheet, '东区客服台', byDesk).getCell(3).value).toBe(0);
    expect(sheet.getCell(`A${sheet.rowCount}`).value).not.toBe('别家客服台');
    expect(JSON.stringify(sheet.getSheetValues())).not.toContain('别家');
  });

  it.skipIf(backend.skip)(
    'counts one page or many alike; the other organisation alone',
    async () => {
      const small = await groupReportDocument(store, { ...OPTIONS, pageSize: 37 });
      const large = await groupReportDocument(store, { ...OPTIONS, pageSize: 1000 });
      expect(small.document).toEqual(large.document);
      expect(small.events).toBe(large.events);
      const other = await groupReportDocument(store, { ...OPTIONS, organisation: '别家物业' });
      expect(other.document.figures.matters).toBe(40);
      expect(other.document.desks.map((d) => d.deskName)).toEqual(['别家客服台']);
    },
  );

  it.skipIf(backend.skip)('refuses an unknown organisation and leaves no file', async () => {
    const out = path.join(dir, 'nobody.xlsx');
    await expect(
      groupReportWrite(store, { ...OPTIONS, organisation: '没有' }, out),
    ).rejects.toThrow('No organisation is called "没有"');
    expect(await readdir(dir)).not.toContain('nobody.xlsx');
  });
});

describe('the group report command line', () => {
  const now = () => Date.parse('2026-12-01T00:30:00Z');
  it('reads the options, with defaults', () => {
    expect(reportArgs(['--org', '阳光物业', '--month', '2026-11', '--out', 'g.xlsx'], now)).toEqual(
      {
        organisation: '阳光物业',
        out: 'g.xlsx',
        year: 2026,
        month: 11,
        mode: 'report',
        preset: 'property',
        locale: 'zh-CN',
        timeZone: 'Asia/Shanghai',
        madeBy: '',
        asOf: '2026-12-01T00:30:00.000Z' as IsoInstant,
      },
    );
  });

  it.each([
    [['--org', 'a', '--month', '2026-13', '--out', 'g.xlsx'], 'no month 13'],
    [['--org', 'a', '--month', '11/2026', '--out', 'g.xlsx'], '--month (YYYY-MM)'],
    [['--org', 'a', '--month', '2026-11'], 'are required'],
    [['--org', 'a', '--month', '2026-11', '--out', 'g', '--preset', 'bank'], '--preset must be'],
    [['--org', 'a', '--month', '2026-11', '--out', 'g', '--colour', 'red'], 'Unknown option'],
    [['--org', 'a', '--month', '2026-11', '--out'], 'needs a value'],
    [['--org', 'a', '--month', '2026-11', '--out', 'g', '--time-zone', 'Mars/Base'], 'time zone'],
  ])('refuses %j', (argv, message) => {
    expect(() => reportArgs(argv, now)).toThrow(message);
  });
});
