import { Box, List, ListItem, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { CaseEventEntity } from '@shared/model/entities';
import { useDeskState } from '../../desk/desk-state';
import { formatDateTime } from '../../vocabulary/format';
import { eventFacts, factsOnScreen } from '../../vocabulary/event-facts';

export interface EventTimelineProps {
  readonly events: readonly CaseEventEntity[];
}

/** The history of a case, oldest first, as the handling record lists it: who, when, what. */
export function EventTimeline({ events }: Readonly<EventTimelineProps>) {
  const { t } = useTranslation();
  const { deadlineContext, rules, locale } = useDeskState();
  const timeZone = deadlineContext.timeZone;
  return (
    <List aria-label={t('case.timeline')} dense>
      {events.map((event, index) => {
        const details = factsOnScreen(
          eventFacts(event, {
            t: (key, options) => t(key, options ?? {}),
            rules,
            locale,
            timeZone,
          }),
        );
        // A dispatch after an earlier one sends the case to another unit: 改派.
        const redispatch =
          event.type === 'case/dispatched' &&
          events.slice(0, index).some((earlier) => earlier.type === 'case/dispatched');
        return (
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
            <Box sx={{ minWidth: 140, flexShrink: 0 }}>
              <Typography variant="body2">{formatDateTime(event.at, timeZone)}</Typography>
              <Typography variant="body2" color="text.secondary">
                {event.actorName}
              </Typography>
            </Box>
            <Box sx={{ minWidth: 0 }}>
              <Typography sx={{ fontWeight: 700 }}>
                {redispatch ? t('caseActions.actions.redispatch') : t(`event.${event.type}`)}
              </Typography>
              {details.length > 0 ? (
                <Box
                  component="dl"
                  sx={{
                    m: 0,
                    display: 'grid',
                    gridTemplateColumns: 'max-content 1fr',
                    columnGap: 1.5,
                    rowGap: 0.25,
                  }}
                >
                  {details.map((detail, index) => (
                    <Box key={index} sx={{ display: 'contents' }}>
                      <Typography component="dt" variant="body2" color="text.secondary">
                        {detail.label}
                      </Typography>
                      <Typography
                        component="dd"
                        variant="body2"
                        sx={{ m: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
                      >
                        {detail.value}
                      </Typography>
                    </Box>
                  ))}
                </Box>
              ) : null}
            </Box>
          </ListItem>
        );
      })}
    </List>
  );
}
