import { Box, Card, CardActionArea, CardContent, Grid, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { rolesSeeQueue } from '@shared/access/permissions';
import { WORK_QUEUES, type WorkQueueDef } from '@shared/register/queues';
import { useDeskState } from '../../desk/desk-state';
import { formatDateTime } from '../../vocabulary/format';
import { useWorkQueueContext, useWorkQueueCounts } from './use-work-queue';

/** Where a queue's card leads: the follow-up queue has a screen of its own. */
export function workQueuePath(def: WorkQueueDef): string {
  return def.id === 'awaitingFollowUp' ? '/follow-up' : `/queues/${def.id}`;
}

/** The home screen: the work queues with their counts, each opening its list. */
export function HomePage() {
  const { t } = useTranslation();
  const { deadlineContext, operator } = useDeskState();
  const ctx = useWorkQueueContext();
  const counts = useWorkQueueCounts();

  return (
    <Box sx={{ maxWidth: 1100 }}>
      <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 2, mb: 2 }}>
        <Typography variant="h5" component="h1">
          {t('home.title')}
        </Typography>
        <Typography color="text.secondary">
          {t('home.asOf', { time: formatDateTime(ctx.now, deadlineContext.timeZone) })}
        </Typography>
      </Box>
      <Grid container spacing={2} component="ul" aria-label={t('home.queuesLabel')} sx={{ p: 0 }}>
        {WORK_QUEUES.filter((def) => rolesSeeQueue(operator.roles, def.id)).map((def) => (
          <Grid
            key={def.id}
            size={{ xs: 12, sm: 6, md: 3 }}
            component="li"
            sx={{ listStyle: 'none' }}
          >
            <QueueCard def={def} count={counts?.[def.id]} />
          </Grid>
        ))}
      </Grid>
    </Box>
  );
}

function QueueCard({ def, count }: Readonly<{ def: WorkQueueDef; count: number | undefined }>) {
  const { t } = useTranslation();
  const title = t(`home.queues.${def.id}.title`);
  const alarm = count !== undefined && count > 0 && def.tone !== 'neutral';
  const color = alarm ? (def.tone === 'error' ? 'error.main' : 'warning.dark') : 'text.primary';
  return (
    <Card
      variant="outlined"
      // A second line of colour drawn outside the border, so the card's content does not move.
      sx={{
        height: '100%',
        borderColor: alarm ? color : undefined,
        outline: alarm ? '1px solid' : undefined,
        outlineColor: alarm ? color : undefined,
      }}
    >
      <CardActionArea
        component={RouterLink}
        to={workQueuePath(def)}
        aria-label={count === undefined ? title : t('home.cardLabel', { title, count })}
        sx={{ height: '100%' }}
      >
        <CardContent>
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700 }}>
            {title}
          </Typography>
          <Typography sx={{ color, my: 1 }}>
            <Box component="span" sx={{ fontSize: '2.25rem', fontWeight: 700, lineHeight: 1 }}>
              {count ?? '…'}
            </Box>
            <Box component="span" sx={{ ml: 0.5 }}>
              {t('home.countUnit', { count: count ?? 0 })}
            </Box>
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {t(`home.queues.${def.id}.hint`)}
          </Typography>
        </CardContent>
      </CardActionArea>
    </Card>
  );
}
