import { Box, Stack } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { SettingsHeader } from '../SettingsHeader';
import { ReferralsEditor } from './ReferralsEditor';
import { ScriptsEditor } from './ScriptsEditor';

/** Call aids (通话辅助): the scripts and the referral directory shown at intake. */
export function AidsSettingsPage() {
  const { t } = useTranslation();
  return (
    <Box sx={{ maxWidth: 1100 }}>
      <SettingsHeader title={t('settings.aids.title')} />
      <Stack spacing={3}>
        <ScriptsEditor />
        <ReferralsEditor />
      </Stack>
    </Box>
  );
}
