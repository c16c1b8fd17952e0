import { describe, expect, it } from 'vitest';
import { paginate, type FlowMeasure, type FlowSection, type PagePlan } from './paginate';

/** A row of a given height; `part` counts the pieces a cut row was split into. */
interface Row {
  readonly id: string;
  readonly h: number;
}

/** Rows cut at whole lines of 10 units, as text is. */
const LINE = 10;
const measure: FlowMeasure<Row> = {
  height: (row) => row.h,
  split(row, room) {
    const lines = Math.floor(room / LINE);
    if (lines < 1) return undefined;
    return [
      { id: `${row.id}a`, h: lines * LINE },
      { id: `${row.id}b`, h: row.h - lines * LINE },
    ];
  },
};

const rows = (...heights: number[]): Row[] => heights.map((h, i) => ({ id: `r${i + 1}`, h }));

/** Each page as the ids it holds: rows of tables (with `+` when continued), `#n` for blocks. */
function layout(pages: PagePlan<Row>[]): string[][] {
  return pages.map((page) =>
    page.flatMap((placed) =>
      placed.type === 'block'
        ? [`#${placed.section}`]
        : placed.rows.map((row) => `${placed.continued ? '+' : ''}${row.id}`),
    ),
  );
}

describe('paginate', () => {
  it('keeps a short form on one page', () => {
    const sections: FlowSection<Row>[] = [
      { type: 'table', leadHeight: 20, rows: rows(10, 10, 10) },
      { type: 'block', height: 30 },
    ];
    expect(layout(paginate(sections, 100, measure))).toEqual([['r1', 'r2', 'r3', '#1']]);
  });

  it('repeats the table header on every page and never splits a row that fits on a page', () => {
    // Page 100, header 20: 80 for rows. 30+30 fit, the third 30 would need 90.
    const sections: FlowSection<Row>[] = [
      { type: 'table', leadHeight: 20, rows: rows(30, 30, 30, 30, 30) },
    ];
    const pages = paginate(sections, 100, measure);
    expect(layout(pages)).toEqual([['r1', 'r2'], ['+r3', '+r4'], ['+r5']]);
    expect(pages.every((page) => page[0]?.type === 'table')).toBe(true);
  });

  it('places 120 rows of the register page by page, every row once and in order', () => {
    const heights = Array.from({ length: 120 }, (_, i) => 12 + (i % 5) * 6);
    const pages = paginate(
      [{ type: 'table', leadHeight: 40, rows: rows(...heights) }],
      500,
      measure,
    );
    const placed = layout(pages)
      .flat()
      .map((id) => id.replace('+', ''));
    expect(placed).toEqual(heights.map((_, i) => `r${i + 1}`));
    for (const page of pages) {
      const used =
        40 +
        page.reduce(
          (sum, p) => sum + (p.type === 'table' ? p.rows.reduce((s, r) => s + r.h, 0) : 0),
          0,
        );
      expect(used).toBeLessThanOrEqual(500);
    }
    expect(pages.length).toBeGreaterThan(4);
  });

  it('cuts a row only when it alone is taller than a page, filling the current page first', () => {
    // Page 100, header 20: r1 takes 30, 50 are left; r2 (200) is cut into 50, 80 and 70.
    const sections: FlowSection<Row>[] = [
      { type: 'table', leadHeight: 20, rows: rows(30, 200, 10) },
    ];
    const pages = paginate(sections, 100, measure);
    expect(layout(pages)).toEqual([['r1', 'r2a'], ['+r2ba'], ['+r2bb', '+r3']]);
    const heights = pages.map((page) =>
      page.flatMap((p) => (p.type === 'table' ? p.rows.map((r) => r.h) : [])),
    );
    expect(heights).toEqual([[30, 50], [80], [70, 10]]);
  });

  it('starts a long row on the next page when too little is left to be worth a line', () => {
    const sections: FlowSection<Row>[] = [{ type: 'table', leadHeight: 20, rows: rows(70, 150) }];
    // 10 left after r1: below the minimum, so r2 starts on page 2 and is cut there.
    expect(layout(paginate(sections, 100, measure, { minSplitHeight: 24 }))).toEqual([
      ['r1'],
      ['+r2a'],
      ['+r2b'],
    ]);
  });

  it('keeps a block whole on the next page when it does not fit', () => {
    const sections: FlowSection<Row>[] = [
      { type: 'table', leadHeight: 10, rows: rows(40, 30) },
      { type: 'block', height: 30 },
    ];
    expect(layout(paginate(sections, 100, measure))).toEqual([['r1', 'r2'], ['#1']]);
  });

  it('does not start a table at the foot of a page without room for its header and a row', () => {
    const sections: FlowSection<Row>[] = [
      { type: 'block', height: 70 },
      { type: 'table', leadHeight: 20, rows: rows(20) },
    ];
    const pages = paginate(sections, 100, measure);
    expect(layout(pages)).toEqual([['#0'], ['r1']]);
    expect(pages[1]?.[0]).toMatchObject({ type: 'table', continued: false });
  });

  it('prints a table without rows as its header alone', () => {
    const pages = paginate([{ type: 'table', leadHeight: 20, rows: [] }], 100, measure);
    expect(pages).toEqual([[{ type: 'table', section: 0, rows: [], continued: false }]]);
  });

  it('gives one empty page for an empty document, so there is always a page 1 of 1', () => {
    expect(paginate([], 100, measure)).toEqual([[]]);
  });

  it('still ends when a row cannot be cut on an empty page', () => {
    const unsplittable: FlowMeasure<Row> = { height: (row) => row.h, split: () => undefined };
    const pages = paginate(
      [{ type: 'table', leadHeight: 20, rows: rows(300, 10) }],
      100,
      unsplittable,
    );
    expect(layout(pages)).toEqual([['r1'], ['+r2']]);
  });

  it('moves the last row with the signature lines rather than leave them alone on a page', () => {
    const sections: FlowSection<Row>[] = [
      { type: 'table', leadHeight: 10, rows: rows(30, 30, 20) },
      { type: 'block', height: 30, keepWithPrevious: true },
    ];
    const pages = paginate(sections, 100, measure);
    expect(layout(pages)).toEqual([
      ['r1', 'r2'],
      ['+r3', '#1'],
    ]);
  });

  it('lets signature lines start a page when the table part before them is a single row', () => {
    const sections: FlowSection<Row>[] = [
      { type: 'block', height: 40 },
      { type: 'table', leadHeight: 10, rows: rows(30) },
      { type: 'block', height: 30, keepWithPrevious: true },
    ];
    expect(layout(paginate(sections, 100, measure))).toEqual([['#0', 'r1'], ['#2']]);
  });
});
