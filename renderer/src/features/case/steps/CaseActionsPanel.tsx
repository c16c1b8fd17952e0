import { Box, Button, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rolesMayAppend } from '@shared/access/permissions';
import type { CaseEntity, CaseEventEntity } from '@shared/model/entities';
import type { LevelSuggestion } from '@shared/rules/rules-query';
import { caseLevelSuggestion } from '@shared/workflow/commands/escalation';
import { caseAllowedEvents } from '@shared/workflow/reducer';
import { useDeskState } from '../../../desk/desk-state';
import { useDeskServices } from '../../../desk/services';
import type { CaseStepGroup } from './case-step';
import { caseStepsOffered, type CaseStep } from './case-steps';
import { escalateStep } from './escalate';
import { LevelSuggestionBanner } from './LevelSuggestionBanner';
import { levelChangeStep } from './level-change';

export interface CaseActionsPanelProps {
  readonly caseEntity: CaseEntity;
  readonly events: readonly CaseEventEntity[];
}

interface OpenStep {
  readonly step: CaseStep;
  readonly suggestion?: LevelSuggestion;
}

const GROUPS: readonly CaseStepGroup[] = ['step', 'record'];

/**
 * The steps the case's state allows now (the registry `CASE_STEPS`), one button each, and the
 * dialog of the one chosen.
 * The open dialog stays while the case changes under it (another window may move it on): the
 * workflow then refuses the step with its reason, shown in the dialog.
 */
export function CaseActionsPanel({ caseEntity, events }: Readonly<CaseActionsPanelProps>) {
  const { t } = useTranslation();
  const { rules, deadlineContext, operator } = useDeskState();
  const { now } = useDeskServices();
  const [open, setOpen] = useState<OpenStep | null>(null);
  const offered = caseStepsOffered(caseEntity, rules, operator.roles);
  const suggestion = caseLevelSuggestion(caseEntity, {
    rules,
    deadline: deadlineContext,
    now: now(),
  });
  const canEscalate =
    caseAllowedEvents(caseEntity).includes('case/escalated') &&
    rolesMayAppend(operator.roles, 'case/escalated');
  // The suggestion is acted on by escalating or changing the level: offered to who may.
  const canAct = canEscalate || rolesMayAppend(operator.roles, 'case/levelChanged');
  const labelOf = (step: CaseStep) =>
    t(`caseActions.actions.${step.labelOf?.(caseEntity) ?? step.id}`);

  return (
    <Paper sx={{ p: 2 }} component="section" aria-label={t('caseActions.panel.title')}>
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        {t('caseActions.panel.title')}
      </Typography>
      <Stack spacing={1.5}>
        {suggestion && canAct ? (
          <LevelSuggestionBanner
            suggestion={suggestion}
            canEscalate={canEscalate}
            onAccept={() =>
              setOpen({ step: canEscalate ? escalateStep : levelChangeStep, suggestion })
            }
          />
        ) : null}
        {offered.length === 0 ? (
          <Typography color="text.secondary">{t('caseActions.panel.none')}</Typography>
        ) : null}
        {GROUPS.map((group) => {
          const steps = offered.filter((step) => step.group === group);
          if (steps.length === 0) return null;
          return (
            <Box key={group} role="group" aria-label={t(`caseActions.panel.${group}s`)}>
              <Typography variant="body2" color="text.secondary" sx={{ mb: 0.5 }}>
                {t(`caseActions.panel.${group}s`)}
              </Typography>
              <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
                {steps.map((step) => (
                  <Button
                    key={step.id}
                    variant={group === 'step' ? 'contained' : 'outlined'}
                    onClick={() => setOpen({ step })}
                  >
                    {labelOf(step)}
                  </Button>
                ))}
              </Box>
            </Box>
          );
        })}
      </Stack>
      {open ? (
        <open.step.Dialog
          suggestion={open.suggestion}
          caseEntity={caseEntity}
          events={events}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </Paper>
  );
}
