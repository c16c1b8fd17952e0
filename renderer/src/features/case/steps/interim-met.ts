import { noteCommand } from '@shared/workflow/commands/handling';
import { textStep } from './text-step';

/**
 * The interim step done (临时措施已落实): what was put in place, e.g. the temporary
 * countermeasure a company owes within 8 working hours of a major complaint (S001-I 5.3.1).
 * Offered while the case owes one (the reducer refuses it otherwise).
 */
export const interimMetStep = textStep({
  id: 'interimMet',
  group: 'step',
  type: 'case/interimMet',
  build: (note) => noteCommand({ note }),
  labelKey: 'interimMetNote',
  helpKey: 'interimMetNoteHelp',
  multiline: true,
});
