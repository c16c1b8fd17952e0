import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CaseListTable, type CaseListColumn, type CaseListTableProps } from './CaseListTable';

interface Row {
  readonly id: string;
  readonly number: string;
  readonly subject: string;
  readonly secret?: boolean;
}

const ROWS: readonly Row[] = [
  { id: 'c1', number: '2611-0001', subject: '噪声扰民' },
  { id: 'c2', number: '2611-0002', subject: '路灯不亮', secret: true },
];

const NUMBER: CaseListColumn<Row> = {
  id: 'number',
  header: '编号',
  linksToCase: true,
  cell: (row) => row.number,
};
const SUBJECT: CaseListColumn<Row> = {
  id: 'subject',
  header: '事项',
  cell: (row) => (row.secret ? '保密案件' : row.subject),
};
const COLUMNS = [NUMBER, SUBJECT];

afterEach(cleanup);

function renderTable(props: Partial<CaseListTableProps<Row>> = {}) {
  render(
    <MemoryRouter>
      <CaseListTable<Row>
        label="待回访列表"
        rows={ROWS}
        columns={COLUMNS}
        empty={<p>没有案件。</p>}
        {...props}
      />
    </MemoryRouter>,
  );
  return screen.queryByRole('table', { name: '待回访列表' });
}

/** The table's row at `index` (0 is the headings' row). */
function rowAt(table: HTMLElement, index: number): HTMLElement {
  const row = within(table).getAllByRole('row')[index];
  if (!row) throw new Error(`no row ${index}`);
  return row;
}

/** The texts of a row's cells, in order. */
function cellTexts(row: HTMLElement): string[] {
  return within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent ?? '');
}

describe('CaseListTable', () => {
  it('shows each column under its heading, one row a case', () => {
    const table = renderTable();
    if (!table) throw new Error('no table');
    const headings = within(table).getAllByRole('columnheader');
    expect(headings.map((h) => h.textContent)).toEqual(['编号', '事项']);
    expect(cellTexts(rowAt(table, 1))).toEqual(['2611-0001', '噪声扰民']);
    expect(cellTexts(rowAt(table, 2))).toEqual(['2611-0002', '保密案件']);
  });

  it('links the number to the case page, except where the case may not be opened', () => {
    renderTable({ canOpen: (row) => !row.secret });
    expect(screen.getByRole('link', { name: '2611-0001' })).toHaveAttribute('href', '/cases/c1');
    expect(screen.queryByRole('link', { name: '2611-0002' })).toBeNull();
    expect(screen.getByRole('cell', { name: '2611-0002' })).toBeInTheDocument();
  });

  it('shows the empty state instead of the table when there are no cases', () => {
    const table = renderTable({ rows: [] });
    expect(table).toBeNull();
    expect(screen.getByText('没有案件。')).toBeInTheDocument();
  });

  it('shows the headings alone, and no empty state, while the cases load', () => {
    const table = renderTable({ rows: undefined });
    if (!table) throw new Error('no table');
    expect(within(table).getAllByRole('row')).toHaveLength(1);
    expect(screen.queryByText('没有案件。')).toBeNull();
  });

  it('keeps the headings of an empty list that has no empty state of its own', () => {
    const table = renderTable({ rows: [], empty: undefined });
    if (!table) throw new Error('no table');
    expect(within(table).getAllByRole('row')).toHaveLength(1);
  });

  it('shows what follows the number in its cell, outside the link', () => {
    const table = renderTable({
      columns: [{ ...NUMBER, after: (row) => <span>另 {row.id}</span> }, SUBJECT],
    });
    if (!table) throw new Error('no table');
    const first = within(rowAt(table, 1)).getAllByRole('cell')[0];
    expect(first).toHaveTextContent('2611-0001另 c1');
    expect(screen.getByRole('link', { name: '2611-0001' })).not.toHaveTextContent('另');
  });

  it('puts the row actions last, under an empty heading', async () => {
    const onCall = vi.fn();
    const table = renderTable({
      rowActions: (row) => (
        <button type="button" onClick={() => onCall(row.id)}>
          回访 {row.number}
        </button>
      ),
    });
    if (!table) throw new Error('no table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['编号', '事项', '']);
    await userEvent.click(within(rowAt(table, 2)).getByRole('button', { name: '回访 2611-0002' }));
    expect(onCall).toHaveBeenCalledWith('c2');
  });

  it('lets Tab reach each case link in turn', async () => {
    renderTable();
    await userEvent.tab();
    expect(screen.getByRole('link', { name: '2611-0001' })).toHaveFocus();
    await userEvent.tab();
    expect(screen.getByRole('link', { name: '2611-0002' })).toHaveFocus();
  });

  it('hands the keyboard to the rows when they take it, and sorts from a heading', async () => {
    const onSort = vi.fn();
    const table = renderTable({
      linksTabbable: false,
      rowProps: (_row, index) => ({ tabIndex: index === 0 ? 0 : -1, selected: index === 0 }),
      columns: [{ ...NUMBER, sort: { direction: 'asc', onSort } }, SUBJECT],
    });
    if (!table) throw new Error('no table');
    const heading = within(table).getByRole('columnheader', { name: '编号' });
    const sortButton = within(heading).getByRole('button', { name: '编号' });
    expect(heading).toHaveAttribute('aria-sort', 'ascending');
    await userEvent.tab();
    expect(sortButton).toHaveFocus();
    // The next stop is the row that holds the cursor, not the link inside it.
    await userEvent.tab();
    expect(rowAt(table, 1)).toHaveFocus();
    expect(screen.getByRole('link', { name: '2611-0001' })).toHaveAttribute('tabindex', '-1');

    await userEvent.click(sortButton);
    expect(onSort).toHaveBeenCalledTimes(1);
  });
});
