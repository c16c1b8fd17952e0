import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { passwordCheck, type PasswordProblem } from '@shared/access/credentials';
import type { StaffEntity } from '@shared/model/entities';
import { accountPasswordReset } from '../../db/repos/accounts';
import { useDeskSession } from '../../desk/desk-session';
import { useErrorMessage } from '../../desk/useErrorMessage';
import { FormDialog } from '../../ui/FormDialog';
import { useSubmit } from '../../ui/useSubmit';
import { PasswordFields, type PasswordDraft } from './PasswordFields';

export interface ResetPasswordDialogProps {
  readonly member: StaffEntity;
  readonly onClose: (done: boolean) => void;
}

/** An administrator sets an operator's password (a new operator, or a forgotten one); audited. */
export function ResetPasswordDialog({ member, onClose }: Readonly<ResetPasswordDialogProps>) {
  const { t } = useTranslation();
  const session = useDeskSession();
  const errorMessage = useErrorMessage();
  const [draft, setDraft] = useState<PasswordDraft>({ next: '', confirmation: '' });
  const [problem, setProblem] = useState<PasswordProblem | undefined>();
  const save = useSubmit(
    async () => {
      const found = passwordCheck(draft.next, draft.confirmation);
      setProblem(found);
      if (found) return false;
      await accountPasswordReset(session, member.id, draft);
      onClose(true);
      return true;
    },
    { failureOf: errorMessage, pendingAfterSuccess: true },
  );
  return (
    <FormDialog
      title={t('accounts.reset.title', { name: member.name })}
      intro={t('accounts.reset.intro')}
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
      <PasswordFields value={draft} onChange={setDraft} problem={problem} autoFocus />
    </FormDialog>
  );
}
