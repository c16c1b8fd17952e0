/**
 * Realistic data for the print tests (print-forms.spec.ts): a month of cases at a property
 * desk, the steps of handled cases, a case that went through 20 steps, and a long account.
 */
import { beijing, deadline, nth, type TestStep } from './print';

const SURNAMES = '张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗';
const GIVEN = [
  '建国',
  '丽',
  '伟',
  '芳',
  '敏',
  '静',
  '强',
  '磊',
  '洋',
  '艳',
  '勇',
  '军',
  '杰',
  '娟',
  '涛',
];
const COMPLAINTS = [
  ['lift', '电梯运行时异响，轿厢抖动'],
  ['waterDrainage', '楼上漏水导致卫生间天花板渗水发霉'],
  ['lighting', '地下车库照明灯大面积不亮'],
  ['cleaning', '楼道垃圾两天无人清运，气味难闻'],
  ['vehiclesParking', '外来车辆长期占用消防通道'],
  ['serviceAttitude', '前台工作人员态度生硬，不予解释'],
  ['fees', '物业费账单与实际面积不符，多收费用'],
  ['renovation', '邻居装修在午休时间施工，噪音扰民'],
] as const;
const REQUESTS = [
  ['basicService', '申请更换单元门禁卡'],
  ['specialService', '预约上门疏通下水道'],
  ['inquiryService', '咨询车位月租办理手续'],
] as const;

/** 120 cases received across October 2026, some with long subjects. */
export function octoberCases(): Record<string, unknown>[] {
  return Array.from({ length: 120 }, (_, i) => {
    const day = 1 + Math.floor(i / 4.2);
    const hour = 8 + (i % 9);
    const minute = (i * 7) % 60;
    const isRequest = i % 4 === 3;
    const [categoryId, subject] = isRequest
      ? nth(REQUESTS, i % REQUESTS.length)
      : nth(COMPLAINTS, i % COMPLAINTS.length);
    const long = i % 10 === 5;
    return {
      customerName: `${SURNAMES[i % SURNAMES.length]}${GIVEN[i % GIVEN.length]}`,
      phone: `139${String(10_000_000 + i * 7919).slice(0, 8)}`,
      address: `${1 + (i % 12)}栋${1 + (i % 3)}单元${String(101 + ((i * 37) % 1800)).padStart(4, '0')}室`,
      kindId: isRequest ? 'request' : 'complaint',
      categoryId,
      subject: long
        ? `${subject}，已多次向管家反映仍未解决，业主情绪激动，要求物业负责人当面答复并书面说明处理时限和补偿方案`
        : subject,
      content: `${subject}。业主来电反映情况，请尽快安排处理。`,
      demand: '尽快处理并回复',
      receivedAtLocal: `2026-10-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`,
    };
  });
}

export const UNIT = { unitId: 'unit-engineering', unitName: '工程部' };

/** Dispatched, taken, replied, followed up and closed: the register's later columns fill in. */
export function handledSteps(receivedLocal: string, closed: boolean): TestStep[] {
  const day = receivedLocal.slice(0, 10);
  const steps: TestStep[] = [
    {
      type: 'case/dispatched',
      payload: { ...UNIT, handlerName: '李强', deadline: deadline(`${day}T17:30`) },
      at: beijing(`${day}T${receivedLocal.slice(11, 13)}:59`),
    },
    { type: 'case/accepted', payload: { handlerName: '李强' }, at: beijing(`${day}T17:00`) },
    {
      type: 'case/replied',
      payload: {
        reply: '已处理完毕',
        toldCustomer: '已电话告知业主',
        followUpDueAt: beijing(`${day}T23:00`),
      },
      at: beijing(`${day}T17:20`),
    },
  ];
  if (!closed) return steps;
  return [
    ...steps,
    {
      type: 'case/followedUp',
      payload: { method: 'phone', satisfaction: 5, satisfied: true, answers: ['满意'] },
      at: beijing(`${day}T19:00`),
    },
    {
      type: 'case/closed',
      payload: { finalCauseId: 'repairDelay', summary: '已修复，业主满意' },
      at: beijing(`${day}T19:10`),
    },
  ];
}

