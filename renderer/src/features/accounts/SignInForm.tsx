import { Alert, Button, Stack, TextField, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { passwordCheck, type PasswordProblem } from '@shared/access/credentials';
import type { StaffId } from '@shared/kernel/brand';
import type { StaffEntity } from '@shared/model/entities';
import {
  accountFirstPassword,
  accountPasswordChange,
  accountSignIn,
  accountsAnyPassword,
  type PasswordChangeRefusal,
  type SignInResult,
} from '../../db/repos/accounts';
import { ChangeRefusedError } from '../../db/repos/refused';
import { staffActive } from '../../db/repos/staff';
import { useDeskServices } from '../../desk/services';
import { useErrorMessage } from '../../desk/useErrorMessage';
import { formatDateTime } from '../../vocabulary/date-time';
import { PasswordFields, type PasswordDraft } from './PasswordFields';

export interface SignInFormProps {
  /** The operator offered first (the last one signed in). */
  readonly initialStaffId?: StaffId;
  /** The desk's time zone, for the time a lock ends. */
  readonly timeZone: string;
  readonly submitLabel: string;
  /** The operator gave their password (and chose a new one if they had to). */
  readonly onSignedIn: (operator: StaffEntity) => void;
  /** Buttons beside the submit button (a dialog's cancel). */
  readonly actions?: ReactNode;
}

type Step =
  | { readonly kind: 'password' }
  /** Signed in with a reset or expired password: a new one first. */
  | { readonly kind: 'change'; readonly operator: StaffEntity; readonly current: string }
  /** A desk from before accounts: its administrator chooses the first password. */
  | { readonly kind: 'first'; readonly operator: StaffEntity };

const EMPTY: PasswordDraft = { next: '', confirmation: '' };

/**
 * Who signs in and their password: the one way onto the desk, at the start, after the idle lock
 * and when switching operator. The password is checked by `accountSignIn` (which counts
 * failures and locks the account); nothing here decides who may sign in.
 */
export function SignInForm({
  initialStaffId,
  timeZone,
  submitLabel,
  onSignedIn,
  actions,
}: Readonly<SignInFormProps>) {
  const { t } = useTranslation();
  const { db, now } = useDeskServices();
  const errorMessage = useErrorMessage();
  const staff = useLiveQuery(() => staffActive(db), [db]);
  const [chosen, setChosen] = useState<StaffId | ''>('');
  const [password, setPassword] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const [next, setNext] = useState<PasswordDraft>(EMPTY);
  const [problem, setProblem] = useState<PasswordProblem | undefined>();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const offered = staff ?? [];
  const staffId: StaffId | '' =
    chosen || (offered.find((s) => s.id === initialStaffId)?.id ?? offered[0]?.id ?? ('' as const));

  const refusalText = (result: Extract<SignInResult, { ok: false }>) =>
    t(`accounts.signIn.refusals.${result.refusal}`, {
      left: result.attemptsLeft ?? 0,
      until: result.lockedUntil ? formatDateTime(result.lockedUntil, timeZone) : '',
    });

  const run = async (work: () => Promise<void>) => {
    if (pending) return;
    setPending(true);
    setMessage(null);
    try {
      await work();
    } catch (error) {
      if (error instanceof ChangeRefusedError) {
        const [first] = error.problems as readonly PasswordChangeRefusal[];
        if (
          first === 'tooShort' ||
          first === 'tooLong' ||
          first === 'mismatch' ||
          first === 'sameAsOld'
        )
          setProblem(first);
        else setMessage(t(`accounts.password.problems.${first ?? 'notAllowed'}`));
      } else setMessage(errorMessage(error));
    } finally {
      setPending(false);
    }
  };

  const submitPassword = () =>
    run(async () => {
      if (!staffId) return;
      const result = await accountSignIn(db, staffId, password, now());
      setPassword('');
      if (result.ok) {
        if (result.mustChange) {
          setStep({ kind: 'change', operator: result.operator, current: password });
          return;
        }
        onSignedIn(result.operator);
        return;
      }
      const member = offered.find((s) => s.id === staffId);
      if (
        result.refusal === 'noPassword' &&
        member?.roles.includes('admin') &&
        !(await accountsAnyPassword(db))
      ) {
        setStep({ kind: 'first', operator: member });
        return;
      }
      setMessage(refusalText(result));
    });

  const submitNew = (current: Exclude<Step, { kind: 'password' }>) =>
    run(async () => {
      const found = passwordCheck(next.next, next.confirmation);
      setProblem(found);
      if (found) return;
      if (current.kind === 'change') {
        await accountPasswordChange(
          db,
          current.operator.id,
          { current: current.current, next: next.next, confirmation: next.confirmation },
          now(),
        );
        onSignedIn(current.operator);
      } else {
        onSignedIn(await accountFirstPassword(db, current.operator.id, next, now()));
      }
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void (step.kind === 'password' ? submitPassword() : submitNew(step));
  };

  return (
    <Stack component="form" spacing={2} onSubmit={submit} noValidate>
      {step.kind === 'password' ? (
        <>
          {staff && offered.length === 0 ? (
            <Alert severity="warning">{t('accounts.signIn.noStaff')}</Alert>
          ) : null}
          <TextField
            select
            label={t('accounts.signIn.operator')}
            value={staffId}
            onChange={(e) => {
              setChosen(e.target.value as StaffId);
              setMessage(null);
            }}
            slotProps={{ select: { native: true } }}
          >
            {offered.map((member) => (
              <option key={member.id} value={member.id}>
                {member.staffNo ? `${member.name}（${member.staffNo}）` : member.name}
              </option>
            ))}
          </TextField>
          <TextField
            type="password"
            autoComplete="current-password"
            label={t('accounts.signIn.password')}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
            autoFocus
          />
        </>
      ) : (
        <>
          <Typography>
            {step.kind === 'change'
              ? t('accounts.signIn.mustChangeIntro', { name: step.operator.name })
              : t('accounts.signIn.firstPasswordIntro', { name: step.operator.name })}
          </Typography>
          <PasswordFields value={next} onChange={setNext} problem={problem} autoFocus />
        </>
      )}
      {message ? (
        <Alert severity="error" role="alert">
          {message}
        </Alert>
      ) : null}
      <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
        {actions}
        <Button type="submit" variant="contained" disabled={pending || !staffId}>
          {pending
            ? t('accounts.signIn.checking')
            : step.kind === 'password'
              ? submitLabel
              : t('accounts.password.save')}
        </Button>
      </Stack>
    </Stack>
  );
}
