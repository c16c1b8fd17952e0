/**
 * Why the workflow reducer refuses an event. Codes only: the renderer's i18n maps each code to a
 * sentence in zh-CN and English (STYLE.md section 7), with the event type, status and field to
 * fill it in.
 */
import type { CaseStatus } from '../model/entities';
import type { CaseEventType } from './events';

/** Every refusal code; the renderer's test checks that each has a translation. */
export const WORKFLOW_REFUSAL_CODES = [
  /** The case has no `case/received` event yet. */
  'notCreated',
  /** A second `case/received` for the same case. */
  'alreadyCreated',
  /** The event does not apply in the case's status (the status is in the refusal). */
  'notAllowedInStatus',
  /** The case is closed: reopen it first. */
  'closed',
  /** A required value is missing or empty (the field is in the refusal). */
  'missingField',
  /** An extension is requested while another one waits for a decision. */
  'extensionPending',
  /** An extension decision without a request waiting. */
  'noPendingExtension',
  /** Recording the interim step when none is due or it is already recorded. */
  'noInterimDue',
  /** A conversion from a kind the case does not have (someone converted it meanwhile). */
  'wrongKind',
  /** Closing before the follow-up is done, waived or given up as unreachable. */
  'followUpNotDone',
  /** Linking or unlinking a case with itself. */
  'selfLink',
  /** Removing an attachment the case does not have (anymore). */
  'notAttached',
] as const;

export type WorkflowRefusalCode = (typeof WORKFLOW_REFUSAL_CODES)[number];

export interface WorkflowRefusal {
  readonly code: WorkflowRefusalCode;
  readonly eventType: CaseEventType;
  /** The case's status when the event was refused (absent when there is no case yet). */
  readonly status?: CaseStatus;
  /** The missing field, for `missingField`. */
  readonly field?: string;
}

/** Whether a string is one of the refusal codes (for values read back from storage or IPC). */
export function isWorkflowRefusalCode(s: string): s is WorkflowRefusalCode {
  return (WORKFLOW_REFUSAL_CODES as readonly string[]).includes(s);
}
