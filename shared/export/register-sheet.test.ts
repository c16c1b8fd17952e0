import { describe, expect, it } from 'vitest';
import type { IsoInstant } from '../kernel/brand';
import { PROPERTY_PRESET } from '../rules/presets/property';
import { HOTLINE_PRESET } from '../rules/presets/hotline';
import { fixtureCase, shanghai } from '../stats/test-fixture';
import { excelLocalClock, registerCellValues, registerTableLayout } from './register-sheet';
import { sheetPrintScale } from './sheet-style';

const at = (s: string) => s as IsoInstant;

describe('excelLocalClock', () => {
  it('gives the desk’s wall time as Excel dates and times', () => {
    const clock = excelLocalClock('Asia/Shanghai');
    const instant = shanghai('2026-10-24T23:59');
    expect(clock.date(instant)).toEqual(new Date(Date.UTC(2026, 9, 24)));
    expect(clock.time(instant)).toBeCloseTo((23 * 60 + 59) / 1440, 12);
    expect(clock.dateTime(instant)).toEqual(new Date(Date.UTC(2026, 9, 24, 23, 59)));
    expect(clock.date(shanghai('2026-10-25T00:00'))).toEqual(new Date(Date.UTC(2026, 9, 25)));
  });

  it.each([
    // London springs forward at 01:00 UTC on 2026-03-29.
    ['2026-03-29T00:59:00.000Z', Date.UTC(2026, 2, 29, 0, 59)],
    ['2026-03-29T01:00:00.000Z', Date.UTC(2026, 2, 29, 2, 0)],
    ['2026-10-25T00:30:00.000Z', Date.UTC(2026, 9, 25, 1, 30)],
    ['2026-10-25T01:30:00.000Z', Date.UTC(2026, 9, 25, 1, 30)],
  ])('follows a zone with summer time: %s', (instant, local) => {
    const clock = excelLocalClock('Europe/London');
    // Ask for an instant of the same quarter hour first: the cached offset must still be right.
    clock.dateTime(at(instant.replace(/:00\.000Z$/, ':10.000Z')));
    expect(clock.dateTime(at(instant))).toEqual(new Date(local));
  });
});

