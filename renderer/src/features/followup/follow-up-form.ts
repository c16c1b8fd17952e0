import type { DeskRules } from '@shared/rules/rules';
import {
  type FollowUpAttemptDraft,
  type FollowUpAttemptOutcome,
  type FollowUpFormError,
  type FollowUpResultDraft,
  followUpAttemptCheck,
  followUpResultCheck,
} from '@shared/workflow/followup';

/** The follow-up form as typed: one call (or visit), reached or not. */
export interface FollowUpFormDraft {
  readonly method: string;
  /** `reached` records a result; any other outcome records an unsuccessful attempt. */
  readonly outcome: 'reached' | FollowUpAttemptOutcome | '';
  readonly satisfaction: string;
  readonly answers: readonly string[];
  readonly smsSent: boolean;
  readonly note: string;
}

export function followUpFormEmpty(rules: Pick<DeskRules, 'followUp'>): FollowUpFormDraft {
  return {
    method: rules.followUp.methods[0] ?? 'phone',
    outcome: 'reached',
    satisfaction: '',
    answers: rules.followUp.questions.map(() => ''),
    smsSent: false,
    note: '',
  };
}

export function followUpResultDraft(draft: FollowUpFormDraft): FollowUpResultDraft {
  return {
    method: draft.method,
    satisfaction: draft.satisfaction,
    answers: draft.answers,
    note: draft.note,
  };
}

export function followUpAttemptDraft(draft: FollowUpFormDraft): FollowUpAttemptDraft {
  return { outcome: draft.outcome, method: draft.method, smsSent: draft.smsSent, note: draft.note };
}

/** The problems of the form for what it will record: a result when reached, else an attempt. */
export function followUpFormCheck(
  draft: FollowUpFormDraft,
  rules: Pick<DeskRules, 'followUp'>,
): FollowUpFormError[] {
  return draft.outcome === 'reached'
    ? followUpResultCheck(followUpResultDraft(draft), rules)
    : followUpAttemptCheck(followUpAttemptDraft(draft), rules);
}

/** `15%` for 0.15: rates as clerks read them. */
export function formatPercent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}
