import { Box, Card, CardActionArea, CardContent, Grid, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { AttachmentSettingsSection } from '../attachments/AttachmentSettingsSection';

/**
 * The settings pages, one line each. `calendar` is the working calendar's page (its own
 * feature folder, settings/calendar/); `print` lives with the forms (features/print/).
 */
const SETTINGS_PAGES = [
  { to: '/settings/units', key: 'units' },
  { to: '/settings/staff', key: 'staff' },
  { to: '/settings/aids', key: 'aids' },
  { to: '/settings/calendar', key: 'calendar' },
  { to: '/settings/print', key: 'print' },
  { to: '/settings/backup', key: 'backup' },
  { to: '/settings/security', key: 'security' },
  { to: '/settings/sync', key: 'sync' },
  { to: '/settings/audit', key: 'audit' },
] as const;

/** Settings (设置): the desk's reference data, one card per page. */
export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <Box sx={{ maxWidth: 1100 }}>
      <Typography variant="h5" component="h1">
        {t('settings.title')}
      </Typography>
      <Typography color="text.secondary" sx={{ mt: 1, mb: 2 }}>
        {t('settings.intro')}
      </Typography>
      <Grid container spacing={2} component="nav" aria-label={t('settings.pagesLabel')}>
        {SETTINGS_PAGES.map((page) => (
          <Grid key={page.key} size={{ xs: 12, sm: 6, md: 4 }}>
            <Card variant="outlined" sx={{ height: '100%' }}>
              <CardActionArea component={RouterLink} to={page.to} sx={{ height: '100%' }}>
                <CardContent>
                  <Typography variant="h6" component="h2">
                    {page.key === 'sync' ? t('sync.card') : t(`settings.pages.${page.key}`)}
                  </Typography>
                  <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                    {page.key === 'sync' ? t('sync.cardHelp') : t(`settings.pages.${page.key}Help`)}
                  </Typography>
                </CardContent>
              </CardActionArea>
            </Card>
          </Grid>
        ))}
      </Grid>
      <AttachmentSettingsSection />
    </Box>
  );
}
