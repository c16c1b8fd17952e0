import type { LocaleResource } from './zh-CN';
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

/** The product's words in English, the second locale. */
export const en: LocaleResource = {
  app: {
    title: 'Complaint Desk',
    loading: 'Opening…',
    languageSwitch: '中文',
    languageSwitchLabel: 'Switch language',
    operator: 'Operator: {{name}}',
    storageNotPersisted:
      'This computer may delete the desk’s data when its disk runs low (the browser did not grant persistent storage). Make a backup now, then one at the end of every working day, and keep it off this computer.',
    startFailed: 'The desk could not open its local database. {{reason}}',
    startRetry: 'Reload',
    upgradedBanner:
      'The desk was updated in another window; this window has stopped saving. Reload this window.',
  },
  nav: {
    label: 'Main menu',
    intake: 'New case',
    register: 'Register',
    reports: 'Reports',
    import: 'Import register',
  },
  setup: {
    title: 'First-run setup',
    intro:
      'Welcome. Enter the names of your organisation and of this desk, choose the preset closest to your regulations (kinds, categories, levels, deadlines and follow-up rules, all editable later), and register the first operator.',
    organisationName: 'Organisation name',
    deskName: 'Desk name',
    deskCode: 'Desk code',
    deskCodeHelp: 'Prefixes case numbers when several desks sync, e.g. A01 (optional)',
    preset: 'Preset',
    presetSummary: 'Kinds: {{kinds}}',
    operatorName: 'Operator name',
    submit: 'Start',
    saving: 'Saving…',
    failed: 'Setup was not saved: {{reason}}',
    errors: {
      required: 'Please fill this in',
      tooLong: 'At most {{max}} characters',
      badDeskCode: 'Letters and digits only, at most 6',
    },
  },
  intake: {
    title: 'New case',
    customerSection: 'Customer',
    caseSection: 'Complaint or request',
    customerName: '{{customer}} name',
    phone: 'Phone',
    address: '{{room}}',
    organisation: 'Organisation',
    channel: 'Channel',
    kind: 'Kind',
    category: 'Category',
    categoryNone: '(not classified)',
    level: 'Level',
    subject: 'Subject',
    subjectHelp: 'One sentence saying what it is about; required',
    content: 'Details',
    contentHelp: 'Time, place, people involved and what happened',
    demand: "Customer's demand",
    amount: 'Amount involved (yuan)',
    flags: 'Flags',
    receivedAt: 'Received at',
    receivedAtHelp: 'Prefilled with now; Alt+T to change',
    save: 'Save',
    saveHint: 'Ctrl+Enter saves',
    saving: 'Saving…',
    clear: 'Clear',
    saved: 'Registered as number {{number}}',
    openCase: 'Open',
    deadlinePreview: 'Handling deadline: {{due}}',
    deadlineNone: 'No handling deadline for this kind',
    fixErrors: 'Correct the fields marked in red; nothing has been saved yet.',
    saveFailed:
      'The case was not saved; what you typed is still in the form and kept as a draft (it survives a reload): {{reason}}',
    errors: {
      required: 'Enter a subject: at least one sentence saying what it is about',
      tooLong: 'At most {{max}} characters ({{length}} now); please shorten it',
      invalidPhone: 'Not a phone number (digits, spaces, brackets, + and - only)',
      invalidAmount: 'Not an amount, e.g. 2000 or 1999.50',
      invalidTime: 'Enter the full date and time of receipt',
      inFuture: 'The received time cannot be later than now',
      unknownOption: 'Choose from the list',
    },
    notices: {
      missingName: 'No name yet; it can be added later',
      missingPhone: 'No phone: the follow-up call will not be possible',
      missingAddress: 'No address or room number',
      bidiControls:
        'Contains hidden characters that change the direction of text (such as U+202E); screens and printouts show them as ⟨U+202E⟩. Check this is what the customer gave',
    },
  },
  register: registerLocale.en,
  case: {
    notFound: 'This complaint or request cannot be found; the number may be wrong.',
    masked:
      'This complaint or request is confidential: your role may not read it. This view is recorded in the audit log.',
    back: 'Back to the register',
    fields: 'Details',
    timeline: 'History',
    customer: 'Customer',
    phone: 'Phone',
    address: 'Address or room',
    channel: 'Channel',
    kind: 'Kind',
    category: 'Category',
    level: 'Level',
    subject: 'Subject',
    content: 'Details',
    demand: "Customer's demand",
    amount: 'Amount involved',
    amountValue: '{{yuan}} yuan',
    flags: 'Flags',
    receivedAt: 'Received at',
    receiver: 'Received by',
    status: 'Status',
    deadline: 'Deadline',
    unit: 'Handling unit',
    handler: 'Handler',
    none: '—',
    by: '{{name}}',
  },
  deadline: {
    due: 'by {{date}}',
    remainingDays_one: '{{count}} working day left',
    remainingDays_other: '{{count}} working days left',
    remainingHours: '{{hours}} working hours left',
    dueSoon: 'Due soon',
    overdue: 'Overdue',
    overdueDays_one: '{{count}} working day late',
    overdueDays_other: '{{count}} working days late',
    overdueHours: '{{hours}} working hours late',
    exempt: 'Exempt from the deadline',
    exemptWithReason: 'Exempt from the deadline: {{reason}}',
    none: '—',
    noCalendarData:
      'No official holiday data for {{years}}: this deadline skips weekends only; check it. An administrator can add that year’s holidays in settings.',
  },
  ...vocabularyLocale.en,
  bridge: {
    'untrusted-sender': 'The request did not come from the desk itself and was refused.',
    'invalid-request':
      'The request was invalid and nothing was done (a program error: contact support).',
    'print-in-progress':
      'The previous print has not finished; try again shortly. Nothing is printed twice.',
    'fonts-not-ready':
      'The fonts have not finished loading; nothing was printed to avoid garbled text. Try again.',
    'print-failed': 'Printing failed: check that the printer is online and has paper.',
    'pdf-failed': 'The PDF could not be made; try again.',
    'write-denied':
      'Cannot write there: the folder is read-only, access is denied, or the file is open elsewhere.',
    'disk-full': 'The disk is full; the file was not saved.',
    'write-failed': 'The file was not saved; try another location.',
    'install-failed':
      'The installer could not be started: check the file is complete and may be run.',
    'internal-error': 'Something unexpected happened; the action did not complete.',
  },
  errors: {
    quotaExceeded:
      'Out of storage space: the save was undone as a whole and nothing was written; what the form holds is still there. Free disk space (or back up and remove old data), then try again.',
    unavailable:
      'The local database cannot be used (the browser forbids or lacks IndexedDB, as a private window does); nothing was saved. Open the desk in a normal window or the desktop application.',
    blocked:
      'Another window of the desk holds an older version of the database; this window must wait until it closes. Close the other windows of the desk.',
    upgradedElsewhere:
      'This window’s connection to the database was closed (the desk was most likely updated in another window); it can no longer save and nothing was written. Reload this window.',
    transactionFailed:
      'The browser interrupted the save: it was undone as a whole and nothing was written; what the form holds is still there. Try again; if it happens again, restart the desk.',
    notFound: 'The record does not exist; another window may have changed it.',
    duplicateNumber:
      'Duplicate case number; nothing was saved. Try again; if it happens again, check the numbering pattern.',
    alreadySetUp: 'This desk is already set up.',
    changeRefused:
      'The change breaks a rule and was not saved; correct it as the form says and try again.',
    unknown: 'Something unexpected happened; nothing was saved (ref: {{ref}}).',
  },
  followUp: followUpLocale.en,
  home: homeLocale.en,
  backup: backupLocale.en,
  calendarSettings: calendarSettingsLocale.en,
  caseActions: caseActionsLocale.en,
  caseScan: caseScanLocale.en,
  settings: settingsLocale.en,
  securitySettings: securitySettingsLocale.en,
  sync: syncLocale.en,
  audit: auditLocale.en,
  knowledge: knowledgeLocale.en,
  hotline: hotlineLocale.en,
  print: printLocale.en,
  printForms: printFormsLocale.en,
  customers: customersLocale.en,
  matters: mattersLocale.en,
  attachments: attachmentsLocale.en,
  intakeAside: intakeAsideLocale.en,
  intakeDraft: intakeDraftLocale.en,
  intakePreview: intakePreviewLocale.en,
  reports: reportsLocale.en,
  import: importLocale.en,
  exportSheets: exportSheetsLocale.en,
  accounts: accountsLocale.en,
  permission: permissionLocale.en,
};
