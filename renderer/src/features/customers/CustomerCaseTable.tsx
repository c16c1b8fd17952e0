import { Link, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { CaseEntity } from '../../../../shared/entities';
import { registerCanRead } from '../../../../shared/register-query';
import { caseIsOpen } from '../../../../shared/workflow/reducer';
import { useDeskState } from '../../app/desk-state';
import { formatDateTime } from '../../app/format';
import { DeadlineText } from '../../ui/DeadlineText';

export interface CustomerCaseTableProps {
  readonly cases: readonly CaseEntity[];
}

/** A customer's cases, as the file lists them (open ones first: the caller sorts). */
export function CustomerCaseTable({ cases }: Readonly<CustomerCaseTableProps>) {
  const { t } = useTranslation();
  const { operator, deadlineContext } = useDeskState();
  if (cases.length === 0) {
    return <Typography color="text.secondary">{t('customers.file.noCases')}</Typography>;
  }
  return (
    <Table size="small" aria-label={t('customers.file.casesLabel')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('customers.caseColumns.number')}</TableCell>
          <TableCell>{t('customers.caseColumns.receivedAt')}</TableCell>
          <TableCell>{t('customers.caseColumns.subject')}</TableCell>
          <TableCell>{t('customers.caseColumns.status')}</TableCell>
          <TableCell>{t('customers.caseColumns.deadline')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {cases.map((item) => {
          const readable = registerCanRead(item, operator);
          return (
            <TableRow key={item.id}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {readable ? (
                  <Link component={RouterLink} to={`/cases/${item.id}`}>
                    {item.number}
                  </Link>
                ) : (
                  item.number
                )}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {formatDateTime(item.receivedAt, deadlineContext.timeZone)}
              </TableCell>
              <TableCell>{readable ? item.subject : t('customers.masked')}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{t(`status.${item.status}`)}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                <DeadlineText
                  deadline={item.deadline}
                  showRemaining
                  exempt={item.exemptReason !== undefined}
                  exemptReason={item.exemptReason}
                  open={caseIsOpen(item)}
                />
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
