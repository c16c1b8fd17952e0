import { createContext, useContext } from 'react';
import type { CalendarSettings, DeskIdentity, StaffEntity } from '@shared/model/entities';
import type { DeskRules, Locale } from '@shared/rules/rules';
import type { DeadlineContext } from '@shared/calendar/deadline';

/** The desk as set up: who it is, the rules it works by, and who is at the keyboard. */
export interface DeskState {
  readonly identity: DeskIdentity;
  readonly rules: DeskRules;
  readonly calendar: CalendarSettings;
  readonly locale: Locale;
  readonly operator: StaffEntity;
  readonly deadlineContext: DeadlineContext;
  /** Signed in to the sync server as a head office: read-only (db/access.ts refuses writes). */
  readonly headOffice?: boolean;
}

export const DeskStateContext = createContext<DeskState | null>(null);
DeskStateContext.displayName = 'DeskStateContext';

/** The set-up desk; only rendered below the first-run gate, so it is always there. */
export function useDeskState(): DeskState {
  const state = useContext(DeskStateContext);
  if (!state) throw new Error('useDeskState outside a set-up desk');
  return state;
}
