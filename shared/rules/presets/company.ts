/**
 * Company customer service (企业客户服务), after the marketing and QE procedure (S001-I), the
 * tobacco distributor's three kinds (S001-D) and the customer-service hub (S003-B).
 */
import { fenFromYuan } from '../../kernel/brand';
import type { DeskRules } from '../rules';
import {
  DEFAULT_NUMBERING,
  category,
  channelsOf,
  clockHours,
  clockMinutes,
  text,
  workingDays,
  workingHours,
} from './common';

export const COMPANY_PRESET: DeskRules = {
  presetId: 'company',
  name: text('企业客户服务', 'Company customer service'),
  // S001-D: 咨询、建议、投诉.
  // The kind a new intake starts at: most callers ask (咨询).
  defaultKindId: 'inquiry',
  kinds: [
    {
      id: 'inquiry',
      label: text('咨询', 'Inquiry'),
      class: 'inquiry',
      categories: [
        category('productInquiry', '产品咨询', 'Product'),
        category('orderInquiry', '订单与交付咨询', 'Orders and delivery'),
        category('serviceInquiry', '服务与政策咨询', 'Services and policies'),
      ],
    },
    {
      id: 'suggestion',
      label: text('建议', 'Suggestion'),
      class: 'suggestion',
      categories: [
        category('productSuggestion', '产品建议', 'Product'),
        category('serviceSuggestion', '服务建议', 'Service'),
      ],
    },
    {
      id: 'complaint',
      label: text('投诉', 'Complaint'),
      class: 'complaint',
      // S003-J: quality complaints go to the quality department, the others to marketing;
      // S000-B lists attitude, competence and efficiency for service complaints.
      categories: [
        category('quality', '质量投诉', 'Quality complaint', [
          category('productDefect', '产品缺陷', 'Product defect'),
          category('specMismatch', '规格性能不符', 'Does not meet the specification'),
          category('packagingDamage', '包装运输破损', 'Damaged in packing or transport'),
          category('repeatedRepair', '反复维修', 'Repeated repairs'),
        ]),
        category('nonQuality', '非质量投诉', 'Non-quality complaint', [
          category('serviceAttitude', '服务态度', 'Service attitude'),
          category('competence', '专业素质', 'Professional competence'),
          category('efficiency', '服务效率', 'Service efficiency'),
          category('delivery', '交货延误', 'Late delivery'),
          category('pricing', '价格与收费', 'Prices and charges'),
        ]),
      ],
    },
  ],
  levels: [
    { id: 'general', label: text('一般', 'General'), rank: 1 },
    { id: 'major', label: text('重大', 'Major'), rank: 2 },
  ],
  channels: channelsOf([
    'phone',
    'walkIn',
    'letter',
    'email',
    'website',
    'social',
    'fax',
    'media',
    'authorityReferral',
    'other',
  ]),
  finalCauses: [
    category('productDefect', '产品质量缺陷', 'Product defect'),
    category('specMismatch', '设计或规格不符', 'Design or specification'),
    category('transportDamage', '运输破损', 'Damage in transport'),
    category('lateDelivery', '交货延误', 'Late delivery'),
    category('serviceAttitude', '服务态度', 'Service attitude'),
    category('competence', '专业能力不足', 'Lack of competence'),
    category('slowResponse', '响应不及时', 'Slow response'),
    category('pricing', '价格与收费', 'Prices and charges'),
    category('salesPromise', '销售承诺不符', 'Sales promise not kept'),
    category('customerMisuse', '客户使用不当', 'Misuse by the customer'),
    category('misunderstanding', '客户误解', 'Customer misunderstanding'),
    category('other', '其他', 'Other'),
  ],
  deadlines: {
    handling: [
      // S001-D: an inquiry that cannot be answered at once, within 24 h.
      { kindIds: ['inquiry'], deadline: clockHours(24) },
      // S001-I 5.3.1: the permanent countermeasure of a major complaint within 2 working days
      // (the temporary one, 8 working hours, is in `interim`).
      { kindIds: ['complaint'], levelIds: ['major'], deadline: workingDays(2) },
      // S001-I 5.3.1: a general complaint replied within 3 working days; suggestions alike.
      { kindIds: ['complaint', 'suggestion'], deadline: workingDays(3) },
    ],
    // A complaint escalated to major owes its permanent countermeasure within 2 working days.
    escalated: workingDays(2),
    // S001-L / S003-B 1.1: passed to the customer-service department within 30 minutes.
    dispatch: clockMinutes(30, true),
    // No seed gives a follow-up limit here; S002-6 calls on the day the case is finished, so
    // complaints by the next working day, the rest within 3.
    followUp: [{ kindIds: ['complaint'], deadline: workingDays(1) }, { deadline: workingDays(3) }],
    interim: [{ kindIds: ['complaint'], levelIds: ['major'], deadline: workingHours(8) }],
  },
  // S001-L / S003-B: compensation (any amount claimed), safety, media, lawyers or police.
  levelRules: [
    {
      levelId: 'major',
      kindIds: ['complaint'],
      anyOf: [
        { type: 'amountAtLeast', fen: fenFromYuan(0.01) },
        { type: 'flag', flag: 'safety' },
        { type: 'flag', flag: 'media' },
        { type: 'flag', flag: 'lawsuit' },
      ],
    },
  ],
  followUp: {
    alwaysForClasses: ['complaint'],
    // Only S001-A gives a sampling rate; the same 15% here.
    sampleRateSatisfied: 0.15,
    scale: { min: 1, max: 5, satisfiedAtLeast: 4 },
    questions: [
      text('问题是否已解决？', 'Has the problem been solved?'),
      text('对处理结果的满意程度', 'Satisfaction with the result'),
      text('产品使用情况', 'How the product is working'),
      text('意见和建议', 'Comments and suggestions'),
    ],
    methods: ['phone', 'visit'],
  },
  numbering: DEFAULT_NUMBERING,
  terms: {
    customer: text('客户', 'Customer'),
    room: text('地址', 'Address'),
    handler: text('责任部门', 'Responsible department'),
    caseNoun: text('客户意见', 'Customer feedback'),
    registerTitle: text('客户投诉登记表', 'Customer complaint register'),
  },
  referrals: [],
  reportPeriodStartDay: 1,
};
