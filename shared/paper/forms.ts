/**
 * The printed forms (DOMAIN.md section 7): which forms each preset has, their titles in the
 * preset's words, who signs them, their paper orientation and the printable area of the page.
 * The seeds name these forms but give columns only for the register; the other layouts are ours,
 * in the style of the register.
 */
import type { PageMargins } from '../platform/bridge';
import type { DeskRules, LocalizedText, PresetId } from '../rules/rules';
import type { PaperSize, PrintOrientation, PrintSettings, SignatureRole } from './settings';

export type PrintFormId =
  /** 登记表: the cases received in a date range (S001-A annex 4). */
  | 'register'
  /** 交办单 / 派工单 / 客户投诉信息反馈单: one case handed to a unit. */
  | 'dispatch'
  /** 服务态度投诉交办单 (hospital, S004-A 第九条): the hospital's dispatch sheet. */
  | 'handover'
  /** 服务态度投诉处理通知单 (hospital, S004-A 第十六条): the finding sent to the department. */
  | 'handlingNotice'
  /** 处理单 / 处理登记表: one case with its whole history. */
  | 'handlingRecord'
  /** 回访记录表: the follow-ups of a day, with blank result columns. */
  | 'followUpSheet'
  /** 内部评审表 (S001-A 6.6): the internal review of an escalated case. */
  | 'reviewRecord'
  /** 月报表 (S001-A 4.5). */
  | 'monthlyReport';

export const PRINT_FORM_IDS: readonly PrintFormId[] = [
  'register',
  'dispatch',
  'handover',
  'handlingNotice',
  'handlingRecord',
  'followUpSheet',
  'reviewRecord',
  'monthlyReport',
];

/** Forms about one case: printing one appends `case/printed` to the case. */
export type CaseFormId =
  'dispatch' | 'handover' | 'handlingNotice' | 'handlingRecord' | 'reviewRecord';

const CASE_FORMS: readonly CaseFormId[] = [
  'dispatch',
  'handover',
  'handlingNotice',
  'handlingRecord',
  'reviewRecord',
];

export function isPrintFormId(value: string): value is PrintFormId {
  return (PRINT_FORM_IDS as readonly string[]).includes(value);
}

export function isCaseForm(form: PrintFormId): form is CaseFormId {
  return (CASE_FORMS as readonly string[]).includes(form);
}

const t = (zh: string, en: string): LocalizedText => ({ zh, en });

/**
 * Titles per preset where a preset has the form; the register's title is the desk's own
 * (`rules.terms.registerTitle`, editable with the rules).
 */
const TITLES: {
  readonly [P in PresetId]: Readonly<
    Partial<Record<Exclude<PrintFormId, 'register'>, LocalizedText>>
  >;
} = {
  property: {
    dispatch: t('客户投诉/需求派工单', 'Complaint and request work order'),
    handlingRecord: t('客户投诉/需求处理单', 'Complaint and request handling record'),
    followUpSheet: t('客户回访记录表', 'Customer follow-up sheet'),
    reviewRecord: t('客户投诉解决方案内部评审表', 'Internal review of a complaint solution'),
    monthlyReport: t('客户投诉/需求信息月报表', 'Monthly complaint and request report'),
  },
  hotline: {
    dispatch: t('市民服务热线工单交办单', 'Hotline work order'),
    handlingRecord: t('市民服务热线工单办理记录', 'Hotline work order record'),
    followUpSheet: t('来电回访记录表', 'Caller follow-up sheet'),
    reviewRecord: t('疑难工单处理方案内部评审表', 'Internal review of a difficult work order'),
    monthlyReport: t('市民服务热线来电情况月报表', 'Monthly hotline report'),
  },
  hospital: {
    handover: t('服务态度投诉交办单', 'Service-attitude complaint hand-over sheet'),
    handlingNotice: t('服务态度投诉处理通知单', 'Service-attitude complaint handling notice'),
    handlingRecord: t('投诉处理记录单', 'Complaint handling record'),
    followUpSheet: t('投诉回访记录表', 'Complaint follow-up sheet'),
    reviewRecord: t('投诉处理方案内部评审表', 'Internal review of a complaint solution'),
    monthlyReport: t('投诉情况月报表', 'Monthly complaint report'),
  },
  company: {
    dispatch: t('客户投诉信息反馈单', 'Customer complaint feedback slip'),
    handlingRecord: t('客户投诉处理单', 'Customer complaint handling record'),
    followUpSheet: t('客户回访记录表', 'Customer follow-up sheet'),
    reviewRecord: t('客户投诉解决方案内部评审表', 'Internal review of a complaint solution'),
    monthlyReport: t('客户投诉月报表', 'Monthly customer complaint report'),
  },
};

