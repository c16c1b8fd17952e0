import { featureLocale } from '../../vocabulary/locale-kit';

/** The words of the home screen and the work-queue lists, mounted under `home`. */
export const homeLocale = featureLocale(
  {
    nav: '首页',
    title: '今日工作',
    asOf: '截至 {{time}}',
    queuesLabel: '工作队列',
    open: '查看',
    cardLabel: '{{title}}：{{count}} 件',
    countUnit_one: '件',
    countUnit_other: '件',
    queues: {
      toDispatch: {
        title: '待交办',
        hint: '已受理、尚未交办或被退回待改派',
      },
      lateToDispatch: {
        title: '派单超时',
        hint: '已过派单时限仍未交办',
      },
      notAccepted: {
        title: '已交办未接单',
        hint: '已交办，承办方尚未确认接单',
      },
      dueSoon: {
        title: '一个工作日内到期',
        hint: '下一个工作日下班前到期',
      },
      overdue: {
        title: '已超期',
        hint: '已过处理期限仍未答复（不含不受时限限制的）',
      },
      interimDueSoon: {
        title: '临时措施即将到期',
        hint: '临时措施下一个工作日下班前到期，尚未落实',
      },
      interimOverdue: {
        title: '临时措施已超期',
        hint: '已过临时措施时限仍未落实',
      },
      awaitingFollowUp: {
        title: '待回访',
        hint: '已办结，等待回访',
      },
      escalated: {
        title: '升级处理/内部评审',
        hint: '已升级或正在内部评审',
      },
      mine: {
        title: '我的工单',
        hint: '我受理的、尚未结案的',
      },
    },
    list: {
      back: '返回首页',
      empty: '这个队列目前是空的。',
      count_one: '共 {{count}} 件',
      count_other: '共 {{count}} 件',
      loadMore: '加载更多',
      unknown: '没有这个工作队列。',
      columns: {
        number: '编号',
        receivedAt: '受理时间',
        customer: '客户',
        subject: '主题',
        status: '状态',
        unit: '承办单位',
        deadline: '处理期限',
        dispatchDeadline: '派单时限',
        interimDeadline: '临时措施时限',
        followUpDue: '回访期限',
      },
    },
  },
  {
    nav: 'Home',
    title: 'Today’s work',
    asOf: 'As of {{time}}',
    queuesLabel: 'Work queues',
    open: 'Open',
    cardLabel: '{{title}}: {{count}}',
    countUnit_one: 'case',
    countUnit_other: 'cases',
    queues: {
      toDispatch: {
        title: 'To dispatch',
        hint: 'Registered and not yet dispatched, or returned for another unit',
      },
      lateToDispatch: {
        title: 'Dispatch late',
        hint: 'Past the dispatch deadline and not yet dispatched',
      },
      notAccepted: {
        title: 'Dispatched, not accepted',
        hint: 'Dispatched; the unit has not confirmed it took the job',
      },
      dueSoon: {
        title: 'Due within one working day',
        hint: 'Due by the close of the next working day',
      },
      overdue: {
        title: 'Overdue',
        hint: 'Past the deadline with no reply yet (exempt cases excluded)',
      },
      interimDueSoon: {
        title: 'Temporary measures due soon',
        hint: 'A temporary measure due by the close of the next working day, not yet in place',
      },
      interimOverdue: {
        title: 'Temporary measures past due',
        hint: 'Past the temporary-measure deadline and not yet in place',
      },
      awaitingFollowUp: {
        title: 'Awaiting follow-up',
        hint: 'Replied, waiting for the follow-up call',
      },
      escalated: {
        title: 'Escalated or under review',
        hint: 'Escalated, or in an internal review',
      },
      mine: {
        title: 'My cases',
        hint: 'Open cases I registered',
      },
    },
    list: {
      back: 'Back to home',
      empty: 'This queue is empty.',
      count_one: '{{count}} case',
      count_other: '{{count}} cases',
      loadMore: 'Load more',
      unknown: 'There is no such work queue.',
      columns: {
        number: 'Number',
        receivedAt: 'Received',
        customer: 'Customer',
        subject: 'Subject',
        status: 'Status',
        unit: 'Handling unit',
        deadline: 'Deadline',
        dispatchDeadline: 'Dispatch deadline',
        interimDeadline: 'Temporary measure due',
        followUpDue: 'Follow-up due',
      },
    },
  },
);
