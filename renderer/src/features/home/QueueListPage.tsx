import { Alert, Box, Button, Link, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { isWorkQueueId, type WorkQueueId } from '@shared/register/queues';
import { CaseListTable } from '../../ui/CaseListTable';
import { useCaseColumns, type CaseColumn } from '../../ui/useCaseColumns';
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
  const caseColumns = useCaseColumns();
  const title = t(`home.queues.${id}.title`);
  const total = counts?.[id];
  const columns: CaseColumn[] = [
    caseColumns.number(t('home.list.columns.number')),
    caseColumns.receivedAt(t('home.list.columns.receivedAt')),
    caseColumns.customer(t('home.list.columns.customer')),
    { ...caseColumns.subject(t('home.list.columns.subject')), maxWidth: 320 },
    caseColumns.status(t('home.list.columns.status')),
    {
      id: 'unit',
      header: t('home.list.columns.unit'),
      cell: (item) => item.unitName ?? '—',
    },
    ...(id === 'toDispatch' || id === 'lateToDispatch'
      ? [caseColumns.dispatchDeadline(t('home.list.columns.dispatchDeadline'))]
      : []),
    ...(id === 'interimDueSoon' || id === 'interimOverdue'
      ? [caseColumns.interimDeadline(t('home.list.columns.interimDeadline'))]
      : []),
    caseColumns.deadline(t('home.list.columns.deadline')),
  ];
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
      <CaseListTable
        label={title}
        rows={rows}
        columns={columns}
        empty={<Typography>{t('home.list.empty')}</Typography>}
      />
      {hasMore ? (
        <Button sx={{ mt: 2 }} onClick={() => void loadMore()}>
          {t('home.list.loadMore')}
        </Button>
      ) : null}
    </Box>
  );
}
