import { exemptCommand } from '@shared/workflow/commands/handling';
import { textStep } from './text-step';

/** Exempted from the deadline (不受时限限制), once, with the reason. */
export const exemptStep = textStep({
  id: 'exempt',
  group: 'record',
  type: 'case/exempted',
  build: (reason) => exemptCommand({ reason }),
  labelKey: 'exemptReason',
  helpKey: 'exemptReasonHelp',
  multiline: true,
  isOffered: (c) => c.exemptReason === undefined && c.deadline !== undefined,
});
