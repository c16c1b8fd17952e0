import { Grid, Paper, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/** One labelled value of a record (a case, a customer file). */
export type DetailField = readonly [name: string, value: ReactNode];

/** A titled part of a record's page, named by its heading for screen readers. */
export function DetailSection({
  title,
  children,
}: Readonly<{ title: string; children: ReactNode }>) {
  return (
    <Paper sx={{ p: 2 }} component="section" aria-label={title}>
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

/** A record's fields as a description list, laid out in columns that wrap on narrow windows. */
export function DetailFields({ fields }: Readonly<{ fields: readonly DetailField[] }>) {
  return (
    <Grid container spacing={1} component="dl" sx={{ m: 0 }}>
      {fields.map(([name, value]) => (
        <Grid key={name} size={{ xs: 12, sm: 6, md: 4 }} sx={{ display: 'flex', gap: 1 }}>
          <Typography component="dt" color="text.secondary" sx={{ minWidth: 80 }}>
            {name}
          </Typography>
          <Typography component="dd" sx={{ m: 0 }}>
            {value}
          </Typography>
        </Grid>
      ))}
    </Grid>
  );
}
