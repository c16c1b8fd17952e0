import { Box, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EXTERNAL_HOSTS_MAX,
  externalHostsParse,
  type ExternalHostError,
} from '@shared/platform/external-hosts';
import { useDeskSession } from '../../../desk/desk-session';
import { useDeskServices } from '../../../desk/services';
import { useErrorMessage } from '../../../desk/useErrorMessage';
import { externalHostsChange } from '../../../db/repos/security-settings';
import { useSubmit } from '../../../ui/useSubmit';
import { SaveStatus, type SaveOutcome } from '../SaveStatus';
import { useCanEditSettings } from '../useCanEditSettings';

/**
 * 外部链接白名单: the hosts the desk may open in the system browser, one per line. Saving checks
 * every line, stores the normalised list and sends it to the bridge at once.
 */
export function ExternalHostsSection({ stored }: Readonly<{ stored: readonly string[] }>) {
  const { t } = useTranslation();
  const { bridge } = useDeskServices();
  const session = useDeskSession();
  const errorMessage = useErrorMessage();
  const canEdit = useCanEditSettings();
  const [text, setText] = useState(() => stored.join('\n'));
  const [errors, setErrors] = useState<readonly ExternalHostError[]>([]);
  const [status, setStatus] = useState<SaveOutcome | null>(null);

  const submit = useSubmit(
    async (hosts: readonly string[]) => {
      await externalHostsChange(session, hosts);
      await bridge.setExternalHosts(hosts);
      setText(hosts.join('\n'));
      setStatus({ ok: true, text: t('securitySettings.hosts.saved', { count: hosts.length }) });
    },
    {
      failureOf: (error) => {
        setStatus({ ok: false, text: t('settings.failed', { reason: errorMessage(error) }) });
        return undefined;
      },
    },
  );

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setStatus(null);
    const parsed = externalHostsParse(text);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors([]);
    await submit.run(parsed.hosts);
  };

  const errorText = errors
    .map((error) =>
      t(`securitySettings.hosts.errors.${error.code}`, {
        line: error.line,
        value: error.value,
        max: EXTERNAL_HOSTS_MAX,
      }),
    )
    .join('；');

  return (
    <Paper
      component="form"
      onSubmit={save}
      noValidate
      sx={{ p: 2 }}
      aria-labelledby="external-hosts-title"
    >
      <Stack spacing={2}>
        <Typography variant="h6" component="h2" id="external-hosts-title">
          {t('securitySettings.hosts.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t('securitySettings.hosts.intro')}
        </Typography>
        <TextField
          label={t('securitySettings.hosts.label')}
          name="externalHosts"
          value={text}
          onChange={(event) => setText(event.target.value)}
          multiline
          minRows={4}
          disabled={!canEdit}
          error={errors.length > 0}
          helperText={errors.length > 0 ? errorText : t('securitySettings.hosts.help')}
          slotProps={{ htmlInput: { spellCheck: false, autoCapitalize: 'off' } }}
        />
        {canEdit ? (
          <Box sx={{ display: 'flex', gap: 2, alignItems: 'center' }}>
            <Button type="submit" variant="contained" disabled={submit.pending}>
              {submit.pending ? t('settings.saving') : t('securitySettings.hosts.save')}
            </Button>
            <SaveStatus status={status} />
          </Box>
        ) : null}
      </Stack>
    </Paper>
  );
}
