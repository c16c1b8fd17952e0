import { describe, expect, it } from 'vitest';
import type { IsoInstant, StaffId } from '../kernel/brand';
import { calendarCreate } from '../calendar/working-calendar';
import { DEFAULT_BUSINESS_HOURS, type DeadlineContext } from '../calendar/deadline';
import { presetFor } from '../rules/presets';
import {
  intakeCheck,
  intakePayload,
  isPlausiblePhone,
  parseAmountYuan,
  type IntakeDraft,
} from './intake';

const rules = presetFor('property');
const ctx: DeadlineContext = {
  calendar: calendarCreate([]),
  businessHours: DEFAULT_BUSINESS_HOURS,
  timeZone: 'Asia/Shanghai',
};
const now = '2026-09-30T02:00:00.000Z' as IsoInstant; // 10:00 in Beijing

const draft: IntakeDraft = {
  customerName: '张建国',
  phone: '13812345678',
  address: '3-1502',
  organisation: '',
  channelId: rules.channels[0]?.id ?? '',
  kindId: 'complaint',
  categoryId: '',
  levelId: '',
  subject: '三号楼电梯故障停运',
  content: '',
  demand: '',
  amountYuan: '',
  flags: [],
  receivedAtLocal: '2026-09-30T10:00',
};

describe('intakeCheck', () => {
  it('accepts a complete draft with no notices', () => {
    expect(intakeCheck(draft, rules, now, ctx.timeZone)).toEqual({ errors: [], notices: [] });
  });

  it('requires only the subject; missing customer details are notices', () => {
    const result = intakeCheck(
      { ...draft, subject: '   ', customerName: '', phone: '', address: '' },
      rules,
      now,
      ctx.timeZone,
    );
    expect(result.errors).toEqual([{ field: 'subject', code: 'required' }]);
    expect(result.notices.map((n) => n.code)).toEqual([
      'missingName',
      'missingPhone',
      'missingAddress',
    ]);
  });

  it('flags a bidirectional control next to each field that holds one, without refusing', () => {
    const result = intakeCheck(
      { ...draft, customerName: '张三\u202Egpj', content: '\u2066楼上\u2069漏水', demand: '修复' },
      rules,
      now,
      ctx.timeZone,
    );
    expect(result.errors).toEqual([]);
    expect(result.notices).toEqual([
      { field: 'customerName', code: 'bidiControls' },
      { field: 'content', code: 'bidiControls' },
    ]);
  });

  it.each([
    [{ phone: '138-abc' }, 'phone', 'invalidPhone'],
    [{ amountYuan: '12.345' }, 'amountYuan', 'invalidAmount'],
    [{ amountYuan: '-5' }, 'amountYuan', 'invalidAmount'],
    [{ receivedAtLocal: '2026-09-30' }, 'receivedAtLocal', 'invalidTime'],
    [{ receivedAtLocal: '2026-09-30T11:00' }, 'receivedAtLocal', 'inFuture'],
    [{ kindId: 'nonsense' }, 'kindId', 'unknownOption'],
    [{ channelId: 'pigeon' }, 'channelId', 'unknownOption'],
    [{ levelId: 'catastrophic' }, 'levelId', 'unknownOption'],
    [{ categoryId: 'nonsense' }, 'categoryId', 'unknownOption'],
    [{ subject: '字'.repeat(201) }, 'subject', 'tooLong'],
  ] as const)('%j is refused on %s with %s', (change, field, code) => {
    const result = intakeCheck({ ...draft, ...change }, rules, now, ctx.timeZone);
    expect(result.errors).toContainEqual({ field, code });
  });

  it('tolerates a received time a few minutes ahead of the desk clock', () => {
    const result = intakeCheck(
      { ...draft, receivedAtLocal: '2026-09-30T10:04' },
      rules,
      now,
      ctx.timeZone,
    );
    expect(result.errors).toEqual([]);
  });
});

describe('intakePayload', () => {
  it('builds the received payload with the handling deadline over National Day', () => {
    const payload = intakePayload(
      { ...draft, amountYuan: '2,000.5', flags: ['urgent'], content: ' 停运两天 ' },
      { rules, deadline: ctx, receiver: { id: 's1' as StaffId, name: '王丽' } },
    );
    expect(payload).toMatchObject({
      kindId: 'complaint',
      categoryId: undefined,
      receivedAt: '2026-09-30T02:00:00.000Z',
      receiverName: '王丽',
      amountFen: 200050,
      content: '停运两天',
      flags: ['urgent'],
      customer: { name: '张建国', phone: '13812345678', address: '3-1502' },
    });
    // Oct 8, 9, 10 (make-up Saturday), 12, 13: end of business on the 13th.
    expect(payload.deadline).toEqual({ dueAt: '2026-10-13T09:30:00.000Z', basis: 'handling' });
  });

  it('warns when the deadline runs into a year without official holiday data', () => {
    const payload = intakePayload(
      { ...draft, receivedAtLocal: '2026-12-29T10:00' },
      { rules, deadline: ctx, receiver: { id: 's1' as StaffId, name: '王丽' } },
    );
    expect(payload.deadline?.warning).toBe('noCalendarData');
    expect(payload.deadline?.warningYears).toEqual([2027]);
  });
});

describe('field parsers', () => {
  it.each([
    ['13812345678', true],
    ['0755-8888 6666', true],
    ['+86 138 1234 5678', true],
    ['(010) 12345', true],
    ['12', false],
    ['138abc', false],
  ])('phone %j plausible: %s', (text, expected) => {
    expect(isPlausiblePhone(text)).toBe(expected);
  });

  it.each([
    ['', undefined],
    ['2000', 200000],
    ['1999.99', 199999],
    ['0.5', 50],
    ['1,234.50', 123450],
    ['1.234', null],
    ['abc', null],
  ])('amount %j is %s fen', (text, expected) => {
    expect(parseAmountYuan(text)).toBe(expected);
  });
});
