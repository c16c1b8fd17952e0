import { noteCommand } from '@shared/workflow/commands/handling';
import { textStep } from './text-step';

/** Urged (催办): a note that the unit was pressed. */
export const urgeStep = textStep({
  id: 'urge',
  group: 'record',
  type: 'case/urged',
  build: (note) => noteCommand({ note }),
  labelKey: 'urgeNote',
  multiline: true,
});
