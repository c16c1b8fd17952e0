import { isolateBidi } from '@shared/kernel/bidi';
import { Box, Button, Chip, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseEntity } from '@shared/model/entities';
import { followUpDrawNumber, followUpNeed } from '@shared/workflow/followup';
import { useDeskState } from '../../desk/desk-state';
import { formatDateTime } from '../../vocabulary/format';
import { CaseListTable } from '../../ui/CaseListTable';
import { DeadlineText } from '../../ui/DeadlineText';
import { useCaseColumns, type CaseColumn } from '../../ui/useCaseColumns';
import { useWorkQueueCounts, useWorkQueueRows } from '../home/use-work-queue';
import { FollowUpDialog } from './FollowUpDialog';
import { FollowUpRateSummary } from './FollowUpRateSummary';

/** The follow-up queue (回访): replied cases waiting for their call, the earliest due first. */
export function FollowUpQueuePage() {
  const { t } = useTranslation();
  const counts = useWorkQueueCounts();
  const { rows, hasMore, loadMore } = useWorkQueueRows('awaitingFollowUp');
  const [calling, setCalling] = useState<CaseEntity | null>(null);
  const total = counts?.awaitingFollowUp;
  const columns = useFollowUpColumns();

  return (
    <Box sx={{ maxWidth: 1300 }}>
      <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 2, mb: 1 }}>
        <Typography variant="h5" component="h1">
          {t('followUp.queue.title')}
        </Typography>
        {total !== undefined ? (
          <Typography color="text.secondary">
            {t('followUp.queue.count', { count: total })}
          </Typography>
        ) : null}
      </Box>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {t('followUp.queue.intro')}
      </Typography>
      <FollowUpRateSummary />
      <CaseListTable
        label={t('followUp.queue.tableLabel')}
        rows={rows}
        columns={columns}
        empty={<Typography>{t('followUp.queue.empty')}</Typography>}
        rowActions={(item) =>
          // Only a case read in full can be called back: a masked one has no number to call.
          item.masked ? null : (
            <Button
              size="small"
              variant="contained"
              onClick={() => setCalling(item)}
              aria-label={`${t('followUp.queue.action')} ${item.number}`}
            >
              {t('followUp.queue.action')}
            </Button>
          )
        }
      />
      {hasMore ? (
        <Button sx={{ mt: 2 }} onClick={() => void loadMore()}>
          {t('followUp.queue.loadMore')}
        </Button>
      ) : null}
      {calling ? (
        <FollowUpDialog open caseEntity={calling} onClose={() => setCalling(null)} />
      ) : null}
    </Box>
  );
}

/** The follow-up queue's columns: who to call and at which number, when, and whether it must. */
function useFollowUpColumns(): CaseColumn[] {
  const { t } = useTranslation();
  const { rules, deadlineContext } = useDeskState();
  const caseColumns = useCaseColumns();
  return [
    caseColumns.number(t('followUp.queue.columns.number')),
    {
      id: 'customer',
      header: t('followUp.queue.columns.customer'),
      cell: (item) => (
        <>
          {isolateBidi(item.customer.name) || '—'}
          <Typography
            variant="body2"
            color="text.secondary"
            component="span"
            sx={{ display: 'block' }}
          >
            {isolateBidi(item.customer.phone ?? '') || t('followUp.noPhone')}
          </Typography>
        </>
      ),
    },
    { ...caseColumns.subject(t('followUp.queue.columns.subject')), maxWidth: 280 },
    caseColumns.kind(t('followUp.queue.columns.kind')),
    {
      id: 'repliedAt',
      header: t('followUp.queue.columns.repliedAt'),
      noWrap: true,
      cell: (item) => formatDateTime(item.repliedAt, deadlineContext.timeZone),
    },
    {
      id: 'due',
      header: t('followUp.queue.columns.due'),
      noWrap: true,
      cell: (item) =>
        item.followUp.dueAt ? (
          <DeadlineText deadline={{ dueAt: item.followUp.dueAt }} showRemaining />
        ) : (
          t('followUp.dueNone')
        ),
    },
    {
      id: 'attempts',
      header: t('followUp.queue.columns.attempts'),
      align: 'right',
      cell: (item) => item.followUp.attempts,
    },
    {
      id: 'need',
      header: t('followUp.queue.columns.need'),
      cell: (item) => {
        const need = followUpNeed(rules, item.kindId, followUpDrawNumber(item.id));
        return (
          <Chip
            size="small"
            variant={need === 'always' ? 'outlined' : 'filled'}
            color={need === 'drawn' ? 'warning' : 'default'}
            label={t(`followUp.queue.needShort.${need}`)}
          />
        );
      },
    },
  ];
}
