import { noteCommand } from '@shared/workflow/commands/handling';
import { textStep } from './text-step';

/** A note (备注) beside the case's workflow. */
export const noteStep = textStep({
  id: 'note',
  group: 'record',
  type: 'case/noted',
  build: (note) => noteCommand({ note }),
  labelKey: 'note',
  multiline: true,
});
