import { Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { CaseEntity } from '@shared/model/entities';
import { reopenCommand } from '@shared/workflow/commands/closing';
import { deadlineOfRules } from '@shared/workflow/commands/deadlines';
import { DeadlineText } from '../../../ui/DeadlineText';
import { textStep } from './text-step';
import { useCaseStep } from './useCaseStep';

/** Reopened (重新办理) with the reason: the case runs again with a fresh deadline. */
export const reopenStep = textStep({
  id: 'reopen',
  group: 'step',
  type: 'case/reopened',
  build: (reason, c, ctx) => reopenCommand({ reason }, c, ctx),
  labelKey: 'reopenReason',
  multiline: true,
  Preview: ReopenDeadline,
});

/** Reopening counts a fresh deadline from now: shown before the clerk confirms. */
function ReopenDeadline({ caseEntity }: Readonly<{ caseEntity: CaseEntity }>) {
  const { t } = useTranslation();
  const step = useCaseStep(caseEntity.id);
  const ctx = step.context();
  const deadline = deadlineOfRules(caseEntity, ctx.now, 'recomputed', ctx);
  if (!deadline) return null;
  return (
    <Typography variant="body2">
      {t('caseActions.fields.reopenDeadline', { due: '' })}
      <DeadlineText deadline={deadline} inline />
    </Typography>
  );
}
