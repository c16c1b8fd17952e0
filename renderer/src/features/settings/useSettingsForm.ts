import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangeRefusedError } from '../../db/repos/refused';
import { useErrorMessage } from '../../app/useErrorMessage';

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
 * written; refusals land next to their fields and any other failure in `failure`.
 */
export function useSettingsForm<D, E extends FieldError>(options: SettingsFormOptions<D, E>) {
  const { initial, check, write, errorsKey, onSaved } = options;
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [draft, setDraft] = useState<D>(initial);
  const [errors, setErrors] = useState<readonly E[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const errorFor = (field: E['field']) => {
    const error = errors.find((e) => e.field === field);
    return error ? t(`${errorsKey}.${error.code}`, { max: error.max }) : undefined;
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const found = check(draft);
    setErrors(found);
    setFailure(null);
    if (found.length > 0) return;
    setSaving(true);
    try {
      await write(draft);
      onSaved();
    } catch (error) {
      if (error instanceof ChangeRefusedError) {
        const problems = (error as ChangeRefusedError<E | { readonly code: string }>).problems;
        setErrors(problems.filter((p): p is E => 'field' in p));
      } else {
        setFailure(t('settings.failed', { reason: errorMessage(error) }));
      }
      setSaving(false);
    }
  };

  return { draft, setDraft, errorFor, failure, saving, save };
}
