import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarSettings } from '@shared/model/entities';
import { settingsChange } from '../../../db/repos/settings';
import { useDeskSession } from '../../../desk/desk-session';
import { useErrorMessage } from '../../../desk/useErrorMessage';
import type { SaveOutcome } from '../SaveStatus';

export interface CalendarSave {
  /** Saves a new calendar and says whether it was stored; the outcome goes to `status`. */
  readonly save: (calendar: CalendarSettings) => Promise<boolean>;
  readonly status: SaveOutcome | null;
  /** Forgets the last outcome, before a new attempt. */
  readonly clearStatus: () => void;
}

/** Saves a new calendar with its audit entry; the desk's deadlines follow it at once. */
export function useCalendarSave(): CalendarSave {
  const { t } = useTranslation();
  const session = useDeskSession();
  const errorMessage = useErrorMessage();
  const [status, setStatus] = useState<SaveOutcome | null>(null);
  const save = async (calendar: CalendarSettings) => {
    try {
      await settingsChange(session, 'calendar', calendar);
      setStatus({ ok: true, text: t('calendarSettings.saved') });
      return true;
    } catch (error) {
      setStatus({
        ok: false,
        text: t('calendarSettings.saveFailed', { reason: errorMessage(error) }),
      });
      return false;
    }
  };
  return { save, status, clearStatus: () => setStatus(null) };
}
