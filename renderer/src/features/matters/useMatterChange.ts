import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { MatterError, type MatterChangeInput } from '../../db/repos/matters';
import { useDeskState } from '../../app/desk-state';
import { useDeskServices } from '../../app/services';
import { useErrorMessage } from '../../app/useErrorMessage';

/** Who links or unlinks, now; and the sentence for a failure. */
export function useMatterChange(): {
  readonly changeBy: () => MatterChangeInput;
  readonly failureOf: (error: unknown) => string;
} {
  const { t } = useTranslation();
  const { operator, identity } = useDeskState();
  const { now } = useDeskServices();
  const errorMessage = useErrorMessage();
  const changeBy = useCallback((): MatterChangeInput => {
    const at = now();
    return {
      at,
      actor: { id: operator.id, name: operator.name },
      deskId: identity.deskId,
      wallMs: Date.parse(at),
    };
  }, [now, operator, identity]);
  const failureOf = useCallback(
    (error: unknown) =>
      error instanceof MatterError ? t(`matters.errors.${error.code}`) : errorMessage(error),
    [t, errorMessage],
  );
  return { changeBy, failureOf };
}
