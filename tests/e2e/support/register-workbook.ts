/**
 * An old register kept in Excel, as a clerk would bring it to the desk: the title, a two-level
 * header like the paper form (S001-A annex 4), one row per case, plus a 最终原因 column. Built
 * with ExcelJS in the test, and its expected figures worked out here from the rows, not by the
 * application's code.
 */
import ExcelJS from 'exceljs';

export interface OldCase {
  readonly number: string;
  readonly name: string;
  readonly room: string;
  readonly phone: string;
  readonly subject: string;
  /** `YYYY-MM-DD HH:mm`, Shanghai time. */
  readonly received: string;
  readonly kind: '投诉' | '需求';
  readonly category: string;
  readonly handler: string;
  readonly accepted?: string;
  readonly replied?: string;
  readonly followedUp?: string;
  readonly score?: number;
  readonly cause?: string;
}

const COMPLAINTS = [
  { category: '设备管理/电梯', handler: '工程部/李强', cause: '设施设备故障' },
  { category: '环境管理/清洁卫生', handler: '保洁部/赵敏', cause: '服务态度' },
  { category: '秩序管理/车辆道路与停车', handler: '保安部/孙涛', cause: '安全管理' },
  { category: '房屋管理/公共部位维修', handler: '工程部/王五', cause: '维修不及时' },
];

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function halfHourLater(time: string): string {
  const minutes = Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)) + 30;
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** `YYYY-MM-DD` plus days. */
export function dayPlus(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function isWeekday(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6;
}

/** The Nth weekday after a date (late October and November 2026 have no public holiday). */
export function weekdaysAfter(date: string, n: number): string {
  let d = date;
  for (let left = n; left > 0;) {
    d = dayPlus(d, 1);
    if (isWeekday(d)) left -= 1;
  }
  return d;
}

/**
 * About three hundred cases received from Oct 20 to Nov 25 2026, in five kinds of progress:
 * closed with a cause, followed up, replied (follow-up due), accepted only, not dispatched.
 * Cases on the period's edges (Oct 24 23:59, Oct 25 00:00, Nov 24 23:59, Nov 25 00:00) too.
 */
export function oldRegister(now = '2026-11-25 09:00'): OldCase[] {
  const cases: OldCase[] = [];
  const serials = new Map<string, number>();
  const add = (received: string, flow: number, i: number) => {
    const month = received.slice(2, 4) + received.slice(5, 7);
    const serial = (serials.get(month) ?? 0) + 1;
    serials.set(month, serial);
    const isRequest = i % 4 === 3;
    const complaint = COMPLAINTS[i % COMPLAINTS.length] ?? COMPLAINTS[0];
    const day = received.slice(0, 10);
    const replyDay = weekdaysAfter(day, 2);
    // Steps the register could not hold yet on the 25th stay undone.
    const canReply = `${replyDay} 16:00` <= now;
    const effective = flow <= 2 && !canReply ? 3 : flow;
    cases.push({
      number: `${month}-${pad(serial, 4)}`,
      name: `业主${pad(i, 3)}`,
      room: `${(i % 9) + 1}-${pad((i % 20) + 1)}0${(i % 4) + 1}`,
      phone: `139${pad(i, 8)}`,
      subject: isRequest
        ? `${pad(i, 3)}号申请疏通下水道`
        : `${pad(i, 3)}号反映：${complaint?.category.split('/')[1]}问题`,
      received,
      kind: isRequest ? '需求' : '投诉',
      category: isRequest ? '基础服务' : (complaint?.category ?? ''),
      handler: effective === 4 ? '' : isRequest ? '工程部/李强' : (complaint?.handler ?? ''),
      // Accepted half an hour after intake (intake is between 08:00 and 16:59 on these rows).
      accepted: effective <= 3 ? `${day} ${halfHourLater(received.slice(11, 16))}` : undefined,
      replied: effective <= 2 ? `${replyDay} 15:00` : undefined,
      followedUp: effective <= 1 ? `${replyDay} 16:00` : undefined,
      score: effective <= 1 ? (i % 7 === 0 ? 4 : 5) : undefined,
      cause: effective === 0 && i % 7 !== 0 ? (isRequest ? '其他' : complaint?.cause) : undefined,
    });
  };
  let i = 0;
  for (let day = '2026-10-20'; day <= '2026-11-24'; day = dayPlus(day, 1)) {
    const perDay = isWeekday(day) ? 11 : 3;
    for (let k = 0; k < perDay; k++, i++) {
      add(`${day} ${pad(8 + (k % 9))}:${pad((k * 7) % 60)}`, i % 5, i);
    }
  }
  for (const received of [
    '2026-10-24 23:59',
    '2026-10-25 00:00',
    '2026-11-24 23:59',
    '2026-11-25 00:00',
  ]) {
    add(received, 4, i++);
    add(received, 4, i++);
  }
  return cases;
}

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
  '',
  '',
  '',
  '',
  '',
  '',
  '日期',
  '时间',
  '类别',
  '投诉类型',
  '需求类型',
  '',
  '',
  '日期',
  '时间',
  '日期',
  '时间',
  '',
  '日期',
  '时间',
  '',
  '',
];

