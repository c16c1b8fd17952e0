import { useImperativeHandle, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CaseId } from '@shared/kernel/brand';
import type { CaseEntity } from '@shared/model/entities';
import { DEADLINE_KINDS, deadlineStanding } from '@shared/register/standing';
import { caseIsMasked } from '@shared/access/mask';
import type { RegisterSort } from '@shared/register/query';
import { useDeskState } from '../../desk/desk-state';
import { useDeskServices } from '../../desk/services';
import { CaseListTable, casePagePath, type CaseListRowProps } from '../../ui/CaseListTable';
import { useRegisterColumns } from './useRegisterColumns';

export interface RegisterTableHandle {
  /** Moves the keyboard into the table, on the selected (or first) row. */
  readonly focusRows: () => void;
}

export interface RegisterTableProps {
  readonly rows: readonly CaseEntity[];
  readonly matterSizes: ReadonlyMap<CaseId, number>;
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
  sort,
  onSort,
  onMatter,
  hasMore,
  onLoadMore,
  ref,
}: Readonly<RegisterTableProps>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { deadlineContext } = useDeskState();
  const { now } = useDeskServices();
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
        if (!caseIsMasked(item)) void navigate(casePagePath(item.id));
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const readable = (item: CaseEntity) => !caseIsMasked(item);
  const columns = useRegisterColumns({
    readable,
    matterSizes,
    onMatter,
    sortOf: (column) => ({
      direction: directionOf(column, sort),
      onSort: () => onSort(NEXT_SORT[column](sort)),
    }),
  });

  /** Overdue and due-soon lines are marked at the left edge too. */
  const edgeOf = (item: CaseEntity) => {
    const at = now();
    const states = DEADLINE_KINDS.map(
      (kind) => deadlineStanding(item, at, deadlineContext, kind).state,
    );
    return states.includes('overdue')
      ? 'error.main'
      : states.includes('dueSoon')
        ? 'warning.main'
        : 'transparent';
  };

  // The rows take the keyboard (one of them is in the Tab order: the cursor), so the links
  // inside them leave it.
  const rowProps = (item: CaseEntity, index: number): CaseListRowProps => {
    const isSelected = selectedId !== undefined && index === selected;
    return {
      selected: isSelected,
      'aria-selected': isSelected,
      tabIndex: index === selected ? 0 : -1,
      ref: (element: HTMLTableRowElement | null) => {
        if (element) rowRefs.current.set(item.id, element);
        else rowRefs.current.delete(item.id);
      },
      onClick: () => setSelectedId(item.id),
      onFocus: () => setSelectedId(item.id),
      onKeyDown: (event) => keyDown(event, item),
      sx: {
        cursor: 'default',
        '& > td:first-of-type': { borderLeft: 4, borderLeftColor: edgeOf(item) },
        '&:focus-visible': { outline: 2, outlineColor: 'primary.main', outlineOffset: -2 },
      },
    };
  };

  return (
    <CaseListTable
      label={t('register.tableLabel')}
      rows={rows}
      columns={columns}
      canOpen={readable}
      rowProps={rowProps}
      linksTabbable={false}
    />
  );
}
