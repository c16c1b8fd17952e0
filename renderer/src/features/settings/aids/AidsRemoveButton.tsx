import { Button } from '@mui/material';
import { useTranslation } from 'react-i18next';

export interface AidsRemoveButtonProps {
  /** The accessible name, which says what goes ("删除结束语 2"). */
  readonly label: string;
  readonly onClick: () => void;
}

/** Removes one closing line or one referral from the draft. */
export function AidsRemoveButton({ label, onClick }: Readonly<AidsRemoveButtonProps>) {
  const { t } = useTranslation();
  return (
    <Button color="warning" onClick={onClick} aria-label={label} sx={{ mt: 1, flexShrink: 0 }}>
      {t('settings.aids.remove')}
    </Button>
  );
}
