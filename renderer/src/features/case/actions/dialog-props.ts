import type { CaseEntity, CaseEventEntity } from '../../../../../shared/entities';
import type { LevelSuggestion } from '../../../../../shared/rules-query';

/** What every step's dialog gets from the actions panel. */
export interface CaseActionDialogProps {
  /** The case as it is now (live: it follows changes made in other windows). */
  readonly caseEntity: CaseEntity;
  readonly events: readonly CaseEventEntity[];
  readonly onClose: () => void;
  /** The level a rule suggested, when the dialog was opened from the suggestion banner. */
  readonly suggestion?: LevelSuggestion;
}
