import {
  Alert,
  Box,
  Button,
  MenuItem,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { AuditVerification } from '@shared/audit/chain';
import { rolesMay } from '@shared/access/permissions';
import { isIsoDate, isoDateAddDays } from '@shared/calendar/iso-date';
import { localDateTimeToInstant } from '@shared/kernel/time';
import { AUDIT_ACTIONS, type AuditAction } from '@shared/model/entities';
import { auditSearch, auditVerify, type AuditFilter } from '../../../db/repos/audit';
import { staffList } from '../../../db/repos/staff';
import { useDeskState } from '../../../desk/desk-state';
import { useDeskServices } from '../../../desk/services';
import { formatDateTime } from '../../../vocabulary/format';
import { auditActionLabel } from '../../../vocabulary/words';
import { useExport } from '../../reports/useExport';

/** How many entries the page lists; the export takes every match. */
const SHOWN = 200;

/** `YYYY-MM-DD` or blank; anything else is refused next to its field. */
function dateProblem(text: string): boolean {
  return text.trim() !== '' && !isIsoDate(text.trim());
}

/** The audit log (#/settings/audit): browse, filter, check the chain, export to Excel. */
export function AuditPage() {
  const { t } = useTranslation();
  const { db } = useDeskServices();
  const { operator, locale, deadlineContext } = useDeskState();
  const zone = deadlineContext.timeZone;
  const [action, setAction] = useState<AuditAction | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [text, setText] = useState('');
  const [verdict, setVerdict] = useState<AuditVerification | undefined>();
  const [checking, setChecking] = useState(false);
  const exporter = useExport(false);

  const fromBad = dateProblem(from);
  const toBad = dateProblem(to);
  const reversed = !fromBad && !toBad && from.trim() && to.trim() && to.trim() < from.trim();
  const filter = useMemo((): AuditFilter | undefined => {
    if (fromBad || toBad || reversed) return undefined;
    const start = from.trim();
    const end = to.trim();
    const startAt = isIsoDate(start) ? localDateTimeToInstant(`${start}T00:00`, zone) : undefined;
    // The end date is included: up to the next day's midnight.
    const endAt = isIsoDate(end)
      ? localDateTimeToInstant(`${isoDateAddDays(end, 1)}T00:00`, zone)
      : undefined;
    return {
      ...(action ? { action } : {}),
      ...(startAt ? { from: startAt } : {}),
      ...(endAt ? { to: endAt } : {}),
      ...(text.trim() ? { text: text.trim() } : {}),
    };
  }, [action, from, to, text, zone, fromBad, toBad, reversed]);

  const allowed = rolesMay(operator.roles, 'audit.read');
  const entries = useLiveQuery(
    async () => (allowed && filter ? auditSearch(db, filter, SHOWN) : []),
    [db, filter, allowed],
  );
  const names = useLiveQuery(
    async () => new Map((await staffList(db)).map((s) => [s.id as string, s.name])),
    [db],
  );

  if (!allowed) {
    return <Alert severity="warning">{t('audit.notAllowed', { name: operator.name })}</Alert>;
  }

  const verify = async () => {
    setChecking(true);
    try {
      setVerdict(await auditVerify(db));
    } finally {
      setChecking(false);
    }
  };

  return (
    <Box sx={{ maxWidth: 1300 }}>
      <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 2, mb: 1 }}>
        <Typography variant="h5" component="h1">
          {t('audit.title')}
        </Typography>
        <Box sx={{ flexGrow: 1 }} />
        <RouterLink to="/settings">{t('settings.back')}</RouterLink>
      </Box>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {t('audit.intro')}
      </Typography>
      <Stack
        direction="row"
        spacing={2}
        sx={{ mb: 2, flexWrap: 'wrap', rowGap: 2 }}
        component="section"
        aria-label={t('audit.filters')}
      >
        <TextField
          select
          label={t('audit.action')}
          value={action}
          onChange={(e) => setAction(e.target.value as AuditAction | '')}
          sx={{ minWidth: 200 }}
          size="small"
        >
          <MenuItem value="">{t('audit.anyAction')}</MenuItem>
          {AUDIT_ACTIONS.map((a) => (
            <MenuItem key={a} value={a}>
              {auditActionLabel(a, locale)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          label={t('audit.from')}
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          error={fromBad}
          helperText={fromBad ? t('audit.badDate') : ' '}
          placeholder="2026-11-02"
          size="small"
        />
        <TextField
          label={t('audit.to')}
          value={to}
          onChange={(e) => setTo(e.target.value)}
          error={toBad || Boolean(reversed)}
          helperText={toBad ? t('audit.badDate') : reversed ? t('audit.reversed') : ' '}
          placeholder="2026-11-30"
          size="small"
        />
        <TextField
          label={t('audit.text')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          size="small"
        />
        <Box>
          <Button variant="outlined" onClick={() => void verify()} disabled={checking}>
            {checking ? t('audit.verifying') : t('audit.verify')}
          </Button>
        </Box>
        <Box>
          <Button
            variant="contained"
            disabled={!filter || exporter.progress !== undefined}
            onClick={() => {
              if (filter) void exporter.start({ table: 'audit', filter });
            }}
          >
            {exporter.progress ? t('audit.exporting') : t('audit.export')}
          </Button>
        </Box>
      </Stack>
      {verdict ? (
        <Alert severity={verdict.ok ? 'success' : 'error'} sx={{ mb: 2 }} role="status">
          {verdict.ok
            ? t('audit.intact', { count: verdict.count })
            : t('audit.broken', {
                seq: verdict.seq,
                id: verdict.id,
                reason: t(`audit.reasons.${verdict.reason}`),
              })}
        </Alert>
      ) : null}
      {exporter.message ? (
        <Alert severity={exporter.message.severity} sx={{ mb: 2 }} onClose={exporter.dismiss}>
          {exporter.message.text}
        </Alert>
      ) : null}
      <Typography color="text.secondary" sx={{ mb: 1 }}>
        {t('audit.shown', { count: entries?.length ?? 0 })}
      </Typography>
      <Paper variant="outlined">
        <Table size="small" aria-label={t('audit.table')}>
          <TableHead>
            <TableRow>
              {(['seq', 'at', 'actor', 'action', 'target', 'detail'] as const).map((c) => (
                <TableCell key={c}>{t(`audit.columns.${c}`)}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {entries?.length === 0 ? (
              <TableRow>
                <TableCell colSpan={6}>{t('audit.empty')}</TableCell>
              </TableRow>
            ) : null}
            {entries?.map((entry) => (
              <TableRow key={entry.id}>
                <TableCell>{entry.seq}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(entry.at, zone)}
                </TableCell>
                <TableCell>{names?.get(entry.actorId) ?? entry.actorId}</TableCell>
                <TableCell>{auditActionLabel(entry.action, locale)}</TableCell>
                <TableCell sx={{ wordBreak: 'break-all' }}>{entry.target ?? ''}</TableCell>
                <TableCell sx={{ wordBreak: 'break-all' }}>{entry.detail ?? ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
    </Box>
  );
}
