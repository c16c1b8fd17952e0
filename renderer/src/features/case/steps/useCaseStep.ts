import { useCallback } from 'react';
import type { CaseId, IsoInstant } from '@shared/kernel/brand';
import type { CaseEntity } from '@shared/model/entities';
import type { CommandContext } from '@shared/workflow/commands/command';
import type { CasePayloadOf } from '@shared/workflow/events';
import { caseAppendEvent, type CaseAppendableType } from '../../../db/repos/cases';
import { useDeskSession } from '../../../desk/desk-session';
import { useDeskState } from '../../../desk/desk-state';

export interface CaseStep {
  /** The rules, calendar and the instant of a step about to be taken (read once per submit). */
  readonly context: () => CommandContext;
  /** Appends the step's event as the operator at `at`; throws `WorkflowError` when refused. */
  readonly record: <T extends CaseAppendableType>(
    type: T,
    payload: CasePayloadOf<T>,
    at: IsoInstant,
  ) => Promise<CaseEntity>;
}

/** What a step's dialog needs to decide and record one event of a case. */
export function useCaseStep(caseId: CaseId): CaseStep {
  const session = useDeskSession();
  const { now } = session;
  const { rules, deadlineContext } = useDeskState();
  const context = useCallback(
    (): CommandContext => ({ rules, deadline: deadlineContext, now: now() }),
    [rules, deadlineContext, now],
  );
  const record = useCallback(
    <T extends CaseAppendableType>(type: T, payload: CasePayloadOf<T>, at: IsoInstant) =>
      caseAppendEvent(session, caseId, type, payload, at),
    [session, caseId],
  );
  return { context, record };
}
