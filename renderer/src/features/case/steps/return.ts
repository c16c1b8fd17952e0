import { returnCommand } from '@shared/workflow/commands/handling';
import { textStep } from './text-step';

/** Returned (退回) by the unit, with the reason. */
export const returnStep = textStep({
  id: 'return',
  group: 'step',
  type: 'case/returned',
  build: (reason) => returnCommand({ reason }),
  labelKey: 'returnReason',
  helpKey: 'returnReasonHelp',
  multiline: true,
});
