import {
  Alert,
  Box,
  Button,
  Link,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import type { CaseEntity } from '../../../../shared/entities';
import { isWorkQueueId, type WorkQueueId } from '../../../../shared/queues';
import { caseIsOpen } from '../../../../shared/workflow/reducer';
import { useDeskState } from '../../app/desk-state';
import { formatDateTime } from '../../app/format';
import { DeadlineText } from '../../ui/DeadlineText';
import { useWorkQueueCounts, useWorkQueueRows } from './use-work-queue';

/** The list behind a home-screen card (`/queues/:queueId`). */
export function QueueListPage() {
  const { t } = useTranslation();
  const { queueId } = useParams();
  if (!isWorkQueueId(queueId)) {
    return (
      <Alert
        severity="warning"
        action={
          <Link component={RouterLink} to="/">
            {t('home.list.back')}
          </Link>
        }
      >
        {t('home.list.unknown')}
      </Alert>
    );
  }
  // Keyed by queue, so moving from one queue to another starts a fresh list.
  return <QueueList key={queueId} id={queueId} />;
}

function QueueList({ id }: Readonly<{ id: WorkQueueId }>) {
  const { t } = useTranslation();
  const counts = useWorkQueueCounts();
  const { rows, hasMore, loadMore } = useWorkQueueRows(id);
  const title = t(`home.queues.${id}.title`);
  const total = counts?.[id];
  return (
    <Box sx={{ maxWidth: 1300 }}>
      <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 2, mb: 1 }}>
        <Typography variant="h5" component="h1">
          {title}
        </Typography>
        {total !== undefined ? (
          <Typography color="text.secondary">{t('home.list.count', { count: total })}</Typography>
        ) : null}
        <Box sx={{ flexGrow: 1 }} />
        <Link component={RouterLink} to="/">
          {t('home.list.back')}
        </Link>
      </Box>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {t(`home.queues.${id}.hint`)}
      </Typography>
      {rows && rows.length === 0 ? (
        <Typography>{t('home.list.empty')}</Typography>
      ) : (
        <TableContainer component={Paper}>
          <Table size="small" aria-label={title}>
            <TableHead>
              <TableRow>
                <TableCell>{t('home.list.columns.number')}</TableCell>
                <TableCell>{t('home.list.columns.receivedAt')}</TableCell>
                <TableCell>{t('home.list.columns.customer')}</TableCell>
                <TableCell>{t('home.list.columns.subject')}</TableCell>
                <TableCell>{t('home.list.columns.status')}</TableCell>
                <TableCell>{t('home.list.columns.unit')}</TableCell>
                <TableCell>{t('home.list.columns.deadline')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {(rows ?? []).map((item) => (
                <QueueRow key={item.id} item={item} />
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {hasMore ? (
        <Button sx={{ mt: 2 }} onClick={() => void loadMore()}>
          {t('home.list.loadMore')}
        </Button>
      ) : null}
    </Box>
  );
}

function QueueRow({ item }: Readonly<{ item: CaseEntity }>) {
  const { t } = useTranslation();
  const { deadlineContext } = useDeskState();
  return (
    <TableRow hover>
      <TableCell>
        <Link component={RouterLink} to={`/cases/${item.id}`}>
          {item.number}
        </Link>
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        {formatDateTime(item.receivedAt, deadlineContext.timeZone)}
      </TableCell>
      <TableCell>{item.customer.name || '—'}</TableCell>
      <TableCell sx={{ maxWidth: 320 }}>{item.subject}</TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{t(`status.${item.status}`)}</TableCell>
      <TableCell>{item.unitName ?? '—'}</TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        <DeadlineText
          deadline={item.deadline}
          showRemaining
          exempt={item.exemptReason !== undefined}
          exemptReason={item.exemptReason}
          open={caseIsOpen(item)}
        />
      </TableCell>
    </TableRow>
  );
}
