import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { PROPERTY_PRESET } from '@shared/rules/presets/property';
import {
  REPORT_DOCUMENT_FORMAT,
  statsCombine,
  statsLabelsOf,
  type ReportDocument,
} from '@shared/stats/combine';
import { periodOfMonth, periodOfQuarter } from '@shared/stats/period';
import { statsQuarterly } from '@shared/stats/quarterly';
import { statsReport } from '@shared/stats/report';
import { FIXTURE_AS_OF, FIXTURE_CTX, statsFixture } from '@shared/stats/test-fixture';
import {
  tableSheetEnd,
  tableSheetOptions,
  tableSheetRow,
  tableSheetStart,
} from '@shared/export/table-sheet';
import type { AuditEntity } from '@shared/model/entities';
import { auditSheetLayout, auditSheetRow, type AuditSheetContext } from './audit-sheet';
import { overdueListLayout, overdueListRow, type ListContext } from './list-sheets';
import { monthlyReportSheet } from './monthly-workbook';
import { quarterlyReportSheet } from './quarterly-workbook';
import type { ReportSheetContext } from './report-workbook';
import { reportDataRead } from './report-data-sheet';
import { sheetLanguage } from './sheet-words';
import { csvDecode, csvRows, xlsxRows } from './table-read';

const lang = sheetLanguage('zh-CN');
const ctx: ReportSheetContext = {
  lang,
  timeZone: 'Asia/Shanghai',
  noun: lang.words.propertyNoun,
  madeBy: '王芳',
  madeOn: '2026-11-25',
};

function documentOf(deskId: string, deskName: string): ReportDocument {
  return {
    format: REPORT_DOCUMENT_FORMAT,
    version: 1,
    desks: [{ deskId, organisationName: '阳光物业', deskName }],
    period: { year: 2026, month: 11, mode: 'report' },
    labels: statsLabelsOf(PROPERTY_PRESET),
    figures: statsReport({
      cases: statsFixture(),
      range: periodOfMonth(2026, 11, 25),
      rules: PROPERTY_PRESET,
      deadlineContext: FIXTURE_CTX,
      asOf: FIXTURE_AS_OF,
    }),
  };
}

async function roundTrip(workbook: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const read = new ExcelJS.Workbook();
  await read.xlsx.load(await workbook.xlsx.writeBuffer());
  return read;
}

function rowWith(sheet: ExcelJS.Worksheet, label: string | number): ExcelJS.Row {
  for (let r = 1; r <= sheet.rowCount; r++) {
    if (sheet.getCell(r, 1).value === label) return sheet.getRow(r);
  }
  throw new Error(`no row ${label}`);
}

describe('the monthly report workbook', () => {
  it('prints the figures on an A4 form and carries them as data for the group report', async () => {
    const doc = documentOf('desk-a', '一号客服台');
    const workbook = new ExcelJS.Workbook();
    monthlyReportSheet(workbook, doc, ctx);
    const read = await roundTrip(workbook);
    const sheet = read.getWorksheet('月报表');
    expect(sheet?.getCell('A1').value).toBe('客户投诉/需求信息月报表');
    expect(sheet?.getCell('A2').value).toBe(
      '阳光物业　一号客服台　报告期：2026-10-25 至 2026-11-24',
    );
    expect(sheet?.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'portrait',
      fitToWidth: 1,
    });
    if (!sheet) return;
    expect(rowWith(sheet, '受理事项（按事项计）').getCell(5).value).toBe(214);
    expect(rowWith(sheet, '来电来访次数（含重复反映）').getCell(5).value).toBe(234);
    expect(rowWith(sheet, '超期未办结').getCell(5).value).toBe(20);
    const rate = rowWith(sheet, '按时办结率').getCell(5);
    expect(rate.value).toBeCloseTo(117 / 177, 10);
    expect(rate.numFmt).toBe('0.0%');
    expect(rowWith(sheet, '工程部').getCell(3).value).toBe(127);
    expect(read.getWorksheet('report-data')?.state).toBe('hidden');
    expect(reportDataRead(read)).toEqual({ ok: true, document: JSON.parse(JSON.stringify(doc)) });
  });

  it('sums two desks into a group report that lists them', async () => {
    const combined = statsCombine([
      documentOf('desk-a', '一号客服台'),
      documentOf('desk-b', '二号客服台'),
    ]);
    expect(combined.ok).toBe(true);
    if (!combined.ok) return;
    const workbook = new ExcelJS.Workbook();
    monthlyReportSheet(workbook, combined.document, ctx, true);
    const sheet = (await roundTrip(workbook)).getWorksheet('汇总月报表');
    if (!sheet) throw new Error('no sheet');
    expect(sheet.getCell('A1').value).toBe('客户投诉/需求信息汇总月报表');
    expect(rowWith(sheet, '受理事项（按事项计）').getCell(5).value).toBe(428);
    expect(rowWith(sheet, '二号客服台').getCell(5).value).toBe('阳光物业');
  });

  it('refuses a workbook that is not a monthly report, or whose figures were edited', async () => {
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Sheet1').getCell('A1').value = '随便';
    expect(reportDataRead(await roundTrip(other))).toEqual({
      ok: false,
      problem: 'notMonthlyReport',
    });
    const edited = new ExcelJS.Workbook();
    edited.addWorksheet('report-data').getCell('A1').value =
      '{"format":"complaint-desk/monthly-report"';
    expect(reportDataRead(await roundTrip(edited))).toEqual({ ok: false, problem: 'damaged' });
  });
});

