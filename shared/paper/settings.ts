/**
 * The desk's print options (issue 4, DOMAIN.md sections 7 and 8): the header printed above every
 * form, which signature lines appear, phone masking on printed registers, the paper orientation
 * of the list forms and the page margins. Stored under the `print` settings key; a stored value
 * goes through `printSettingsRestore`, which fills in defaults, so an old or partial row still
 * prints.
 */
import type { PageMargins } from '../platform/bridge';

/** Who signs a form; each form lists the roles it has (forms.ts), the desk may hide any. */
export type SignatureRole =
  /** 交办人: the desk clerk who hands the case over. */
  | 'dispatcher'
  /** 接单人 / 签收人: the unit's person who takes it. */
  | 'recipient'
  /** 负责人: the head of the unit or department. */
  | 'unitHead'
  /** 经办人: whoever handled the case at the desk. */
  | 'handler'
  /** 评审人员: the members of an internal review. */
  | 'reviewer'
  /** 审核人: the supervisor who checks a record or a report. */
  | 'approver'
  /** 回访人: who made the follow-up calls. */
  | 'followUpCaller'
  /** 制表人: who drew up a list form. */
  | 'preparer'
  /** 分管领导: the leader in charge (hospital notices). */
  | 'leader';

export const SIGNATURE_ROLES: readonly SignatureRole[] = [
  'dispatcher',
  'recipient',
  'unitHead',
  'handler',
  'reviewer',
  'approver',
  'followUpCaller',
  'preparer',
  'leader',
];

export type PrintOrientation = 'portrait' | 'landscape';

/**
 * The sheet the register prints on: A4 by default; A3 (twice the area) for a desk whose printer
 * takes it, so the 21 columns print at full size (issue 12). Case forms are always A4.
 */
export type PaperSize = 'A4' | 'A3';

export const PAPER_SIZES: readonly PaperSize[] = ['A4', 'A3'];

/** The list forms whose paper orientation the desk chooses; case forms are always portrait. */
export type OrientableForm = 'register' | 'followUpSheet' | 'monthlyReport';

export const ORIENTABLE_FORMS: readonly OrientableForm[] = [
  'register',
  'followUpSheet',
  'monthlyReport',
];

export interface PrintSettings {
  /** Printed above every form's title; empty prints the organisation's name. */
  readonly headerText: string;
  readonly signatures: Readonly<Record<SignatureRole, boolean>>;
  /** Print phones as `138****0000` on registers (脱敏); case forms keep the number to call. */
  readonly maskPhones: boolean;
  readonly orientation: Readonly<Record<OrientableForm, PrintOrientation>>;
  /** The register's paper, on screen, on paper and in the Excel register's page setup. */
  readonly registerPaper: PaperSize;
  /** Millimetres, passed to the printer and to the PDF as well as laid out on screen. */
  readonly margins: PageMargins;
}

/** Margins a desk may set, in millimetres: printers cannot print closer than ~5 mm. */
export const PRINT_MARGIN_LIMITS = { min: 5, max: 40 } as const;

export const PRINT_HEADER_MAX_LENGTH = 60;

