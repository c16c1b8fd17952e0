import { Alert, Box, Button, Paper, Stack, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { aidsScriptsCheck, type AidsError } from '../../../../../shared/hotline-aids';
import type { CallScripts } from '../../../../../shared/rules';
import { rulesAidsChange } from '../../../db/repos/hotline-aids';
import { ChangeRefusedError } from '../../../db/repos/refused';
import { useDeskState } from '../../../app/desk-state';
import { useDeskServices } from '../../../app/services';
import { useErrorMessage } from '../../../app/useErrorMessage';
import { useAuditedBy, useCanEditSettings } from '../useAuditedBy';
import { LocalizedTextFields } from './LocalizedTextFields';

const EMPTY_TEXT = { zh: '', en: '' };

/** The opening and closing lines the clerk reads at intake (rules.scripts). */
export function ScriptsEditor() {
  const { t } = useTranslation();
  const { rules } = useDeskState();
  const { db } = useDeskServices();
  const auditedBy = useAuditedBy();
  const errorMessage = useErrorMessage();
  const canEdit = useCanEditSettings();
  // `null`: the desk uses no scripts.
  const [draft, setDraft] = useState<CallScripts | null>(() => rules.scripts ?? null);
  const [errors, setErrors] = useState<readonly AidsError[]>([]);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [saving, setSaving] = useState(false);

  const edit = (next: CallScripts | null) => {
    setDraft(next);
    setStatus(null);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const found = draft ? aidsScriptsCheck(draft) : [];
    setErrors(found);
    if (found.length > 0) {
      setStatus({ ok: false, text: t('settings.aids.fixErrors') });
      return;
    }
    setSaving(true);
    try {
      const next = await rulesAidsChange(db, { scripts: draft }, auditedBy());
      setDraft(next.scripts ?? null);
      setStatus({ ok: true, text: t('settings.aids.saved') });
    } catch (error) {
      if (error instanceof ChangeRefusedError)
        setErrors((error as ChangeRefusedError<AidsError>).problems);
      setStatus({ ok: false, text: t('settings.failed', { reason: errorMessage(error) }) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Paper
      component="form"
      onSubmit={save}
      noValidate
      sx={{ p: 3 }}
      aria-labelledby="aids-scripts-title"
    >
      <Typography id="aids-scripts-title" variant="h6" component="h2">
        {t('settings.aids.scripts')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5, mb: 2 }}>
        {t('settings.aids.scriptsIntro')}
      </Typography>
      {draft === null ? (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Typography>{t('settings.aids.noScripts')}</Typography>
          {canEdit ? (
            <Button onClick={() => edit({ opening: EMPTY_TEXT, closings: [EMPTY_TEXT] })}>
              {t('settings.aids.addScripts')}
            </Button>
          ) : null}
        </Stack>
      ) : (
        <Stack spacing={2}>
          <LocalizedTextFields
            label={t('settings.aids.opening')}
            value={draft.opening}
            onChange={(opening) => edit({ ...draft, opening })}
            path="opening"
            errors={errors}
            disabled={!canEdit}
            multiline
          />
          {draft.closings.map((closing, i) => {
            const n = i + 1;
            return (
              <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
                <LocalizedTextFields
                  label={t('settings.aids.closing', { n })}
                  value={closing}
                  onChange={(text) =>
                    edit({ ...draft, closings: draft.closings.map((c, j) => (j === i ? text : c)) })
                  }
                  path={`closings.${i}`}
                  errors={errors}
                  disabled={!canEdit}
                  multiline
                />
                {canEdit ? (
                  <Button
                    color="warning"
                    onClick={() =>
                      edit({ ...draft, closings: draft.closings.filter((_, j) => j !== i) })
                    }
                    aria-label={t('settings.aids.removeClosing', { n })}
                    sx={{ mt: 1, flexShrink: 0 }}
                  >
                    {t('settings.aids.remove')}
                  </Button>
                ) : null}
              </Stack>
            );
          })}
          {canEdit ? (
            <Box>
              <Button onClick={() => edit({ ...draft, closings: [...draft.closings, EMPTY_TEXT] })}>
                {t('settings.aids.addClosing')}
              </Button>
              <Button color="warning" onClick={() => edit(null)}>
                {t('settings.aids.removeScripts')}
              </Button>
            </Box>
          ) : null}
        </Stack>
      )}
      {canEdit ? (
        <Stack direction="row" spacing={2} sx={{ mt: 2, alignItems: 'center' }}>
          <Button type="submit" variant="contained" disabled={saving}>
            {saving ? t('settings.saving') : t('settings.aids.saveScripts')}
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
