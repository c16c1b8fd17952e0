import type { Leaves } from '../../vocabulary/locale-kit';
import { vocabularyLocale } from '../../vocabulary/words';
import { registerLocale } from '../../features/register/locale';
import { customersLocale } from '../../features/customers/locale';
import { mattersLocale } from '../../features/matters/locale';
import { attachmentsLocale } from '../../features/attachments/locale';
import { intakeAsideLocale } from '../../features/intake/aside-locale';
import { intakeDraftLocale } from '../../features/intake/draft-locale';
import { intakePreviewLocale } from '../../features/intake/preview-locale';
import { hotlineLocale } from '../../features/hotline/locale';
import { printLocale } from '../../features/print/locale';
import { printFormsLocale } from '../../paper/locale';
import { knowledgeLocale } from '../../features/knowledge/locale';
import { settingsLocale } from '../../features/settings/locale';
import { securitySettingsLocale } from '../../features/settings/security/locale';
import { syncLocale } from '../../features/sync/locale';
import { auditLocale } from '../../features/settings/audit/locale';
import { followUpLocale } from '../../features/followup/locale';
import { homeLocale } from '../../features/home/locale';
import { backupLocale } from '../../features/backup/locale';
import { calendarSettingsLocale } from '../../features/settings/calendar/locale';
import { caseActionsLocale } from '../../features/case/locale';
import { caseScanLocale } from '../../features/case/scan-locale';
import { reportsLocale } from '../../features/reports/locale';
import { importLocale } from '../../features/import/locale';
import { exportSheetsLocale } from '../../export/locale';
import { accountsLocale } from '../../features/accounts/locale';
import { permissionLocale } from '../../vocabulary/permission-words';

/**
 * The product's words in Chinese: the source locale, and the default (DESIGN.md principle 5).
 * Features keep their own words in `features/<name>/locale.ts` (see vocabulary/locale-kit.ts) and are
 * mounted below under their key, in this file and in en.ts.
 */
