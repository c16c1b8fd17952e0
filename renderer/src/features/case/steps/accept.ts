import { acceptCommand } from '@shared/workflow/commands/handling';
import { textStep } from './text-step';

/** Accepted (接单) by the unit: who handles it. */
export const acceptStep = textStep({
  id: 'accept',
  group: 'step',
  type: 'case/accepted',
  build: (handlerName) => acceptCommand({ handlerName }),
  labelKey: 'acceptHandler',
  multiline: false,
  // Usually the handler the dispatch named.
  initial: (c) => c.handlerName ?? '',
});
