import { Alert, Box, Button, Link, Paper, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { CaseDeadline, CaseEntity } from '@shared/model/entities';
import { deadlinesRecompute, deadlinesRecomputePreview } from '../../../db/repos/deadlines';
import { useDeskSession } from '../../../desk/desk-session';
import { useDeskState } from '../../../desk/desk-state';
import { useDeskServices } from '../../../desk/services';
import { useErrorMessage } from '../../../desk/useErrorMessage';
import { formatDateTime } from '../../../vocabulary/format';
import { useSubmit } from '../../../ui/useSubmit';

/**
 * Recomputes the deadlines of open cases under the current calendar and rules, showing first
 * how many would change and afterwards which did (each change is in the case's history).
 */
export function RecomputeSection({ readOnly }: Readonly<{ readOnly: boolean }>) {
  const { t } = useTranslation();
  const { rules, deadlineContext } = useDeskState();
  const { db } = useDeskServices();
  const session = useDeskSession();
  const errorMessage = useErrorMessage();
  const [result, setResult] = useState<{ open: number; changed: readonly CaseEntity[] } | null>(
    null,
  );
  const preview = useLiveQuery(
    () => deadlinesRecomputePreview(db, { rules, deadline: deadlineContext }),
    [db, rules, deadlineContext],
  );

  const at = (instant: CaseDeadline['dueAt']) => formatDateTime(instant, deadlineContext.timeZone);
  const reasonOf = (previous: CaseDeadline, next: CaseDeadline) =>
    previous.dueAt === next.dueAt
      ? t('calendarSettings.recompute.reasonWarning', { to: at(next.dueAt) })
      : t('calendarSettings.recompute.reason', { from: at(previous.dueAt), to: at(next.dueAt) });

  const recompute = useSubmit(
    async () => {
      setResult(null);
      setResult(await deadlinesRecompute(session, { rules, deadline: deadlineContext, reasonOf }));
    },
    {
      failureOf: (error) => t('calendarSettings.recompute.failed', { reason: errorMessage(error) }),
    },
  );
  const run = recompute.run;
  const running = recompute.pending;
  const failure = recompute.failure;

  return (
    <Paper sx={{ p: 2 }} component="section" aria-label={t('calendarSettings.recompute.title')}>
      <Typography variant="h6" component="h2">
        {t('calendarSettings.recompute.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('calendarSettings.recompute.help')}
      </Typography>
      {preview ? (
        <Typography sx={{ mb: 1 }}>
          {preview.changes > 0
            ? t('calendarSettings.recompute.preview', { ...preview })
            : t('calendarSettings.recompute.previewNone', { ...preview })}
        </Typography>
      ) : null}
      {readOnly ? null : (
        <Button variant="contained" disabled={running} onClick={() => void run()}>
          {running
            ? t('calendarSettings.recompute.running')
            : t('calendarSettings.recompute.action')}
        </Button>
      )}
      <Box aria-live="polite" sx={{ mt: 2 }}>
        {failure ? <Alert severity="error">{failure}</Alert> : null}
        {result ? (
          <Alert severity="success">
            {result.changed.length > 0
              ? t('calendarSettings.recompute.done', {
                  open: result.open,
                  changed: result.changed.length,
                })
              : t('calendarSettings.recompute.doneNone', { open: result.open })}
            {result.changed.map((c) => (
              <Box key={c.id} component="span" sx={{ display: 'block' }}>
                <Link component={RouterLink} to={`/cases/${c.id}`}>
                  {c.number}
                </Link>
                {c.deadline ? ` → ${at(c.deadline.dueAt)}` : ''}
              </Box>
            ))}
          </Alert>
        ) : null}
      </Box>
    </Paper>
  );
}
