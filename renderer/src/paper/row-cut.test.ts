import { describe, expect, it } from 'vitest';
import { rowCut } from './measure';
import type { PrintRow } from './model';

/** Ten characters to a line, ten units to a line: a cell's height follows its text. */
function height(row: PrintRow): number {
  const lines = Math.max(
    1,
    ...row.cells.map((cell) => Math.ceil(Array.from(cell.text).length / 10)),
  );
  const blank = Math.max(0, ...row.cells.map((cell) => (cell.minHeightMm ?? 0) * 10));
  return Math.max(lines * 10, blank);
}

const text = (n: number, char = '字') => char.repeat(n);

/** Cuts a row the test expects to be cut. */
function cut(row: PrintRow, room: number): readonly [PrintRow, PrintRow] {
  const parts = rowCut(row, room, '（续）', height);
  if (!parts) throw new Error('the row was not cut');
  return parts;
}

describe('rowCut', () => {
  it('keeps as much of a long value as fits and continues it, with the label marked 续', () => {
    const row: PrintRow = {
      key: 'content',
      cells: [
        { text: '诉求内容', role: 'label' },
        { text: `${text(45, '甲')}${text(30, '乙')}`, role: 'value', colSpan: 3 },
      ],
    };
    const [first, rest] = cut(row, 50);
    expect(height(first)).toBeLessThanOrEqual(50);
    expect(first.cells[0]?.text).toBe('诉求内容');
    expect(rest.cells[0]?.text).toBe('诉求内容（续）');
    // Nothing lost, nothing doubled.
    expect(`${first.cells[1]?.text}${rest.cells[1]?.text}`).toBe(row.cells[1]?.text);
    expect(first.key).not.toBe(rest.key);
  });

  it('cuts after punctuation near the limit rather than inside a phrase', () => {
    const row: PrintRow = {
      key: 'r',
      cells: [{ text: `${text(44)}。${text(40)}`, role: 'value' }],
    };
    const [first] = cut(row, 50);
    expect(first.cells[0]?.text.endsWith('。')).toBe(true);
  });

  it('leaves short cells whole in the first part and blank in the rest', () => {
    const row: PrintRow = {
      key: 'r',
      cells: [
        { text: '7', role: 'value', align: 'center' },
        { text: text(200), role: 'value' },
        { text: '王丽', role: 'value' },
      ],
    };
    const [first, rest] = cut(row, 100);
    expect(first.cells.map((c) => c.text.length)).toEqual([1, 100, 2]);
    expect(rest.cells.map((c) => c.text.length)).toEqual([0, 100, 0]);
  });

  it('gives up when not even a line fits, or when only blank space is tall', () => {
    const long: PrintRow = { key: 'r', cells: [{ text: text(100), role: 'value' }] };
    expect(rowCut(long, 5, '（续）', height)).toBeUndefined();
    const blankOnly: PrintRow = {
      key: 'b',
      cells: [
        { text: '处理情况', role: 'label' },
        { text: '', role: 'blank', minHeightMm: 45 },
      ],
    };
    expect(rowCut(blankOnly, 100, '（续）', height)).toBeUndefined();
  });
});
