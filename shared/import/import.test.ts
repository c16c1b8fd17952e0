import { describe, expect, it } from 'vitest';
import type { CaseId, DeskId, IsoInstant, StaffId, UnitId } from '../kernel/brand';
import { PRESETS } from '../rules/presets';
import { PROPERTY_PRESET } from '../rules/presets/property';
import { REGISTER_COLUMNS, registerHeader } from '../register/columns';
import { FIXTURE_CTX, shanghai } from '../stats/test-fixture';
import { caseFold } from '../workflow/reducer';
import { importCheck, type ImportCheckContext } from './check';
import { importEventsOf } from './events';
import { importHeaderRecognise, type ImportMapping } from './fields';
import { numberParse, numberReserve } from './number-reserve';
import { cellDateTime, cellTime, type ImportCell } from './values';

/** The two header rows the register export writes, as text (merged cells left blank). */
function exportedHeaderRows(rules = PROPERTY_PRESET): string[][] {
  const top = REGISTER_COLUMNS.map(() => '');
  const second = REGISTER_COLUMNS.map(() => '');
  for (const cell of registerHeader(rules, 'zh-CN')) {
    (cell.row === 0 ? top : second)[cell.firstColumn] = cell.text;
  }
  return [top, second];
}

const ctx: ImportCheckContext = {
  rules: PROPERTY_PRESET,
  deadlineContext: FIXTURE_CTX,
  now: shanghai('2026-11-30T12:00'),
  existingNumbers: new Set(['2611-0099']),
  operatorName: '王芳',
};

describe('importHeaderRecognise', () => {
  it.each(Object.values(PRESETS).map((rules) => [rules.presetId, rules] as const))(
    'recognises every column of the %s register under its title rows',
    (_id, rules) => {
      const header = importHeaderRecognise(
        [
          ['阳光物业 客户投诉/需求登记表'],
          ['2026-10-25 至 2026-11-24'],
          ...exportedHeaderRows(rules),
        ],
        PROPERTY_PRESET,
      );
      expect(header?.dataStartRow).toBe(4);
      const mapping = header?.mapping ?? {};
      expect(mapping.receivedDate).toBe(6);
      expect(mapping.receivedTime).toBe(7);
      expect(mapping.kind).toBe(8);
      expect(mapping.complaintCategory).toBe(9);
      expect(mapping.requestCategory).toBe(10);
      expect(mapping.handling).toBe(11);
      expect(mapping.followUpTime).toBe(19);
      expect(mapping.satisfaction).toBe(20);
      // Every register column but the row index (序号) has a field.
      expect(Object.keys(mapping)).toHaveLength(REGISTER_COLUMNS.length - 1);
    },
  );

  it('reads a one-level header with a number column and clerks’ own words', () => {
    const header = importHeaderRecognise(
      [['编号', '姓名', '房号', '联系电话', '投诉事项', '受理时间', '类型', '最终原因']],
      PROPERTY_PRESET,
    );
    expect(header).toMatchObject({
      dataStartRow: 1,
      mapping: {
        number: 0,
        customerName: 1,
        room: 2,
        phone: 3,
        subject: 4,
        receivedDate: 5,
        kind: 6,
        finalCause: 7,
      },
    });
  });

  it('finds nothing in a sheet that is not a register', () => {
    expect(importHeaderRecognise([['商品', '数量', '单价']], PROPERTY_PRESET)).toBeUndefined();
  });
});

describe('cell readers', () => {
  it.each([
    ['2026-09-30', { date: '2026-09-30' }],
    ['2026/9/3', { date: '2026-09-03' }],
    ['2026年9月30日 10:05', { date: '2026-09-30', minutes: 605 }],
    ['2026.09.30 8:00:59', { date: '2026-09-30', minutes: 480 }],
    [new Date(Date.UTC(2026, 8, 30, 10, 5)), { date: '2026-09-30', minutes: 605 }],
    // Excel's serial for 2026-09-30 12:00.
    [46295.5, { date: '2026-09-30', minutes: 720 }],
    ['2026-02-30', null],
    ['昨天', null],
    ['', undefined],
  ] as [ImportCell, unknown][])('date %s', (cell, expected) => {
    expect(cellDateTime(cell)).toEqual(expected);
  });

  it.each([
    ['10:05', 605],
    ['9时30分', 570],
    [0.5, 720],
    [new Date(Date.UTC(1899, 11, 30, 17, 30)), 1050],
    ['25:00', null],
    [null, undefined],
  ] as [ImportCell, unknown][])('time %s', (cell, expected) => {
    expect(cellTime(cell)).toEqual(expected);
  });
});

describe('number reserve', () => {
  const rules = PROPERTY_PRESET.numbering;
  it('reads numbers in the desk pattern and moves the counter past them', () => {
    expect(numberParse(rules, '2611-0042')).toEqual({ key: '2611', serial: 42 });
    expect(numberParse(rules, 'A01-2611-0042', 'A01')).toEqual({ key: '2611', serial: 42 });
    expect(numberParse(rules, 'TS-001')).toBeUndefined();
    expect(numberReserve({ '2611': 50 }, ['2611-0042', '2612-0007', 'TS-001'], rules)).toEqual({
      '2611': 50,
      '2612': 7,
    });
    expect(numberParse({ pattern: '{YYYY}-{SEQ:5}', resetEvery: 'year' }, '2026-00012')).toEqual({
      key: '2026',
      serial: 12,
    });
  });
});

