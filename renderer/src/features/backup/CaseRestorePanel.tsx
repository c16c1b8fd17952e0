import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Link,
  List,
  ListItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { isolateBidi } from '@shared/kernel/bidi';
import type { IsoInstant } from '@shared/kernel/brand';
import {
  caseRestoreCheck,
  caseRestoreFromBackup,
  type CaseRestoreCheck,
  type CaseRestoreResult,
} from '../../db/repos/case-restore';
import type { DeskSession } from '../../db/session';
import { useDeskServices } from '../../desk/services';
import { useErrorMessage } from '../../desk/useErrorMessage';
import { formatDateTime } from '../../vocabulary/date-time';
import { refusalText } from './backup-words';

type Stage =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'checked'; check: CaseRestoreCheck }
  | { kind: 'restoring' }
  | { kind: 'done'; result: CaseRestoreResult }
  | { kind: 'failed'; text: string };

export interface CaseRestorePanelProps {
  /** The session of the operator at the keyboard (an administrator: the page offers it then). */
  readonly session: DeskSession;
  /** The case number to fill in (the case page links here with it). */
  readonly initialNumber?: string;
}

/**
 * Restoring one case from a backup (issue 10), for an administrator: the case number and the
 * backup file are given; the file is checked completely (as a full restore checks it) and must
 * be a backup of this desk; the case is found in it and compared with the desk; the preview says
 * what would be appended (or that the case would be recreated, or that nothing is missing); the
 * administrator confirms. Events are only ever appended: nothing on the desk is overwritten.
 */
