import { Alert, Button } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BridgeFailureReason, UpdateCheckResult } from '@shared/platform/bridge';
import { useDeskServices } from '../../../desk/services';
import { useErrorMessage } from '../../../desk/useErrorMessage';
import { externalHostsLoad, updateFolderLoad } from '../../../db/repos/security-settings';
import { useSubmit } from '../../../ui/useSubmit';

type Offer = Extract<UpdateCheckResult, { status: 'available' }>;

/** A newer installer in the update folder: its version, and a button that installs it. */
export function UpdateOfferAlert({
  offer,
  onLater,
}: Readonly<{ offer: Offer; onLater?: () => void }>) {
  const { t } = useTranslation();
  const { bridge } = useDeskServices();
  const errorMessage = useErrorMessage();
  const install = useSubmit(
    async () => {
      const result = await bridge.updateInstall();
      if (result.status === 'nothing-offered') throw new UpdateNotStarted('gone');
      if (result.status === 'failed') throw new UpdateNotStarted(result.reason);
      return result;
    },
    {
      // The desk closes once the installer starts: the button stays busy until then.
      pendingAfterSuccess: true,
      failureOf: (error) => {
        if (!(error instanceof UpdateNotStarted)) return errorMessage(error);
        return error.reason === 'gone'
          ? t('securitySettings.offer.gone')
          : t(`bridge.${error.reason}`);
      },
    },
  );
  return (
    <Alert
      severity={install.failure ? 'warning' : 'info'}
      sx={{ mb: 2 }}
      action={
        <>
          <Button
            color="inherit"
            size="small"
            disabled={install.pending}
            onClick={() => void install.run()}
          >
            {install.pending
              ? t('securitySettings.offer.installing')
              : t('securitySettings.offer.install')}
          </Button>
          {onLater ? (
            <Button color="inherit" size="small" onClick={onLater}>
              {t('securitySettings.offer.later')}
            </Button>
          ) : null}
        </>
      }
    >
      {t('securitySettings.offer.text', { version: offer.version, running: offer.runningVersion })}
      {install.failure ? <div>{install.failure}</div> : null}
    </Alert>
  );
}

/** The installer did not start: it left the folder, or the system refused to run it. */
class UpdateNotStarted extends Error {
  constructor(readonly reason: 'gone' | BridgeFailureReason) {
    super(`update not started: ${reason}`);
  }
}

/**
 * Mounted once in the shell: sends the administrator's allow-list to the bridge whenever it
 * changes (the main process holds no copy of its own), and at start looks in the update folder
 * and offers a newer installer. The browser build answers 'not-applicable' and shows nothing.
 */
export function SecurityStartup() {
  const { db, bridge } = useDeskServices();
  const hosts = useLiveQuery(() => externalHostsLoad(db), [db]);
  const [offer, setOffer] = useState<Offer>();

  useEffect(() => {
    if (hosts === undefined) return;
    bridge.setExternalHosts(hosts).catch((error: unknown) => {
      console.warn('[desk] the allow-list did not reach the bridge', error);
    });
  }, [bridge, hosts]);

  useEffect(() => {
    let live = true;
    void (async () => {
      const folder = await updateFolderLoad(db);
      if (folder === '') return;
      const result = await bridge.updateCheck(folder);
      if (live && result.status === 'available') setOffer(result);
    })().catch((error: unknown) => console.warn('[desk] update check failed', error));
    return () => {
      live = false;
    };
  }, [db, bridge]);

  return offer ? <UpdateOfferAlert offer={offer} onLater={() => setOffer(undefined)} /> : null;
}