// The register's columns as the export writes them (0 序号 ... 20 回访满意度).
const MAPPING: ImportMapping = Object.fromEntries(
  REGISTER_COLUMNS.map((c, i) => [c.id, i]).filter(([id]) => id !== 'index'),
);

function row(
  values: Partial<Record<(typeof REGISTER_COLUMNS)[number]['id'], ImportCell>>,
): ImportCell[] {
  return REGISTER_COLUMNS.map((c) => values[c.id] ?? null);
}

const good = {
  index: 1,
  customerName: '张建国',
  room: '3-1502',
  phone: '13812345678',
  subject: '电梯停运',
  receiver: '王丽',
  receivedDate: new Date(Date.UTC(2026, 10, 2)),
  receivedTime: 10 / 24,
  kind: '投诉',
  complaintCategory: '设备管理/电梯',
  handling: '2611-0001（已办结）',
  handler: '工程部/李强',
  acceptedDate: '2026-11-02',
  acceptedTime: '11:00',
  repliedDate: '2026-11-03',
  repliedTime: '15:00',
  followUpBy: '王丽',
  followUpDate: '2026-11-03',
  followUpTime: '16:00',
  satisfaction: 5,
};

describe('importCheck', () => {
  it('accepts a register row with its history and reports each bad row with its reasons', () => {
    const rows = [
      ...exportedHeaderRows(),
      row(good),
      row({ ...good, handling: '2611-0002', subject: '', phone: '138****5678' }),
      row({ ...good, handling: '2611-0003', receivedDate: '2026-13-01', kind: '表扬' }),
      row({ ...good, handling: '2611-0004', repliedDate: '2026-11-01', satisfaction: '很好' }),
      row({ ...good, handling: '2611-0099' }),
      row({ ...good, handling: '2611-0001' }),
      row({ ...good, handling: '2611-0005', repliedDate: null, repliedTime: null }),
      row({ ...good, handling: '', subject: '没有编号' }),
      row({ ...good, handling: '2611-0006', complaintCategory: '不存在的类别' }),
      row({ ...good, handling: '2611-0007', followUpDate: '2026-12-31' }),
      [],
      ['合计：10 件'],
    ];
    const result = importCheck(rows, 2, MAPPING, ctx);
    expect(result.accepted.map((c) => c.number)).toEqual(['2611-0001']);
    const reasons = Object.fromEntries(
      result.rejected.map((r) => [r.rowNumber, r.problems.map((p) => `${p.code}:${p.field}`)]),
    );
    expect(reasons).toEqual({
      4: ['missingSubject:subject', 'maskedPhone:phone'],
      5: ['badDate:receivedDate', 'unknownKind:kind'],
      6: ['beforePreviousStep:repliedDate', 'badSatisfaction:satisfaction'],
      7: ['numberExists:handling'],
      8: ['duplicateInFile:handling'],
      9: ['followUpWithoutReply:followUpDate'],
      10: ['missingNumber:handling'],
      11: ['unknownCategory:complaintCategory'],
      12: ['inFuture:followUpDate'],
    });
    expect(result.rows).toHaveLength(10);
  });

  it('leaves the standing line of a desk’s own register out of the reply', () => {
    const rows = [
      ...exportedHeaderRows(),
      row({ ...good, handling: '2611-0301（已办结）\n按时回复' }),
      row({ ...good, handling: '2611-0302\n已更换按钮\n不是一行时限' }),
    ];
    const standing = (line: string) => line === '按时回复';
    const result = importCheck(rows, 2, MAPPING, { ...ctx, isStandingLine: standing });
    const replies = result.accepted.map(
      (c) => c.steps.find((step) => step.type === 'case/replied')?.reply,
    );
    expect(replies).toEqual(['2611-0301（已办结）', '2611-0302\n已更换按钮\n不是一行时限']);
    // Without the vocabulary's recogniser (older callers) the cell is kept whole.
    const whole = importCheck(rows.slice(0, -1), 2, MAPPING, ctx);
    expect(whole.accepted[0]?.steps.find((step) => step.type === 'case/replied')).toMatchObject({
      reply: '2611-0301（已办结）\n按时回复',
    });
  });

  it('treats one number written in full width, other dashes or lower case as one number', () => {
    const rows = [
      ...exportedHeaderRows(),
      row({ ...good, handling: '2611-0203' }),
      row({ ...good, handling: '２６１１－０２０３' }),
      row({ ...good, handling: 'ab-0204' }),
      row({ ...good, handling: 'AB‐0204' }),
      row({ ...good, handling: '２６１１－００９９' }),
    ];
    const result = importCheck(rows, 2, MAPPING, ctx);
    expect(result.accepted.map((c) => c.number)).toEqual(['2611-0203', 'AB-0204']);
    expect(result.rejected.map((r) => r.problems.map((p) => p.code))).toEqual([
      ['duplicateInFile'],
      ['duplicateInFile'],
      ['numberExists'],
    ]);
  });

  it('refuses dates before 1990: a blank or mistyped cell, not a case', () => {
    for (const receivedDate of ['1900-01-01', 1, new Date(Date.UTC(1900, 0, 1)), '1989-12-31']) {
      const result = importCheck(
        [...exportedHeaderRows(), row({ ...good, receivedDate })],
        2,
        MAPPING,
        ctx,
      );
      expect(result.rejected[0]?.problems.map((p) => p.code)).toContain('badDate');
    }
    expect(cellDateTime('1990-01-01')).toEqual({ date: '1990-01-01' });
  });

  it.each([
    ['合计：2 件', 2],
    ['合  计: 2件', 2],
    ['总计 2 条', 2],
    ['Total: 2', 2],
    ['合计', undefined],
  ])('skips a total line in the number column (%s) and checks its count', (text, stated) => {
    const rows = [
      ...exportedHeaderRows(),
      row(good),
      row({ ...good, handling: '2611-0002', subject: '' }),
      row({ handling: text }),
    ];
    const result = importCheck(rows, 2, MAPPING, ctx);
    expect(result.rows).toHaveLength(2);
    expect(result.rejected.map((r) => r.rowNumber)).toEqual([4]);
    expect(result.total).toEqual({ rowNumber: 5, counted: 2, ...(stated ? { stated } : {}) });
  });

  it('reports a total that does not match the rows read', () => {
    const rows = [...exportedHeaderRows(), row(good), row({ handling: '合计：62 件' })];
    expect(importCheck(rows, 2, MAPPING, ctx).total).toEqual({
      rowNumber: 4,
      stated: 62,
      counted: 1,
    });
  });

  it('keeps a case whose subject reads like a total', () => {
    const rows = [...exportedHeaderRows(), row({ ...good, subject: '合计 3 件' })];
    const result = importCheck(rows, 2, MAPPING, ctx);
    expect(result.accepted).toHaveLength(1);
    expect(result.total).toBeUndefined();
  });

  it('turns an accepted row into events the workflow accepts, ending where the register ends', () => {
    const closed = row({ ...good });
    const mapping: ImportMapping = { ...MAPPING, finalCause: REGISTER_COLUMNS.length };
    const result = importCheck([[...closed, '维修不及时']], 0, mapping, ctx);
    const [imported] = result.accepted;
    expect(imported).toBeDefined();
    if (!imported) return;
    const events = importEventsOf(imported, {
      caseId: 'case-imported' as CaseId,
      actor: { id: 'staff-1' as StaffId, name: '王芳' },
      deskId: 'desk-a' as DeskId,
      wallMs: Date.parse('2026-11-30T04:00:00Z'),
      clock: undefined,
      unitIds: new Map([['工程部', 'unit-eng' as UnitId]]),
      channelId: 'phone',
    });
    expect(events.map((e) => e.type)).toEqual([
      'case/received',
      'case/dispatched',
      'case/accepted',
      'case/replied',
      'case/followedUp',
      'case/closed',
    ]);
    const state = caseFold(events);
    expect(state?.ignoredEventIds).toEqual([]);
    expect(state).toMatchObject({
      number: '2611-0001',
      imported: true,
      status: 'closed',
      finalCauseId: 'repairDelay',
      categoryId: 'lift',
      receivedAt: shanghai('2026-11-02T10:00'),
      acceptedAt: shanghai('2026-11-02T11:00'),
      repliedAt: shanghai('2026-11-03T15:00'),
      unitName: '工程部',
      handlerName: '李强',
      receiverName: '王丽',
      followUp: {
        state: 'done',
        satisfaction: 5,
        byName: '王丽',
        at: shanghai('2026-11-03T16:00'),
      },
    });
    // The handling deadline intake would have given: 5 working days from Nov 2.
    expect(state?.deadline?.dueAt).toBe(shanghai('2026-11-09T17:30') as IsoInstant);
  });

  it('files a reply without a handler as answered directly, and refuses to close without a follow-up', () => {
    const direct = row({
      ...good,
      handler: null,
      acceptedDate: null,
      acceptedTime: null,
      followUpBy: null,
      followUpDate: null,
      followUpTime: null,
      satisfaction: null,
    });
    const mapping: ImportMapping = { ...MAPPING, finalCause: REGISTER_COLUMNS.length };
    const accepted = importCheck([[...direct, '客户误解']], 0, mapping, ctx);
    expect(accepted.accepted[0]?.steps.map((s) => s.type)).toEqual([
      'case/handledDirectly',
      'case/closed',
    ]);
    const dispatched = row({
      ...good,
      followUpBy: null,
      followUpDate: null,
      followUpTime: null,
      satisfaction: null,
    });
    const refused = importCheck([[...dispatched, '客户误解']], 0, mapping, ctx);
    expect(refused.rejected[0]?.problems).toEqual([
      { code: 'cannotClose', field: 'finalCause', value: '客户误解' },
    ]);
  });
});
