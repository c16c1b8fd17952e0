/**
 * Bidirectional-text controls in what customers and clerks type. An override such as U+202E
 * (RIGHT-TO-LEFT OVERRIDE) makes the text after it display backwards, so a name, a room number
 * or a phone number can read differently on screen and on paper from what is stored and
 * searched ("Trojan Source"-style spoofing). The desk never strips them (the record keeps what
 * was typed) but displays them neutralised: each control is shown as a visible `⟨U+202E⟩` and the
 * whole value is isolated, so it can neither reorder itself nor the text around it.
 */

/**
 * The controls: LRE, RLE, PDF, LRO, RLO (U+202A-202E); LRI, RLI, FSI, PDI (U+2066-2069); the
 * marks LRM, RLM (U+200E, U+200F) and the Arabic letter mark ALM (U+061C).
 */
export const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/u;

const BIDI_CONTROLS_ALL = new RegExp(BIDI_CONTROLS.source, 'gu');

/** FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE: the value as one isolated run. */
const FSI = '\u2068';
const PDI = '\u2069';

/** Whether `text` holds any bidirectional control. */
export function hasBidiControls(text: string): boolean {
  return BIDI_CONTROLS.test(text);
}

/** `⟨U+202E⟩` for one control character: visible, and itself without direction. */
export function bidiControlLabel(control: string): string {
  const code = control.codePointAt(0) ?? 0;
  return `⟨U+${code.toString(16).toUpperCase().padStart(4, '0')}⟩`;
}

/**
 * The text as it may be displayed. Text without controls is returned unchanged (the element
 * that shows it isolates it, e.g. `<bdi>`). Text with controls has each one replaced by its
 * visible label and is wrapped in FSI ... PDI, so that what remains (letters of any script)
 * stays one isolated run wherever it is placed: a table cell, a sentence, a printed form.
 */
export function isolateBidi(text: string): string {
  if (!hasBidiControls(text)) return text;
  return `${FSI}${text.replace(BIDI_CONTROLS_ALL, bidiControlLabel)}${PDI}`;
}
