/**
 * Pieces the four presets share: the channel list (DOMAIN.md section 1), the default numbering
 * (section 5) and small builders that keep the preset files readable.
 */
import type {
  CategoryDef,
  ChannelDef,
  DeadlineSpec,
  LocalizedText,
  NumberingRules,
} from '../rules';

/** A label in both languages. */
export function text(zh: string, en: string): LocalizedText {
  return { zh, en };
}

/** A category (or final cause) with optional second-level children. */
export function category(
  id: string,
  zh: string,
  en: string,
  children?: readonly CategoryDef[],
): CategoryDef {
  return children ? { id, label: text(zh, en), children } : { id, label: text(zh, en) };
}

/** Every channel a desk may receive a case through (受理渠道); each preset picks its subset. */
export const CHANNEL_IDS = [
  'phone',
  'walkIn',
  'letter',
  'email',
  'website',
  'social',
  'fax',
  'media',
  'authorityReferral',
  'dischargeFollowUp',
  'suggestionBox',
  'other',
] as const;

export type ChannelId = (typeof CHANNEL_IDS)[number];

export const CHANNELS: Readonly<Record<ChannelId, ChannelDef>> = {
  phone: { id: 'phone', label: text('电话', 'Phone') },
  walkIn: { id: 'walkIn', label: text('来访', 'Walk-in') },
  letter: { id: 'letter', label: text('信函', 'Letter') },
  email: { id: 'email', label: text('电子邮件', 'Email') },
  website: { id: 'website', label: text('网站留言', 'Website') },
  social: { id: 'social', label: text('微信/QQ/微博', 'WeChat/QQ/Weibo') },
  fax: { id: 'fax', label: text('传真', 'Fax') },
  media: { id: 'media', label: text('媒体', 'Media') },
  authorityReferral: {
    id: 'authorityReferral',
    label: text('上级/监管部门转办', 'Referral from an authority'),
  },
  dischargeFollowUp: {
    id: 'dischargeFollowUp',
    label: text('出院回访', 'Post-discharge follow-up'),
  },
  suggestionBox: { id: 'suggestionBox', label: text('意见箱', 'Suggestion box') },
  other: { id: 'other', label: text('其他', 'Other') },
};

/** The channels of a preset, in the order given (the first is the default at intake). */
export function channelsOf(ids: readonly ChannelId[]): readonly ChannelDef[] {
  return ids.map((id) => CHANNELS[id]);
}

/** `2611-0042`: two-digit year and month, a four-digit serial restarting each month. */
export const DEFAULT_NUMBERING: NumberingRules = {
  pattern: '{YY}{MM}-{SEQ:4}',
  resetEvery: 'month',
};

export function workingDays(amount: number): DeadlineSpec {
  return { amount, unit: 'workingDays' };
}

export function workingHours(amount: number): DeadlineSpec {
  return { amount, unit: 'workingHours' };
}

export function clockHours(amount: number, fromOpening = false): DeadlineSpec {
  return fromOpening ? { amount, unit: 'clockHours', fromOpening } : { amount, unit: 'clockHours' };
}

export function clockMinutes(amount: number, fromOpening = false): DeadlineSpec {
  return fromOpening
    ? { amount, unit: 'clockMinutes', fromOpening }
    : { amount, unit: 'clockMinutes' };
}

/**
 * The end of business on the day the clock starts. The amount means nothing for this unit;
 * presets store 0.
 */
export const SAME_WORKING_DAY: DeadlineSpec = { amount: 0, unit: 'sameWorkingDay' };
