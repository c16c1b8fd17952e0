import { Box, Button, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { aidsReferralsCheck } from '@shared/intake/hotline-aids';
import type { ReferralEntry } from '@shared/rules/rules';
import { useCanEditSettings } from '../useCanEditSettings';
import { AidsRemoveButton } from './AidsRemoveButton';
import { AidsSection } from './AidsSection';
import { LocalizedTextFields } from './LocalizedTextFields';
import { useAidsDraft } from './useAidsDraft';

const EMPTY_REFERRAL: ReferralEntry = {
  name: { zh: '', en: '' },
  phone: '',
  scope: { zh: '', en: '' },
};

/** The directory of out-of-scope referrals (rules.referrals): name, phone, what it handles. */
export function ReferralsEditor() {
  const { t } = useTranslation();
  const canEdit = useCanEditSettings('settings.aids');
  const { draft, edit, errors, status, saving, save } = useAidsDraft<readonly ReferralEntry[]>({
    fromRules: (rules) => rules.referrals,
    check: aidsReferralsCheck,
    toChange: (referrals) => ({ referrals }),
  });

  const editAt = (i: number, entry: ReferralEntry) =>
    edit(draft.map((e, j) => (j === i ? entry : e)));

  const phoneError = (i: number) => {
    const error = errors.find((e) => e.path === `referrals.${i}.phone`);
    return error ? t(`settings.aids.errors.${error.code}`) : undefined;
  };

  return (
    <AidsSection
      titleId="aids-referrals-title"
      title={t('settings.aids.referrals')}
      intro={t('settings.aids.referralsIntro')}
      onSubmit={save}
      saving={saving}
      saveLabel={t('settings.aids.saveReferrals')}
      status={status}
      actions={
        <Button onClick={() => edit([...draft, EMPTY_REFERRAL])}>
          {t('settings.aids.addReferral')}
        </Button>
      }
    >
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
                    <AidsRemoveButton
                      label={t('settings.aids.removeReferral', { n })}
                      onClick={() => edit(draft.filter((_, j) => j !== i))}
                    />
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
    </AidsSection>
  );
}