export function CaseRestorePanel({ session, initialNumber }: Readonly<CaseRestorePanelProps>) {
  const { t } = useTranslation();
  const errorText = useErrorMessage();
  const { bridge } = useDeskServices();
  const [number, setNumber] = useState(initialNumber ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [missingInput, setMissingInput] = useState<'number' | 'file' | null>(null);
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [confirming, setConfirming] = useState(false);
  const id = useId();
  const section = useRef<HTMLElement>(null);

  // Opened from a case page: the section is where the administrator is taken.
  useEffect(() => {
    if (initialNumber) section.current?.scrollIntoView({ block: 'start' });
  }, [initialNumber]);

  const busy = stage.kind === 'checking' || stage.kind === 'restoring';

  const check = async (event: FormEvent) => {
    event.preventDefault();
    if (!number.trim()) return setMissingInput('number');
    if (!file) return setMissingInput('file');
    setMissingInput(null);
    setStage({ kind: 'checking' });
    try {
      const { version } = await bridge.appInfo();
      const checked = await caseRestoreCheck(session, file, number, { appVersion: version });
      setStage({ kind: 'checked', check: checked });
    } catch (error) {
      setStage({ kind: 'failed', text: errorText(error) });
    }
  };

  const restore = async () => {
    setConfirming(false);
    if (stage.kind !== 'checked' || !stage.check.ok) return;
    const { plan, backup } = stage.check;
    setStage({ kind: 'restoring' });
    try {
      const result = await caseRestoreFromBackup(session, plan.found, backup.manifest.createdAt);
      setStage({ kind: 'done', result });
    } catch (error) {
      setStage({ kind: 'failed', text: errorText(error) });
    }
  };

  const reset = () => {
    if (stage.kind !== 'idle' && !busy) setStage({ kind: 'idle' });
  };

  const plan = stage.kind === 'checked' && stage.check.ok ? stage.check.plan : undefined;
  const backupTime =
    stage.kind === 'checked' && stage.check.ok
      ? formatDateTime(stage.check.backup.manifest.createdAt as IsoInstant, session.desk.timeZone)
      : '';

  return (
    <Box component="section" aria-labelledby={`${id}-title`} ref={section}>
      <Typography id={`${id}-title`} variant="h6" component="h2">
        {t('backup.caseRestore.title')}
      </Typography>
      <Typography color="text.secondary" sx={{ mt: 1, mb: 2 }}>
        {t('backup.caseRestore.intro')}
      </Typography>
      <Stack
        component="form"
        spacing={2}
        sx={{ alignItems: 'flex-start' }}
        noValidate
        onSubmit={(event) => void check(event)}
      >
        <TextField
          label={t('backup.caseRestore.number')}
          value={number}
          size="small"
          sx={{ width: 280 }}
          disabled={busy}
          onChange={(event) => {
            setNumber(event.target.value);
            reset();
          }}
          error={missingInput === 'number'}
          helperText={missingInput === 'number' ? t('backup.caseRestore.numberNeeded') : ' '}
        />
        <Box>
          <Typography component="label" htmlFor={`${id}-file`} sx={{ display: 'block', mb: 0.5 }}>
            {t('backup.caseRestore.file')}
          </Typography>
          <input
            id={`${id}-file`}
            type="file"
            accept=".zip,application/zip"
            disabled={busy}
            aria-describedby={missingInput === 'file' ? `${id}-file-needed` : undefined}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              reset();
            }}
          />
          {missingInput === 'file' ? (
            <Typography id={`${id}-file-needed`} color="error" variant="body2" sx={{ mt: 0.5 }}>
              {t('backup.caseRestore.fileNeeded')}
            </Typography>
          ) : null}
        </Box>
        <Button type="submit" variant="outlined" disabled={busy}>
          {t('backup.caseRestore.find')}
        </Button>
        {stage.kind === 'checking' ? (
          <Alert severity="info" role="status">
            {t('backup.caseRestore.checking')}
          </Alert>
        ) : null}
        {stage.kind === 'checked' && !stage.check.ok ? (
          <Alert severity="error" role="alert">
            <strong>{t('backup.caseRestore.refused')}</strong> {refusedText(stage.check)}
          </Alert>
        ) : null}
        {plan ? (
          <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
            <Typography>
              {t('backup.caseRestore.found', {
                number: plan.found.case.number,
                subject: isolateBidi(plan.found.case.subject),
                time: backupTime,
                count: plan.found.events.length,
              })}
            </Typography>
            <Alert severity={plan.missing.length === 0 ? 'success' : 'info'} role="status">
              {plan.missing.length === 0
                ? t('backup.caseRestore.nothingMissing')
                : plan.current
                  ? t('backup.caseRestore.willAppend', { count: plan.missing.length })
                  : t('backup.caseRestore.willRecreate', { count: plan.missing.length })}
            </Alert>
            {plan.missing.length > 0 ? (
              <>
                <List dense aria-label={t('backup.caseRestore.missingList')} disablePadding>
                  {plan.missing.map((event) => (
                    <ListItem key={event.id} disableGutters>
                      {formatDateTime(event.at, session.desk.timeZone)} · {t(`event.${event.type}`)}{' '}
                      · {isolateBidi(event.actorName)}
                    </ListItem>
                  ))}
                </List>
                <Button variant="contained" color="warning" onClick={() => setConfirming(true)}>
                  {t('backup.caseRestore.start')}
                </Button>
              </>
            ) : null}
          </Stack>
        ) : null}
        {stage.kind === 'restoring' ? (
          <Alert severity="info" role="status">
            {t('backup.caseRestore.running')}
          </Alert>
        ) : null}
        {stage.kind === 'done' ? (
          <Alert
            severity="success"
            role="status"
            action={
              <Link component={RouterLink} to={`/cases/${stage.result.case.id}`}>
                {t('backup.caseRestore.open')}
              </Link>
            }
          >
            {stage.result.appended === 0
              ? t('backup.caseRestore.doneNothing', { number: stage.result.case.number })
              : stage.result.recreated
                ? t('backup.caseRestore.doneRecreated', {
                    number: stage.result.case.number,
                    count: stage.result.appended,
                  })
                : t('backup.caseRestore.doneAppended', {
                    number: stage.result.case.number,
                    count: stage.result.appended,
                  })}
          </Alert>
        ) : null}
        {stage.kind === 'failed' ? (
          <Alert severity="error" role="alert">
            {t('backup.caseRestore.failed', { detail: stage.text })}
          </Alert>
        ) : null}
      </Stack>
      <Dialog
        open={confirming}
        onClose={() => setConfirming(false)}
        aria-labelledby={`${id}-confirm`}
      >
        <DialogTitle id={`${id}-confirm`}>{t('backup.caseRestore.confirmTitle')}</DialogTitle>
        <DialogContent>
          <DialogContentText>
            {plan
              ? t(
                  plan.current
                    ? 'backup.caseRestore.confirmAppend'
                    : 'backup.caseRestore.confirmRecreate',
                  {
                    number: plan.found.case.number,
                    count: plan.missing.length,
                  },
                )
              : ''}
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(false)}>{t('backup.restore.cancel')}</Button>
          <Button color="warning" variant="contained" onClick={() => void restore()}>
            {t('backup.caseRestore.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );

  function refusedText(check: Exclude<CaseRestoreCheck, { ok: true }>): string {
    switch (check.reason) {
      case 'refused':
        return refusalText(t, check.refusal);
      case 'otherDesk':
        return t('backup.caseRestore.otherDesk', {
          desk: check.backupDesk || t('backup.caseRestore.noDesk'),
        });
      case 'notInBackup':
        return t('backup.caseRestore.notInBackup', { number: check.number });
      case 'noRegistration':
        return t('backup.caseRestore.noRegistration', { number: check.number });
    }
  }
}
