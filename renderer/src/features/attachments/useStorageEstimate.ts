import { useEffect, useState } from 'react';
import { storageNearlyFull } from '@shared/attachments/limits';

export interface StorageEstimate {
  readonly usage: number;
  readonly quota: number;
  readonly nearlyFull: boolean;
}

/**
 * What the browser says the desk's origin uses of its quota (navigator.storage.estimate), read
 * again when `version` changes (after a file is added); undefined where the browser cannot say.
 */
export function useStorageEstimate(version: unknown = 0): StorageEstimate | undefined {
  const [estimate, setEstimate] = useState<StorageEstimate>();
  useEffect(() => {
    let live = true;
    const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
    if (!storage?.estimate) return undefined;
    storage.estimate().then(
      ({ usage = 0, quota = 0 }) => {
        if (live) setEstimate({ usage, quota, nearlyFull: storageNearlyFull(usage, quota) });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [version]);
  return estimate;
}
