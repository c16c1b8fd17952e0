import { noteCommand } from '@shared/workflow/commands/handling';
import { textStep } from './text-step';

/** Supervised (督办): a note of the supervision. */
export const superviseStep = textStep({
  id: 'supervise',
  group: 'record',
  type: 'case/supervised',
  build: (note) => noteCommand({ note }),
  labelKey: 'superviseNote',
  multiline: true,
});
