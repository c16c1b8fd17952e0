import { Alert, Box, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  deskSetupCheck,
  type DeskSetupDraft,
  type DeskSetupError,
  type DeskSetupField,
} from '@shared/rules/desk-setup';
import { PRESET_IDS, presetFor } from '@shared/rules/presets';
import { rulesLabel } from '@shared/rules/rules-query';
import type { Locale, PresetId } from '@shared/rules/rules';
import { passwordCheck, type PasswordProblem } from '@shared/access/credentials';
import type { DeskId, StaffId } from '@shared/kernel/brand';
import { deskSetUp } from '../../db/repos/settings';
import { PasswordFields } from '../accounts/PasswordFields';
import { useDeskServices } from '../../desk/services';
import { useErrorMessage } from '../../desk/useErrorMessage';
import { useSubmit } from '../../ui/useSubmit';

export interface SetupPageProps {
  readonly locale: Locale;
  readonly onLocaleChange: (locale: Locale) => void;
  /** The desk is set up: its first administrator is signed in (they just chose the password). */
  readonly onSetUp: (done: { readonly deskId: DeskId; readonly staffId: StaffId }) => void;
}

const EMPTY: DeskSetupDraft = {
  organisationName: '',
  deskName: '',
  deskCode: '',
  presetId: 'property',
  operatorName: '',
};

/** First run: who this desk is, which regulations it follows, who is at the keyboard. */
export function SetupPage({ locale, onLocaleChange, onSetUp }: Readonly<SetupPageProps>) {
  const { t } = useTranslation();
  const { db, now } = useDeskServices();
  const errorMessage = useErrorMessage();
  const [draft, setDraft] = useState<DeskSetupDraft>(EMPTY);
  const [errors, setErrors] = useState<readonly DeskSetupError[]>([]);
  const [password, setPassword] = useState({ next: '', confirmation: '' });
  const [passwordProblem, setPasswordProblem] = useState<PasswordProblem | undefined>();

  const errorFor = (field: DeskSetupField) => {
    const error = errors.find((e) => e.field === field);
    return error ? t(`setup.errors.${error.code}`, { max: error.max }) : undefined;
  };
  const set = (field: DeskSetupField) => (value: string) =>
    setDraft((current) => ({ ...current, [field]: value }));

  const setUp = useSubmit(
    async () => {
      const done = await deskSetUp(db, {
        organisationName: draft.organisationName.trim(),
        deskName: draft.deskName.trim(),
        deskCode: draft.deskCode.trim() === '' ? undefined : draft.deskCode.trim().toUpperCase(),
        presetId: draft.presetId,
        operatorName: draft.operatorName.trim(),
        locale,
        now: now(),
        password: password.next,
      });
      onSetUp({ deskId: done.identity.deskId, staffId: done.operator.id });
    },
    {
      failureOf: (error) => t('setup.failed', { reason: errorMessage(error) }),
      // The desk is set up: the app leaves this page.
      pendingAfterSuccess: true,
    },
  );
  const saving = setUp.pending;
  const failure = setUp.failure;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = deskSetupCheck(draft);
    setErrors(found);
    const problem = passwordCheck(password.next, password.confirmation);
    setPasswordProblem(problem);
    if (found.length > 0 || problem) return;
    await setUp.run();
  };

  const preset = presetFor(draft.presetId);
  return (
    <Box sx={{ display: 'grid', placeItems: 'center', minHeight: '100vh', p: 2 }}>
      <Paper component="form" onSubmit={submit} noValidate sx={{ p: 4, width: 560 }}>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
          <Typography variant="h5" component="h1">
            {t('setup.title')}
          </Typography>
          <Button
            onClick={() => onLocaleChange(locale === 'zh-CN' ? 'en' : 'zh-CN')}
            aria-label={t('app.languageSwitchLabel')}
          >
            {t('app.languageSwitch')}
          </Button>
        </Stack>
        <Typography sx={{ my: 2 }} color="text.secondary">
          {t('setup.intro')}
        </Typography>
        <Stack spacing={2}>
          <TextField
            label={t('setup.organisationName')}
            value={draft.organisationName}
            onChange={(e) => set('organisationName')(e.target.value)}
            error={Boolean(errorFor('organisationName'))}
            helperText={errorFor('organisationName')}
            required
            autoFocus
          />
          <TextField
            label={t('setup.deskName')}
            value={draft.deskName}
            onChange={(e) => set('deskName')(e.target.value)}
            error={Boolean(errorFor('deskName'))}
            helperText={errorFor('deskName')}
            required
          />
          <TextField
            label={t('setup.deskCode')}
            value={draft.deskCode}
            onChange={(e) => set('deskCode')(e.target.value)}
            error={Boolean(errorFor('deskCode'))}
            helperText={errorFor('deskCode') ?? t('setup.deskCodeHelp')}
          />
          <TextField
            select
            label={t('setup.preset')}
            value={draft.presetId}
            onChange={(e) => set('presetId')(e.target.value as PresetId)}
            slotProps={{ select: { native: true } }}
            helperText={t('setup.presetSummary', {
              kinds: preset.kinds
                .map((kind) => rulesLabel(kind.label, locale))
                .join(locale === 'zh-CN' ? '、' : ', '),
            })}
          >
            {PRESET_IDS.map((id) => (
              <option key={id} value={id}>
                {rulesLabel(presetFor(id).name, locale)}
              </option>
            ))}
          </TextField>
          <TextField
            label={t('setup.operatorName')}
            value={draft.operatorName}
            onChange={(e) => set('operatorName')(e.target.value)}
            error={Boolean(errorFor('operatorName'))}
            helperText={errorFor('operatorName')}
            required
          />
          <PasswordFields
            value={password}
            onChange={setPassword}
            problem={passwordProblem}
            labels={{ next: t('accounts.setup.password'), confirm: t('accounts.setup.confirm') }}
          />
          {failure ? <Alert severity="error">{failure}</Alert> : null}
          <Button type="submit" variant="contained" size="large" disabled={saving}>
            {saving ? t('setup.saving') : t('setup.submit')}
          </Button>
        </Stack>
      </Paper>
    </Box>
  );
}
