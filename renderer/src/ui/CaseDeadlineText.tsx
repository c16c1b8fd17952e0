import type { CaseEntity } from '@shared/model/entities';
import { deadlineStanding, type DeadlineKind } from '@shared/register/standing';
import { useDeskState } from '../desk/desk-state';
import { useDeskServices } from '../desk/services';
import { DeadlineText } from './DeadlineText';

export interface CaseDeadlineTextProps {
  readonly caseEntity: CaseEntity;
  /** Which deadline: the reply (default), the dispatch or the interim step. */
  readonly kind?: DeadlineKind;
  readonly inline?: boolean;
}

/**
 * One of a case's deadlines as it stands now (`deadlineStanding`): owed and counting down, met
 * on time or late, exempt, or none. Every screen that shows a case's deadline uses this, so the
 * register row, the case page and the queues agree with the statistics.
 */
export function CaseDeadlineText({
  caseEntity,
  kind = 'handling',
  inline = false,
}: Readonly<CaseDeadlineTextProps>) {
  const { deadlineContext } = useDeskState();
  const { now } = useDeskServices();
  const standing = deadlineStanding(caseEntity, now(), deadlineContext, kind);
  return (
    <DeadlineText
      deadline={standing.deadline}
      standing={standing}
      kind={kind}
      showRemaining
      exempt={standing.state === 'exempt'}
      exemptReason={caseEntity.exemptReason}
      inline={inline}
    />
  );
}
