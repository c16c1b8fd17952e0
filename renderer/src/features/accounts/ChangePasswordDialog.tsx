import { TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { passwordCheck, type PasswordProblem } from '@shared/access/credentials';
import { accountPasswordChange, type PasswordChangeRefusal } from '../../db/repos/accounts';
import { ChangeRefusedError } from '../../db/repos/refused';
import { useDeskServices } from '../../desk/services';
import { useDeskState } from '../../desk/desk-state';
import { useErrorMessage } from '../../desk/useErrorMessage';
import { FormDialog } from '../../ui/FormDialog';
import { useSubmit } from '../../ui/useSubmit';
import { PasswordFields, type PasswordDraft } from './PasswordFields';

/** The operator changes their own password, giving the present one. */
export function ChangePasswordDialog({
  onClose,
}: {
  readonly onClose: (changed: boolean) => void;
}) {
  const { t } = useTranslation();
  const { db, now } = useDeskServices();
  const { operator } = useDeskState();
  const errorMessage = useErrorMessage();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState<PasswordDraft>({ next: '', confirmation: '' });
  const [problem, setProblem] = useState<PasswordProblem | undefined>();
  const [currentProblem, setCurrentProblem] = useState<string | undefined>();

  const save = useSubmit(
    async () => {
      const found = passwordCheck(next.next, next.confirmation);
      setProblem(found);
      setCurrentProblem(undefined);
      if (found) return false;
      try {
        await accountPasswordChange(db, operator.id, { current, ...next }, now());
      } catch (error) {
        if (!(error instanceof ChangeRefusedError)) throw error;
        const [first] = error.problems as readonly PasswordChangeRefusal[];
        if (
          first === 'tooShort' ||
          first === 'tooLong' ||
          first === 'mismatch' ||
          first === 'sameAsOld'
        )
          setProblem(first);
        else setCurrentProblem(t(`accounts.password.problems.${first ?? 'wrongPassword'}`));
        return false;
      }
      onClose(true);
      return true;
    },
    { failureOf: errorMessage },
  );

  return (
    <FormDialog
      title={t('accounts.changePassword.title')}
      labels={{
        cancel: t('accounts.cancel'),
        submit: t('accounts.password.save'),
        pending: t('accounts.saving'),
      }}
      onClose={() => onClose(false)}
      onSubmit={save.run}
      pending={save.pending}
      failure={save.failure}
    >
      <TextField
        type="password"
        autoComplete="current-password"
        label={t('accounts.password.current')}
        value={current}
        onChange={(e) => setCurrent(e.target.value)}
        error={Boolean(currentProblem)}
        helperText={currentProblem}
        required
        autoFocus
      />
      <PasswordFields value={next} onChange={setNext} problem={problem} />
    </FormDialog>
  );
}
