import { Stack } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useDeskServices } from '../../../desk/services';
import { externalHostsLoad, updateFolderLoad } from '../../../db/repos/security-settings';
import { SettingsHeader } from '../SettingsHeader';
import { ExternalHostsSection } from './ExternalHostsSection';
import { UpdateFolderSection } from './UpdateFolderSection';

/** `#/settings/security`: the allow-list of external hosts and the offline update folder. */
export function SecuritySettingsPage() {
  const { t } = useTranslation();
  const { db } = useDeskServices();
  const stored = useLiveQuery(
    async () => ({ hosts: await externalHostsLoad(db), folder: await updateFolderLoad(db) }),
    [db],
  );
  return (
    <Stack spacing={2} sx={{ maxWidth: 900 }}>
      <SettingsHeader title={t('securitySettings.title')} intro={t('securitySettings.intro')} />
      {/* The forms start from what is stored when the page opens; later edits are their own. */}
      {stored ? (
        <>
          <ExternalHostsSection stored={stored.hosts} />
          <UpdateFolderSection stored={stored.folder} />
        </>
      ) : null}
    </Stack>
  );
}
