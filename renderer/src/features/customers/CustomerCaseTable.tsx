import { Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { CaseEntity } from '@shared/model/entities';
import { caseIsMasked } from '@shared/access/mask';
import { CaseListTable } from '../../ui/CaseListTable';
import { useCaseColumns, type CaseColumn } from '../../ui/useCaseColumns';

export interface CustomerCaseTableProps {
  readonly cases: readonly CaseEntity[];
}

/** A customer's cases, as the file lists them (open ones first: the caller sorts). */
export function CustomerCaseTable({ cases }: Readonly<CustomerCaseTableProps>) {
  const { t } = useTranslation();
  const caseColumns = useCaseColumns();
  // A confidential case the operator may not read shows its number, unlinked, and no subject.
  const readable = (item: CaseEntity) => !caseIsMasked(item);
  const subject = caseColumns.subject(t('customers.caseColumns.subject'));
  const columns: CaseColumn[] = [
    { ...caseColumns.number(t('customers.caseColumns.number')), noWrap: true },
    caseColumns.receivedAt(t('customers.caseColumns.receivedAt')),
    { ...subject, cell: (item) => (readable(item) ? subject.cell(item) : t('customers.masked')) },
    caseColumns.status(t('customers.caseColumns.status')),
    caseColumns.deadline(t('customers.caseColumns.deadline')),
  ];
  return (
    <CaseListTable
      label={t('customers.file.casesLabel')}
      rows={cases}
      columns={columns}
      empty={<Typography color="text.secondary">{t('customers.file.noCases')}</Typography>}
      canOpen={readable}
      framed={false}
      hover={false}
    />
  );
}
