import {
  Alert,
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  FormHelperText,
  MenuItem,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentSettings } from '@shared/attachments/limits';
import { staffIsAdmin } from '@shared/organisation/staff';
import {
  attachmentSettingsChange,
  attachmentSettingsGet,
  attachmentsStorageUse,
  filesPurge,
} from '../../db/repos/attachments';
import { useDeskSession } from '../../desk/desk-session';
import { useDeskState } from '../../desk/desk-state';
import { useDeskServices } from '../../desk/services';
import { useErrorMessage } from '../../desk/useErrorMessage';
import { formatBytes } from '../../vocabulary/bytes';
import { useStorageEstimate } from './useStorageEstimate';

const MB = 1024 * 1024;

/**
 * Attachments in the settings: the space they take, the browser's quota and whether it promised
 * to keep the data, and the limits an administrator sets.
 */
export function AttachmentSettingsSection() {
  const { t, i18n } = useTranslation();
  const { db, persistence } = useDeskServices();
  const use = useLiveQuery(() => attachmentsStorageUse(db), [db]);
  const settings = useLiveQuery(() => attachmentSettingsGet(db), [db]);
  const estimate = useStorageEstimate(use?.bytes);
  const bytes = (n: number) => formatBytes(n, i18n.language);
  return (
    <Paper sx={{ p: 2, mt: 3 }} component="section" aria-label={t('attachments.storage.title')}>
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        {t('attachments.storage.title')}
      </Typography>
      <Stack spacing={1}>
        {use && (
          <Typography>
            {t('attachments.storage.used', { files: use.files, bytes: bytes(use.bytes) })}
          </Typography>
        )}
        {estimate ? (
          estimate.nearlyFull ? (
            <Alert severity="warning">
              {t('attachments.storage.nearlyFull', {
                usage: bytes(estimate.usage),
                quota: bytes(estimate.quota),
              })}
            </Alert>
          ) : (
            <Typography>
              {t('attachments.storage.quota', {
                usage: bytes(estimate.usage),
                quota: bytes(estimate.quota),
              })}
            </Typography>
          )
        ) : (
          <Typography color="text.secondary">{t('attachments.storage.unknown')}</Typography>
        )}
        <Typography color={persistence === 'persisted' ? 'text.primary' : 'warning.main'}>
          {t(
            persistence === 'persisted'
              ? 'attachments.storage.persisted'
              : 'attachments.storage.notPersisted',
          )}
        </Typography>
      </Stack>
      {settings && <LimitsForm key={JSON.stringify(settings)} stored={settings} />}
      <PurgeButton />
    </Paper>
  );
}

function LimitsForm({ stored }: Readonly<{ stored: AttachmentSettings }>) {
  const { t } = useTranslation();
  const session = useDeskSession();
  const errorMessage = useErrorMessage();
  const canEdit = staffIsAdmin(useDeskState().operator);
  const [fileMb, setFileMb] = useState(String(stored.maxFileBytes / MB));
  const [caseMb, setCaseMb] = useState(String(stored.maxCaseBytes / MB));
  const [keepLocation, setKeepLocation] = useState(stored.keepLocation);
  const [annex, setAnnex] = useState(stored.annexPerPage);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const positive = (text: string) => {
    const n = Number(text);
    return Number.isFinite(n) && n > 0 ? n : undefined;
  };
  const fileError = positive(fileMb) === undefined;
  const caseError = positive(caseMb) === undefined;
  const save = async () => {
    const file = positive(fileMb);
    const all = positive(caseMb);
    if (file === undefined || all === undefined) return;
    try {
      await attachmentSettingsChange(session, {
        maxFileBytes: Math.round(file * MB),
        maxCaseBytes: Math.round(all * MB),
        keepLocation,
        annexPerPage: annex,
      });
      setNote({ ok: true, text: t('attachments.storage.savedNote') });
    } catch (error) {
      setNote({ ok: false, text: errorMessage(error) });
    }
  };
  return (
    <Box sx={{ mt: 2 }}>
      {!canEdit && <FormHelperText>{t('attachments.storage.readOnly')}</FormHelperText>}
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mt: 1 }}>
        <TextField
          label={t('attachments.storage.maxFileMb')}
          value={fileMb}
          onChange={(e) => setFileMb(e.target.value)}
          error={fileError}
          helperText={fileError ? t('attachments.storage.badNumber') : ' '}
          disabled={!canEdit}
          slotProps={{ htmlInput: { inputMode: 'decimal' } }}
        />
        <TextField
          label={t('attachments.storage.maxCaseMb')}
          value={caseMb}
          onChange={(e) => setCaseMb(e.target.value)}
          error={caseError}
          helperText={caseError ? t('attachments.storage.badNumber') : ' '}
          disabled={!canEdit}
          slotProps={{ htmlInput: { inputMode: 'decimal' } }}
        />
        <TextField
          select
          label={t('attachments.storage.annexPerPage')}
          value={annex}
          onChange={(e) => setAnnex(Number(e.target.value) as AttachmentSettings['annexPerPage'])}
          disabled={!canEdit}
          sx={{ minWidth: 200 }}
          helperText=" "
        >
          <MenuItem value={0}>{t('attachments.storage.annexNone')}</MenuItem>
          <MenuItem value={2}>{t('attachments.storage.annexTwo')}</MenuItem>
          <MenuItem value={4}>{t('attachments.storage.annexFour')}</MenuItem>
        </TextField>
      </Stack>
      <FormControlLabel
        control={
          <Checkbox
            checked={keepLocation}
            onChange={(e) => setKeepLocation(e.target.checked)}
            disabled={!canEdit}
          />
        }
        label={t('attachments.storage.keepLocation')}
      />
      <FormHelperText sx={{ mt: -0.5, mb: 1 }}>
        {t('attachments.storage.keepLocationHelp')}
      </FormHelperText>
      <Button
        variant="contained"
        disabled={!canEdit || fileError || caseError}
        onClick={() => void save()}
      >
        {t('attachments.storage.save')}
      </Button>
      {note && (
        <Alert severity={note.ok ? 'success' : 'error'} sx={{ mt: 1 }} role="status">
          {note.text}
        </Alert>
      )}
    </Box>
  );
}

/** For an administrator: deleting the files no case has any more (restoring is then over). */
function PurgeButton() {
  const { t, i18n } = useTranslation();
  const session = useDeskSession();
  const errorMessage = useErrorMessage();
  const canEdit = staffIsAdmin(useDeskState().operator);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  if (!canEdit) return null;
  const purge = async () => {
    setBusy(true);
    try {
      const done = await filesPurge(session);
      setNote({
        ok: true,
        text: t('attachments.storage.purged', {
          files: done.files,
          bytes: formatBytes(done.bytes, i18n.language),
        }),
      });
    } catch (error) {
      setNote({ ok: false, text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box sx={{ mt: 2 }}>
      <Button variant="outlined" color="warning" disabled={busy} onClick={() => void purge()}>
        {t('attachments.storage.purge')}
      </Button>
      <FormHelperText>{t('attachments.storage.purgeHelp')}</FormHelperText>
      {note && (
        <Alert severity={note.ok ? 'success' : 'error'} sx={{ mt: 1 }}>
          {note.text}
        </Alert>
      )}
    </Box>
  );
}
