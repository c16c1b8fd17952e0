import { isolateBidi } from '@shared/kernel/bidi';
import CheckIcon from '@mui/icons-material/Check';
import { Box, Button, Chip, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { CaseId } from '@shared/kernel/brand';
import type { DuplicateCandidate } from '@shared/intake/duplicates';
import type { CaseEntity } from '@shared/model/entities';
import { useDeskState } from '../../desk/desk-state';
import { formatDateTime } from '../../vocabulary/format';

export interface IntakeDuplicatesProps {
  readonly duplicates: readonly DuplicateCandidate<CaseEntity>[];
  readonly windowDays: number;
  readonly searched: boolean;
  /** The matter the new case will join when saved. */
  readonly matterId: CaseId | undefined;
  readonly onChoose: (chosen: CaseEntity | undefined) => void;
}

/** Possible duplicates of the case being typed, each with why, and "link as one matter". */
export function IntakeDuplicates({
  duplicates,
  windowDays,
  searched,
  matterId,
  onChoose,
}: Readonly<IntakeDuplicatesProps>) {
  const { t } = useTranslation();
  const { deadlineContext } = useDeskState();
  if (!searched) return null;
  if (duplicates.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {t('intakeAside.noDuplicates', { days: windowDays })}
      </Typography>
    );
  }
  return (
    <>
      <Typography variant="body2" sx={{ mb: 0.5 }}>
        {t('intakeAside.duplicatesHelp', { days: windowDays })}
      </Typography>
      <List dense disablePadding aria-label={t('intakeAside.duplicates')}>
        {duplicates.map(({ case: item, reasons }) => {
          const chosen = matterId === item.matterId;
          return (
            <ListItem
              key={item.id}
              disableGutters
              divider
              sx={{ display: 'block', bgcolor: chosen ? 'action.selected' : undefined, px: 0.5 }}
            >
              <ListItemText
                primary={`${item.number} · ${isolateBidi(item.subject)}`}
                secondary={[
                  formatDateTime(item.receivedAt, deadlineContext.timeZone),
                  isolateBidi(item.customer.name),
                  isolateBidi(item.customer.address),
                  t(`status.${item.status}`),
                ]
                  .filter(Boolean)
                  .join(' · ')}
                slotProps={{ primary: { variant: 'body2' } }}
              />
              <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, alignItems: 'center' }}>
                {reasons.map((reason) => (
                  <Chip
                    key={reason}
                    size="small"
                    color="warning"
                    variant="outlined"
                    label={t(`intakeAside.reasons.${reason}`)}
                  />
                ))}
                <Box sx={{ flexGrow: 1 }} />
                <Button
                  size="small"
                  variant={chosen ? 'outlined' : 'text'}
                  startIcon={chosen ? <CheckIcon /> : undefined}
                  aria-pressed={chosen}
                  aria-label={`${t('intakeAside.link')} ${item.number}`}
                  onClick={() => onChoose(chosen ? undefined : item)}
                >
                  {t('intakeAside.link')}
                </Button>
              </Box>
            </ListItem>
          );
        })}
      </List>
    </>
  );
}
