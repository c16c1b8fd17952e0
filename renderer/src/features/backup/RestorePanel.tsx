import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { IsoInstant } from '@shared/kernel/brand';
import { backupFillProgress, type BackupRefusal } from '@shared/backup/format';
import type { BackupValid } from '../../db/backup/read';
import {
  backupCheck,
  backupRestoreFromFile,
  type BackupRestoreResult,
} from '../../db/repos/backup';
import type { DeskSession } from '../../db/session';
import { useDeskServices } from '../../desk/services';
import { formatDateTime } from '../../vocabulary/date-time';
import { failureText, refusalText } from './backup-words';
import { backupRun } from './use-backup';
import { CountProgress } from '../../ui/CountProgress';

type Stage =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'refused'; refusal: BackupRefusal }
  | { kind: 'valid'; backup: BackupValid; file: File }
  /** The current data is being backed up first. */
  | { kind: 'safety' }
  /** The new database is being filled: records written of all the backup's. */
  | { kind: 'restoring'; done: number; total: number }
  | { kind: 'done' }
  | { kind: 'failed'; text: string };

export interface RestorePanelProps {
  /** The current desk's session; null on a desk not yet set up (nothing to back up first). */
  readonly session: DeskSession | null;
  /** The desk's time zone, for the backup's time. */
  readonly timeZone: string;
}

/**
 * Restoring from a backup file: the file is checked completely first and what it holds is shown;
 * the clerk confirms; the current data is backed up; the desk switches to the restored database
 * and reopens. A refused file changes nothing.
 */
