import { Alert, Box } from '@mui/material';

export interface SettingsNoticeProps {
  readonly notice: string | null;
  readonly onClose: () => void;
}

/** Why a change from a settings list did not happen, read out as it appears. */
export function SettingsNotice({ notice, onClose }: Readonly<SettingsNoticeProps>) {
  return (
    <Box aria-live="polite">
      {notice ? (
        <Alert severity="warning" sx={{ mb: 2 }} onClose={onClose}>
          {notice}
        </Alert>
      ) : null}
    </Box>
  );
}