describe('the quarterly analysis workbook', () => {
  it('holds the Pareto table with cumulative shares and the vital few marked', async () => {
    const figures = statsQuarterly({
      cases: statsFixture(),
      quarter: periodOfQuarter(2026, 4, 25),
      rules: PROPERTY_PRESET,
      deadlineContext: FIXTURE_CTX,
      asOf: FIXTURE_AS_OF,
    });
    const workbook = new ExcelJS.Workbook();
    quarterlyReportSheet(
      workbook,
      {
        figures,
        labels: statsLabelsOf(PROPERTY_PRESET),
        organisationName: '阳光物业',
        deskName: '一号客服台',
        maskPhones: true,
      },
      ctx,
    );
    const sheet = (await roundTrip(workbook)).getWorksheet('季度分析');
    if (!sheet) throw new Error('no sheet');
    const first = rowWith(sheet, 1);
    expect(first.getCell(2).value).toBe('设施设备故障');
    expect(first.getCell(4).value).toBe(80);
    expect(first.getCell(7).value).toBe('★');
    const third = rowWith(sheet, 3);
    expect(third.getCell(7).value).toBe('');
    expect(rowWith(sheet, '周老师').getCell(2).value).toBe('139****0001');
  });
});

describe('the one report sheet builder', () => {
  function quarterlyWorkbook(): ExcelJS.Workbook {
    const workbook = new ExcelJS.Workbook();
    quarterlyReportSheet(
      workbook,
      {
        figures: statsQuarterly({
          cases: statsFixture(),
          quarter: periodOfQuarter(2026, 4, 25),
          rules: PROPERTY_PRESET,
          deadlineContext: FIXTURE_CTX,
          asOf: FIXTURE_AS_OF,
        }),
        labels: statsLabelsOf(PROPERTY_PRESET),
        organisationName: '阳光物业',
        deskName: '一号客服台',
        maskPhones: true,
      },
      ctx,
    );
    return workbook;
  }

  function monthlyWorkbook(): ExcelJS.Workbook {
    const workbook = new ExcelJS.Workbook();
    monthlyReportSheet(workbook, documentOf('desk-a', '一号客服台'), ctx);
    return workbook;
  }

  const MADE_LINE = '制表人：王芳　　　审核人：　　　　　　　制表日期：2026-11-25';

  it('frames the monthly report and the quarterly analysis alike, each with its own widths and period', async () => {
    const monthly = (await roundTrip(monthlyWorkbook())).getWorksheet('月报表');
    const quarterly = (await roundTrip(quarterlyWorkbook())).getWorksheet('季度分析');
    if (!monthly || !quarterly) throw new Error('no sheet');
    expect(quarterly.getCell('A1').value).toBe('客户投诉/需求季度分析');
    expect(quarterly.getCell('A2').value).toBe(
      '阳光物业　一号客服台　2026 年第 4 季度（2026-09-25 至 2026-12-24）',
    );
    expect(monthly.columns.map((column) => column.width)).toEqual([14, 14, 12, 12, 17, 17, 17, 12]);
    expect(quarterly.columns.map((column) => column.width)).toEqual([
      12, 22, 12, 12, 17, 17, 12, 12,
    ]);
    for (const sheet of [monthly, quarterly]) {
      expect(sheet.getCell(sheet.rowCount, 1).value).toBe(MADE_LINE);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
      expect(sheet.headerFooter.oddFooter).toBe('第 &P 页 共 &N 页');
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait' });
    }
  });

  it('lists matters under the same head, ending with each list’s own two columns', async () => {
    const heads = (sheet: ExcelJS.Worksheet | undefined) => {
      if (!sheet) throw new Error('no sheet');
      const values = rowWith(sheet, '编号').values as unknown[];
      return values.slice(1).filter((value) => value !== undefined && value !== null);
    };
    // The subject spans two columns; a merged cell reads as its first.
    const common = ['编号', '事项', '事项', '承办单位', '受理时间', '处理期限'];
    expect(heads((await roundTrip(monthlyWorkbook())).getWorksheet('月报表'))).toEqual([
      ...common,
      '返单时间',
      '情况',
    ]);
    expect(heads((await roundTrip(quarterlyWorkbook())).getWorksheet('季度分析'))).toEqual([
      ...common,
      '超期工作日',
      '状态',
    ]);
  });
});

