import { Box, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useDeskState } from '../../../desk/desk-state';
import { SettingsHeader } from '../SettingsHeader';
import { useCanEditSettings } from '../useCanEditSettings';
import { BusinessHoursSection } from './BusinessHoursSection';
import { HolidayYearsSection } from './HolidayYearsSection';
import { RecomputeSection } from './RecomputeSection';

/**
 * The working calendar (DOMAIN.md section 3): business hours, the years with holiday data,
 * adding a year the official data does not cover yet, and recomputing open deadlines. Only an
 * administrator changes it; others see it read-only.
 */
export function CalendarSettingsPage() {
  const { t } = useTranslation();
  const { calendar } = useDeskState();
  const canEdit = useCanEditSettings('settings.calendar');
  return (
    <Box sx={{ maxWidth: 1000 }}>
      <SettingsHeader title={t('calendarSettings.title')} intro={t('calendarSettings.intro')} />
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('calendarSettings.timeZone', { zone: calendar.timeZone })}
      </Typography>
      <Stack spacing={2}>
        <BusinessHoursSection readOnly={!canEdit} />
        <HolidayYearsSection readOnly={!canEdit} />
        <RecomputeSection readOnly={!canEdit} />
      </Stack>
    </Box>
  );
}
