import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AccessDeniedError,
  DeskAlreadySetUpError,
  StorageError,
  WorkflowError,
} from '../db/errors';
import { ChangeRefusedError } from '../db/repos/refused';
import { permissionWordKey } from '../vocabulary/permission-words';

/**
 * Turns anything thrown by a repository into one sentence for the clerk: workflow refusals and
 * storage failures by their codes, anything else with a short reference, never a stack trace.
 */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (error instanceof WorkflowError) {
        return t(`refusal.${error.refusal.code}`, {
          status: error.refusal.status ? t(`status.${error.refusal.status}`) : '',
          action: t(`event.${error.refusal.eventType}`),
        });
      }
      // The permission in words (受理登记, 督办), not its id.
      if (error instanceof AccessDeniedError)
        return t('accounts.denied', { permission: t(permissionWordKey(error.permission)) });
      if (error instanceof ChangeRefusedError) return t('errors.changeRefused');
      if (error instanceof DeskAlreadySetUpError) return t('errors.alreadySetUp');
      if (error instanceof StorageError) {
        return t(`errors.${error.code}`, { ref: error.message.slice(0, 60) });
      }
      const ref =
        error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 80) : 'unknown';
      // Logged for support; the clerk sees the sentence.
      console.error(error);
      return t('errors.unknown', { ref });
    },
    [t],
  );
}
