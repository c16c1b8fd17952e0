import { Alert, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { securityPolicyCheck, type SecurityPolicy } from '@shared/access/credentials';
import { securityPolicy, securityPolicyChange } from '../../db/repos/accounts';
import { useDeskSession } from '../../desk/desk-session';
import { useDeskServices } from '../../desk/services';
import { useErrorMessage } from '../../desk/useErrorMessage';
import { useSubmit } from '../../ui/useSubmit';

const FIELDS = ['idleLockMinutes', 'passwordMaxAgeDays', 'maxFailures', 'lockMinutes'] as const;
type Draft = Record<(typeof FIELDS)[number], string>;

/** The administrator's sign-in policy: idle lock, password age, the lock after wrong passwords. */
export function SecurityPolicySection() {
  const { db } = useDeskServices();
  const stored = useLiveQuery(() => securityPolicy(db), [db]);
  // Mounted once the policy is read, so the form starts from it.
  return stored ? <PolicyForm stored={stored} /> : null;
}

function PolicyForm({ stored }: { readonly stored: SecurityPolicy }) {
  const { t } = useTranslation();
  const session = useDeskSession();
  const errorMessage = useErrorMessage();
  const [draft, setDraft] = useState<Draft>(() => ({
    idleLockMinutes: String(stored.idleLockMinutes),
    passwordMaxAgeDays: String(stored.passwordMaxAgeDays),
    maxFailures: String(stored.maxFailures),
    lockMinutes: String(stored.lockMinutes),
  }));
  const [invalid, setInvalid] = useState<readonly string[]>([]);
  const [saved, setSaved] = useState(false);
  const save = useSubmit(
    async () => {
      const policy: SecurityPolicy = {
        idleLockMinutes: Number(draft.idleLockMinutes),
        passwordMaxAgeDays: Number(draft.passwordMaxAgeDays),
        maxFailures: Number(draft.maxFailures),
        lockMinutes: Number(draft.lockMinutes),
      };
      const problems = securityPolicyCheck(policy);
      setInvalid(problems);
      if (problems.length > 0) return;
      await securityPolicyChange(session, policy);
      setSaved(true);
    },
    { failureOf: errorMessage },
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    void save.run();
  };
  return (
    <Paper
      component="form"
      onSubmit={submit}
      noValidate
      sx={{ p: 2, mt: 3 }}
      aria-label={t('accounts.policy.title')}
    >
      <Typography variant="h6" component="h2">
        {t('accounts.policy.title')}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {t('accounts.policy.intro')}
      </Typography>
      <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', rowGap: 2 }}>
        {FIELDS.map((field) => (
          <TextField
            key={field}
            label={t(`accounts.policy.${field}`)}
            value={draft[field]}
            onChange={(e) => setDraft({ ...draft, [field]: e.target.value })}
            error={invalid.includes(field)}
            helperText={invalid.includes(field) ? t('accounts.policy.invalid') : undefined}
            slotProps={{ htmlInput: { inputMode: 'numeric' } }}
            sx={{ width: 240 }}
          />
        ))}
      </Stack>
      {save.failure ? (
        <Alert severity="error" sx={{ mt: 2 }}>
          {save.failure}
        </Alert>
      ) : null}
      {saved ? (
        <Alert severity="success" sx={{ mt: 2 }}>
          {t('accounts.policy.saved')}
        </Alert>
      ) : null}
      <Button type="submit" variant="contained" sx={{ mt: 2 }} disabled={save.pending}>
        {t('accounts.policy.save')}
      </Button>
    </Paper>
  );
}
