import { Alert, Box, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { aidsReferralsCheck, type AidsError } from '../../../../../shared/hotline-aids';
import type { ReferralEntry } from '../../../../../shared/rules';
import { rulesAidsChange } from '../../../db/repos/hotline-aids';
import { ChangeRefusedError } from '../../../db/repos/refused';
import { useDeskState } from '../../../app/desk-state';
import { useDeskServices } from '../../../app/services';
import { useErrorMessage } from '../../../app/useErrorMessage';
import { useAuditedBy, useCanEditSettings } from '../useAuditedBy';
import { LocalizedTextFields } from './LocalizedTextFields';

const EMPTY_REFERRAL: ReferralEntry = {
  name: { zh: '', en: '' },
  phone: '',
  scope: { zh: '', en: '' },
};

/** The directory of out-of-scope referrals (rules.referrals): name, phone, what it handles. */
export function ReferralsEditor() {
  const { t } = useTranslation();
  const { rules } = useDeskState();
  const { db } = useDeskServices();
  const auditedBy = useAuditedBy();
  const errorMessage = useErrorMessage();
  const canEdit = useCanEditSettings();
  const [draft, setDraft] = useState<readonly ReferralEntry[]>(() => rules.referrals);
  const [errors, setErrors] = useState<readonly AidsError[]>([]);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [saving, setSaving] = useState(false);

  const edit = (next: readonly ReferralEntry[]) => {
    setDraft(next);
    setStatus(null);
  };
  const editAt = (i: number, entry: ReferralEntry) =>
    edit(draft.map((e, j) => (j === i ? entry : e)));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const found = aidsReferralsCheck(draft);
    setErrors(found);
    if (found.length > 0) {
      setStatus({ ok: false, text: t('settings.aids.fixErrors') });
      return;
    }
    setSaving(true);
    try {
      const next = await rulesAidsChange(db, { referrals: draft }, auditedBy());
      setDraft(next.referrals);
      setStatus({ ok: true, text: t('settings.aids.saved') });
    } catch (error) {
      if (error instanceof ChangeRefusedError)
        setErrors((error as ChangeRefusedError<AidsError>).problems);
      setStatus({ ok: false, text: t('settings.failed', { reason: errorMessage(error) }) });
    } finally {
      setSaving(false);
    }
  };

  const phoneError = (i: number) => {
    const error = errors.find((e) => e.path === `referrals.${i}.phone`);
    return error ? t(`settings.aids.errors.${error.code}`) : undefined;
  };

  return (
    <Paper
      component="form"
      onSubmit={save}
      noValidate
      sx={{ p: 3 }}
      aria-labelledby="aids-referrals-title"
    >
      <Typography id="aids-referrals-title" variant="h6" component="h2">
        {t('settings.aids.referrals')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5, mb: 2 }}>
        {t('settings.aids.referralsIntro')}
      </Typography>
      {draft.length === 0 ? <Typography>{t('settings.aids.noReferrals')}</Typography> : null}
      <Stack spacing={2}>
        {draft.map((entry, i) => {
          const n = i + 1;
          return (
            <Box
              key={i}
              component="fieldset"
              sx={{ border: 1, borderColor: 'divider', borderRadius: 1, px: 2, pb: 2, pt: 1, m: 0 }}
            >
              <Typography component="legend" variant="subtitle2" sx={{ px: 0.5 }}>
                {t('settings.aids.referral', { n })}
              </Typography>
              <Stack spacing={2}>
                <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
                  <LocalizedTextFields
                    label={t('settings.aids.referralName')}
                    value={entry.name}
                    onChange={(name) => editAt(i, { ...entry, name })}
                    path={`referrals.${i}.name`}
                    errors={errors}
                    disabled={!canEdit}
                  />
                  <TextField
                    label={t('settings.aids.referralPhone')}
                    value={entry.phone}
                    onChange={(e) => editAt(i, { ...entry, phone: e.target.value })}
                    error={Boolean(phoneError(i))}
                    helperText={phoneError(i)}
                    disabled={!canEdit}
                    inputMode="tel"
                    sx={{ width: 160, flexShrink: 0 }}
                  />
                  {canEdit ? (
                    <Button
                      color="warning"
                      onClick={() => edit(draft.filter((_, j) => j !== i))}
                      aria-label={t('settings.aids.removeReferral', { n })}
                      sx={{ mt: 1, flexShrink: 0 }}
                    >
                      {t('settings.aids.remove')}
                    </Button>
                  ) : null}
                </Stack>
                <LocalizedTextFields
                  label={t('settings.aids.referralScope')}
                  value={entry.scope}
                  onChange={(scope) => editAt(i, { ...entry, scope })}
                  path={`referrals.${i}.scope`}
                  errors={errors}
                  disabled={!canEdit}
                  multiline
                />
              </Stack>
            </Box>
          );
        })}
      </Stack>
      {canEdit ? (
        <Stack direction="row" spacing={2} sx={{ mt: 2, alignItems: 'center' }}>
          <Button onClick={() => edit([...draft, EMPTY_REFERRAL])}>
            {t('settings.aids.addReferral')}
          </Button>
          <Button type="submit" variant="contained" disabled={saving}>
            {saving ? t('settings.saving') : t('settings.aids.saveReferrals')}
          </Button>
          <Box aria-live="polite" sx={{ flex: 1 }}>
            {status ? (
              <Alert severity={status.ok ? 'success' : 'error'} sx={{ py: 0 }}>
                {status.text}
              </Alert>
            ) : null}
          </Box>
        </Stack>
      ) : null}
    </Paper>
  );
}
