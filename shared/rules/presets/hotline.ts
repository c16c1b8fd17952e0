/**
 * City service hotline (市民服务热线/市长热线), after 话务处理流程及规范 (S003-A): six kinds
 * of call, dispatch within an hour, completion in 3-5 working days, follow-up within 3.
 */
import type { DeskRules } from '../rules';
import {
  DEFAULT_NUMBERING,
  SAME_WORKING_DAY,
  category,
  channelsOf,
  clockHours,
  text,
  workingDays,
} from './common';

export const HOTLINE_PRESET: DeskRules = {
  presetId: 'hotline',
  name: text('市民服务热线', 'City service hotline'),
  // The kind a new intake starts at: most calls are general appeals (一般诉求).
  defaultKindId: 'appeal',
  // S003-A 二、分类办理: 按来电目的划分为建议、一般诉求、求助、投诉举报、咨询、表扬六大类.
  kinds: [
    {
      id: 'suggestion',
      label: text('建议', 'Suggestion'),
      class: 'suggestion',
      categories: [
        category('suggestionReasonable', '合理性建议', 'Reasonable suggestion'),
        category('suggestionUnreasonable', '不合理建议', 'Unreasonable suggestion'),
      ],
    },
    {
      id: 'appeal',
      label: text('一般诉求', 'General appeal'),
      class: 'appeal',
      categories: [
        category('appealSimple', '简单诉求', 'Simple appeal'),
        category('appealGeneral', '一般诉求', 'General appeal'),
        category('appealComplexUrgent', '复杂或紧急的诉求', 'Complex or urgent appeal'),
      ],
    },
    {
      id: 'help',
      label: text('求助', 'Request for help'),
      class: 'help',
      categories: [
        category('helpGeneral', '一般求助', 'General help'),
        category('helpUrgent', '紧急求助', 'Urgent help'),
      ],
    },
    {
      id: 'complaintReport',
      label: text('投诉举报', 'Complaint or report'),
      class: 'complaint',
      categories: [
        category('complaintStaffAttitude', '工作人员态度问题', 'Attitude of department staff'),
        category('complaintUnit', '对单位的投诉', 'Complaint about a unit'),
        category('reportViolation', '违法违规举报', 'Report of a violation'),
        category(
          'reportMajorEvent',
          '重大事件（违法乱纪）',
          'Major event (breach of law or discipline)',
        ),
      ],
    },
    {
      id: 'inquiry',
      label: text('咨询', 'Inquiry'),
      class: 'inquiry',
      categories: [
        category('inquirySimple', '简单咨询', 'Simple inquiry'),
        category('inquirySpecialist', '专业性咨询', 'Specialist inquiry'),
      ],
    },
    {
      id: 'praise',
      label: text('表扬', 'Praise'),
      class: 'praise',
      categories: [
        category('praiseUnit', '表扬承办单位', 'Praise of a handling unit'),
        category('praiseHotline', '表扬市长热线', 'Praise of the hotline'),
      ],
    },
  ],
  // S003-A defines no levels; hot and difficult matters (热点难点) are marked by hand.
  levels: [
    { id: 'general', label: text('一般', 'General'), rank: 1 },
    { id: 'major', label: text('重大', 'Major'), rank: 2 },
  ],
  // S003-A 一: phone only, no letters or visits; QQ, WeChat and Weibo to be opened later.
  channels: channelsOf(['phone', 'social', 'website', 'email', 'authorityReferral', 'other']),
  finalCauses: [
    category('unitInaction', '承办单位履职不到位', 'Unit not performing its duties'),
    category('staffConduct', '工作人员作风态度', 'Conduct and attitude of officials'),
    category('policyExplanation', '政策宣传解释不到位', 'Policy not explained'),
    category('publicFacilities', '市政设施', 'Municipal facilities'),
    category('environment', '环境污染与卫生', 'Pollution and sanitation'),
    category('traffic', '交通出行', 'Traffic and transport'),
    category('housingProperty', '住房与物业', 'Housing and property management'),
    category('labourWages', '劳动就业与欠薪', 'Employment and unpaid wages'),
    category('consumerRights', '消费维权', 'Consumer rights'),
    category('socialSecurity', '社会保障', 'Social security'),
    category('outOfScope', '不属受理范围', "Outside the hotline's scope"),
    category('unfounded', '反映不实', 'Not substantiated'),
    category('other', '其他', 'Other'),
  ],
  deadlines: {
    // S003-A 三: 3-5 working days from the 交办单; urgent items at once (the same day).
    handling: [{ urgentOnly: true, deadline: SAME_WORKING_DAY }, { deadline: workingDays(5) }],
    // S003-A has no escalation; supervised cases (督办) get the ordinary limit again.
    escalated: workingDays(5),
    // S003-A item 15: the shift lead dispatches within 1 h; off-hours calls from the opening.
    dispatch: clockHours(1, true),
    // S003-A 六: 3 working days from the unit's reply.
    followUp: [{ deadline: workingDays(3) }],
  },
  levelRules: [],
  followUp: {
    // Every call passed to a unit is followed up (S003-A 六); praise is not.
    alwaysForClasses: ['suggestion', 'appeal', 'help', 'complaint', 'inquiry'],
    sampleRateSatisfied: 0,
    // S003-A records a follow-up opinion without a scale; 1-5 like the other presets.
    scale: { min: 1, max: 5, satisfiedAtLeast: 4 },
    questions: [
      text('承办单位是否已与您联系？', 'Did the handling unit contact you?'),
      text('您反映的问题是否已解决？', 'Has the problem you reported been solved?'),
      text('您对办理结果是否满意？', 'Are you satisfied with the result?'),
      text('您还有什么意见或建议？', 'Do you have any other comments or suggestions?'),
    ],
    methods: ['phone'],
    // S003-I: after an SMS and 2 working days without contact, close as unreachable.
    unreachableAfterWorkingDays: 2,
    openingScript: text(
      '您好，这里是市长热线，现在需要对您之前的来电做一个回访，请问您有时间吗？',
      'Hello, this is the mayor’s hotline. We are following up on your earlier call. Do you have a moment?',
    ),
  },
  numbering: DEFAULT_NUMBERING,
  terms: {
    customer: text('来电人', 'Caller'),
    room: text('地址', 'Address'),
    handler: text('承办单位', 'Handling unit'),
    caseNoun: text('工单', 'Work order'),
    registerTitle: text('市长热线来电登记表', 'Hotline call register'),
  },
  // S003-A 二.3-4: out-of-scope calls are referred; phone numbers where DOMAIN.md gives them.
  referrals: [
    {
      name: text('法律援助热线', 'Legal aid hotline'),
      phone: '12348',
      scope: text(
        '民事诉讼、经济纠纷等法律问题的咨询与法律援助',
        'Legal advice and legal aid: civil lawsuits, economic disputes',
      ),
    },
    {
      name: text('报警电话', 'Police'),
      phone: '110',
      scope: text(
        '治安、刑事案件和危及人身财产安全的紧急情况',
        'Crimes, public order and emergencies threatening life or property',
      ),
    },
    {
      name: text('纪检监察举报电话', 'Discipline inspection reporting line'),
      phone: '12388',
      scope: text(
        '党员干部和公职人员违纪违法行为的举报',
        'Reports of breaches of discipline or law by officials',
      ),
    },
    {
      name: text('信访部门', 'Petitions office'),
      phone: '',
      scope: text('信访事项的提出与复查', 'Petitions (信访) and their review'),
    },
    {
      name: text('上一级人民法院', 'Higher people’s court'),
      phone: '',
      scope: text(
        '对法院立案、审判、执行工作的投诉',
        'Complaints about the filing, trial or enforcement of court cases',
      ),
    },
    {
      name: text('上一级人民检察院', 'Higher people’s procuratorate'),
      phone: '',
      scope: text(
        '对公安、检察机关执法活动的投诉和控告',
        'Complaints and accusations about police and prosecutors',
      ),
    },
  ],
  // S003-A 工作规范 items 1-2.
  scripts: {
    opening: text(
      '您好！市长热线，请问有什么可以帮到您？',
      'Hello, mayor’s hotline. How can I help you?',
    ),
    closings: [
      text('感谢您的来电，再见！', 'Thank you for calling. Goodbye!'),
      text(
        '感谢您对我们工作的支持，您的问题我将会尽快帮您反映，再见。',
        'Thank you for your support. I will pass your problem on as soon as possible. Goodbye.',
      ),
      text(
        '感谢您对我们工作的支持，祝您生活愉快，再见。',
        'Thank you for your support. Have a good day. Goodbye.',
      ),
    ],
  },
  reportPeriodStartDay: 1,
};
