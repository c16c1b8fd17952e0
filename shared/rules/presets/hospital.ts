/**
 * Hospital patient-relations office (医患关系办公室, 医患办), after the hospital's
 * 服务态度投诉管理办法 (S004-A): first contact is responsible, all channels lead to one office
 * (首问负责，多口归一); levels 1-3 are confirmed at the month-end analysis meeting.
 */
import type { DeskRules } from '../rules';
import {
  DEFAULT_NUMBERING,
  SAME_WORKING_DAY,
  category,
  channelsOf,
  text,
  workingDays,
} from './common';

export const HOSPITAL_PRESET: DeskRules = {
  presetId: 'hospital',
  name: text('医患关系办公室', 'Patient-relations office'),
  // The kind a new intake starts at: the office handles complaints.
  defaultKindId: 'complaint',
  kinds: [
    {
      id: 'complaint',
      label: text('投诉', 'Complaint'),
      class: 'complaint',
      // S004-A is about service attitude; the office also registers medical disputes and the
      // fee questions it handles on the spot (S004-A triage).
      categories: [
        category('serviceAttitude', '服务态度', 'Service attitude', [
          category('poorAttitude', '态度生硬', 'Rude or cold manner'),
          category('poorCommunication', '沟通不良', 'Poor communication'),
          category('procedureBreach', '违反工作程序', 'Breach of procedure'),
        ]),
        category('medicalDispute', '医疗纠纷', 'Medical dispute', [
          category('treatmentQuality', '诊疗质量', 'Quality of diagnosis and treatment'),
          category('nursingQuality', '护理质量', 'Quality of nursing'),
          category('medicalAccident', '医疗事故争议', 'Medical-accident dispute'),
        ]),
        category('fees', '收费', 'Fees', [
          category('feeQuestion', '收费疑问', 'Question about a charge'),
          category('priceDispute', '价格争议', 'Price dispute'),
        ]),
        category('other', '其他', 'Other', [
          category('delayedExamination', '检查延误', 'Delayed examination'),
          category('waitingTime', '候诊时间过长', 'Long waiting time'),
          category('facilities', '就医环境与设施', 'Facilities and environment'),
        ]),
      ],
    },
  ],
  // S004-A 第十七条; rank 3 is the most serious.
  levels: [
    { id: 'level1', label: text('一级', 'Level 1'), rank: 3 },
    { id: 'level2', label: text('二级', 'Level 2'), rank: 2 },
    { id: 'level3', label: text('三级', 'Level 3'), rank: 1 },
  ],
  channels: channelsOf([
    'walkIn',
    'phone',
    'letter',
    'email',
    'website',
    'dischargeFollowUp',
    'suggestionBox',
    'media',
    'authorityReferral',
    'other',
  ]),
  finalCauses: [
    category('serviceAttitude', '服务态度欠佳', 'Poor service attitude'),
    category('communication', '医患沟通不足', 'Poor doctor-patient communication'),
    category('procedureBreach', '违反工作程序或制度', 'Breach of procedure or rules'),
    category('treatmentQuality', '诊疗技术与质量', 'Diagnosis and treatment'),
    category('nursingQuality', '护理质量', 'Nursing'),
    category('fees', '收费问题', 'Fees'),
    category('waiting', '等候时间过长', 'Long waits'),
    category('facilities', '就医环境与设施', 'Facilities and environment'),
    category('misunderstanding', '患方误解', "Patient's misunderstanding"),
    category('other', '其他', 'Other'),
  ],
  deadlines: {
    // S004-A 第十一条: a reply within 2 working days; up to 5 more with the leader's approval.
    handling: [{ deadline: workingDays(2) }],
    // No escalation in S004-A; a high-impact case gets the longest extension allowed.
    escalated: workingDays(5),
    // S004-A 第九条: handed over and accepted the same day (当日交办、当日受理).
    dispatch: SAME_WORKING_DAY,
    // S004-A names no follow-up limit; 3 working days after the reply, like the hotline.
    followUp: [{ deadline: workingDays(3) }],
    maxExtension: workingDays(5),
  },
  // Level 1: complained to higher authorities or the media (S004-A 第十七条); levels 2 and 3
  // depend on where it was reported and are set by hand.
  levelRules: [
    { levelId: 'level1', kindIds: ['complaint'], anyOf: [{ type: 'flag', flag: 'media' }] },
  ],
  followUp: {
    alwaysForClasses: ['complaint'],
    sampleRateSatisfied: 0,
    scale: { min: 1, max: 5, satisfiedAtLeast: 4 },
    questions: [
      text('科室是否已与您沟通并答复？', 'Has the department talked to you and replied?'),
      text('您对处理结果是否满意？', 'Are you satisfied with the result?'),
      text('您现在对医务人员的服务态度如何评价？', "How do you now rate the staff's attitude?"),
      text('您还有什么意见或建议？', 'Do you have any other comments or suggestions?'),
    ],
    methods: ['phone', 'visit'],
  },
  numbering: DEFAULT_NUMBERING,
  terms: {
    customer: text('投诉人', 'Complainant'),
    room: text('住址/床号', 'Address or bed'),
    handler: text('责任科室', 'Responsible department'),
    caseNoun: text('投诉', 'Complaint'),
    registerTitle: text('投诉登记表', 'Complaint register'),
  },
  referrals: [],
  // Calendar months: the analysis meeting is held at each month end (S004-A 第十八条).
  reportPeriodStartDay: 1,
};
