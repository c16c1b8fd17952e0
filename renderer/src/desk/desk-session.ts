import { useMemo } from 'react';
import { deskSessionOf, type DeskSession } from '../db/session';
import { useDeskState } from './desk-state';
import { useDeskServices } from './services';

/**
 * The writer handle of the set-up desk: its database, the operator at the keyboard, the desk and
 * the clock. Screens pass it to the repositories that write and state only what they write.
 */
export function useDeskSession(): DeskSession {
  const { db, now } = useDeskServices();
  const { identity, rules, calendar, operator, headOffice } = useDeskState();
  return useMemo(
    () =>
      deskSessionOf(
        db,
        { identity, rules, calendar, operator, ...(headOffice ? { headOffice } : {}) },
        now,
      ),
    [db, now, identity, rules, calendar, operator, headOffice],
  );
}
