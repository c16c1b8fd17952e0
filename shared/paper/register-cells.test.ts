import { describe, expect, it } from 'vitest';
import { MASKED_TEXT, caseForViewer } from '../access/mask';
import type { IsoInstant, StaffId } from '../kernel/brand';
import type { CaseEntity, CaseStatus } from '../model/entities';
import { presetFor } from '../rules/presets';
import { REGISTER_COLUMNS, registerHeader } from '../register/columns';
import { caseAt } from '../workflow/test-builders';
import { registerCellText, registerPrintRows } from './register-cells';

const STATUS_ZH: Partial<Record<CaseStatus, string>> = { closed: '已结案', registered: '已受理' };
const statusLabel = (s: CaseStatus) => STATUS_ZH[s] ?? s;

describe('the register columns of DOMAIN.md section 6', () => {
  it('has the columns of S001-A annex 4 in order, with the two-level header', () => {
    const header = registerHeader(presetFor('property'), 'zh-CN');
    const top = header.filter((cell) => cell.row === 0).map((cell) => cell.text);
    expect(top).toEqual([
      '序号',
      '客户姓名',
      '客户房号',
      '联系方式',
      '客户投诉、需求事项',
      '受理人',
      '受理时间',
      '投诉、需求类型',
      '处理情况(单据联号)',
      '处理人/接单人',
      '接单时间',
      '返单时间',
      '回访人',
      '回访时间',
      '回访满意度',
    ]);
    const second = header.filter((cell) => cell.row === 1).map((cell) => cell.text);
    expect(second).toEqual([
      '日期',
      '时间',
      '类别',
      '投诉类型',
      '需求类型',
      '日期',
      '时间',
      '日期',
      '时间',
      '日期',
      '时间',
    ]);
    expect(REGISTER_COLUMNS).toHaveLength(21);
    const type = header.find((cell) => cell.text === '投诉、需求类型');
    expect(type && [type.firstColumn, type.lastColumn]).toEqual([8, 10]);
  });

  it('relabels where a preset uses other words but keeps the shape', () => {
    const header = registerHeader(presetFor('hotline'), 'zh-CN');
    expect(header.map((cell) => cell.text)).toContain('来电人姓名');
    expect(header.map((cell) => cell.text)).toContain('承办单位');
    expect(header.filter((cell) => cell.row === 0)).toHaveLength(15);
    expect(header.filter((cell) => cell.row === 1)).toHaveLength(11);
  });
});

describe('registerCellText', () => {
  it('prints instants as local dates and times and leaves empty cells empty', () => {
    const noon = '2026-10-09T04:00:00.000Z' as IsoInstant;
    expect(registerCellText(noon, 'date', 'Asia/Shanghai')).toBe('2026-10-09');
    expect(registerCellText(noon, 'time', 'Asia/Shanghai')).toBe('12:00');
    expect(registerCellText(5, 'number', 'Asia/Shanghai')).toBe('5');
    expect(registerCellText(undefined, 'date', 'Asia/Shanghai')).toBe('');
  });
});

describe('registerPrintRows', () => {
  const rules = presetFor('property');
  const closed: CaseEntity = caseAt('closed', {
    number: '2610-0007',
    kindId: 'complaint',
    categoryId: 'lift',
    customer: { name: '张伟', phone: '13812345678', address: '3-1502' },
    unitName: '工程部',
    handlerName: '李强',
    acceptedAt: '2026-10-09T02:00:00.000Z' as IsoInstant,
    repliedAt: '2026-10-10T08:30:00.000Z' as IsoInstant,
    followUp: {
      state: 'done',
      attempts: 1,
      at: '2026-10-11T01:00:00.000Z' as IsoInstant,
      byName: '王丽',
      satisfaction: 5,
    },
  }).state;

  const ctx = { rules, locale: 'zh-CN', statusLabel, timeZone: 'Asia/Shanghai' } as const;

  it('numbers the rows and fills every column of a closed case', () => {
    const [row] = registerPrintRows([closed], { ...ctx, maskPhones: false });
    expect(row).toEqual([
      '1',
      '张伟',
      '3-1502',
      '13812345678',
      '三号楼电梯故障停运',
      '王丽',
      '2026-10-09',
      '09:30',
      '投诉',
      '设备管理/电梯',
      '',
      '2610-0007（已结案）',
      '工程部/李强',
      '2026-10-09',
      '10:00',
      '2026-10-10',
      '16:30',
      '王丽',
      '2026-10-11',
      '09:00',
      '5',
    ]);
  });

  it('words the deadline standing on a second line of 处理情况, in no column of its own', () => {
    const standingText = (c: CaseEntity) => (c.number === '2610-0007' ? '按时回复' : '');
    const [row] = registerPrintRows([closed], { ...ctx, maskPhones: false, standingText });
    expect(row).toHaveLength(21);
    expect(row?.[11]).toBe('2610-0007（已结案）\n按时回复');
    expect(row?.filter((cell) => cell.includes('按时回复'))).toHaveLength(1);
    // No standing in words: the cell is the number and the status alone.
    const other = { ...closed, number: '2610-0008' };
    expect(registerPrintRows([other], { ...ctx, maskPhones: false, standingText })[0]?.[11]).toBe(
      '2610-0008（已结案）',
    );
  });

  it('masks phones when the desk asks, and shows a masked case as it arrives', () => {
    const [masked] = registerPrintRows([closed], { ...ctx, maskPhones: true });
    expect(masked?.[3]).toBe('138****5678');
    const secret = { ...closed, flags: ['confidential' as const] };
    const clerk = { id: 'staff-c' as StaffId, name: '赵敏', roles: ['clerk' as const] };
    const [hidden] = registerPrintRows([caseForViewer(secret, clerk)], {
      ...ctx,
      maskPhones: false,
    });
    expect(hidden?.[1]).toBe(MASKED_TEXT);
    expect(hidden?.[2]).toBe('');
    expect(hidden?.[3]).toBe('');
    expect(hidden?.join('|')).not.toContain('张');
  });

  it.each([
    ['waived by the sampling rule', 'waived'],
    ['unreachable', 'unreachable'],
  ] as const)('prints no follow-up caller or time when it was %s', (_why, state) => {
    // The waiver records who and when, but no follow-up took place (the report agrees).
    const waived = {
      ...closed,
      followUp: { state, attempts: 0, at: closed.followUp.at, byName: '王丽' },
    };
    const [row] = registerPrintRows([waived], { ...ctx, maskPhones: false });
    expect(row?.slice(17, 21)).toEqual(['', '', '', '']);
  });

  it('leaves the steps not taken yet blank, for the pen', () => {
    const fresh = caseAt('registered').state;
    const [row] = registerPrintRows([fresh, fresh], { ...ctx, maskPhones: false }).slice(1);
    expect(row?.[0]).toBe('2');
    expect(row?.slice(13)).toEqual(['', '', '', '', '', '', '', '']);
  });

  it('numbers a part built later from where the list had got to', () => {
    const fresh = caseAt('registered').state;
    const whole = registerPrintRows([fresh, fresh, fresh], { ...ctx, maskPhones: false });
    const part = registerPrintRows([fresh, fresh], { ...ctx, maskPhones: false, firstIndex: 2 });
    expect(part.map((cells) => cells[0])).toEqual(['2', '3']);
    expect(part).toEqual(whole.slice(1));
  });
});
