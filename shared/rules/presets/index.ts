/**
 * The four presets of DOMAIN.md section 4, chosen at first run; a desk then keeps and edits
 * its own copy in its settings.
 */
import type { DeskRules, PresetId } from '../rules';
import { COMPANY_PRESET } from './company';
import { HOSPITAL_PRESET } from './hospital';
import { HOTLINE_PRESET } from './hotline';
import { PROPERTY_PRESET } from './property';

export { CHANNELS, CHANNEL_IDS, DEFAULT_NUMBERING, type ChannelId } from './common';

/** In the order offered at first run. */
export const PRESET_IDS: readonly PresetId[] = ['property', 'hotline', 'hospital', 'company'];

/** Frozen all the way down: a desk edits its own copy, never the shipped preset. */
export const PRESETS: Readonly<Record<PresetId, DeskRules>> = deepFreeze({
  property: PROPERTY_PRESET,
  hotline: HOTLINE_PRESET,
  hospital: HOSPITAL_PRESET,
  company: COMPANY_PRESET,
});

/** The shipped rules of a preset (frozen; copy them before editing). */
export function presetFor(id: PresetId): DeskRules {
  return PRESETS[id];
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