/** A case that went through 20 steps: returned, re-dispatched, extended, followed up twice. */
export function twentySteps(): TestStep[] {
  const at = (local: string) => beijing(local);
  return [
    {
      type: 'case/levelChanged',
      payload: { levelId: 'major', reason: '涉及金额超过2000元，按规定升为重大投诉' },
      at: at('2026-10-12T09:10'),
    },
    {
      type: 'case/dispatched',
      payload: {
        unitId: 'unit-cleaning',
        unitName: '保洁部',
        deadline: deadline('2026-10-19T17:30'),
      },
      at: at('2026-10-12T09:20'),
    },
    {
      type: 'case/urged',
      payload: { note: '业主再次来电催促，请保洁部今日内答复' },
      at: at('2026-10-13T10:00'),
    },
    {
      type: 'case/returned',
      payload: { reason: '漏水属于管道维修，不属于保洁部职责，请改派工程部' },
      at: at('2026-10-13T11:00'),
    },
    {
      type: 'case/dispatched',
      payload: {
        ...UNIT,
        handlerName: '刘师傅',
        deadline: deadline('2026-10-19T17:30'),
        instructions: '改派：请工程部维修班上门查明漏水点',
      },
      at: at('2026-10-13T11:30'),
    },
    { type: 'case/accepted', payload: { handlerName: '刘师傅' }, at: at('2026-10-13T13:40') },
    {
      type: 'case/extensionRequested',
      payload: {
        requestedDueAt: at('2026-10-23T17:30'),
        reason: '需更换整段铸铁排水立管，配件需采购',
      },
      at: at('2026-10-15T09:00'),
    },
    {
      type: 'case/extensionDecided',
      payload: {
        approved: true,
        deadline: deadline('2026-10-23T17:30', 'extension'),
        note: '同意延期至10月23日',
      },
      at: at('2026-10-15T10:30'),
    },
    {
      type: 'case/noted',
      payload: { note: '已与楼上业主约定10月20日入户施工' },
      at: at('2026-10-16T15:00'),
    },
    {
      type: 'case/supervised',
      payload: { note: '品管中心列入督办，要求每日报告进度' },
      at: at('2026-10-19T09:00'),
    },
    {
      type: 'case/replied',
      payload: {
        reply: '已更换1203室至1103室之间的排水立管，并修补受损吊顶',
        toldCustomer: '已上门告知业主施工结果',
        followUpDueAt: at('2026-10-23T17:00'),
      },
      at: at('2026-10-22T16:30'),
    },
    {
      type: 'case/followUpAttempted',
      payload: { outcome: 'noAnswer', method: 'phone' },
      at: at('2026-10-23T09:00'),
    },
    {
      type: 'case/followUpAttempted',
      payload: { outcome: 'busy', method: 'phone', note: '下午再拨' },
      at: at('2026-10-23T10:00'),
    },
    {
      type: 'case/followedUp',
      payload: {
        method: 'visit',
        satisfaction: 2,
        satisfied: false,
        answers: ['吊顶颜色与原来不一致', '要求重新粉刷'],
      },
      at: at('2026-10-23T15:00'),
    },
    {
      type: 'case/replied',
      payload: {
        reply: '已重新粉刷吊顶，颜色与原吊顶一致',
        toldCustomer: '业主确认效果',
        followUpDueAt: at('2026-10-27T17:00'),
      },
      at: at('2026-10-26T16:00'),
    },
    {
      type: 'case/followedUp',
      payload: {
        method: 'visit',
        satisfaction: 5,
        satisfied: true,
        answers: ['满意', '感谢维修班'],
      },
      at: at('2026-10-27T10:00'),
    },
    {
      type: 'case/responsibilityDetermined',
      payload: { ...UNIT, personName: '刘师傅', valid: true, note: '首次派单错误延误一天' },
      at: at('2026-10-27T11:00'),
    },
    {
      type: 'case/correctiveAction',
      payload: {
        rootCause: '派单前未核实漏水原因',
        action: '客服派单前先由管家现场确认问题类别',
        owner: '客服中心',
        approvedBy: '赵经理',
      },
      at: at('2026-10-27T14:00'),
    },
    {
      type: 'case/closed',
      payload: { finalCauseId: 'repairDelay', summary: '漏水已根治，吊顶已修复，业主满意' },
      at: at('2026-10-27T15:00'),
    },
  ];
}

export const LONG_CONTENT = Array.from(
  { length: 40 },
  (_, i) =>
    `第${i + 1}次：业主反映三号楼二单元电梯自九月以来多次困人，最近一次困人长达四十分钟，物业值班人员未能及时到场，电话无人接听，老人和儿童受到惊吓。`,
).join('');
