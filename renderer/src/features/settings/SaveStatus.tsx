import { Alert, Box, type SxProps, type Theme } from '@mui/material';

/** What a settings save came to: saved, or why not. */
export interface SaveOutcome {
  readonly ok: boolean;
  readonly text: string;
}

/** The outcome of a save beside its button, read out as it appears. */
export function SaveStatus({
  status,
  sx,
}: Readonly<{ status: SaveOutcome | null; sx?: SxProps<Theme> }>) {
  return (
    <Box aria-live="polite" sx={sx}>
      {status ? (
        <Alert severity={status.ok ? 'success' : 'error'} sx={{ py: 0 }}>
          {status.text}
        </Alert>
      ) : null}
    </Box>
  );
}
