import { Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type PasswordProblem,
} from '@shared/access/credentials';

export interface PasswordDraft {
  readonly next: string;
  readonly confirmation: string;
}

export interface PasswordFieldsProps {
  readonly value: PasswordDraft;
  readonly onChange: (value: PasswordDraft) => void;
  /** What `passwordCheck` found (or a refusal naming the new password). */
  readonly problem?: PasswordProblem | undefined;
  /** The fields' labels when not "new password" and "new password again". */
  readonly labels?: { readonly next: string; readonly confirm: string };
  readonly autoFocus?: boolean;
}

/** A new password and its confirmation, with the problem next to the field it concerns. */
export function PasswordFields({
  value,
  onChange,
  problem,
  labels,
  autoFocus,
}: Readonly<PasswordFieldsProps>) {
  const { t } = useTranslation();
  const message = problem
    ? t(`accounts.password.problems.${problem}`, {
        min: PASSWORD_MIN_LENGTH,
        max: PASSWORD_MAX_LENGTH,
      })
    : undefined;
  const onConfirm = problem === 'mismatch';
  return (
    <Stack spacing={2}>
      <TextField
        type="password"
        autoComplete="new-password"
        label={labels?.next ?? t('accounts.password.new')}
        value={value.next}
        onChange={(e) => onChange({ ...value, next: e.target.value })}
        error={Boolean(message) && !onConfirm}
        helperText={
          message && !onConfirm
            ? message
            : t('accounts.password.help', { min: PASSWORD_MIN_LENGTH })
        }
        required
        autoFocus={autoFocus}
      />
      <TextField
        type="password"
        autoComplete="new-password"
        label={labels?.confirm ?? t('accounts.password.confirm')}
        value={value.confirmation}
        onChange={(e) => onChange({ ...value, confirmation: e.target.value })}
        error={onConfirm}
        helperText={onConfirm ? message : undefined}
        required
      />
    </Stack>
  );
}