export function RestorePanel({ session, timeZone }: Readonly<RestorePanelProps>) {
  const { t } = useTranslation();
  const { db, bridge, now } = useDeskServices();
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [confirming, setConfirming] = useState(false);
  const inputId = useId();

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setStage({ kind: 'checking' });
    const { version } = await bridge.appInfo();
    const checked = await backupCheck(file, { appVersion: version });
    setStage(
      checked.ok ? { kind: 'valid', backup: checked, file } : { kind: 'refused', refusal: checked },
    );
  };

  const restore = async (file: File, backup: BackupValid) => {
    setConfirming(false);
    // Without a session the desk is empty: nothing is backed up first.
    setStage(
      session
        ? { kind: 'safety' }
        : {
            kind: 'restoring',
            done: 0,
            total: backupFillProgress(backup.manifest.tables, { table: '', records: 0 }).total,
          },
    );
    const { version } = await bridge.appInfo();
    let result: BackupRestoreResult;
    try {
      result = await backupRestoreFromFile(session, db, file, {
        readOptions: { appVersion: version },
        safetyBackup: async () =>
          session
            ? backupRun(db, bridge, 'beforeRestore', {
                actorId: session.operator.id,
                timeZone: session.desk.timeZone,
                now: now as () => IsoInstant,
              })
            : 'empty',
        onProgress: (p) =>
          setStage({ kind: 'restoring', ...backupFillProgress(backup.manifest.tables, p) }),
      });
    } catch (error) {
      result = { status: 'failed', detail: String(error) };
    }
    if (result.status === 'restored') {
      setStage({ kind: 'done' });
      // The desk now opens the restored database: start again from it, on the home screen
      // (which shows the backup it came from).
      window.location.hash = '#/';
      window.location.reload();
    } else if (result.status === 'failed') {
      setStage({ kind: 'failed', text: t('backup.restore.failed', { detail: result.detail }) });
    } else if (result.status === 'safetyBackupFailed') {
      const reason =
        result.result.status === 'failed' ? failureText(t, result.result) : t('backup.cancelled');
      setStage({ kind: 'failed', text: t('backup.restore.safetyFailed', { reason }) });
    } else {
      setStage({ kind: 'refused', refusal: result.refusal });
    }
  };

  return (
    <Box component="section" aria-labelledby={`${inputId}-title`}>
      <Typography id={`${inputId}-title`} variant="h6" component="h2">
        {t('backup.restore.title')}
      </Typography>
      <Typography color="text.secondary" sx={{ mt: 1, mb: 2 }}>
        {t('backup.restore.intro')}
      </Typography>
      <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
        <Box>
          <Typography component="label" htmlFor={inputId} sx={{ display: 'block', mb: 0.5 }}>
            {t('backup.restore.file')}
          </Typography>
          <input
            id={inputId}
            type="file"
            accept=".zip,application/zip"
            disabled={
              stage.kind === 'checking' || stage.kind === 'safety' || stage.kind === 'restoring'
            }
            onChange={(event) => void choose(event)}
          />
        </Box>
        {stage.kind === 'checking' ? (
          <Alert severity="info">{t('backup.restore.checking')}</Alert>
        ) : null}
        {stage.kind === 'refused' ? (
          <Alert severity="error" role="alert">
            <strong>{t('backup.restore.refused')}</strong> {refusalText(t, stage.refusal)}
          </Alert>
        ) : null}
        {stage.kind === 'valid' ? (
          <BackupSummary
            backup={stage.backup}
            timeZone={timeZone}
            onRestore={() => setConfirming(true)}
          />
        ) : null}
        {stage.kind === 'safety' ? (
          <Alert severity="info" role="status">
            {t('backup.restore.safetyRunning')}
          </Alert>
        ) : null}
        {stage.kind === 'restoring' ? (
          <RestoreProgress done={stage.done} total={stage.total} />
        ) : null}
        {stage.kind === 'done' ? (
          <Alert severity="success">{t('backup.restore.done')}</Alert>
        ) : null}
        {stage.kind === 'failed' ? (
          <Alert severity="error" role="alert">
            {stage.text}
          </Alert>
        ) : null}
      </Stack>
      <Dialog
        open={confirming}
        onClose={() => setConfirming(false)}
        aria-labelledby={`${inputId}-confirm`}
      >
        <DialogTitle id={`${inputId}-confirm`}>{t('backup.restore.confirmTitle')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{t('backup.restore.confirmText')}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(false)}>{t('backup.restore.cancel')}</Button>
          <Button
            color="warning"
            variant="contained"
            onClick={() => stage.kind === 'valid' && void restore(stage.file, stage.backup)}
          >
            {t('backup.restore.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}

/**
 * The fill of the new database, records written of all: on a large desk it takes minutes, and a
 * window closed meanwhile leaves the desk as it was (the half-filled database is removed at the
 * next start), which the clerk is told.
 */
function RestoreProgress({ done, total }: Readonly<{ done: number; total: number }>) {
  const { t } = useTranslation();
  return (
    <CountProgress
      done={done}
      total={total}
      label={t('backup.restore.progressLabel')}
      text={t('backup.restore.running', { done, total })}
    >
      <Typography variant="body2" color="text.secondary">
        {t('backup.restore.keepOpen')}
      </Typography>
    </CountProgress>
  );
}

function BackupSummary({
  backup,
  timeZone,
  onRestore,
}: Readonly<{ backup: BackupValid; timeZone: string; onRestore: () => void }>) {
  const { t } = useTranslation();
  const { manifest } = backup;
  const desk = manifest.desk
    ? `${manifest.desk.organisationName} · ${manifest.desk.deskName}`
    : '—';
  return (
    <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
      <Alert severity="success">{t('backup.restore.valid')}</Alert>
      <Typography>
        {t('backup.restore.summary', {
          desk,
          time: formatDateTime(manifest.createdAt as IsoInstant, timeZone),
          schema: manifest.schemaVersion,
        })}
      </Typography>
      <Table size="small" aria-label={t('backup.restore.counts')} sx={{ maxWidth: 360 }}>
        <TableHead>
          <TableRow>
            <TableCell>{t('backup.restore.table')}</TableCell>
            <TableCell align="right">{t('backup.restore.count')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {manifest.tables.map((table) => (
            <TableRow key={table.name}>
              <TableCell>{table.name}</TableCell>
              <TableCell align="right">{table.count}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Button variant="contained" color="warning" onClick={onRestore}>
        {t('backup.restore.start')}
      </Button>
    </Stack>
  );
}