/** The forms a preset prints, in the order a print menu lists them. */
export function printFormsOf(presetId: PresetId): PrintFormId[] {
  const titled = TITLES[presetId];
  return PRINT_FORM_IDS.filter((form) => form === 'register' || titled[form] !== undefined);
}

/** The sheet a case is handed to its unit on: the hospital's hand-over sheet, else the dispatch sheet. */
export function printDispatchFormOf(presetId: PresetId): 'dispatch' | 'handover' {
  return TITLES[presetId].handover ? 'handover' : 'dispatch';
}

/** The case forms a preset prints (the menu on a case's page). */
export function printCaseFormsOf(presetId: PresetId): CaseFormId[] {
  return printFormsOf(presetId).filter(isCaseForm);
}

/**
 * A form's title in the preset's words. A form the preset does not have takes the property
 * preset's title (the regulation the forms come from), so a desk that changed its rules still
 * prints something sensible.
 */
export function printFormTitle(
  rules: Pick<DeskRules, 'presetId' | 'terms'>,
  form: PrintFormId,
): LocalizedText {
  if (form === 'register') return rules.terms.registerTitle;
  return (
    TITLES[rules.presetId][form] ??
    TITLES.property[form] ??
    TITLES.hospital[form] ??
    t('表单', 'Form')
  );
}

/** Who signs each form, in the order the lines are printed. */
const SIGNATURES: { readonly [F in PrintFormId]: readonly SignatureRole[] } = {
  register: ['preparer', 'approver'],
  dispatch: ['dispatcher', 'recipient', 'unitHead'],
  handover: ['dispatcher', 'recipient', 'unitHead'],
  handlingNotice: ['handler', 'unitHead', 'leader'],
  handlingRecord: ['handler', 'unitHead', 'approver'],
  followUpSheet: ['followUpCaller', 'approver'],
  reviewRecord: ['reviewer', 'approver'],
  monthlyReport: ['preparer', 'approver'],
};

/** The signature lines a form prints under the desk's settings. */
export function printSignatureRoles(
  form: PrintFormId,
  settings: Pick<PrintSettings, 'signatures'>,
): SignatureRole[] {
  return SIGNATURES[form].filter((role) => settings.signatures[role]);
}

/** Every role a form may print, whatever the settings (for the settings screen). */
export function printSignatureRolesAll(form: PrintFormId): readonly SignatureRole[] {
  return SIGNATURES[form];
}

/** The list forms follow the desk's choice; a case form is always portrait. */
export function printFormOrientation(
  form: PrintFormId,
  settings: Pick<PrintSettings, 'orientation'>,
): PrintOrientation {
  switch (form) {
    case 'register':
    case 'followUpSheet':
    case 'monthlyReport':
      return settings.orientation[form];
    default:
      return 'portrait';
  }
}

/** The register follows the desk's choice of paper; every other form prints on A4. */
export function printFormPaper(
  form: PrintFormId,
  settings: Pick<PrintSettings, 'registerPaper'>,
): PaperSize {
  return form === 'register' ? settings.registerPaper : 'A4';
}

export const A4_MM = { width: 210, height: 297 } as const;

/** Portrait width and height of each paper size, in millimetres. */
export const PAPER_MM: {
  readonly [P in PaperSize]: { readonly width: number; readonly height: number };
} = {
  A4: A4_MM,
  A3: { width: 297, height: 420 },
};

/** The sheet's width and height in millimetres, turned for landscape. */
export function paperSheetMm(
  orientation: PrintOrientation,
  paper: PaperSize = 'A4',
): { readonly width: number; readonly height: number } {
  const sheet = PAPER_MM[paper];
  return orientation === 'portrait' ? sheet : { width: sheet.height, height: sheet.width };
}

/** Kept off the bottom of every page box (see printContentBox). */
export const PAGE_HEIGHT_SAFETY_MM = 1;

/**
 * Millimetres left inside the margins of a sheet (A4 unless told). Slightly less height than the exact area
 * (`PAGE_HEIGHT_SAFETY_MM`), so a page box never rounds up into a blank extra sheet.
 */
export function printContentBox(
  orientation: PrintOrientation,
  margins: PageMargins,
  paperSize: PaperSize = 'A4',
): { readonly widthMm: number; readonly heightMm: number } {
  const paper = paperSheetMm(orientation, paperSize);
  return {
    widthMm: paper.width - margins.left - margins.right,
    heightMm: paper.height - margins.top - margins.bottom - PAGE_HEIGHT_SAFETY_MM,
  };
}
