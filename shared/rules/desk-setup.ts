/** Checking the first-run setup form: the desk's identity and its first operator. */
import type { PresetId } from './rules';

export interface DeskSetupDraft {
  readonly organisationName: string;
  readonly deskName: string;
  readonly deskCode: string;
  readonly presetId: PresetId;
  readonly operatorName: string;
}

export type DeskSetupField = keyof DeskSetupDraft;
export type DeskSetupErrorCode = 'required' | 'tooLong' | 'badDeskCode';

export interface DeskSetupError {
  readonly field: DeskSetupField;
  readonly code: DeskSetupErrorCode;
  readonly max?: number;
}

export const DESK_SETUP_LIMITS = {
  organisationName: 100,
  deskName: 50,
  operatorName: 50,
} as const;

const DESK_CODE = /^[A-Za-z0-9]{1,6}$/;

export function deskSetupCheck(draft: DeskSetupDraft): DeskSetupError[] {
  const errors: DeskSetupError[] = [];
  for (const field of ['organisationName', 'deskName', 'operatorName'] as const) {
    const value = draft[field].trim();
    const max = DESK_SETUP_LIMITS[field];
    if (value === '') errors.push({ field, code: 'required' });
    else if (value.length > max) errors.push({ field, code: 'tooLong', max });
  }
  const code = draft.deskCode.trim();
  if (code !== '' && !DESK_CODE.test(code)) errors.push({ field: 'deskCode', code: 'badDeskCode' });
  return errors;
}
