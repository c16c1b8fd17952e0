import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangeRefusedError } from '../../db/repos/refused';
import { useErrorMessage } from '../../desk/useErrorMessage';

/** A refusal of the rules: a field's (shown in the form) or the whole record's (shown here). */
type ActiveRefusal = { readonly code: string } | { readonly field: string; readonly code: string };

/**
 * Disables or re-enables a staff member or a unit from its list, and says why when the rules
 * refuse (the last administrator, a unit with active sub-units ...).
 *
 * @param write stores the new `active` flag of the record.
 * @param refusalsKey where the words of the record's refusals are, each under its `code`.
 */
export function useActiveSwitch<T extends { readonly name: string }>(
  write: (record: T, active: boolean) => Promise<unknown>,
  refusalsKey: 'settings.staff.refusals' | 'settings.units.refusals',
) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [notice, setNotice] = useState<string | null>(null);

  const setActive = async (record: T, active: boolean) => {
    setNotice(null);
    try {
      await write(record, active);
    } catch (error) {
      const [first] =
        error instanceof ChangeRefusedError
          ? (error as ChangeRefusedError<ActiveRefusal>).problems
          : [];
      setNotice(
        first && !('field' in first)
          ? t(`${refusalsKey}.${first.code}`, { name: record.name })
          : t('settings.failed', { reason: errorMessage(error) }),
      );
    }
  };

  return { notice, dismissNotice: () => setNotice(null), setActive };
}
