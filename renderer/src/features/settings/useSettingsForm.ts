import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangeRefusedError } from '../../db/repos/refused';
import { useErrorMessage } from '../../desk/useErrorMessage';
import type { FormDialogProps } from '../../ui/FormDialog';
import { useSubmit } from '../../ui/useSubmit';

/** A problem the rules find with one field of the form (`StaffError`, `UnitError`). */
interface FieldError {
  readonly field: string;
  readonly code: string;
  readonly max?: number;
}

export interface SettingsFormOptions<D, E extends FieldError> {
  readonly initial: () => D;
  /** The form's own check (the write checks again, in its transaction). */
  readonly check: (draft: D) => readonly E[];
  /** Stores the checked draft; may throw `ChangeRefusedError` with field and record refusals. */
  readonly write: (draft: D) => Promise<unknown>;
  /** Where the words of the field errors are, each under its `code`. */
  readonly errorsKey: 'settings.staff.errors' | 'settings.units.errors';
  /** Called once the draft is stored. */
  readonly onSaved: () => void;
}

/**
 * The draft of a settings dialog (a staff member, a unit) and its saving: checked first, then
 * written; refusals land next to their fields and any other failure in `failure`. `dialog`
 * is what the `FormDialog` around the fields needs.
 */
export function useSettingsForm<D, E extends FieldError>(options: SettingsFormOptions<D, E>) {
  const { initial, check, write, errorsKey, onSaved } = options;
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [draft, setDraft] = useState<D>(initial);
  const [errors, setErrors] = useState<readonly E[]>([]);
  const submit = useSubmit(
    async (checked: D) => {
      try {
        await write(checked);
        onSaved();
      } catch (error) {
        if (!(error instanceof ChangeRefusedError)) throw error;
        const problems = (error as ChangeRefusedError<E | { readonly code: string }>).problems;
        setErrors(problems.filter((p): p is E => 'field' in p));
      }
    },
    { failureOf: (error) => t('settings.failed', { reason: errorMessage(error) }) },
  );

  const errorFor = (field: E['field']) => {
    const error = errors.find((e) => e.field === field);
    return error ? t(`${errorsKey}.${error.code}`, { max: error.max }) : undefined;
  };

  const save = async () => {
    const found = check(draft);
    setErrors(found);
    submit.setFailure(null);
    if (found.length > 0) return;
    await submit.run(draft);
  };

  const dialog = {
    onSubmit: save,
    pending: submit.pending,
    failure: submit.failure,
    labels: {
      cancel: t('settings.cancel'),
      submit: t('settings.save'),
      pending: t('settings.saving'),
    },
  } satisfies Partial<FormDialogProps>;
  return { draft, setDraft, errorFor, dialog };
}