describe('the overdue list', () => {
  it('lists the open overdue matters with their working days late', async () => {
    const list: ListContext = {
      lang,
      rules: PROPERTY_PRESET,
      deadlineContext: FIXTURE_CTX,
      now: FIXTURE_AS_OF,
      maskPhones: false,
      deskLine: '阳光物业　一号客服台',
      madeLine: '制表人：王芳',
    };
    const overdue = statsFixture()
      .filter(
        (c) =>
          c.status !== 'closed' &&
          c.exemptReason === undefined &&
          c.repliedAt === undefined &&
          c.deadline &&
          c.deadline.dueAt < FIXTURE_AS_OF,
      )
      .sort((a, b) => (a.deadline?.dueAt ?? '').localeCompare(b.deadline?.dueAt ?? ''));
    const layout = overdueListLayout(list);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(
      layout.sheetName,
      tableSheetOptions(layout) as Partial<ExcelJS.AddWorksheetOptions>,
    );
    tableSheetStart(sheet, layout);
    overdue.forEach((c, i) => tableSheetRow(sheet, layout, overdueListRow(c, i + 1, list)));
    tableSheetEnd(sheet, layout, overdue.length);
    const read = (await roundTrip(workbook)).getWorksheet('超期清单');
    if (!read) throw new Error('no sheet');
    expect(read.getCell('A3').value).toBe('序号');
    expect(read.getCell('L4').value).toBe(21);
    expect(read.getCell(`A${4 + overdue.length}`).value).toBe(`合计：${overdue.length}`);
    expect(read.getCell('J4').numFmt).toBe('yyyy-mm-dd hh:mm');
  });
});

describe('the audit log sheet', () => {
  it('lists the entries under the chain check, with names and a short hash', async () => {
    const entry = {
      id: 'a1',
      at: '2026-11-20T02:30:00.000Z',
      actorId: 's1',
      action: 'staff.added',
      target: '李娜',
      seq: 7,
      prevHash: 'f'.repeat(64),
      hash: '0123456789abcdef'.repeat(4),
    } as unknown as AuditEntity;
    const audit: AuditSheetContext = {
      lang,
      timeZone: 'Asia/Shanghai',
      deskLine: '阳光物业　一号客服台',
      madeLine: '制表：王芳　2026-11-25',
      verification: { ok: false, count: 9, seq: 8 } as AuditSheetContext['verification'],
      staffNames: new Map([['s1', '王芳']]),
    };
    const layout = auditSheetLayout(audit);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(
      layout.sheetName,
      tableSheetOptions(layout) as Partial<ExcelJS.AddWorksheetOptions>,
    );
    tableSheetStart(sheet, layout);
    tableSheetRow(sheet, layout, auditSheetRow(entry, audit));
    tableSheetEnd(sheet, layout, 1);
    const read = (await roundTrip(workbook)).getWorksheet(layout.sheetName);
    if (!read) throw new Error('no sheet');
    expect(String(read.getCell('A2').value)).toContain('第 8 条起不完整');
    expect(read.getCell('A4').value).toBe(7);
    expect(read.getCell('C4').value).toBe('王芳');
    expect(read.getCell('G4').value).toBe('0123456789abcdef');
    expect(read.pageSetup.orientation).toBe('landscape');
    expect(read.getCell('A5').value).toBe('合计：1');
  });
});

describe('reading a register for import', () => {
  it('decodes CSV as UTF-8 with or without a mark, and GBK otherwise', () => {
    const text = '客户姓名,事项\r\n张建国,电梯停运\r\n';
    const utf8 = new TextEncoder().encode(text);
    expect(csvDecode(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({
      text,
      encoding: 'utf-8',
    });
    expect(csvDecode(utf8)).toEqual({ text, encoding: 'utf-8' });
    // "客户姓名,事项" in GBK (code page 936).
    const gbk = new Uint8Array([
      0xbf, 0xcd, 0xbb, 0xa7, 0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xca, 0xc2, 0xcf, 0xee,
    ]);
    expect(csvDecode(gbk)).toEqual({ text: '客户姓名,事项', encoding: 'gbk' });
    expect(csvRows(utf8)).toMatchObject({
      ok: true,
      rows: [['客户姓名', '事项'], ['张建国', '电梯停运'], ['']],
    });
  });

  it('keeps a merged header cell’s text in its first cell only, as a CSV would', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('登记表');
    sheet.addRow(['序号', '受理时间', '']);
    sheet.addRow(['', '日期', '时间']);
    sheet.mergeCells('A1:A2');
    sheet.mergeCells('B1:C1');
    sheet.addRow([1, new Date(Date.UTC(2026, 10, 2)), 0.5]);
    const read = await xlsxRows((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    expect(read).toEqual({
      ok: true,
      rows: [
        ['序号', '受理时间', null],
        [null, '日期', '时间'],
        [1, new Date(Date.UTC(2026, 10, 2)), 0.5],
      ],
    });
  });
});
