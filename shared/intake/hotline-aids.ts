/**
 * The aids a clerk has on the phone (S003-A, hotline preset; any desk may set them up): the call
 * scripts (opening and closings) and the directory of out-of-scope referrals. Both live in the
 * desk's rules; these checks guard an administrator's edits.
 */
import type { CallScripts, LocalizedText, ReferralEntry } from '../rules/rules';
import { isPlausiblePhone } from '../workflow/intake';

export const AIDS_LIMITS = { script: 500, referralName: 50, referralScope: 200 } as const;

export type AidsErrorCode = 'required' | 'tooLong' | 'invalidPhone';

/**
 * One problem, at the path of the field it belongs to: `opening.zh`, `closings.1.en`,
 * `referrals.0.name.zh`, `referrals.2.phone` ...
 */
export interface AidsError {
  readonly path: string;
  readonly code: AidsErrorCode;
  readonly max?: number;
}

function trimmed(text: LocalizedText): LocalizedText {
  return { zh: text.zh.trim(), en: text.en.trim() };
}

/** A text needs one language at least (the other falls back to it); each within `max`. */
function textCheck(text: LocalizedText, path: string, max: number, required: boolean): AidsError[] {
  const t = trimmed(text);
  if (required && t.zh === '' && t.en === '') return [{ path: `${path}.zh`, code: 'required' }];
  return (['zh', 'en'] as const)
    .filter((lang) => t[lang].length > max)
    .map((lang) => ({ path: `${path}.${lang}`, code: 'tooLong', max }));
}

/** Checks the call scripts: an opening, and no empty closing line. */
export function aidsScriptsCheck(scripts: CallScripts): AidsError[] {
  const max = AIDS_LIMITS.script;
  return [
    ...textCheck(scripts.opening, 'opening', max, true),
    ...scripts.closings.flatMap((closing, i) => textCheck(closing, `closings.${i}`, max, true)),
  ];
}

/** Checks the referral directory: each entry has a name; a phone, when given, looks like one. */
export function aidsReferralsCheck(referrals: readonly ReferralEntry[]): AidsError[] {
  return referrals.flatMap((entry, i) => {
    const errors = [
      ...textCheck(entry.name, `referrals.${i}.name`, AIDS_LIMITS.referralName, true),
      ...textCheck(entry.scope, `referrals.${i}.scope`, AIDS_LIMITS.referralScope, false),
    ];
    const phone = entry.phone.trim();
    if (phone !== '' && !isPlausiblePhone(phone))
      errors.push({ path: `referrals.${i}.phone`, code: 'invalidPhone' });
    return errors;
  });
}

/** The scripts as stored: texts trimmed. */
export function aidsScriptsClean(scripts: CallScripts): CallScripts {
  return { opening: trimmed(scripts.opening), closings: scripts.closings.map(trimmed) };
}

/** The directory as stored: texts and phones trimmed. */
export function aidsReferralsClean(referrals: readonly ReferralEntry[]): ReferralEntry[] {
  return referrals.map((entry) => ({
    name: trimmed(entry.name),
    phone: entry.phone.trim(),
    scope: trimmed(entry.scope),
  }));
}
