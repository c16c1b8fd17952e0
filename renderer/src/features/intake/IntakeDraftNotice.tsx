import { Alert, Button } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { IsoInstant } from '@shared/kernel/brand';
import { instantToLocalDateTime } from '@shared/kernel/time';
import type { DraftWritten } from '../../db/repos/drafts';
import { useDeskState } from '../../desk/desk-state';

export interface IntakeDraftNoticeProps {
  readonly restoredAt?: IsoInstant;
  readonly kept?: DraftWritten;
  readonly onDiscard: () => void;
}

/** Says that a draft was restored, or that it could be kept only in spare storage, or not at all. */
export function IntakeDraftNotice({
  restoredAt,
  kept,
  onDiscard,
}: Readonly<IntakeDraftNoticeProps>) {
  const { t } = useTranslation();
  const { deadlineContext } = useDeskState();
  return (
    <>
      {restoredAt ? (
        <Alert
          severity="info"
          action={
            <Button color="inherit" size="small" onClick={onDiscard}>
              {t('intakeDraft.discard')}
            </Button>
          }
        >
          {t('intakeDraft.restored', {
            time: instantToLocalDateTime(restoredAt, deadlineContext.timeZone).replace('T', ' '),
          })}
        </Alert>
      ) : null}
      {kept === 'fallback' ? <Alert severity="warning">{t('intakeDraft.fallback')}</Alert> : null}
      {kept === 'failed' ? <Alert severity="error">{t('intakeDraft.failed')}</Alert> : null}
    </>
  );
}