export const zhCN = {
  app: {
    title: '投诉受理台',
    loading: '正在打开……',
    languageSwitch: 'English',
    languageSwitchLabel: '切换语言',
    operator: '操作员：{{name}}',
    storageNotPersisted:
      '浏览器未允许持久保存，磁盘空间不足时本台数据可能被清除。请现在备份一次，此后每天下班前备份，并把备份文件存到本机以外（如 U 盘）。',
    startFailed: '受理台无法打开本地数据库。{{reason}}',
    startRetry: '重新加载',
    upgradedBanner: '受理台已在另一个窗口中更新，本窗口已停止保存。请重新加载本窗口。',
  },
  nav: {
    label: '主菜单',
    intake: '受理登记',
    register: '登记表',
    reports: '统计报表',
    import: '导入登记表',
  },
  setup: {
    title: '首次设置',
    intro:
      '欢迎使用投诉受理台。请填写本机构和受理台的名称，选择最接近本单位制度的预置方案（类型、类别、级别、期限和回访规则，以后可以修改），并登记第一位操作员。',
    organisationName: '机构名称',
    deskName: '受理台名称',
    deskCode: '受理台代码',
    deskCodeHelp: '多个受理台同步时加在编号前，例如 A01（可不填）',
    preset: '预置方案',
    presetSummary: '类型：{{kinds}}',
    operatorName: '操作员姓名',
    submit: '开始使用',
    saving: '正在保存……',
    failed: '设置未能保存：{{reason}}',
    errors: {
      required: '请填写此项',
      tooLong: '不能超过 {{max}} 个字',
      badDeskCode: '只能使用字母和数字，最多 6 位',
    },
  },
  intake: {
    title: '受理登记',
    customerSection: '客户信息',
    caseSection: '诉求信息',
    customerName: '{{customer}}姓名',
    phone: '联系电话',
    address: '{{room}}',
    organisation: '工作单位',
    channel: '受理渠道',
    kind: '类型',
    category: '类别',
    categoryNone: '（未分类）',
    level: '级别',
    subject: '主题',
    subjectHelp: '一句话概括诉求，必填',
    content: '诉求内容',
    contentHelp: '时间、地点、涉及人员和经过',
    demand: '客户要求',
    amount: '涉及金额（元）',
    flags: '标记',
    receivedAt: '受理时间',
    receivedAtHelp: '已填为现在；Alt+T 修改',
    save: '保存',
    saveHint: 'Ctrl+Enter 保存',
    saving: '正在保存……',
    clear: '清空',
    saved: '已登记，编号 {{number}}',
    openCase: '查看',
    deadlinePreview: '处理期限：{{due}}',
    deadlineNone: '本类型无处理期限',
    fixErrors: '请先改正标红的项目，登记尚未保存。',
    saveFailed: '登记未能保存，已填写的内容仍在表单中并留作草稿（重新加载后仍在）：{{reason}}',
    errors: {
      required: '请填写主题：至少用一句话说明诉求',
      tooLong: '不能超过 {{max}} 个字（现有 {{length}} 个字），请精简',
      invalidPhone: '电话号码格式不正确（只能包含数字、空格、括号、加号和短横线）',
      invalidAmount: '金额格式不正确，例如 2000 或 1999.50',
      invalidTime: '请填写完整的受理日期和时间',
      inFuture: '受理时间不能晚于现在',
      unknownOption: '请从列表中选择',
    },
    notices: {
      missingName: '未填写姓名，可稍后补充',
      missingPhone: '未填写电话，将无法回访',
      missingAddress: '未填写地址或房号',
      bidiControls:
        '含有改变文字方向的隐藏字符（如 U+202E），显示和打印时以 ⟨U+202E⟩ 标出；请核对是否为客户所报内容',
    },
  },
  register: registerLocale.zh,
  case: {
    notFound: '找不到这件投诉或需求，可能编号有误。',
    masked: '这是一件保密的投诉或需求，您的岗位不能查看其内容。此次查看已记入审计日志。',
    back: '返回登记表',
    fields: '基本信息',
    timeline: '办理记录',
    customer: '客户',
    phone: '联系电话',
    address: '地址/房号',
    channel: '受理渠道',
    kind: '类型',
    category: '类别',
    level: '级别',
    subject: '主题',
    content: '诉求内容',
    demand: '客户要求',
    amount: '涉及金额',
    amountValue: '{{yuan}} 元',
    flags: '标记',
    receivedAt: '受理时间',
    receiver: '受理人',
    status: '状态',
    deadline: '处理期限',
    unit: '承办单位',
    handler: '处理人',
    none: '—',
    by: '{{name}}',
  },
  deadline: {
    due: '{{date}} 前',
    remainingDays_one: '剩余 {{count}} 个工作日',
    remainingDays_other: '剩余 {{count}} 个工作日',
    remainingHours: '剩余 {{hours}} 个工作小时',
    dueSoon: '即将到期',
    overdue: '已超期',
    overdueDays_one: '超期 {{count}} 个工作日',
    overdueDays_other: '超期 {{count}} 个工作日',
    overdueHours: '超期 {{hours}} 个工作小时',
    exempt: '不受时限限制',
    exemptWithReason: '不受时限限制：{{reason}}',
    none: '—',
    noCalendarData:
      '{{years}} 年没有官方节假日数据，此期限只扣除了周末，请核对；管理员可在设置中补充该年的节假日。',
  },
  ...vocabularyLocale.zh,
  bridge: {
    'untrusted-sender': '请求不是来自受理台本身，已拒绝。',
    'invalid-request': '请求内容无效，未执行（这是程序错误，请联系维护人员）。',
    'print-in-progress': '上一份打印尚未完成，请稍候再试；不会重复打印。',
    'fonts-not-ready': '字体尚未加载完成，为免乱码未打印，请稍后重试。',
    'print-failed': '打印失败：请检查打印机是否联机、纸张是否充足。',
    'pdf-failed': '无法生成 PDF，请重试。',
    'write-denied': '无法写入所选位置：文件夹只读、没有权限，或文件正被其他程序打开。',
    'disk-full': '磁盘空间不足，文件未保存。',
    'write-failed': '文件未能保存，请换一个位置重试。',
    'install-failed': '无法启动安装程序：请检查安装文件是否完整、是否有权限运行。',
    'internal-error': '发生意外错误，操作未完成。',
  },
  errors: {
    quotaExceeded:
      '存储空间不足，本次保存已整体撤销，什么也没有写入，表单中的内容仍在。请清理磁盘空间（或导出备份后删除旧数据）再重试。',
    unavailable:
      '无法使用本地数据库（浏览器禁止或不支持 IndexedDB，例如隐私窗口），数据未保存。请用普通窗口或桌面版打开受理台。',
    blocked: '另一个受理台窗口正在使用旧版本的数据库，本窗口需等它关闭。请关闭其他受理台窗口。',
    upgradedElsewhere:
      '本窗口与数据库的连接已关闭（受理台多半已在另一个窗口中更新），本窗口不能再保存，什么也没有写入。请重新加载本窗口。',
    transactionFailed:
      '保存被浏览器中断，已整体撤销，什么也没有写入，表单中的内容仍在。请重试；如再次出现，请重启受理台。',
    notFound: '记录不存在，可能已被其他窗口修改。',
    duplicateNumber: '编号重复，数据未保存。请重试；如再次出现，请检查编号规则。',
    alreadySetUp: '此受理台已经设置过。',
    changeRefused: '修改不符合规则，未保存，请按表单中的提示修改后重试。',
    unknown: '发生意外错误，数据未保存（参考：{{ref}}）。',
  },
  followUp: followUpLocale.zh,
  home: homeLocale.zh,
  backup: backupLocale.zh,
  calendarSettings: calendarSettingsLocale.zh,
  caseActions: caseActionsLocale.zh,
  caseScan: caseScanLocale.zh,
  settings: settingsLocale.zh,
  securitySettings: securitySettingsLocale.zh,
  sync: syncLocale.zh,
  audit: auditLocale.zh,
  knowledge: knowledgeLocale.zh,
  hotline: hotlineLocale.zh,
  print: printLocale.zh,
  printForms: printFormsLocale.zh,
  customers: customersLocale.zh,
  matters: mattersLocale.zh,
  attachments: attachmentsLocale.zh,
  intakeAside: intakeAsideLocale.zh,
  intakeDraft: intakeDraftLocale.zh,
  intakePreview: intakePreviewLocale.zh,
  reports: reportsLocale.zh,
  import: importLocale.zh,
  exportSheets: exportSheetsLocale.zh,
  accounts: accountsLocale.zh,
  permission: permissionLocale.zh,
};

/** Every locale has exactly the keys of the Chinese source. */
export type LocaleResource = Leaves<typeof zhCN>;