describe('the register sheet', () => {
  it.each([PROPERTY_PRESET, HOTLINE_PRESET])(
    'prints one A4 landscape page wide at 80 % or more ($presetId)',
    (rules) => {
      const layout = registerTableLayout({
        rules,
        locale: 'zh-CN',
        organisationName: '阳光花园物业服务中心',
        deskName: '一号客服台',
        periodText: '2026-10-25 至 2026-11-24',
        operatorName: '王丽',
        madeOn: '2026-11-25',
      });
      const widths = layout.columns.map((column) => column.width);
      // It printed at about 54 % before: 10-point text came out at 5 points.
      expect(sheetPrintScale(widths, 'landscape')).toBeGreaterThanOrEqual(0.8);
      expect(layout.signature).toBe(
        '制表人签字：王丽　　2026-11-25　　　　　　审核人签字：＿＿＿＿＿＿＿＿　　　　年　　月　　日',
      );
    },
  );

  it('has the two-level header of the paper form, relabelled by the preset', () => {
    const layout = registerTableLayout({
      rules: HOTLINE_PRESET,
      locale: 'zh-CN',
      organisationName: '市民服务热线',
      deskName: '坐席 8',
      periodText: '2026-11-01 至 2026-11-30',
      operatorName: '李强',
      madeOn: '2026-12-01',
    });
    expect(layout.title).toBe('市长热线来电登记表');
    expect(layout.header.filter((cell) => cell.firstRow === 0).map((cell) => cell.text)).toEqual([
      '序号',
      '来电人姓名',
      '地址',
      '联系方式',
      '工单事项',
      '受理人',
      '受理时间',
      '类型',
      '处理情况(单据联号)',
      '承办单位',
      '接单时间',
      '返单时间',
      '回访人',
      '回访时间',
      '回访满意度',
    ]);
    expect(layout.header.find((cell) => cell.text === '受理时间')).toMatchObject({
      firstColumn: 6,
      lastColumn: 7,
      lastRow: 0,
    });
    expect(layout.header.find((cell) => cell.text === '序号')).toMatchObject({
      firstRow: 0,
      lastRow: 1,
    });
    expect(layout.columns).toHaveLength(21);
  });

  it('turns a case into cells: local dates and times, masked phone, the number with its status', () => {
    const c = fixtureCase({
      id: 'r1',
      number: '2611-0042',
      received: '2026-11-02T10:05',
      kindId: 'complaint',
      categoryId: 'lift',
      dispatch: { unit: '工程部', handler: '李强' },
      replyAfterWorkingDays: 1,
      followUp: { method: 'phone', score: 5 },
    });
    const cells = registerCellValues(
      c,
      {
        rules: PROPERTY_PRESET,
        locale: 'zh-CN',
        index: 7,
        maskPhones: true,
        statusLabel: () => '已办结',
      },
      excelLocalClock('Asia/Shanghai'),
    );
    expect(cells.slice(0, 4)).toEqual([7, '客户r1', '1-0042', '138****0042']);
    expect(cells[6]).toEqual(new Date(Date.UTC(2026, 10, 2)));
    expect(cells[7]).toBeCloseTo((10 * 60 + 5) / 1440, 12);
    expect(cells.slice(8, 13)).toEqual([
      '投诉',
      '设备管理/电梯',
      null,
      '2611-0042（已办结）',
      '工程部/李强',
    ]);
    expect(cells[15]).toEqual(new Date(Date.UTC(2026, 10, 3)));
    expect(cells[20]).toBe(5);
    expect(cells).toHaveLength(21);
    // The deadline standing, worded by the caller, is the second line of 处理情况.
    const withStanding = registerCellValues(
      c,
      {
        rules: PROPERTY_PRESET,
        locale: 'zh-CN',
        index: 7,
        maskPhones: true,
        statusLabel: () => '已办结',
        standingText: () => '按时回复',
      },
      excelLocalClock('Asia/Shanghai'),
    );
    expect(withStanding).toHaveLength(21);
    expect(withStanding[11]).toBe('2611-0042（已办结）\n按时回复');
  });
});

describe('row heights for wrapped text', () => {
  it('gives a row the lines its longest wrapped text needs', async () => {
    const { sheetRowHeight } = await import('./table-sheet');
    const { STYLE_TEXT, STYLE_CENTRED, sheetTextWidth } = await import('./sheet-style');
    expect(sheetTextWidth('电梯abc')).toBe(7);
    expect(sheetRowHeight([{ value: '短', width: 10, style: STYLE_TEXT }])).toBeUndefined();
    // 20 Han characters in 10-point type are 36 units wide: 2 lines in a column 20 wide.
    expect(sheetRowHeight([{ value: '一'.repeat(20), width: 20, style: STYLE_TEXT }])).toBe(28);
    expect(sheetRowHeight([{ value: '一'.repeat(30), width: 20, style: STYLE_TEXT }])).toBe(42);
    // A slip number and its status fit the handling column on one line.
    expect(
      sheetRowHeight([{ value: '2610-0111（已受理）', width: 18, style: STYLE_TEXT }]),
    ).toBeUndefined();
    // A line break starts a line: the standing under the slip number takes a line of its own.
    expect(
      sheetRowHeight([{ value: '2610-0111（已受理）\n按时回复', width: 18, style: STYLE_TEXT }]),
    ).toBe(28);
    expect(
      sheetRowHeight([
        { value: '2610-0111（已受理）\n超时回复（超期 1 个工作日）', width: 14, style: STYLE_TEXT },
      ]),
    ).toBe(56);
    // Centred cells do not wrap: they never make a row taller.
    expect(
      sheetRowHeight([{ value: '一'.repeat(20), width: 5, style: STYLE_CENTRED }]),
    ).toBeUndefined();
  });
});
