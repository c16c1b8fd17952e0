/**
 * What the barcode and the QR code of a printed case form say, and reading it back: the case
 * number, with `/D` when the sheet is a dispatch (or hand-over) sheet, whose return means the
 * unit's reply is to be recorded. A USB scanner types the code and presses Enter.
 */
import type { PrintFormId } from './forms';

/** The step a returned sheet opens the case at. */
export type ScanStep = 'reply';

/** The suffix of a dispatch sheet's code. */
const DISPATCH_SUFFIX = '/D';

/** The forms whose return brings the unit's reply. */
const REPLY_FORMS: ReadonlySet<PrintFormId> = new Set(['dispatch', 'handover']);

/** The text a case form's codes encode, e.g. `2611-0001/D` on a dispatch sheet. */
export function scanCodeOf(caseNumber: string, form: PrintFormId): string {
  return REPLY_FORMS.has(form) ? `${caseNumber}${DISPATCH_SUFFIX}` : caseNumber;
}

/**
 * A typed or scanned code as the case number it names and the step to open, or undefined when
 * nothing is left to look up. Case numbers are compared as typed, without spaces; a lower-case
 * `/d` (a scanner with Caps Lock on types it so) counts too.
 */
export function scanCodeRead(text: string): { number: string; step?: ScanStep } | undefined {
  const compact = text.replace(/\s+/g, '');
  if (compact === '') return undefined;
  if (compact.toUpperCase().endsWith(DISPATCH_SUFFIX)) {
    const number = compact.slice(0, -DISPATCH_SUFFIX.length);
    return number === '' ? undefined : { number, step: 'reply' };
  }
  return { number: compact };
}
