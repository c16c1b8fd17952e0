import { Box, List, ListItem, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { CaseEventEntity } from '../../../../shared/entities';
import { useDeskState } from '../../app/desk-state';
import { formatDateTime } from '../../app/format';
import { eventTextLines } from './event-summary';

export interface EventTimelineProps {
  readonly events: readonly CaseEventEntity[];
}

/** The history of a case, oldest first, as the handling record lists it. */
export function EventTimeline({ events }: Readonly<EventTimelineProps>) {
  const { t } = useTranslation();
  const { deadlineContext } = useDeskState();
  return (
    <List aria-label={t('case.timeline')} dense>
      {events.map((event) => (
        <ListItem
          key={event.id}
          sx={{
            alignItems: 'flex-start',
            gap: 2,
            borderLeft: 3,
            borderColor: 'primary.light',
            mb: 1,
          }}
        >
          <Box sx={{ minWidth: 140 }}>
            <Typography variant="body2">
              {formatDateTime(event.at, deadlineContext.timeZone)}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {event.actorName}
            </Typography>
          </Box>
          <Box>
            <Typography sx={{ fontWeight: 700 }}>{t(`event.${event.type}`)}</Typography>
            {eventTextLines(event).map((line, index) => (
              <Typography key={index} variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                {line}
              </Typography>
            ))}
          </Box>
        </ListItem>
      ))}
    </List>
  );
}
