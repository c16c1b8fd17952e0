import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef } from 'react';
import { idleLockDue, SECURITY_POLICY_DEFAULT } from '@shared/access/credentials';
import { securityPolicy } from '../../db/repos/accounts';
import { useDeskServices } from '../../desk/services';
import { useSignIn } from '../../desk/sign-in';

/** How often the idle time is looked at. */
const CHECK_EVERY_MS = 15_000;
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;

/**
 * Locks the screen (signs the operator out, saying why) after the idle time the administrator
 * set (settings `security`). Any key, click, pointer move or scroll counts as activity.
 */
export function IdleLock() {
  const { db } = useDeskServices();
  const { signOut } = useSignIn();
  const policy = useLiveQuery(() => securityPolicy(db), [db]) ?? SECURITY_POLICY_DEFAULT;
  // The last activity; set when the lock starts watching (Date.now is not read while rendering).
  const last = useRef<number | null>(null);

  useEffect(() => {
    last.current ??= Date.now();
    const touch = () => {
      last.current = Date.now();
    };
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, touch, { passive: true });
    const timer = window.setInterval(() => {
      if (idleLockDue(policy, last.current ?? Date.now(), Date.now())) signOut('idle');
    }, CHECK_EVERY_MS);
    return () => {
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, touch);
      window.clearInterval(timer);
    };
  }, [policy, signOut]);
  return null;
}
