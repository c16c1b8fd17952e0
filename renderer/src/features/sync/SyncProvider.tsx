import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { TFunction } from 'i18next';
import { syncOriginOf, type SyncFailure, type SyncStatus } from '@shared/sync/desk-sync';
import { syncSettingsGet } from '../../db/repos/sync';
import { SyncEngine } from '../../db/sync/engine';
import { syncTransportHttp } from '../../db/sync/transport';
import { useDeskServices } from '../../desk/services';

interface SyncContextValue {
  readonly status: SyncStatus;
  /** The running engine, when sync is on. */
  readonly engine?: SyncEngine;
}

const SyncContext = createContext<SyncContextValue>({ status: { state: 'off' } });
SyncContext.displayName = 'SyncContext';

export function useSync(): SyncContextValue {
  return useContext(SyncContext);
}

/**
 * Runs the sync engine in the background while sync is on (settings key `sync`): a new engine
 * whenever the settings change, told of every local change through the outbox's row count
 * (a live query: whatever repository wrote, its outbox row shows up here).
 */
export function SyncProvider({ children }: { readonly children: ReactNode }) {
  const { db, bridge } = useDeskServices();
  const settings = useLiveQuery(() => syncSettingsGet(db), [db]);
  const pending = useLiveQuery(() => db.outbox.count(), [db]);
  const [engineStatus, setStatus] = useState<SyncStatus>({ state: 'off' });

  const engine = useMemo(() => {
    if (!settings?.enabled) return undefined;
    return new SyncEngine({
      db,
      settings,
      transport: syncTransportHttp(settings.address, settings.token),
    });
  }, [db, settings]);

  useEffect(() => {
    if (!engine) return undefined;
    const unsubscribe = engine.subscribe(setStatus);
    engine.start();
    return () => {
      unsubscribe();
      engine.stop();
    };
  }, [engine]);

  // The page may connect only to the sync server its policy names: Electron's main process adds
  // the configured origin to connect-src, which takes effect when the page loads again.
  const origin = settings?.enabled ? (syncOriginOf(settings.address) ?? null) : null;
  useEffect(() => {
    if (settings === undefined) return;
    bridge
      .setSyncServer(origin)
      .then((result) => {
        if (result.status === 'reload') window.location.reload();
      })
      .catch((error: unknown) =>
        console.error('sync server not allowed by the page policy', error),
      );
  }, [bridge, origin, settings]);

  useEffect(() => {
    if (engine && pending !== undefined) engine.changed();
  }, [engine, pending]);

  // Without an engine sync is off, whatever the last engine said.
  const value = useMemo<SyncContextValue>(
    () => (engine ? { status: engineStatus, engine } : { status: { state: 'off' } }),
    [engineStatus, engine],
  );
  return <SyncContext.Provider value={value}>{children}</SyncContext.Provider>;
}

/** A failure in the clerk's words. */
export function syncFailureText(t: TFunction, failure: SyncFailure): string {
  return t(`sync.failures.${failure.code}`, { serverTime: failure.serverTime ?? '' });
}
