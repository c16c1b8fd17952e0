/**
 * The steps whose form is one text (who accepted, why it was returned, the urging note ...):
 * their label, what the field starts with, and how the text becomes the event.
 */
import type { CaseEntity } from '../../../../../shared/entities';
import type {
  CommandContext,
  CommandResult,
} from '../../../../../shared/workflow/commands/command';
import { reopenCommand } from '../../../../../shared/workflow/commands/closing';
import {
  acceptCommand,
  exemptCommand,
  noteCommand,
  returnCommand,
} from '../../../../../shared/workflow/commands/handling';
import type { CasePayloadOf } from '../../../../../shared/workflow/events';
import type { CaseAppendableType } from '../../../db/repos/cases';
import type { ActionFieldError } from './useActionForm';
import type { CaseStep } from './useCaseStep';

export type TextStepId = 'accept' | 'return' | 'urge' | 'supervise' | 'note' | 'exempt' | 'reopen';

export interface TextStep {
  /** Under `caseActions.fields`. */
  readonly labelKey: string;
  readonly helpKey?: string;
  readonly multiline: boolean;
  readonly initial: (c: CaseEntity) => string;
  /** Checks the text and records the step; the field's errors when the text is refused. */
  readonly submit: (
    text: string,
    c: CaseEntity,
    step: CaseStep,
  ) => Promise<readonly ActionFieldError<'text'>[]>;
}

function textStep<T extends CaseAppendableType>(
  type: T,
  build: (
    text: string,
    c: CaseEntity,
    ctx: CommandContext,
  ) => CommandResult<CasePayloadOf<T>, string>,
  options: Omit<TextStep, 'submit' | 'initial'> & { initial?: TextStep['initial'] },
): TextStep {
  return {
    initial: () => '',
    ...options,
    async submit(text, c, step) {
      const ctx = step.context();
      const result = build(text, c, ctx);
      if (!result.ok) return result.errors.map(({ code }) => ({ field: 'text', code }));
      await step.record(type, result.payload, ctx.now);
      return [];
    },
  };
}

export const TEXT_STEPS: { readonly [K in TextStepId]: TextStep } = {
  accept: textStep('case/accepted', (handlerName) => acceptCommand({ handlerName }), {
    labelKey: 'acceptHandler',
    multiline: false,
    // Usually the handler the dispatch named.
    initial: (c) => c.handlerName ?? '',
  }),
  return: textStep('case/returned', (reason) => returnCommand({ reason }), {
    labelKey: 'returnReason',
    helpKey: 'returnReasonHelp',
    multiline: true,
  }),
  urge: textStep('case/urged', (note) => noteCommand({ note }), {
    labelKey: 'urgeNote',
    multiline: true,
  }),
  supervise: textStep('case/supervised', (note) => noteCommand({ note }), {
    labelKey: 'superviseNote',
    multiline: true,
  }),
  note: textStep('case/noted', (note) => noteCommand({ note }), {
    labelKey: 'note',
    multiline: true,
  }),
  exempt: textStep('case/exempted', (reason) => exemptCommand({ reason }), {
    labelKey: 'exemptReason',
    helpKey: 'exemptReasonHelp',
    multiline: true,
  }),
  reopen: textStep('case/reopened', (reason, c, ctx) => reopenCommand({ reason }, c, ctx), {
    labelKey: 'reopenReason',
    multiline: true,
  }),
};
