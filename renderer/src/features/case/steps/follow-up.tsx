import { FollowUpDialog } from '../../followup/FollowUpDialog';
import { caseStepDefine, type CaseStepDialogProps } from './case-step';

export const followUpStep = caseStepDefine({
  id: 'followUp',
  group: 'step',
  events: ['case/followedUp', 'case/followUpAttempted', 'case/followUpWaived'],
  // Once the follow-up is done the next step is closing; a case answered on the spot may
  // still be called back when the rules did not ask for it.
  isOffered: (c) =>
    c.followUp.state === 'pending' ||
    (c.status === 'handledDirectly' && c.followUp.state === 'notDue'),
  Dialog: FollowUpStepDialog,
});

/** The follow-up call has its own dialog in the follow-up feature (its queue opens it too). */
function FollowUpStepDialog({ caseEntity, onClose }: Readonly<CaseStepDialogProps>) {
  return <FollowUpDialog open caseEntity={caseEntity} onClose={onClose} />;
}
