import type { CaseEntity } from '@shared/model/entities';
import { caseIsMasked } from '@shared/access/mask';
import {
  Link,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TableSortLabel,
  type TableRowProps,
} from '@mui/material';
import type { ReactNode, Ref } from 'react';
import { Link as RouterLink } from 'react-router';

/** A sortable column's state: which way it sorts now (`false`: it does not), and a click. */
export interface CaseListSort {
  readonly direction: 'asc' | 'desc' | false;
  readonly onSort: () => void;
}

/** One column of a case list: its heading, what each row shows in it, and its layout. */
export interface CaseListColumn<Row> {
  /** Stable within the table (React key of its cells). */
  readonly id: string;
  /** The heading, already in the desk's language. */
  readonly header: string;
  readonly cell: (row: Row) => ReactNode;
  readonly align?: 'left' | 'right';
  /** Keep the cell on one line (times, statuses, deadlines). */
  readonly noWrap?: boolean;
  readonly minWidth?: number;
  readonly maxWidth?: number;
  /** The cell is the link to the case page (the case number), where the row may be opened. */
  readonly linksToCase?: boolean;
  /** Shown after the content in the same cell, outside the link (the register's matter chip). */
  readonly after?: (row: Row) => ReactNode;
  /** A sortable heading. */
  readonly sort?: CaseListSort;
}

/** A row: a case, or anything with an id (and the mark of a masked case, when it is one). */
export interface CaseListRow {
  readonly id: string;
  readonly masked?: CaseEntity['masked'];
}

/** What a row carries besides its cells (the register's keyboard cursor, its edge marks). */
export type CaseListRowProps = Pick<
  TableRowProps,
  'selected' | 'tabIndex' | 'onClick' | 'onFocus' | 'onKeyDown' | 'sx' | 'aria-selected'
> & { readonly ref?: Ref<HTMLTableRowElement> };

export interface CaseListTableProps<Row extends CaseListRow> {
  /** The table's accessible name. */
  readonly label: string;
  /** `undefined` while loading: the headings show, without rows and without the empty state. */
  readonly rows: readonly Row[] | undefined;
  readonly columns: readonly CaseListColumn<Row>[];
  /**
   * Shown instead of the table when there are no rows; without it the headings stand alone
   * (the register says above the table why it is empty).
   */
  readonly empty?: ReactNode;
  /**
   * Whether the operator may open the row's case; by default every case but one that came back
   * masked (shared/access/mask.ts), which is not linked.
   */
  readonly canOpen?: (row: Row) => boolean;
  /** Buttons at the end of each row, under an empty heading. */
  readonly rowActions?: (row: Row) => ReactNode;
  readonly rowProps?: (row: Row, index: number) => CaseListRowProps;
  /** Links out of the Tab order, where the rows themselves take the keyboard. */
  readonly linksTabbable?: boolean;
  /** On a paper of its own (a page's list), or bare (inside a section that frames it). */
  readonly framed?: boolean;
  /** Highlight the row under the pointer. */
  readonly hover?: boolean;
}

/** The path of a case's page. */
export function casePagePath(caseId: string): string {
  return `/cases/${caseId}`;
}

function cellSx(column: CaseListColumn<never>) {
  if (!column.noWrap && column.minWidth === undefined && column.maxWidth === undefined) {
    return undefined;
  }
  return {
    whiteSpace: column.noWrap ? 'nowrap' : undefined,
    minWidth: column.minWidth,
    maxWidth: column.maxWidth,
  };
}

function Heading({ column }: Readonly<{ column: CaseListColumn<never> }>) {
  const { sort } = column;
  if (!sort) return <TableCell align={column.align}>{column.header}</TableCell>;
  return (
    <TableCell align={column.align} sortDirection={sort.direction} sx={{ whiteSpace: 'nowrap' }}>
      <TableSortLabel
        active={sort.direction !== false}
        direction={sort.direction === false ? 'asc' : sort.direction}
        onClick={sort.onSort}
      >
        {column.header}
      </TableSortLabel>
    </TableCell>
  );
}

/**
 * A list of cases, one a row, the number linking to the case page: the work queues, the
 * follow-up queue, a customer's cases and the register all show their cases through it, each
 * with its own columns.
 */
export function CaseListTable<Row extends CaseListRow>({
  label,
  rows,
  columns,
  empty,
  canOpen = (row) => !caseIsMasked(row),
  rowActions,
  rowProps,
  linksTabbable = true,
  framed = true,
  hover = true,
}: Readonly<CaseListTableProps<Row>>) {
  if (empty !== undefined && rows && rows.length === 0) return <>{empty}</>;
  const table = (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          {columns.map((column) => (
            <Heading key={column.id} column={column} />
          ))}
          {rowActions ? <TableCell /> : null}
        </TableRow>
      </TableHead>
      <TableBody>
        {(rows ?? []).map((row, index) => (
          <TableRow key={row.id} hover={hover} {...rowProps?.(row, index)}>
            {columns.map((column) => {
              const content = column.cell(row);
              return (
                <TableCell key={column.id} align={column.align} sx={cellSx(column)}>
                  {column.linksToCase && canOpen(row) ? (
                    <Link
                      component={RouterLink}
                      to={casePagePath(row.id)}
                      tabIndex={linksTabbable ? undefined : -1}
                    >
                      {content}
                    </Link>
                  ) : (
                    content
                  )}
                  {column.after?.(row)}
                </TableCell>
              );
            })}
            {rowActions ? <TableCell>{rowActions(row)}</TableCell> : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
  return framed ? <TableContainer component={Paper}>{table}</TableContainer> : table;
}