export const PRINT_SETTINGS_DEFAULT: PrintSettings = {
  headerText: '',
  signatures: {
    dispatcher: true,
    recipient: true,
    unitHead: true,
    handler: true,
    reviewer: true,
    approver: true,
    followUpCaller: true,
    preparer: true,
    leader: true,
  },
  // A printed register leaves the screen: mask by default (DOMAIN.md section 8).
  maskPhones: true,
  orientation: { register: 'landscape', followUpSheet: 'landscape', monthlyReport: 'portrait' },
  registerPaper: 'A4',
  // The left edge is the binding edge of a filed form.
  margins: { top: 12, right: 12, bottom: 12, left: 15 },
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isMargin(value: unknown): value is number {
  return (
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= PRINT_MARGIN_LIMITS.min &&
    value <= PRINT_MARGIN_LIMITS.max
  );
}

function isPaperSize(value: unknown): value is PaperSize {
  return value === 'A4' || value === 'A3';
}

function isOrientation(value: unknown): value is PrintOrientation {
  return value === 'portrait' || value === 'landscape';
}

/**
 * The print settings a stored value stands for: every missing or unusable field takes its
 * default, so a desk set up before the print options existed prints with the defaults.
 */
export function printSettingsRestore(stored: unknown): PrintSettings {
  const d = PRINT_SETTINGS_DEFAULT;
  if (!isRecord(stored)) return d;
  const signatures = isRecord(stored.signatures) ? stored.signatures : {};
  const orientation = isRecord(stored.orientation) ? stored.orientation : {};
  const margins = isRecord(stored.margins) ? stored.margins : {};
  const pick = <T>(value: unknown, ok: (v: unknown) => v is T, fallback: T): T =>
    ok(value) ? value : fallback;
  const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
  return {
    headerText:
      typeof stored.headerText === 'string'
        ? stored.headerText.slice(0, PRINT_HEADER_MAX_LENGTH)
        : d.headerText,
    signatures: Object.fromEntries(
      SIGNATURE_ROLES.map((role) => [role, pick(signatures[role], isBoolean, d.signatures[role])]),
    ) as Record<SignatureRole, boolean>,
    maskPhones: pick(stored.maskPhones, isBoolean, d.maskPhones),
    orientation: Object.fromEntries(
      ORIENTABLE_FORMS.map((form) => [
        form,
        pick(orientation[form], isOrientation, d.orientation[form]),
      ]),
    ) as Record<OrientableForm, PrintOrientation>,
    registerPaper: pick(stored.registerPaper, isPaperSize, d.registerPaper),
    margins: {
      top: pick(margins.top, isMargin, d.margins.top),
      right: pick(margins.right, isMargin, d.margins.right),
      bottom: pick(margins.bottom, isMargin, d.margins.bottom),
      left: pick(margins.left, isMargin, d.margins.left),
    },
  };
}

/** The print options as typed in the settings form: margins are text until checked. */
export interface PrintSettingsDraft extends Omit<PrintSettings, 'margins'> {
  readonly margins: Readonly<Record<keyof PageMargins, string>>;
}

export type PrintSettingsField = 'headerText' | `margins.${keyof PageMargins}`;

export type PrintSettingsErrorCode = 'tooLong' | 'notANumber' | 'outOfRange';

export interface PrintSettingsError {
  readonly field: PrintSettingsField;
  readonly code: PrintSettingsErrorCode;
}

export function printSettingsDraftOf(settings: PrintSettings): PrintSettingsDraft {
  const m = settings.margins;
  return {
    ...settings,
    margins: {
      top: String(m.top),
      right: String(m.right),
      bottom: String(m.bottom),
      left: String(m.left),
    },
  };
}

const MARGIN_TEXT = /^\d{1,2}(\.\d)?$/;

/**
 * Checks a draft: the settings to save when it is acceptable, else one error per bad field
 * (and nothing to save).
 */
export function printSettingsCheck(
  draft: PrintSettingsDraft,
):
  | { readonly ok: true; readonly settings: PrintSettings }
  | { readonly ok: false; readonly errors: readonly PrintSettingsError[] } {
  const errors: PrintSettingsError[] = [];
  if (draft.headerText.trim().length > PRINT_HEADER_MAX_LENGTH) {
    errors.push({ field: 'headerText', code: 'tooLong' });
  }
  const margins: Record<keyof PageMargins, number> = { top: 0, right: 0, bottom: 0, left: 0 };
  for (const side of ['top', 'right', 'bottom', 'left'] as const) {
    const text = draft.margins[side].trim();
    const value = Number(text);
    if (!MARGIN_TEXT.test(text)) errors.push({ field: `margins.${side}`, code: 'notANumber' });
    else if (!isMargin(value)) errors.push({ field: `margins.${side}`, code: 'outOfRange' });
    else margins[side] = value;
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    settings: { ...draft, headerText: draft.headerText.trim(), margins },
  };
}
