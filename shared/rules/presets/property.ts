/**
 * Property management service centre (物业服务中心/管理处), after the group regulation
 * XX集团客户投诉管理办法 (S001-A), with second-level complaint categories from S003-L.
 */
import { fenFromYuan } from '../../kernel/brand';
import type { DeskRules } from '../rules';
import { DEFAULT_NUMBERING, category, channelsOf, clockHours, text, workingDays } from './common';

export const PROPERTY_PRESET: DeskRules = {
  presetId: 'property',
  name: text('物业服务中心', 'Property management service centre'),
  // The kind a new intake starts at: a property desk mostly takes complaints.
  defaultKindId: 'complaint',
  kinds: [
    {
      id: 'complaint',
      label: text('投诉', 'Complaint'),
      class: 'complaint',
      // S001-A 4.1.2.2 (first level); S003-L 4.2.1 lists what each class covers (second level).
      categories: [
        category('building', '房屋管理', 'Building management', [
          category('buildingUpkeep', '房屋损坏保养', 'Building damage and upkeep'),
          category('commonPartsRepair', '公共部位维修', 'Repair of common parts'),
          category('illegalConstruction', '违章搭建', 'Illegal construction'),
          category('renovation', '装修管理', 'Renovation approval and supervision'),
        ]),
        category('equipment', '设备管理', 'Equipment management', [
          category('waterDrainage', '给排水管道', 'Water supply and drainage'),
          category('lift', '电梯', 'Lifts'),
          category('lighting', '共用照明', 'Common lighting'),
          category('hvac', '中央空调与供暖', 'Central air-conditioning and heating'),
          category('fireEquipment', '消防设施设备', 'Fire-fighting equipment'),
          category('otherEquipment', '其他共用设施设备', 'Other shared facilities'),
        ]),
        category('order', '秩序管理', 'Order and security', [
          category('visitors', '外来人员管理', 'Visitor control'),
          category('goodsMovement', '物品搬运', 'Moving goods in and out'),
          category('vehiclesParking', '车辆道路与停车', 'Vehicles, roads and parking'),
          category('securityIncident', '安全隐患与事故', 'Security risks and incidents'),
        ]),
        category('environment', '环境管理', 'Environment management', [
          category('cleaning', '清洁卫生', 'Cleaning'),
          category('refuse', '垃圾清运', 'Refuse collection'),
          category('landscaping', '绿化养护', 'Landscaping'),
          category('pestControl', '消杀', 'Pest control'),
        ]),
        category('generalServices', '综合服务', 'General services', [
          category('serviceAttitude', '服务态度', 'Staff attitude'),
          category('serviceEfficiency', '服务效率', 'Service efficiency'),
          category('fees', '收费管理', 'Fees and charges'),
          category('complaintHandling', '投诉处理', 'Handling of complaints'),
        ]),
      ],
    },
    {
      id: 'request',
      label: text('需求', 'Request'),
      class: 'request',
      // S001-A 4.1.2.3.
      categories: [
        category('inquiryService', '咨询服务', 'Inquiry service'),
        category('basicService', '基础服务', 'Basic service'),
        category('specialService', '特约服务', 'Special service'),
        category('rental', '租务管理', 'Rental management'),
        category('customerDispute', '客户纠纷', 'Dispute between customers'),
        category('developer', '开发板块', 'Developer business'),
        category('other', '其它', 'Other'),
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
    'suggestionBox',
    'media',
    'authorityReferral',
    'other',
  ]),
  // What statistics count by (S001-A 4.5 rule 3): the causes found, not the subject at intake.
  finalCauses: [
    category('repairDelay', '维修不及时', 'Repairs not timely'),
    category('serviceAttitude', '服务态度', 'Staff attitude'),
    category('serviceProcess', '服务流程不规范', 'Service procedure not followed'),
    category('equipmentFault', '设施设备故障', 'Facility or equipment fault'),
    category('security', '安全管理', 'Security management'),
    category('sanitation', '环境卫生', 'Cleaning and sanitation'),
    category('feeDispute', '收费争议', 'Fee dispute'),
    category('developerLegacy', '开发遗留问题', "Developer's legacy issues"),
    category('neighbourDispute', '客户间纠纷', 'Dispute between customers'),
    category('misunderstanding', '客户误解', 'Customer misunderstanding'),
    category('other', '其他', 'Other'),
  ],
  deadlines: {
    // S001-A 4.2.2: 5 working days from the day of intake, 15 from the escalation.
    handling: [
      // A complaint registered as major at intake gets what an escalation to major gives.
      { kindIds: ['complaint'], levelIds: ['major'], deadline: workingDays(15) },
      { kindIds: ['complaint'], deadline: workingDays(5) },
      { kindIds: ['request'], deadline: workingDays(5) },
    ],
    escalated: workingDays(15),
    // S001-A 4.3: complaints within 24 h of completion, requests within 72 h.
    followUp: [
      { kindIds: ['complaint'], deadline: clockHours(24) },
      { kindIds: ['request'], deadline: clockHours(72) },
    ],
  },
  // S001-A 4.1.2.1: media or lawsuit, possible group lawsuit, 2,000 yuan or more (含2000元),
  // or a general complaint past its deadline without a final solution.
  levelRules: [
    {
      levelId: 'major',
      kindIds: ['complaint'],
      anyOf: [
        { type: 'flag', flag: 'media' },
        { type: 'flag', flag: 'lawsuit' },
        { type: 'flag', flag: 'groupDispute' },
        { type: 'amountAtLeast', fen: fenFromYuan(2000) },
        { type: 'overdue', kindClass: 'complaint' },
      ],
    },
  ],
  // S001-A 4.3.
  followUp: {
    alwaysForClasses: ['complaint'],
    sampleRateSatisfied: 0.15,
    // "不完全满意(未达到5分、"三好"评价)": only 5 out of 5 is satisfied.
    scale: { min: 1, max: 5, satisfiedAtLeast: 5 },
    questions: [
      text('服务质量的评价', 'Rating of the quality of service'),
      text('服务效果的评价', 'Rating of the effect of the service'),
      text('客户的满意程度评价', "Customer's satisfaction"),
      text('缺点与不足评价', 'Shortcomings'),
      text('客户的建议', "Customer's suggestions"),
    ],
    methods: ['phone', 'visit'],
    // Visits >= 80% for complaints and unsatisfied requests (>= 20% for satisfied requests).
    visitTarget: 0.8,
  },
  numbering: DEFAULT_NUMBERING,
  // The register of S001-A annex 4.
  terms: {
    customer: text('客户', 'Customer'),
    room: text('客户房号', 'Room no.'),
    handler: text('处理人/接单人', 'Handler'),
    caseNoun: text('投诉/需求', 'Complaint or request'),
    registerTitle: text('客户投诉/需求登记表', 'Customer complaint and request register'),
  },
  // S001-A 4.1.1.2: an invalid complaint is handled and counted as a request.
  invalidComplaintBecomesKindId: 'request',
  referrals: [],
  // S001-A 4.5: the 25th of the previous month to the 24th.
  reportPeriodStartDay: 25,
};
