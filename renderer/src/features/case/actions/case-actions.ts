/**
 * The steps the case page offers (DOMAIN.md section 2): which events each records, and when it
 * is offered. A step is offered when the reducer allows one of its events in the case's state
 * (`caseAllowedEvents`) and the case has what the step needs. Linking (helper of the matters
 * feature) and printing have their own places and are not listed here.
 */
import type { CaseEntity } from '../../../../../shared/entities';
import type { DeskRules } from '../../../../../shared/rules';
import { convertTargets, isComplaintCase } from '../../../../../shared/workflow/commands/closing';
import type { CaseEventType } from '../../../../../shared/workflow/events';
import { caseAllowedEvents } from '../../../../../shared/workflow/reducer';

export type CaseActionId =
  | 'handleDirectly'
  | 'dispatch'
  | 'accept'
  | 'return'
  | 'reply'
  | 'extensionRequest'
  | 'extensionDecision'
  | 'escalate'
  | 'review'
  | 'consult'
  | 'followUp'
  | 'close'
  | 'reopen'
  | 'urge'
  | 'supervise'
  | 'note'
  | 'responsibility'
  | 'correctiveAction'
  | 'levelChange'
  | 'exempt'
  | 'convert'
  | 'markInvalid';

/** `step`: moves the case along its workflow; `record`: recorded beside it. */
export type CaseActionGroup = 'step' | 'record';

export interface CaseActionDef {
  readonly id: CaseActionId;
  readonly group: CaseActionGroup;
  /** The events the step may record: offered when the reducer allows any of them. */
  readonly events: readonly CaseEventType[];
  /** What else the case needs for the step to make sense. */
  readonly isOffered?: (c: CaseEntity, rules: DeskRules) => boolean;
}

/** In the order a clerk meets them. */
export const CASE_ACTIONS: readonly CaseActionDef[] = [
  { id: 'handleDirectly', group: 'step', events: ['case/handledDirectly'] },
  { id: 'dispatch', group: 'step', events: ['case/dispatched'] },
  { id: 'accept', group: 'step', events: ['case/accepted'] },
  { id: 'return', group: 'step', events: ['case/returned'] },
  { id: 'reply', group: 'step', events: ['case/replied'] },
  { id: 'extensionRequest', group: 'step', events: ['case/extensionRequested'] },
  { id: 'extensionDecision', group: 'step', events: ['case/extensionDecided'] },
  { id: 'escalate', group: 'step', events: ['case/escalated'] },
  { id: 'review', group: 'step', events: ['case/reviewed'] },
  { id: 'consult', group: 'step', events: ['case/consulted'] },
  {
    id: 'followUp',
    group: 'step',
    events: ['case/followedUp', 'case/followUpAttempted', 'case/followUpWaived'],
    // Once the follow-up is done the next step is closing; a case answered on the spot may
    // still be called back when the rules did not ask for it.
    isOffered: (c) =>
      c.followUp.state === 'pending' ||
      (c.status === 'handledDirectly' && c.followUp.state === 'notDue'),
  },
  { id: 'close', group: 'step', events: ['case/closed'] },
  { id: 'reopen', group: 'step', events: ['case/reopened'] },
  { id: 'urge', group: 'record', events: ['case/urged'] },
  { id: 'supervise', group: 'record', events: ['case/supervised'] },
  { id: 'responsibility', group: 'record', events: ['case/responsibilityDetermined'] },
  { id: 'correctiveAction', group: 'record', events: ['case/correctiveAction'] },
  {
    id: 'levelChange',
    group: 'record',
    events: ['case/levelChanged'],
    isOffered: (_c, rules) => rules.levels.length > 1,
  },
  {
    id: 'exempt',
    group: 'record',
    events: ['case/exempted'],
    isOffered: (c) => c.exemptReason === undefined && c.deadline !== undefined,
  },
  {
    id: 'convert',
    group: 'record',
    events: ['case/converted'],
    isOffered: (c, rules) => convertTargets(c, rules).length > 0,
  },
  {
    id: 'markInvalid',
    group: 'record',
    events: ['case/markedInvalid'],
    isOffered: (c, rules) => isComplaintCase(c, rules) && c.valid !== false,
  },
  { id: 'note', group: 'record', events: ['case/noted'] },
];

/** The steps the case's state allows now, in the order of `CASE_ACTIONS`. */
export function caseActionsOffered(c: CaseEntity, rules: DeskRules): CaseActionDef[] {
  const allowed = new Set(caseAllowedEvents(c));
  return CASE_ACTIONS.filter(
    (action) =>
      action.events.some((type) => allowed.has(type)) && (action.isOffered?.(c, rules) ?? true),
  );
}

/** A dispatch of a case that already had a unit is a re-dispatch (改派). */
export function isRedispatch(c: Pick<CaseEntity, 'unitId'>): boolean {
  return c.unitId !== undefined;
}
