/**
 * An old register as the import screen reads it from an .xlsx: the title, the paper form's
 * two-level header and one row per case (dates as the Excel reader hands them over: `Date`s
 * holding the wall time in UTC, times as fractions of a day). Cases of the last eleven months,
 * in four kinds of progress (received only, accepted, replied, followed up and closed); about
 * one caller in two calls twice, so customer files are both created and completed.
 */
import type { ImportCell } from '@shared/import/values';

const HEADER_TOP = [
  '序号',
  '客户姓名',
  '客户房号',
  '联系方式',
  '客户投诉、需求事项',
  '受理人',
  '受理时间',
  '',
  '投诉、需求类型',
  '',
  '',
  '处理情况(单据联号)',
  '处理人/接单人',
  '接单时间',
  '',
  '返单时间',
  '',
  '回访人',
  '回访时间',
  '',
  '回访满意度',
  '最终原因',
];
const HEADER_SECOND = [
  ...['', '', '', '', '', '', '日期', '时间', '类别', '投诉类型', '需求类型', ''],
  ...['', '日期', '时间', '日期', '时间', '', '日期', '时间', '', ''],
];

const COMPLAINTS = [
  { category: '设备管理/电梯', handler: '工程部/李强', cause: '设施设备故障' },
  { category: '环境管理/清洁卫生', handler: '保洁部/赵敏', cause: '服务态度' },
  { category: '秩序管理/车辆道路与停车', handler: '保安部/孙涛', cause: '安全管理' },
  { category: '房屋管理/公共部位维修', handler: '工程部/王五', cause: '维修不及时' },
];

const DAY_MS = 86_400_000;
/** 2025-12-20: the rows are received from here on, the last a few days before `IMPORT_NOW`. */
const FIRST_DAY_MS = Date.UTC(2025, 11, 20);
const DAYS = 330;
/** The desk's clock while importing (Shanghai 2026-11-25 09:00). */
export const IMPORT_NOW = '2026-11-25T01:00:00.000Z';

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** The rows of a register of `count` cases, header rows first (data from the fifth row). */
export function importRegisterRows(count: number): ImportCell[][] {
  const rows: ImportCell[][] = [
    ['客户投诉/需求登记表'],
    ['翠湖片区物业服务中心'],
    HEADER_TOP,
    HEADER_SECOND,
  ];
  const callers = Math.max(1, Math.ceil(count / 2));
  for (let i = 0; i < count; i++) {
    const dayMs = FIRST_DAY_MS + Math.floor((i * DAYS) / count) * DAY_MS;
    const received = new Date(dayMs);
    const receivedTime = (8 * 60 + (i % 540)) / 1440;
    const complaint = COMPLAINTS[i % COMPLAINTS.length] ?? COMPLAINTS[0];
    if (!complaint) throw new Error('no complaint kinds');
    const progress = i % 4;
    const caller = i % callers;
    const later = (days: number) => new Date(dayMs + days * DAY_MS);
    rows.push([
      i + 1,
      `业主${pad(caller % 5000, 4)}`,
      `${(caller % 40) + 1}-${pad((caller % 30) + 1)}0${(caller % 4) + 1}`,
      `137${pad(caller, 8)}`,
      `${(i % 40) + 1}号楼反映：${complaint.category.split('/')[1] ?? ''}问题，请尽快处理`,
      '王丽',
      received,
      receivedTime,
      '投诉',
      complaint.category,
      '',
      `IM-${pad(i + 1, 6)}`,
      progress >= 1 ? complaint.handler : '',
      progress >= 1 ? received : null,
      progress >= 1 ? receivedTime + 30 / 1440 : null,
      progress >= 2 ? later(2) : null,
      progress >= 2 ? 15 / 24 : null,
      progress >= 3 ? '王丽' : '',
      progress >= 3 ? later(2) : null,
      progress >= 3 ? 16 / 24 : null,
      progress >= 3 ? 5 : null,
      progress >= 3 ? complaint.cause : '',
    ]);
  }
  return rows;
}

function csvCell(cell: ImportCell): string {
  let text: string;
  if (cell === null || cell === undefined) text = '';
  else if (cell instanceof Date) text = cell.toISOString().slice(0, 10);
  // A fraction of a day is a time of day, as a clerk types it in a CSV.
  else if (typeof cell === 'number' && cell > 0 && cell < 1) {
    const minutes = Math.round(cell * 1440);
    text = `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
  } else text = String(cell);
  return `"${text.replaceAll('"', '""')}"`;
}

/** The same register as a UTF-8 CSV file, as Excel saves one ("CSV UTF-8"). */
export function importRegisterCsv(count: number): Uint8Array {
  const lines = importRegisterRows(count).map((row) => row.map(csvCell).join(','));
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}
