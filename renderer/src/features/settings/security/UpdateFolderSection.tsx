import { Alert, Box, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateCheckResult } from '@shared/platform/bridge';
import { updateFolderCheck } from '@shared/platform/update-offer';
import { useDeskSession } from '../../../desk/desk-session';
import { useDeskServices } from '../../../desk/services';
import { useErrorMessage } from '../../../desk/useErrorMessage';
import { updateFolderChange } from '../../../db/repos/security-settings';
import { useSubmit } from '../../../ui/useSubmit';
import { SaveStatus, type SaveOutcome } from '../SaveStatus';
import { useCanEditSettings } from '../useCanEditSettings';
import { UpdateOfferAlert } from './UpdateOffer';
import { useBridgeRuntime } from './useBridgeRuntime';

/**
 * 离线更新: the shared folder where new installers are put. The desktop application checks it at
 * every start; the browser build says why it does not apply.
 */
export function UpdateFolderSection({ stored }: Readonly<{ stored: string }>) {
  const { t } = useTranslation();
  const runtime = useBridgeRuntime();
  return (
    <Paper sx={{ p: 2 }} component="section" aria-labelledby="update-folder-title">
      <Stack spacing={2}>
        <Typography variant="h6" component="h2" id="update-folder-title">
          {t('securitySettings.update.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t('securitySettings.update.intro')}
        </Typography>
        {runtime === 'browser' ? (
          <Alert severity="info">{t('securitySettings.update.browser')}</Alert>
        ) : runtime === 'electron' ? (
          <UpdateFolderForm stored={stored} />
        ) : null}
      </Stack>
    </Paper>
  );
}

function UpdateFolderForm({ stored }: Readonly<{ stored: string }>) {
  const { t } = useTranslation();
  const { bridge } = useDeskServices();
  const session = useDeskSession();
  const errorMessage = useErrorMessage();
  const canEdit = useCanEditSettings();
  const [folder, setFolder] = useState(stored);
  const [fieldError, setFieldError] = useState<string>();
  const [status, setStatus] = useState<SaveOutcome | null>(null);
  const [checked, setChecked] = useState<UpdateCheckResult>();

  const save = useSubmit(
    async (value: string) => {
      await updateFolderChange(session, value);
      setFolder(value);
      setStatus({ ok: true, text: t('securitySettings.update.saved') });
    },
    {
      failureOf: (error) => {
        setStatus({ ok: false, text: t('settings.failed', { reason: errorMessage(error) }) });
        return undefined;
      },
    },
  );
  const check = useSubmit(async () => setChecked(await bridge.updateCheck(stored)), {
    failureOf: (error) => errorMessage(error),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setStatus(null);
    const result = updateFolderCheck(folder);
    if (!result.ok) {
      setFieldError(t(`securitySettings.update.${result.code}`));
      return;
    }
    setFieldError(undefined);
    await save.run(result.folder);
  };

  return (
    <Stack component="form" spacing={2} onSubmit={submit} noValidate>
      <TextField
        label={t('securitySettings.update.label')}
        name="updateFolder"
        value={folder}
        onChange={(event) => setFolder(event.target.value)}
        disabled={!canEdit}
        error={fieldError !== undefined}
        helperText={fieldError ?? t('securitySettings.update.help')}
        slotProps={{ htmlInput: { spellCheck: false } }}
      />
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        {canEdit ? (
          <Button type="submit" variant="contained" disabled={save.pending}>
            {save.pending ? t('settings.saving') : t('securitySettings.update.save')}
          </Button>
        ) : null}
        <Button
          variant="outlined"
          disabled={check.pending || stored === ''}
          onClick={() => void check.run()}
        >
          {check.pending
            ? t('securitySettings.update.checking')
            : t('securitySettings.update.check')}
        </Button>
        <SaveStatus status={status} />
      </Box>
      <Box aria-live="polite">
        {stored === '' ? (
          <Typography variant="body2" color="text.secondary">
            {t('securitySettings.update.noFolder')}
          </Typography>
        ) : null}
        {check.failure ? <Alert severity="error">{check.failure}</Alert> : null}
        {checked ? <UpdateCheckOutcome result={checked} /> : null}
      </Box>
    </Stack>
  );
}

function UpdateCheckOutcome({ result }: Readonly<{ result: UpdateCheckResult }>) {
  const { t } = useTranslation();
  switch (result.status) {
    case 'available':
      return <UpdateOfferAlert offer={result} />;
    case 'none':
      return (
        <Alert severity="success">
          {t('securitySettings.update.none', { running: result.runningVersion })}
        </Alert>
      );
    case 'folder-unreadable':
      return <Alert severity="warning">{t('securitySettings.update.unreadable')}</Alert>;
    case 'not-applicable':
      return <Alert severity="info">{t('securitySettings.update.browser')}</Alert>;
    case 'failed':
      return <Alert severity="error">{t(`bridge.${result.reason}`)}</Alert>;
  }
}
