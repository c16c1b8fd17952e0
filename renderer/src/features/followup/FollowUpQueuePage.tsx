import {
  Box,
  Button,
  Chip,
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
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { CaseEntity } from '../../../../shared/entities';
import { followUpDrawNumber, followUpNeed } from '../../../../shared/followup';
import { rulesKind, rulesLabel } from '../../../../shared/rules-query';
import { useDeskState } from '../../app/desk-state';
import { formatDateTime } from '../../app/format';
import { DeadlineText } from '../../ui/DeadlineText';
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
      {rows && rows.length === 0 ? (
        <Typography>{t('followUp.queue.empty')}</Typography>
      ) : (
        <TableContainer component={Paper}>
          <Table size="small" aria-label={t('followUp.queue.tableLabel')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('followUp.queue.columns.number')}</TableCell>
                <TableCell>{t('followUp.queue.columns.customer')}</TableCell>
                <TableCell>{t('followUp.queue.columns.subject')}</TableCell>
                <TableCell>{t('followUp.queue.columns.kind')}</TableCell>
                <TableCell>{t('followUp.queue.columns.repliedAt')}</TableCell>
                <TableCell>{t('followUp.queue.columns.due')}</TableCell>
                <TableCell align="right">{t('followUp.queue.columns.attempts')}</TableCell>
                <TableCell>{t('followUp.queue.columns.need')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {(rows ?? []).map((item) => (
                <FollowUpRow key={item.id} item={item} onCall={() => setCalling(item)} />
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
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

function FollowUpRow({ item, onCall }: Readonly<{ item: CaseEntity; onCall: () => void }>) {
  const { t } = useTranslation();
  const { rules, locale, deadlineContext } = useDeskState();
  const kind = rulesKind(rules, item.kindId);
  const need = followUpNeed(rules, item.kindId, followUpDrawNumber(item.id));
  return (
    <TableRow hover>
      <TableCell>
        <Link component={RouterLink} to={`/cases/${item.id}`}>
          {item.number}
        </Link>
      </TableCell>
      <TableCell>
        {item.customer.name || '—'}
        <Typography
          variant="body2"
          color="text.secondary"
          component="span"
          sx={{ display: 'block' }}
        >
          {item.customer.phone || t('followUp.noPhone')}
        </Typography>
      </TableCell>
      <TableCell sx={{ maxWidth: 280 }}>{item.subject}</TableCell>
      <TableCell>{kind ? rulesLabel(kind.label, locale) : item.kindId}</TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        {formatDateTime(item.repliedAt, deadlineContext.timeZone)}
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        {item.followUp.dueAt ? (
          <DeadlineText deadline={{ dueAt: item.followUp.dueAt }} showRemaining />
        ) : (
          t('followUp.dueNone')
        )}
      </TableCell>
      <TableCell align="right">{item.followUp.attempts}</TableCell>
      <TableCell>
        <Chip
          size="small"
          variant={need === 'always' ? 'outlined' : 'filled'}
          color={need === 'drawn' ? 'warning' : 'default'}
          label={t(`followUp.queue.needShort.${need}`)}
        />
      </TableCell>
      <TableCell>
        <Button
          size="small"
          variant="contained"
          onClick={onCall}
          aria-label={`${t('followUp.queue.action')} ${item.number}`}
        >
          {t('followUp.queue.action')}
        </Button>
      </TableCell>
    </TableRow>
  );
}
