import { createContext, useContext } from 'react';
import type { DeskBridge } from '@shared/platform/bridge';
import type { IsoInstant } from '@shared/kernel/brand';
import type { DeskDatabase } from '../db/database';

/** What the screens need from outside React: storage, the desktop bridge and the clock. */
export interface DeskServices {
  readonly db: DeskDatabase;
  readonly bridge: DeskBridge;
  /** The current instant; tests freeze it through the browser clock. */
  readonly now: () => IsoInstant;
  /** Whether the browser promised to keep IndexedDB (navigator.storage.persist()). */
  readonly persistence: 'persisted' | 'denied' | 'unsupported';
}

export const DeskServicesContext = createContext<DeskServices | null>(null);
DeskServicesContext.displayName = 'DeskServicesContext';

export function useDeskServices(): DeskServices {
  const services = useContext(DeskServicesContext);
  if (!services) throw new Error('useDeskServices outside DeskServicesContext');
  return services;
}

export function systemNow(): IsoInstant {
  return new Date().toISOString() as IsoInstant;
}
