import { Box, LinearProgress, Typography } from '@mui/material';
import type { ReactNode } from 'react';

export interface CountProgressProps {
  readonly done: number;
  readonly total: number;
  /** The bar's accessible name (e.g. 导入进度). */
  readonly label: string;
  /** The count in words, shown under the bar and read out as its value. */
  readonly text: string;
  /** A line under the count (what the clerk should know meanwhile). */
  readonly children?: ReactNode;
}

/** A determinate progress bar of `done` of `total`, with its count in words as a status. */
export function CountProgress({
  done,
  total,
  label,
  text,
  children,
}: Readonly<CountProgressProps>) {
  return (
    <Box sx={{ display: 'grid', gap: 0.5, width: '100%', maxWidth: 600 }}>
      <LinearProgress
        variant="determinate"
        value={total > 0 ? Math.min(100, (done / total) * 100) : 0}
        aria-label={label}
        aria-valuetext={text}
      />
      <Typography variant="body2" role="status">
        {text}
      </Typography>
      {children}
    </Box>
  );
}
