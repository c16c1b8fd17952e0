import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AidsError } from '@shared/intake/hotline-aids';
import type { DeskRules } from '@shared/rules/rules';
import { rulesAidsChange, type AidsChange } from '../../../db/repos/hotline-aids';
import { ChangeRefusedError } from '../../../db/repos/refused';
import { useDeskState } from '../../../desk/desk-state';
import { useDeskSession } from '../../../desk/desk-session';
import { useErrorMessage } from '../../../desk/useErrorMessage';
import { useSubmit } from '../../../ui/useSubmit';

/** What a save of the call aids came to, shown beside the save button. */
export interface AidsStatus {
  readonly ok: boolean;
  readonly text: string;
}

export interface AidsDraftOptions<T> {
  /** The edited part of the rules, as stored (read once, then again from each save). */
  readonly fromRules: (rules: DeskRules) => T;
  /** The form's own check (the write checks again). */
  readonly check: (draft: T) => readonly AidsError[];
  /** The change that stores the draft. */
  readonly toChange: (draft: T) => AidsChange;
}

/**
 * The draft of one part of the call aids (the scripts, the referral directory) and its saving:
 * checked first, then written into the rules; the stored, cleaned form replaces the draft.
 */
export function useAidsDraft<T>({ fromRules, check, toChange }: AidsDraftOptions<T>) {
  const { t } = useTranslation();
  const { rules } = useDeskState();
  const session = useDeskSession();
  const errorMessage = useErrorMessage();
  const [draft, setDraft] = useState<T>(() => fromRules(rules));
  const [errors, setErrors] = useState<readonly AidsError[]>([]);
  const [status, setStatus] = useState<AidsStatus | null>(null);

  const edit = (next: T) => {
    setDraft(next);
    setStatus(null);
  };

  const submit = useSubmit(
    async (checked: T) => {
      const next = await rulesAidsChange(session, toChange(checked));
      setDraft(fromRules(next));
      setStatus({ ok: true, text: t('settings.aids.saved') });
    },
    {
      // Success and failure share one status line under the form.
      failureOf: (error) => {
        if (error instanceof ChangeRefusedError)
          setErrors((error as ChangeRefusedError<AidsError>).problems);
        setStatus({ ok: false, text: t('settings.failed', { reason: errorMessage(error) }) });
        return undefined;
      },
    },
  );

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const found = check(draft);
    setErrors(found);
    if (found.length > 0) {
      setStatus({ ok: false, text: t('settings.aids.fixErrors') });
      return;
    }
    await submit.run(draft);
  };

  return { draft, edit, errors, status, saving: submit.pending, save };
}
