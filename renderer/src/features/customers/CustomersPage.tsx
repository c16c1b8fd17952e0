import { isolateBidi } from '@shared/kernel/bidi';
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
  TextField,
  Typography,
} from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';
import type { CustomerEntity } from '@shared/model/entities';
import {
  customerCaseCounts,
  customersPage,
  customersSearch,
  type CustomersPageCursor,
} from '../../db/repos/customers';
import { useDeskServices } from '../../desk/services';
import { useDeskState } from '../../desk/desk-state';

const PAGE_SIZE = 50;
const SEARCH_DEBOUNCE_MS = 300;

/** The customer files: searched by phone, name, address or room; listed by name otherwise. */
export function CustomersPage() {
  const { t } = useTranslation();
  const { db } = useDeskServices();
  const { operator } = useDeskState();
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const [text, setText] = useState(query);
  const [pageCount, setPageCount] = useState({ query, count: 1 });
  const pages = pageCount.query === query ? pageCount.count : 1;

  useEffect(() => {
    if (text.trim() === query) return;
    const timer = setTimeout(() => {
      setParams(text.trim() ? { q: text.trim() } : {}, { replace: true });
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, query, setParams]);

  const found = useLiveQuery(async () => {
    let items: CustomerEntity[] = [];
    let next: CustomersPageCursor | undefined;
    if (query) {
      items = await customersSearch(db, operator, query, PAGE_SIZE * pages);
    } else {
      for (let page = 0; page < pages; page++) {
        const result = await customersPage(db, operator, PAGE_SIZE, next);
        items.push(...result.items);
        next = result.next;
        if (!next) break;
      }
    }
    const counts = await customerCaseCounts(
      db,
      items.map((item) => item.id),
    );
    const hasMore = query ? items.length === PAGE_SIZE * pages : next !== undefined;
    return { query, items, counts, hasMore };
  }, [db, query, pages, operator]);

  const items = found?.items ?? [];
  return (
    <Box sx={{ maxWidth: 1100 }}>
      <Typography variant="h5" component="h1" sx={{ mb: 2 }}>
        {t('customers.title')}
      </Typography>
      <TextField
        type="search"
        size="small"
        label={t('customers.search')}
        placeholder={t('customers.searchHelp')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        slotProps={{ inputLabel: { shrink: true } }}
        sx={{ width: 320, mb: 2 }}
      />
      {found && items.length === 0 ? (
        <Typography>{query ? t('customers.noMatch') : t('customers.empty')}</Typography>
      ) : (
        <TableContainer component={Paper}>
          <Table size="small" aria-label={t('customers.tableLabel')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('customers.columns.name')}</TableCell>
                <TableCell>{t('customers.columns.phones')}</TableCell>
                <TableCell>{t('customers.columns.address')}</TableCell>
                <TableCell>{t('customers.columns.organisation')}</TableCell>
                <TableCell>{t('customers.columns.cases')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {items.map((item) => {
                const count = found?.counts.get(item.id) ?? { total: 0, open: 0 };
                return (
                  <TableRow key={item.id} hover>
                    <TableCell>
                      <Link component={RouterLink} to={`/customers/${item.id}`}>
                        {isolateBidi(item.name || item.phones[0] || '') || t('customers.none')}
                      </Link>
                    </TableCell>
                    <TableCell>{item.phones.map(isolateBidi).join('、')}</TableCell>
                    <TableCell>{isolateBidi(item.address)}</TableCell>
                    <TableCell>{isolateBidi(item.organisation ?? '')}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                      {t('customers.caseCount', { total: count.total })}
                      {count.open > 0 ? ` · ${t('customers.openCount', { open: count.open })}` : ''}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {found?.hasMore ? (
        <Button sx={{ mt: 2 }} onClick={() => setPageCount({ query, count: pages + 1 })}>
          {t('customers.loadMore')}
        </Button>
      ) : null}
    </Box>
  );
}
