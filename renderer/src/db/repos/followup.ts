/**
 * Follow-up (回访) figures: the sampling rate of the cases replied in a period, read through the
 * `repliedAt` index.
 */
import type { IsoInstant } from '@shared/kernel/brand';
import { followUpSampleRate, type FollowUpSampleRate } from '@shared/workflow/followup';
import type { DeskRules } from '@shared/rules/rules';
import type { DeskDatabase } from '../database';

/**
 * How the sample of satisfied cases went for the cases last replied from `start` (included) to
 * `end` (excluded).
 */
export async function followUpSampleRateBetween(
  db: DeskDatabase,
  rules: Pick<DeskRules, 'kinds' | 'followUp'>,
  start: IsoInstant,
  end: IsoInstant,
): Promise<FollowUpSampleRate> {
  const replied = await db.cases.where('repliedAt').between(start, end, true, false).toArray();
  return followUpSampleRate(replied, rules);
}
