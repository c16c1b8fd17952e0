import { missingCaseError } from '../../../../../shared/assert';
import { FollowUpDialog } from '../../followup/FollowUpDialog';
import type { CaseActionId } from './case-actions';
import { CloseDialog } from './CloseDialog';
import { ConsultDialog } from './ConsultDialog';
import { ConvertDialog } from './ConvertDialog';
import { CorrectiveActionDialog } from './CorrectiveActionDialog';
import type { CaseActionDialogProps } from './dialog-props';
import { DispatchDialog } from './DispatchDialog';
import { EscalateDialog } from './EscalateDialog';
import { ExtensionDecisionDialog } from './ExtensionDecisionDialog';
import { ExtensionRequestDialog } from './ExtensionRequestDialog';
import { HandleDirectlyDialog } from './HandleDirectlyDialog';
import { LevelChangeDialog } from './LevelChangeDialog';
import { MarkInvalidDialog } from './MarkInvalidDialog';
import { ReplyDialog } from './ReplyDialog';
import { ResponsibilityDialog } from './ResponsibilityDialog';
import { ReviewDialog } from './ReviewDialog';
import { TextStepDialog } from './TextStepDialog';

export interface CaseActionDialogSwitchProps extends CaseActionDialogProps {
  readonly actionId: CaseActionId;
}

/** The dialog of one step; mounted while open, so every opening starts from a fresh form. */
export function CaseActionDialog({ actionId, ...props }: Readonly<CaseActionDialogSwitchProps>) {
  switch (actionId) {
    case 'handleDirectly':
      return <HandleDirectlyDialog {...props} />;
    case 'dispatch':
      return <DispatchDialog {...props} />;
    case 'reply':
      return <ReplyDialog {...props} />;
    case 'extensionRequest':
      return <ExtensionRequestDialog {...props} />;
    case 'extensionDecision':
      return <ExtensionDecisionDialog {...props} />;
    case 'escalate':
      return <EscalateDialog {...props} />;
    case 'levelChange':
      return <LevelChangeDialog {...props} />;
    case 'review':
      return <ReviewDialog {...props} />;
    case 'consult':
      return <ConsultDialog {...props} />;
    case 'followUp':
      return <FollowUpDialog open caseEntity={props.caseEntity} onClose={props.onClose} />;
    case 'responsibility':
      return <ResponsibilityDialog {...props} />;
    case 'correctiveAction':
      return <CorrectiveActionDialog {...props} />;
    case 'close':
      return <CloseDialog {...props} />;
    case 'convert':
      return <ConvertDialog {...props} />;
    case 'markInvalid':
      return <MarkInvalidDialog {...props} />;
    case 'accept':
    case 'return':
    case 'urge':
    case 'supervise':
    case 'note':
    case 'exempt':
    case 'reopen':
      return <TextStepDialog stepId={actionId} {...props} />;
    default:
      throw missingCaseError(actionId);
  }
}
