/**
 * Test helpers for the step commands: a command context on a preset's rules and the official
 * calendar, frozen at a Shanghai wall time. For tests only.
 */
import type { IsoInstant } from '../../kernel/brand';
import {
  DEFAULT_BUSINESS_HOURS,
  DEFAULT_TIME_ZONE,
  type DeadlineContext,
} from '../../calendar/deadline';
import { calendarCreate } from '../../calendar/working-calendar';
import { presetFor } from '../../rules/presets';
import type { PresetId } from '../../rules/rules';
import type { CommandContext } from './command';

/** A Shanghai wall time (`2026-09-30 10:00`) as an instant. */
export function sh(local: string): IsoInstant {
  return new Date(`${local.replace(' ', 'T')}:00.000+08:00`).toISOString() as IsoInstant;
}

export const TEST_DEADLINE_CONTEXT: DeadlineContext = {
  calendar: calendarCreate([]),
  businessHours: DEFAULT_BUSINESS_HOURS,
  timeZone: DEFAULT_TIME_ZONE,
};

export function commandContextAt(local: string, presetId: PresetId = 'property'): CommandContext {
  return { rules: presetFor(presetId), deadline: TEST_DEADLINE_CONTEXT, now: sh(local) };
}
