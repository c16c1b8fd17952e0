import { isolateBidi } from '@shared/kernel/bidi';
import { Alert, Box, Link, Stack, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import type { CustomerId } from '@shared/kernel/brand';
import { casesOfCustomer } from '../../db/repos/cases';
import { customerGet } from '../../db/repos/customers';
import { useDeskState } from '../../desk/desk-state';
import { useDeskServices } from '../../desk/services';
import { formatDateTime } from '../../vocabulary/format';
import { DetailFields, DetailSection, type DetailField } from '../case/DetailSection';
import { CustomerAttachments } from '../attachments/CustomerAttachments';
import { CustomerCaseTable } from './CustomerCaseTable';

/** A customer file (客户档案, 一户一档): who they are and every case of theirs, open ones first. */
export function CustomerFilePage() {
  const { t } = useTranslation();
  const { customerId } = useParams();
  const { db } = useDeskServices();
  const { deadlineContext, operator } = useDeskState();
  const loaded = useLiveQuery(async () => {
    const customer = await customerGet(db, customerId as CustomerId, operator);
    return customer ? { customer, cases: await casesOfCustomer(db, customer.id, operator) } : null;
  }, [db, customerId, operator]);

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
  const fields: DetailField[] = [
    [t('customers.file.name'), isolateBidi(customer.name) || none],
    [t('customers.file.phones'), customer.phones.map(isolateBidi).join('、') || none],
    [t('customers.file.address'), isolateBidi(customer.address) || none],
    [t('customers.file.organisation'), isolateBidi(customer.organisation ?? '') || none],
    [t('customers.file.since'), formatDateTime(customer.createdAt, deadlineContext.timeZone)],
  ];

  return (
    <Stack spacing={2} sx={{ maxWidth: 1100 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
        <Typography variant="h5" component="h1">
          {t('customers.title')} ·{' '}
          {isolateBidi(customer.name || customer.phones[0] || customer.address)}
        </Typography>
        <Box sx={{ flexGrow: 1 }} />
        {back}
      </Box>
      <DetailSection title={t('customers.file.details')}>
        <DetailFields fields={fields} />
      </DetailSection>
      <DetailSection title={t('customers.file.cases')}>
        <CustomerCaseTable cases={cases} />
      </DetailSection>
      <DetailSection title={t('attachments.title')}>
        <CustomerAttachments cases={cases} />
      </DetailSection>
    </Stack>
  );
}
