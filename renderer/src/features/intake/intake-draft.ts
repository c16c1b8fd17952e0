import type { IsoInstant } from '@shared/kernel/brand';
import type { DeskRules } from '@shared/rules/rules';
import { rulesDefaultLevel } from '@shared/rules/rules-query';
import { instantToLocalDateTime } from '@shared/kernel/time';
import type { IntakeDraft } from '@shared/workflow/intake';

/** A fresh intake form: the first channel and kind of the preset, received now. */
export function intakeDraftEmpty(rules: DeskRules, now: IsoInstant, timeZone: string): IntakeDraft {
  return {
    customerName: '',
    phone: '',
    address: '',
    organisation: '',
    channelId: rules.channels[0]?.id ?? '',
    kindId: rules.kinds[0]?.id ?? '',
    categoryId: '',
    levelId: rulesDefaultLevel(rules).id,
    subject: '',
    content: '',
    demand: '',
    amountYuan: '',
    flags: [],
    receivedAtLocal: instantToLocalDateTime(now, timeZone),
  };
}
