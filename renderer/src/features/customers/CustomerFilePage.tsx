import { Alert, Box, Grid, Link, Paper, Stack, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import type { CustomerId } from '../../../../shared/brand';
import { casesOfCustomer } from '../../db/repos/cases';
import { customerGet } from '../../db/repos/customers';
import { useDeskState } from '../../app/desk-state';
import { useDeskServices } from '../../app/services';
import { formatDateTime } from '../../app/format';
import { CustomerCaseTable } from './CustomerCaseTable';

/** A customer file (客户档案, 一户一档): who they are and every case of theirs, open ones first. */
export function CustomerFilePage() {
  const { t } = useTranslation();
  const { customerId } = useParams();
  const { db } = useDeskServices();
  const { deadlineContext } = useDeskState();
  const loaded = useLiveQuery(async () => {
    const customer = await customerGet(db, customerId as CustomerId);
    return customer ? { customer, cases: await casesOfCustomer(db, customer.id) } : null;
  }, [db, customerId]);

  const back = (
    <Link component={RouterLink} to="/customers">
      {t('customers.file.back')}
    </Link>
  );
  if (loaded === undefined) return null;
  if (loaded === null) {
    return (
      <Alert severity="warning" action={back}>
        {t('customers.file.notFound')}
      </Alert>
    );
  }
  const { customer, cases } = loaded;
  const none = t('customers.none');
  const fields: [string, ReactNode][] = [
    [t('customers.file.name'), customer.name || none],
    [t('customers.file.phones'), customer.phones.join('、') || none],
    [t('customers.file.address'), customer.address || none],
    [t('customers.file.organisation'), customer.organisation ?? none],
    [t('customers.file.since'), formatDateTime(customer.createdAt, deadlineContext.timeZone)],
  ];

  return (
    <Stack spacing={2} sx={{ maxWidth: 1100 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
        <Typography variant="h5" component="h1">
          {t('customers.title')} · {customer.name || customer.phones[0] || customer.address}
        </Typography>
        <Box sx={{ flexGrow: 1 }} />
        {back}
      </Box>
      <Paper sx={{ p: 2 }} component="section" aria-label={t('customers.file.details')}>
        <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
          {t('customers.file.details')}
        </Typography>
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
      </Paper>
      <Paper sx={{ p: 2 }} component="section" aria-label={t('customers.file.cases')}>
        <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
          {t('customers.file.cases')}
        </Typography>
        <CustomerCaseTable cases={cases} />
      </Paper>
    </Stack>
  );
}
