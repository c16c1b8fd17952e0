import type { CalendarSettings } from '../../../../../shared/entities';
import { settingsChange } from '../../../db/repos/settings';
import { useDeskState } from '../../../app/desk-state';
import { useDeskServices } from '../../../app/services';

/** Saves a new calendar with its audit entry; the desk's deadlines follow it at once. */
export function useCalendarSave(): (calendar: CalendarSettings) => Promise<void> {
  const { db, now } = useDeskServices();
  const { operator } = useDeskState();
  return async (calendar) => {
    const at = now();
    await settingsChange(db, 'calendar', calendar, {
      actorId: operator.id,
      at,
      wallMs: Date.parse(at),
    });
  };
}
