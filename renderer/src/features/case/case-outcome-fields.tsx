import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { CaseEntity } from '@shared/model/entities';
import type { DeskRules, Locale } from '@shared/rules/rules';
import { rulesLabel } from '@shared/rules/rules-query';
import { caseIsOpen } from '@shared/workflow/reducer';
import { formatDateTime } from '../../vocabulary/format';
import { DeadlineText } from '../../ui/DeadlineText';
import { finalCausePath } from '../../vocabulary/event-facts';

/**
 * The fields a case gains as it is worked on, for the case page, only those it has: the
 * follow-up (due or its result), a pending extension, an exemption, responsibility (定责) and
 * the final cause (最终原因).
 */
export function caseOutcomeFields(
  item: CaseEntity,
  t: TFunction,
  rules: Pick<DeskRules, 'finalCauses'>,
  locale: Locale,
  timeZone: string,
): [string, ReactNode][] {
  const s = (key: string, options?: Record<string, unknown>) =>
    t(`caseActions.summary.${key}`, options ?? {});
  const fields: [string, ReactNode][] = [];
  const { followUp } = item;
  if (followUp.state === 'pending' && followUp.dueAt) {
    fields.push([
      s('followUpDue'),
      <DeadlineText key="followUp" deadline={{ dueAt: followUp.dueAt }} showRemaining />,
    ]);
  }
  if (followUp.satisfaction !== undefined) {
    fields.push([
      s('followUpResult'),
      s('followUpResultValue', {
        score: followUp.satisfaction,
        verdict: t(`eventFacts.${followUp.satisfied ? 'satisfied' : 'notSatisfied'}`),
      }),
    ]);
  } else if (followUp.state === 'waived' || followUp.state === 'unreachable') {
    fields.push([
      s('followUpResult'),
      s(followUp.state === 'waived' ? 'followUpWaived' : 'followUpUnreachable'),
    ]);
  }
  if (item.remedial && caseIsOpen(item) && followUp.state !== 'done') {
    fields.push([s('remedial'), s('remedialValue')]);
  }
  if (item.pendingExtension) {
    fields.push([
      s('pendingExtension'),
      s('pendingExtensionValue', {
        due: formatDateTime(item.pendingExtension.requestedDueAt, timeZone),
      }),
    ]);
  }
  if (item.exemptReason !== undefined) fields.push([s('exempt'), item.exemptReason]);
  if (item.responsibility) {
    const r = item.responsibility;
    fields.push([
      s('responsibility'),
      [t(`eventFacts.${r.valid ? 'valid' : 'invalid'}`), r.unitName, r.personName]
        .filter(Boolean)
        .join(' · '),
    ]);
  }
  if (item.finalCauseId !== undefined) {
    const path = finalCausePath(rules.finalCauses, item.finalCauseId);
    fields.push([
      s('finalCause'),
      path.length > 0
        ? path.map((cause) => rulesLabel(cause.label, locale)).join(' / ')
        : item.finalCauseId,
    ]);
  }
  return fields;
}
