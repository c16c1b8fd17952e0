/**
 * Chinese texts for the generated property-management desk: topics (with the property preset's
 * categories, the unit that handles them and the cause found), people and addresses. Templates
 * take `{b}` (building), `{room}`, `{floor}`, `{when}`, `{n}` and `{spot}`, filled per case so
 * that texts (and their search pieces) vary the way a real register does.
 */

export interface Topic {
  readonly kindId: 'complaint' | 'request';
  readonly categoryId: string;
  /** Index into `UNITS`. */
  readonly unit: number;
  readonly finalCauseId: string;
  /** How often the topic comes up, relative to the others. */
  readonly weight: number;
  readonly subjects: readonly string[];
  readonly contents: readonly string[];
  readonly demands: readonly string[];
  readonly replies: readonly string[];
}

export const UNITS = [
  '工程部',
  '客服中心',
  '秩序维护部',
  '环境管理部',
  '财务部',
  '绿化组',
  '装修管理组',
] as const;

export const HANDLERS = ['李强', '赵刚', '周明', '吴磊', '郑海', '孙涛', '冯军', '陈静'] as const;

export const CLERKS = ['王丽', '刘芳', '杨洋', '黄敏', '何琳'] as const;

export const TOPICS: readonly Topic[] = [
  {
    kindId: 'complaint',
    categoryId: 'lift',
    unit: 0,
    finalCauseId: 'equipmentFault',
    weight: 12,
    subjects: [
      '{b}号楼电梯故障停运',
      '{b}号楼电梯困人',
      '电梯异响运行不稳',
      '{b}号楼电梯经常停在{floor}楼不动',
    ],
    contents: [
      '{when}{b}号楼{n}号电梯突然停运，家里有老人，上下楼非常困难。',
      '电梯运行时有明显异响和抖动，{when}又被困了十几分钟，物业很久才来人。',
      '{b}号楼电梯门关不严，按钮失灵，已经反映过多次没有修好。',
    ],
    demands: ['尽快修复电梯', '请彻底检修电梯并给出说明', '要求物业书面答复电梯维保情况'],
    replies: ['已更换电梯控制板，电梯恢复运行', '已联系维保单位检修，更换门机皮带'],
  },
  {
    kindId: 'complaint',
    categoryId: 'waterDrainage',
    unit: 0,
    finalCauseId: 'repairDelay',
    weight: 12,
    subjects: [
      '{room}卫生间漏水',
      '楼上漏水到{room}',
      '{b}号楼地下室管道漏水',
      '厨房下水道堵塞反水',
    ],
    contents: [
      '{when}发现{room}卫生间天花板漏水，怀疑是楼上防水层损坏，墙面已经发霉。',
      '楼上住户装修后我家{room}吊顶一直滴水，找过楼上业主没有回应。',
      '{b}号楼地下室水管破裂漏水，车库积水{n}厘米，车辆无法进出。',
    ],
    demands: ['尽快查明漏水原因并维修', '请物业协调楼上业主处理漏水', '赔偿墙面和吊顶损失'],
    replies: ['已更换破裂水管，漏水停止', '已协调楼上业主重做防水，漏水已处理'],
  },
  {
    kindId: 'complaint',
    categoryId: 'renovation',
    unit: 6,
    finalCauseId: 'neighbourDispute',
    weight: 8,
    subjects: ['{room}装修噪音扰民', '周末装修噪音太大', '夜间施工噪音'],
    contents: [
      '{b}号楼有住户{when}还在电钻施工，噪音很大，影响休息。',
      '楼下装修每天早上七点就开始敲墙，孩子{when}没法上网课。',
      '邻居装修超过规定时间施工，多次提醒无效，噪音持续{n}天。',
    ],
    demands: ['要求物业制止违规施工', '请按装修管理规定限制施工时间'],
    replies: ['已上门告知装修户施工时间规定，装修户承诺整改', '已暂停违规施工并书面警告'],
  },
  {
    kindId: 'complaint',
    categoryId: 'vehiclesParking',
    unit: 2,
    finalCauseId: 'security',
    weight: 9,
    subjects: ['车位被占用', '{b}号楼门口乱停车', '地下车库停车收费不合理', '外来车辆占用消防通道'],
    contents: [
      '我的固定车位{when}又被外来车辆占用，保安没有处理。',
      '{b}号楼门口长期有车辆乱停，堵住了消防通道，存在安全隐患。',
      '停车场道闸经常失灵，{when}排队{n}分钟才能进入车库。',
    ],
    demands: ['请清理占用车位的车辆', '加强停车管理，保持消防通道畅通'],
    replies: ['已联系车主挪车，并加强巡查', '已在消防通道增设禁停标识和隔离桩'],
  },
  {
    kindId: 'complaint',
    categoryId: 'cleaning',
    unit: 3,
    finalCauseId: 'sanitation',
    weight: 8,
    subjects: ['{b}号楼楼道保洁不到位', '电梯间卫生差', '地下车库保洁差'],
    contents: [
      '{b}号楼楼道{n}天没有打扫，垃圾和灰尘很多，保洁不到位。',
      '电梯轿厢里有异味，地面污渍{when}都没有清理。',
      '保洁员只打扫一楼大堂，{floor}楼以上楼道长期无人清扫。',
    ],
    demands: ['要求按标准做好保洁', '请增加保洁频次'],
    replies: ['已安排保洁员每日两次清扫楼道', '已对保洁班组进行考核整改'],
  },
  {
    kindId: 'complaint',
    categoryId: 'fees',
    unit: 4,
    finalCauseId: 'feeDispute',
    weight: 7,
    subjects: ['物业费收费标准有异议', '物业费多收', '公摊水电费计算不清'],
    contents: [
      '本年度物业费比去年上涨，没有提前公示，收费标准有异议，共计{n}元。',
      '{room}已经按时缴纳物业费，系统仍显示欠费，{when}还收到催缴短信。',
      '公摊水电费计算方式不透明，要求公布明细。',
    ],
    demands: ['要求公示物业费收费依据', '核实缴费记录并撤销催缴', '退还多收的费用'],
    replies: ['已核实缴费记录，系统欠费已撤销', '已在公告栏公示收费标准和公摊明细'],
  },
  {
    kindId: 'complaint',
    categoryId: 'refuse',
    unit: 3,
    finalCauseId: 'sanitation',
    weight: 5,
    subjects: ['垃圾清运不及时', '{b}号楼垃圾桶满溢', '建筑垃圾堆放'],
    contents: [
      '{b}号楼垃圾桶{when}已经满溢，气味很大，没有及时清运。',
      '小区内建筑垃圾堆放{n}天无人清理，影响通行。',
    ],
    demands: ['请及时清运垃圾', '清理建筑垃圾并规范堆放点'],
    replies: ['已清运垃圾并调整清运时间', '已清理建筑垃圾，设置临时堆放点'],
  },
  {
    kindId: 'complaint',
    categoryId: 'serviceAttitude',
    unit: 1,
    finalCauseId: 'serviceAttitude',
    weight: 5,
    subjects: ['客服人员态度差', '保安态度恶劣', '维修人员服务态度不好'],
    contents: [
      '{when}到客服中心办理业务，工作人员态度冷淡，不耐烦。',
      '门岗保安说话粗鲁，不让访客进入，也不做解释。',
      '维修人员上门时间一拖再拖，态度敷衍，{n}次预约都没来。',
    ],
    demands: ['要求当事人道歉', '加强员工服务培训'],
    replies: ['已对当事员工批评教育并当面致歉', '已组织服务礼仪培训'],
  },
  {
    kindId: 'complaint',
    categoryId: 'lighting',
    unit: 0,
    finalCauseId: 'equipmentFault',
    weight: 4,
    subjects: ['{b}号楼楼道灯不亮', '小区路灯损坏', '地下车库照明不足'],
    contents: [
      '{b}号楼{floor}楼楼道灯{when}开始不亮，晚上回家看不见路。',
      '小区主干道路灯损坏{n}盏，夜间很黑存在安全隐患。',
    ],
    demands: ['尽快维修照明', '请检查全部公共照明'],
    replies: ['已更换楼道灯具', '已维修路灯并排查其他照明'],
  },
  {
    kindId: 'complaint',
    categoryId: 'hvac',
    unit: 0,
    finalCauseId: 'equipmentFault',
    weight: 4,
    subjects: ['{room}暖气不热', '供暖温度不达标', '中央空调不制冷'],
    contents: [
      '{room}室内温度只有{n}度，暖气片不热，家里有小孩。',
      '{when}开始中央空调不制冷，办公室温度过高。',
    ],
    demands: ['请检修供暖设备', '要求退还部分供暖费'],
    replies: ['已排气并调节阀门，室温达标', '已清洗空调主机滤网，恢复制冷'],
  },
  {
    kindId: 'complaint',
    categoryId: 'landscaping',
    unit: 5,
    finalCauseId: 'other',
    weight: 3,
    subjects: ['绿化带杂草丛生', '树木遮挡{room}采光', '草坪被踩踏无人管理'],
    contents: [
      '{b}号楼前绿化带杂草丛生，蚊虫很多。',
      '楼下树木长得太高，遮挡{room}采光，{when}申请修剪一直没有处理。',
    ],
    demands: ['请修剪树木', '加强绿化养护'],
    replies: ['已安排修剪树木', '已除草并补种草坪'],
  },
  {
    kindId: 'complaint',
    categoryId: 'visitors',
    unit: 2,
    finalCauseId: 'security',
    weight: 4,
    subjects: ['门禁形同虚设', '陌生人随意进出小区', '小区发生盗窃'],
    contents: [
      '小区门禁{when}坏了，外来人员随意进出，存在安全隐患。',
      '{b}号楼{when}发生电动车被盗，监控没有拍到，保安巡逻不到位。',
    ],
    demands: ['加强门岗管理', '调取监控并报警处理'],
    replies: ['已维修门禁并加强访客登记', '已配合派出所调取监控'],
  },
  {
    kindId: 'complaint',
    categoryId: 'illegalConstruction',
    unit: 6,
    finalCauseId: 'other',
    weight: 2,
    subjects: ['顶楼违章搭建', '{room}阳台违规外扩'],
    contents: [
      '{b}号楼顶楼住户违章搭建阳光房，占用公共屋面。',
      '{room}阳台违规外扩，影响楼下采光和安全。',
    ],
    demands: ['要求拆除违章搭建', '请物业上报城管处理'],
    replies: ['已下发整改通知书并上报城管', '业主已自行拆除违章部分'],
  },
  {
    kindId: 'request',
    categoryId: 'basicService',
    unit: 0,
    finalCauseId: 'other',
    weight: 10,
    subjects: ['{room}水龙头维修', '{room}入户门锁损坏', '更换{room}灯泡', '疏通{room}下水道'],
    contents: [
      '{room}厨房水龙头滴水，需要上门维修，{when}在家。',
      '{room}入户门锁损坏打不开，请尽快派人上门。',
      '{room}下水道堵塞，需要疏通。',
    ],
    demands: ['请安排上门维修', '{when}上门'],
    replies: ['已上门维修完毕', '已更换配件，业主确认'],
  },
  {
    kindId: 'request',
    categoryId: 'inquiryService',
    unit: 1,
    finalCauseId: 'misunderstanding',
    weight: 8,
    subjects: ['咨询物业费缴纳方式', '咨询装修申请流程', '咨询停车月卡办理', '咨询快递柜使用'],
    contents: [
      '业主来电咨询物业费可否线上缴纳，发票如何开具。',
      '业主咨询装修需要准备哪些材料，押金多少。',
      '咨询停车月卡怎么办理，每月{n}元是否可以优惠。',
    ],
    demands: ['告知办理流程', '请回电说明'],
    replies: ['已告知物业费缴纳方式', '已告知装修申请流程和所需材料'],
  },
  {
    kindId: 'request',
    categoryId: 'specialService',
    unit: 1,
    finalCauseId: 'other',
    weight: 3,
    subjects: ['预约家政保洁', '预约搬家车辆进场', '代收大件快递'],
    contents: [
      '业主预约{when}家政保洁服务，面积约{n}平方米。',
      '业主{when}搬家，需要车辆进入小区并使用货梯。',
    ],
    demands: ['按预约时间上门', '请安排货梯'],
    replies: ['已安排保洁员按时上门', '已登记搬家并预留货梯'],
  },
  {
    kindId: 'request',
    categoryId: 'customerDispute',
    unit: 2,
    finalCauseId: 'neighbourDispute',
    weight: 3,
    subjects: ['邻居宠物扰民', '楼上住户高空抛物', '邻居占用公共走廊'],
    contents: [
      '邻居家的狗{when}一直叫，影响休息，多次沟通无效。',
      '{b}号楼有住户在公共走廊堆放杂物{n}件，影响通行和消防安全。',
    ],
    demands: ['请物业协调邻居', '要求清理公共走廊杂物'],
    replies: ['已上门协调，邻居承诺注意', '已清理公共走廊杂物'],
  },
];

export const WHEN = [
  '昨天晚上',
  '今天上午',
  '今天下午',
  '前天',
  '最近一周',
  '连续三天',
  '周末',
  '本月以来',
];

export const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(
    '',
  );

export const GIVEN_NAMES = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
  '平',
  '刚',
  '桂英',
  '建华',
  '建国',
  '志强',
  '文',
  '婷',
  '浩',
  '宇',
  '欣怡',
  '子涵',
  '晨',
  '国庆',
  '海燕',
  '玉兰',
  '春梅',
  '小红',
  '俊杰',
  '思远',
  '雪',
  '梓涵',
  '一诺',
  '佳怡',
  '雨轩',
  '淑珍',
];

export const ESTATES = ['翠湖苑', '金域华府', '锦绣园', '滨江花园'] as const;

/** A channel drawn for a case: the property desk mostly hears by phone and at the counter. */
export const CHANNEL_WEIGHTS: readonly (readonly [string, number])[] = [
  ['phone', 55],
  ['walkIn', 20],
  ['social', 8],
  ['website', 5],
  ['letter', 3],
  ['email', 3],
  ['suggestionBox', 2],
  ['authorityReferral', 2],
  ['media', 1],
  ['other', 1],
];
