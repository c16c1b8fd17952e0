import {
  Box,
  Button,
  Link,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { CaseEntity } from '../../../../shared/entities';
import { caseIsOpen } from '../../../../shared/workflow/reducer';
import { rulesCategoryPath, rulesKind, rulesLabel } from '../../../../shared/rules-query';
import { casesCount, casesPage, type CasesPageCursor } from '../../db/repos/cases';
import { useDeskState } from '../../app/desk-state';
import { useDeskServices } from '../../app/services';
import { formatDateTime } from '../../app/format';
import { DeadlineText } from '../../ui/DeadlineText';

const PAGE_SIZE = 50;

/** The register (登记表): every case, newest first, paged by key. */
export function RegisterPage() {
  const { t } = useTranslation();
  const { db } = useDeskServices();
  const first = useLiveQuery(() => casesPage(db, { limit: PAGE_SIZE }), [db]);
  const total = useLiveQuery(() => casesCount(db, {}), [db]);
  const [more, setMore] = useState<{ items: CaseEntity[]; next?: CasesPageCursor }>({ items: [] });
  const next = more.items.length > 0 ? more.next : first?.next;

  const loadMore = async () => {
    if (!next) return;
    const page = await casesPage(db, { limit: PAGE_SIZE, after: next });
    setMore((current) => ({ items: [...current.items, ...page.items], next: page.next }));
  };

  const rows = [...(first?.items ?? []), ...more.items];
  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 2, mb: 2 }}>
        <Typography variant="h5" component="h1">
          {t('register.title')}
        </Typography>
        {total !== undefined ? (
          <Typography color="text.secondary">{t('register.count', { count: total })}</Typography>
        ) : null}
      </Box>
      {first && rows.length === 0 ? (
        <Typography>{t('register.empty')}</Typography>
      ) : (
        <TableContainer component={Paper}>
          <Table size="small" aria-label={t('register.tableLabel')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('register.columns.number')}</TableCell>
                <TableCell>{t('register.columns.receivedAt')}</TableCell>
                <TableCell>{t('register.columns.customer')}</TableCell>
                <TableCell>{t('register.columns.subject')}</TableCell>
                <TableCell>{t('register.columns.kind')}</TableCell>
                <TableCell>{t('register.columns.category')}</TableCell>
                <TableCell>{t('register.columns.status')}</TableCell>
                <TableCell>{t('register.columns.deadline')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((item) => (
                <RegisterRow key={item.id} item={item} />
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {next && more.items.length + (first?.items.length ?? 0) < (total ?? 0) ? (
        <Button sx={{ mt: 2 }} onClick={() => void loadMore()}>
          {t('register.loadMore')}
        </Button>
      ) : null}
    </Box>
  );
}

function RegisterRow({ item }: Readonly<{ item: CaseEntity }>) {
  const { t } = useTranslation();
  const { rules, locale, deadlineContext } = useDeskState();
  const kind = rulesKind(rules, item.kindId);
  const category = item.categoryId
    ? rulesCategoryPath(rules, item.kindId, item.categoryId)
        .map((c) => rulesLabel(c.label, locale))
        .join(' / ')
    : '';
  return (
    <TableRow hover>
      <TableCell>
        <Link component={RouterLink} to={`/cases/${item.id}`}>
          {item.number}
        </Link>
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        {formatDateTime(item.receivedAt, deadlineContext.timeZone)}
      </TableCell>
      <TableCell>
        {item.customer.name}
        {item.customer.address ? (
          <Typography
            variant="body2"
            color="text.secondary"
            component="span"
            sx={{ display: 'block' }}
          >
            {item.customer.address}
          </Typography>
        ) : null}
      </TableCell>
      <TableCell sx={{ maxWidth: 320 }}>{item.subject}</TableCell>
      <TableCell>{kind ? rulesLabel(kind.label, locale) : item.kindId}</TableCell>
      <TableCell>{category}</TableCell>
      <TableCell>{t(`status.${item.status}`)}</TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        <DeadlineText
          deadline={item.deadline}
          showRemaining
          exempt={item.exemptReason !== undefined}
          open={caseIsOpen(item)}
        />
      </TableCell>
    </TableRow>
  );
}
