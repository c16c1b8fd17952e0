import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskSession } from '../../db/session';
import { MatterError } from '../../db/repos/matters';
import { useDeskSession } from '../../desk/desk-session';
import { useErrorMessage } from '../../desk/useErrorMessage';

/** Who links or unlinks (the session, for the matter repository); and the sentence for a failure. */
export function useMatterChange(): {
  readonly session: DeskSession;
  readonly failureOf: (error: unknown) => string;
} {
  const { t } = useTranslation();
  const session = useDeskSession();
  const errorMessage = useErrorMessage();
  const failureOf = useCallback(
    (error: unknown) =>
      error instanceof MatterError ? t(`matters.errors.${error.code}`) : errorMessage(error),
    [t, errorMessage],
  );
  return { session, failureOf };
}
