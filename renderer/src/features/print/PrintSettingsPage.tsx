import {
  Alert,
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PageMargins } from '@shared/platform/bridge';
import {
  ORIENTABLE_FORMS,
  PRINT_HEADER_MAX_LENGTH,
  PRINT_MARGIN_LIMITS,
  SIGNATURE_ROLES,
  printSettingsCheck,
  printSettingsDraftOf,
  type PrintSettings,
  type PrintSettingsDraft,
  type PrintSettingsError,
  type PrintSettingsField,
} from '@shared/paper/settings';
import { printFormTitle } from '@shared/paper/forms';
import { rulesLabel } from '@shared/rules/rules-query';
import { useDeskSession } from '../../desk/desk-session';
import { useDeskState } from '../../desk/desk-state';
import { rolesMay } from '@shared/access/permissions';
import { useDeskServices } from '../../desk/services';
import { useErrorMessage } from '../../desk/useErrorMessage';
import { printSettingsLoad } from '../../db/repos/print';
import { settingsChange } from '../../db/repos/settings';
import { useSubmit } from '../../ui/useSubmit';

const SIDES: readonly (keyof PageMargins)[] = ['top', 'right', 'bottom', 'left'];

/** `#/settings/print`: the header, signature lines, phone masking, orientation and margins. */
export function PrintSettingsPage() {
  const { db } = useDeskServices();
  const stored = useLiveQuery(() => printSettingsLoad(db), [db]);
  // The form starts from what is stored when the page opens; later changes are its own.
  return stored ? <PrintSettingsForm draft={printSettingsDraftOf(stored)} /> : null;
}

function PrintSettingsForm({ draft: initial }: Readonly<{ draft: PrintSettingsDraft }>) {
  const { t } = useTranslation();
  const desk = useDeskState();
  const session = useDeskSession();
  const errorMessage = useErrorMessage();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<readonly PrintSettingsError[]>([]);
  const [status, setStatus] = useState<{ severity: 'success' | 'error'; text: string }>();

  const errorOf = (field: PrintSettingsField) => {
    const error = errors.find((e) => e.field === field);
    if (!error) return undefined;
    const limits =
      error.field === 'headerText' ? { max: PRINT_HEADER_MAX_LENGTH } : PRINT_MARGIN_LIMITS;
    return t(`print.settings.errors.${error.code}`, limits);
  };

  const submit = useSubmit(
    async (settings: PrintSettings) => {
      await settingsChange(session, 'print', settings);
      setStatus({ severity: 'success', text: t('print.settings.saved') });
    },
    {
      // Success and failure share one status line under the form.
      failureOf: (error) => {
        setStatus({
          severity: 'error',
          text: t('print.settings.saveFailed', { reason: errorMessage(error) }),
        });
        return undefined;
      },
    },
  );
  const saving = submit.pending;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const checked = printSettingsCheck(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      setStatus({ severity: 'error', text: t('print.settings.fixErrors') });
      return;
    }
    setErrors([]);
    await submit.run(checked.settings);
  };

  const formName = (form: (typeof ORIENTABLE_FORMS)[number]) =>
    rulesLabel(printFormTitle(desk.rules, form), desk.locale);

  return (
    <Stack component="form" spacing={2} sx={{ maxWidth: 760 }} onSubmit={save} noValidate>
      <Typography variant="h5" component="h1">
        {t('print.settings.title')}
      </Typography>
      <Typography color="text.secondary">{t('print.settings.intro')}</Typography>
      {status ? <Alert severity={status.severity}>{status.text}</Alert> : null}
      <Paper sx={{ p: 2 }}>
        <Stack spacing={2}>
          <TextField
            label={t('print.settings.headerText')}
            name="headerText"
            value={draft.headerText}
            onChange={(e) => setDraft({ ...draft, headerText: e.target.value })}
            error={errorOf('headerText') !== undefined}
            helperText={
              errorOf('headerText') ??
              t('print.settings.headerHelp', { name: desk.identity.organisationName })
            }
          />
          <FormControlLabel
            control={
              <Checkbox
                checked={draft.maskPhones}
                onChange={(e) => setDraft({ ...draft, maskPhones: e.target.checked })}
              />
            }
            label={t('print.settings.maskPhones')}
          />
        </Stack>
      </Paper>
      <Paper component="fieldset" sx={{ p: 2, m: 0, border: 1, borderColor: 'divider' }}>
        <FormLabel component="legend">{t('print.settings.signatures')}</FormLabel>
        <FormGroup row>
          {SIGNATURE_ROLES.map((role) => (
            <FormControlLabel
              key={role}
              control={
                <Checkbox
                  checked={draft.signatures[role]}
                  onChange={(e) =>
                    setDraft({
                      ...draft,
                      signatures: { ...draft.signatures, [role]: e.target.checked },
                    })
                  }
                />
              }
              label={t(`printForms.roles.${role}`)}
            />
          ))}
        </FormGroup>
        <FormHelperText>{t('print.settings.signaturesHelp')}</FormHelperText>
      </Paper>
      <Paper component="fieldset" sx={{ p: 2, m: 0, border: 1, borderColor: 'divider' }}>
        <FormLabel component="legend">{t('print.settings.orientation')}</FormLabel>
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', mt: 1 }}>
          {ORIENTABLE_FORMS.map((form) => (
            <TextField
              key={form}
              select
              label={formName(form)}
              value={draft.orientation[form]}
              onChange={(e) =>
                setDraft({
                  ...draft,
                  orientation: {
                    ...draft.orientation,
                    [form]: e.target.value === 'portrait' ? 'portrait' : 'landscape',
                  },
                })
              }
              slotProps={{ select: { native: true } }}
              sx={{ minWidth: 220 }}
            >
              <option value="landscape">{t('print.settings.landscape')}</option>
              <option value="portrait">{t('print.settings.portrait')}</option>
            </TextField>
          ))}
          <TextField
            select
            label={t('print.settings.registerPaper')}
            value={draft.registerPaper}
            onChange={(e) =>
              setDraft({ ...draft, registerPaper: e.target.value === 'A3' ? 'A3' : 'A4' })
            }
            helperText={t('print.settings.registerPaperHelp')}
            slotProps={{ select: { native: true } }}
            sx={{ minWidth: 220, maxWidth: 320 }}
          >
            <option value="A4">{t('print.settings.paperA4')}</option>
            <option value="A3">{t('print.settings.paperA3')}</option>
          </TextField>
        </Box>
      </Paper>
      <Paper component="fieldset" sx={{ p: 2, m: 0, border: 1, borderColor: 'divider' }}>
        <FormLabel component="legend">{t('print.settings.margins', PRINT_MARGIN_LIMITS)}</FormLabel>
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', mt: 1 }}>
          {SIDES.map((side) => (
            <TextField
              key={side}
              label={t(`print.settings.${side}`)}
              name={`margins.${side}`}
              value={draft.margins[side]}
              onChange={(e) =>
                setDraft({ ...draft, margins: { ...draft.margins, [side]: e.target.value } })
              }
              error={errorOf(`margins.${side}`) !== undefined}
              helperText={errorOf(`margins.${side}`)}
              slotProps={{ htmlInput: { inputMode: 'decimal' } }}
              sx={{ width: 160 }}
            />
          ))}
        </Box>
      </Paper>
      <Box>
        <Button
          type="submit"
          variant="contained"
          disabled={saving || !rolesMay(desk.operator.roles, 'settings.print')}
        >
          {saving ? t('print.settings.saving') : t('print.settings.save')}
        </Button>
      </Box>
    </Stack>
  );
}
