/**
 * The steps the case page offers (DOMAIN.md section 2), in the order a clerk meets them. A step
 * is offered when the reducer allows one of its events in the case's state
 * (`caseAllowedEvents`) and the case has what the step needs. Linking (helper of the matters
 * feature) and printing have their own places and are not listed here.
 *
 * Adding a step: one module here (id, group, events, isOffered, Dialog), its words under
 * `caseActions` in the locales, and its event in the reducer's tables (shared/workflow).
 */
import { rolesMayAppend } from '@shared/access/permissions';
import type { CaseEntity, StaffRole } from '@shared/model/entities';
import type { DeskRules } from '@shared/rules/rules';
import { caseAllowedEvents } from '@shared/workflow/reducer';
import { acceptStep } from './accept';
import { closeStep } from './close';
import { consultStep } from './consult';
import { convertStep } from './convert';
import { correctiveActionStep } from './corrective-action';
import { dispatchStep } from './dispatch';
import { escalateStep } from './escalate';
import { exemptStep } from './exempt';
import { extensionDecisionStep } from './extension-decision';
import { extensionRequestStep } from './extension-request';
import { followUpStep } from './follow-up';
import { handleDirectlyStep } from './handle-directly';
import { levelChangeStep } from './level-change';
import { markInvalidStep } from './mark-invalid';
import { noteStep } from './note';
import { reopenStep } from './reopen';
import { replyStep } from './reply';
import { responsibilityStep } from './responsibility';
import { returnStep } from './return';
import { reviewStep } from './review';
import { superviseStep } from './supervise';
import { urgeStep } from './urge';

/** In the order a clerk meets them. */
export const CASE_STEPS = [
  handleDirectlyStep,
  dispatchStep,
  acceptStep,
  returnStep,
  replyStep,
  extensionRequestStep,
  extensionDecisionStep,
  escalateStep,
  reviewStep,
  consultStep,
  followUpStep,
  closeStep,
  reopenStep,
  urgeStep,
  superviseStep,
  responsibilityStep,
  correctiveActionStep,
  levelChangeStep,
  exemptStep,
  convertStep,
  markInvalidStep,
  noteStep,
] as const;

export type CaseStepId = (typeof CASE_STEPS)[number]['id'];
export type CaseStep = (typeof CASE_STEPS)[number];

/**
 * The steps the case's state allows now and the operator's roles may take (the role table,
 * shared/access/permissions.ts, which the repositories enforce too), in the order of
 * `CASE_STEPS`.
 */
export function caseStepsOffered(
  c: CaseEntity,
  rules: DeskRules,
  roles: readonly StaffRole[],
): CaseStep[] {
  const allowed = new Set(caseAllowedEvents(c));
  return CASE_STEPS.filter(
    (step) =>
      step.events.some((type) => allowed.has(type) && rolesMayAppend(roles, type)) &&
      (step.isOffered?.(c, rules) ?? true),
  );
}
