import { useEffect, useState } from 'react';
import type { BridgeRuntime } from '@shared/platform/bridge';
import { useDeskServices } from '../../../desk/services';

/** Where the desk runs ('electron' or 'browser'); undefined until the bridge has answered. */
export function useBridgeRuntime(): BridgeRuntime | undefined {
  const { bridge } = useDeskServices();
  const [runtime, setRuntime] = useState<BridgeRuntime>();
  useEffect(() => {
    let live = true;
    bridge
      .appInfo()
      .then((info) => {
        if (live) setRuntime(info.runtime);
      })
      .catch((error: unknown) => console.warn('[desk] appInfo failed', error));
    return () => {
      live = false;
    };
  }, [bridge]);
  return runtime;
}
