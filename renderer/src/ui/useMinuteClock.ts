import { useEffect, useState } from 'react';
import type { IsoInstant } from '@shared/kernel/brand';
import { useDeskServices } from '../desk/services';

/**
 * The desk's current instant, moved on every minute: screens whose content depends on the time
 * alone (due soon, overdue) follow it without any write to the database.
 */
export function useMinuteClock(): IsoInstant {
  const { now } = useDeskServices();
  const [at, setAt] = useState<IsoInstant>(now);
  useEffect(() => {
    const timer = setInterval(() => setAt(now()), 60_000);
    return () => clearInterval(timer);
  }, [now]);
  return at;
}
