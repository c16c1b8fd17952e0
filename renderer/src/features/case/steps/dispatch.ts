import { caseStepDefine, isRedispatch } from './case-step';
import { DispatchDialog } from './DispatchDialog';

/** Dispatch (交办) to a unit; once the case had a unit, the same step is a re-dispatch (改派). */
export const dispatchStep = caseStepDefine({
  id: 'dispatch',
  group: 'step',
  events: ['case/dispatched'],
  labelOf: (c) => (isRedispatch(c) ? 'redispatch' : 'dispatch'),
  Dialog: DispatchDialog,
});
