import {
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TableSortLabel,
} from '@mui/material';
import { useImperativeHandle, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CaseId } from '../../../../shared/brand';
import type { CaseEntity } from '../../../../shared/entities';
import {
  registerCanRead,
  type RegisterSort,
  type RegisterViewer,
} from '../../../../shared/register-query';
import { RegisterRow } from './RegisterRow';

export interface RegisterTableHandle {
  /** Moves the keyboard into the table, on the selected (or first) row. */
  readonly focusRows: () => void;
}

export interface RegisterTableProps {
  readonly rows: readonly CaseEntity[];
  readonly matterSizes: ReadonlyMap<CaseId, number>;
  readonly viewer: RegisterViewer;
  readonly sort: RegisterSort;
  readonly onSort: (sort: RegisterSort) => void;
  readonly onMatter: (matterId: CaseId) => void;
  readonly hasMore: boolean;
  readonly onLoadMore: () => void;
  readonly ref?: Ref<RegisterTableHandle>;
}

type SortColumn = 'number' | 'receivedAt' | 'deadline';

/** What a click on a column's header sorts by: the other direction when it already sorts. */
const NEXT_SORT: { readonly [C in SortColumn]: (current: RegisterSort) => RegisterSort } = {
  number: (current) => (current === 'numberAsc' ? 'numberDesc' : 'numberAsc'),
  receivedAt: (current) => (current === 'receivedDesc' ? 'receivedAsc' : 'receivedDesc'),
  deadline: () => 'deadlineAsc',
};

function directionOf(column: SortColumn, sort: RegisterSort): 'asc' | 'desc' | false {
  switch (column) {
    case 'number':
      return sort === 'numberAsc' ? 'asc' : sort === 'numberDesc' ? 'desc' : false;
    case 'receivedAt':
      return sort === 'receivedAsc' ? 'asc' : sort === 'receivedDesc' ? 'desc' : false;
    case 'deadline':
      return sort === 'deadlineAsc' ? 'asc' : false;
  }
}

/**
 * The register's table: sortable headers, and a keyboard cursor (arrow keys move the selected
 * row, Home and End jump, Enter opens the case).
 */
export function RegisterTable({
  rows,
  matterSizes,
  viewer,
  sort,
  onSort,
  onMatter,
  hasMore,
  onLoadMore,
  ref,
}: Readonly<RegisterTableProps>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [selectedId, setSelectedId] = useState<CaseId | undefined>();
  const rowRefs = useRef(new Map<CaseId, HTMLTableRowElement>());
  const found = rows.findIndex((row) => row.id === selectedId);
  const selected = found === -1 ? 0 : found;

  const moveTo = (index: number) => {
    const row = rows[Math.max(0, Math.min(rows.length - 1, index))];
    if (!row) return;
    setSelectedId(row.id);
    rowRefs.current.get(row.id)?.focus();
  };
  useImperativeHandle(ref, () => ({ focusRows: () => moveTo(selected) }));

  const keyDown = (event: KeyboardEvent<HTMLTableRowElement>, item: CaseEntity) => {
    const index = rows.indexOf(item);
    switch (event.key) {
      case 'ArrowDown':
        if (index === rows.length - 1 && hasMore) onLoadMore();
        moveTo(index + 1);
        break;
      case 'ArrowUp':
        moveTo(index - 1);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(rows.length - 1);
        break;
      case 'Enter':
        if (registerCanRead(item, viewer)) void navigate(`/cases/${item.id}`);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const header = (column: SortColumn | undefined, labelKey: string) => {
    if (!column) return <TableCell>{t(labelKey)}</TableCell>;
    const direction = directionOf(column, sort);
    return (
      <TableCell sortDirection={direction} sx={{ whiteSpace: 'nowrap' }}>
        <TableSortLabel
          active={direction !== false}
          direction={direction === false ? 'asc' : direction}
          onClick={() => onSort(NEXT_SORT[column](sort))}
        >
          {t(labelKey)}
        </TableSortLabel>
      </TableCell>
    );
  };

  return (
    <TableContainer component={Paper}>
      <Table size="small" aria-label={t('register.tableLabel')}>
        <TableHead>
          <TableRow>
            {header('number', 'register.columns.number')}
            {header('receivedAt', 'register.columns.receivedAt')}
            {header(undefined, 'register.columns.customer')}
            {header(undefined, 'register.columns.subject')}
            {header(undefined, 'register.columns.kind')}
            {header(undefined, 'register.columns.category')}
            {header(undefined, 'register.columns.status')}
            {header(undefined, 'register.columns.handler')}
            {header('deadline', 'register.columns.deadline')}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((item, index) => (
            <RegisterRow
              key={item.id}
              item={item}
              readable={registerCanRead(item, viewer)}
              matterSize={matterSizes.get(item.matterId) ?? 1}
              selected={selectedId !== undefined && index === selected}
              tabbable={index === selected}
              rowRef={(element) => {
                if (element) rowRefs.current.set(item.id, element);
                else rowRefs.current.delete(item.id);
              }}
              onSelect={() => setSelectedId(item.id)}
              onKeyDown={(event) => keyDown(event, item)}
              onMatter={onMatter}
            />
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
