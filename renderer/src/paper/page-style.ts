/**
 * The `@page` rule of a print job: A4 in the job's orientation with the desk's margins. Only
 * present while a print view is open, so no other screen is printed on these terms.
 */
import type { PageMargins } from '@shared/platform/bridge';
import type { PrintOrientation } from '@shared/paper/settings';

export type PrintMargins = PageMargins;

export function printPageRule(orientation: PrintOrientation, margins: PrintMargins): string {
  const m = margins;
  return `@page { size: A4 ${orientation}; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; }`;
}
