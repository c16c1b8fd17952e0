import type { IsoInstant } from '@shared/kernel/brand';
import type { DeskRules } from '@shared/rules/rules';
import { rulesDefaultKind, rulesDefaultLevel } from '@shared/rules/rules-query';
import { instantToLocalDateTime } from '@shared/kernel/time';
import type { IntakeDraft } from '@shared/workflow/intake';

/** The choices a clerk makes once and keeps for a run of similar calls. */
export type IntakeChoices = Pick<IntakeDraft, 'channelId' | 'kindId' | 'levelId'>;

/**
 * The last choices saved in this window, kept until the window closes: a run of phone calls
 * about one outage need not pick 电话 and the kind again each time.
 */
let remembered: IntakeChoices | undefined;

/** Keeps the choices of a saved intake for the next form of this session. */
export function intakeChoicesRemember(draft: IntakeChoices): void {
  remembered = { channelId: draft.channelId, kindId: draft.kindId, levelId: draft.levelId };
}

/** Forgets the remembered choices (a new session, and tests). */
export function intakeChoicesForget(): void {
  remembered = undefined;
}

/** The remembered choices that the rules still offer, else the rules' defaults. */
function intakeChoices(rules: DeskRules): IntakeChoices {
  const offered = <T extends { readonly id: string }>(list: readonly T[], id?: string) =>
    id !== undefined && list.some((item) => item.id === id) ? id : undefined;
  return {
    channelId: offered(rules.channels, remembered?.channelId) ?? rules.channels[0]?.id ?? '',
    kindId: offered(rules.kinds, remembered?.kindId) ?? rulesDefaultKind(rules).id,
    levelId: offered(rules.levels, remembered?.levelId) ?? rulesDefaultLevel(rules).id,
  };
}

/** A fresh intake form: the session's last choices (else the preset's defaults), received now. */
export function intakeDraftEmpty(rules: DeskRules, now: IsoInstant, timeZone: string): IntakeDraft {
  return {
    customerName: '',
    phone: '',
    address: '',
    organisation: '',
    ...intakeChoices(rules),
    categoryId: '',
    subject: '',
    content: '',
    demand: '',
    amountYuan: '',
    flags: [],
    receivedAtLocal: instantToLocalDateTime(now, timeZone),
  };
}
