/**
 * The steps whose form is one text (who accepted, why it was returned, the urging note ...):
 * each module states its event, label, what the field starts with, and how the text becomes
 * the event; this builds the step and its dialog.
 */
import { TextField } from '@mui/material';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseEntity } from '@shared/model/entities';
import type { CommandContext, CommandResult } from '@shared/workflow/commands/command';
import type { CasePayloadOf } from '@shared/workflow/events';
import type { CaseAppendableType } from '../../../db/repos/cases';
import { ActionDialog } from './ActionDialog';
import {
  caseStepDefine,
  type CaseStepDef,
  type CaseStepDialogProps,
  type CaseStepFieldWord,
  type CaseStepGroup,
  type CaseStepWord,
} from './case-step';
import { useActionForm } from './useActionForm';
import { useCaseStep } from './useCaseStep';

export interface TextStepOptions<Id extends CaseStepWord, T extends CaseAppendableType> {
  readonly id: Id;
  readonly group: CaseStepGroup;
  /** The one event the step records. */
  readonly type: T;
  /** Checks the text and builds the event's payload. */
  readonly build: (
    text: string,
    c: CaseEntity,
    ctx: CommandContext,
  ) => CommandResult<CasePayloadOf<T>, string>;
  /** Under `caseActions.fields`. */
  readonly labelKey: CaseStepFieldWord;
  readonly helpKey?: CaseStepFieldWord;
  readonly multiline: boolean;
  readonly initial?: (c: CaseEntity) => string;
  readonly isOffered?: CaseStepDef['isOffered'];
  /** What the clerk should see before confirming, under the field. */
  readonly Preview?: ComponentType<{ readonly caseEntity: CaseEntity }>;
}

/** A step whose dialog is one text field. */
export function textStep<const Id extends CaseStepWord, T extends CaseAppendableType>(
  options: TextStepOptions<Id, T>,
): CaseStepDef<Id> {
  const { id, group, type, isOffered } = options;
  function TextStepDialog(props: Readonly<CaseStepDialogProps>) {
    return <TextStepForm {...props} options={options} />;
  }
  return caseStepDefine({ id, group, events: [type], isOffered, Dialog: TextStepDialog });
}

interface TextStepFormProps<T extends CaseAppendableType> extends CaseStepDialogProps {
  readonly options: TextStepOptions<CaseStepWord, T>;
}

function TextStepForm<T extends CaseAppendableType>({
  options,
  caseEntity,
  onClose,
}: Readonly<TextStepFormProps<T>>) {
  const { t } = useTranslation();
  const step = useCaseStep(caseEntity.id);
  const { Preview } = options;
  const form = useActionForm<{ text: string }, 'text'>(() => ({
    text: options.initial?.(caseEntity) ?? '',
  }));
  const submit = async () => {
    const ctx = step.context();
    const result = options.build(form.values.text, caseEntity, ctx);
    if (!result.ok) {
      form.setErrors(result.errors.map(({ code }) => ({ field: 'text', code })));
      return false;
    }
    form.setErrors([]);
    await step.record(options.type, result.payload, ctx.now);
    return true;
  };

  return (
    <ActionDialog
      title={t(`caseActions.actions.${options.id}`)}
      onClose={onClose}
      onSubmit={submit}
    >
      <TextField
        {...form.text('text', t(`caseActions.fields.${options.labelKey}`), {
          help: options.helpKey ? t(`caseActions.fields.${options.helpKey}`) : undefined,
        })}
        multiline={options.multiline}
        minRows={options.multiline ? 3 : undefined}
        required
        autoFocus
      />
      {Preview ? <Preview caseEntity={caseEntity} /> : null}
    </ActionDialog>
  );
}