/** A real Excel date, or the text as typed when it is no date (a clerk's typing error). */
function excelDate(text: string | undefined): Date | string | null {
  if (!text) return null;
  const date = new Date(`${text.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? text.slice(0, 10) : date;
}

function excelTime(text: string | undefined): number | null {
  if (!text) return null;
  return (Number(text.slice(11, 13)) * 60 + Number(text.slice(14, 16))) / 1440;
}

/** The register as an .xlsx workbook (dates and times as real Excel values). */
export async function oldRegisterWorkbook(cases: readonly OldCase[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('登记表');
  sheet.addRow(['客户投诉/需求登记表']);
  sheet.addRow(['阳光花园物业服务中心 2026年10-11月']);
  sheet.addRow(HEADER_TOP);
  sheet.addRow(HEADER_SECOND);
  sheet.mergeCells('A1:V1');
  sheet.mergeCells('G3:H3');
  sheet.mergeCells('I3:K3');
  sheet.mergeCells('N3:O3');
  sheet.mergeCells('P3:Q3');
  sheet.mergeCells('S3:T3');
  for (const column of ['A', 'B', 'C', 'D', 'E', 'F', 'L', 'M', 'R', 'U', 'V']) {
    sheet.mergeCells(`${column}3:${column}4`);
  }
  cases.forEach((c, i) => {
    const row = sheet.addRow([
      i + 1,
      c.name,
      c.room,
      c.phone,
      c.subject,
      '王丽',
      excelDate(c.received),
      excelTime(c.received),
      c.kind,
      c.kind === '投诉' ? c.category : '',
      c.kind === '需求' ? c.category : '',
      c.number,
      c.handler,
      excelDate(c.accepted),
      excelTime(c.accepted),
      excelDate(c.replied),
      excelTime(c.replied),
      c.followedUp ? '王丽' : '',
      excelDate(c.followedUp),
      excelTime(c.followedUp),
      c.score ?? null,
      c.cause ?? '',
    ]);
    for (const column of [7, 14, 16, 19]) row.getCell(column).numFmt = 'yyyy-mm-dd';
    for (const column of [8, 15, 17, 20]) row.getCell(column).numFmt = 'hh:mm';
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Whether a case is open past its handling deadline (5 working days, 17:30) at `now`. */
export function isOverdueAt(c: OldCase, now: string): boolean {
  // A reply ends the clock, unless the follow-up found the customer not satisfied (below 5):
  // the case is then back in remedial work under its deadline.
  if (c.replied && !(c.score !== undefined && c.score < 5)) return false;
  return `${weekdaysAfter(c.received.slice(0, 10), 5)} 17:30` < now;
}

export function isInPeriod(c: OldCase, first: string, last: string): boolean {
  const day = c.received.slice(0, 10);
  return day >= first && day <= last;
}

/** Many cases received in November's period (Oct 25 to Nov 24), some replied: a busy desk. */
export function bulkRegister(count: number): OldCase[] {
  const cases: OldCase[] = [];
  for (let i = 0; i < count; i++) {
    const day = dayPlus('2026-10-25', i % 31);
    const received = `${day} ${pad(8 + (i % 9))}:${pad(i % 60)}`;
    const replied =
      i % 3 === 0 && day <= '2026-11-20' ? `${weekdaysAfter(day, 2)} 15:00` : undefined;
    cases.push({
      number: `BK-${pad(i + 1, 6)}`,
      name: `业主${pad(i % 1000, 3)}`,
      room: `${(i % 12) + 1}-${pad((i % 30) + 1)}01`,
      phone: `137${pad(i, 8)}`,
      subject: `${i}号反映：电梯异响`,
      received,
      kind: '投诉',
      category: '设备管理/电梯',
      handler: '工程部/李强',
      replied,
    });
  }
  return cases;
}
