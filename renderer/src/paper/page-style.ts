/**
 * The `@page` rule of a print job: its paper (A4, or A3 for a register where the desk chose it)
 * in the job's orientation with the desk's margins. Only
 * present while a print view is open, so no other screen is printed on these terms.
 */
import type { PageMargins } from '@shared/platform/bridge';
import type { PaperSize, PrintOrientation } from '@shared/paper/settings';

export type PrintMargins = PageMargins;

export function printPageRule(
  orientation: PrintOrientation,
  margins: PrintMargins,
  paper: PaperSize = 'A4',
): string {
  const m = margins;
  return `@page { size: ${paper} ${orientation}; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; }`;
}
