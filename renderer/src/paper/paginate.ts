/**
 * Which rows go on which page, from measured heights (pure: the measuring is done by the
 * caller, so this is tested without a browser).
 *
 * The rules of paper forms:
 * - a table's header rows (and its caption) start the table on every page it reaches;
 * - a row never splits across pages unless it alone is taller than a page: then it fills the
 *   rest of the current page and continues on the next (the caller cuts its text);
 * - a block (signature lines, a note) is kept whole.
 */

export interface FlowTable<R> {
  readonly type: 'table';
  /** Caption plus header rows: what the table repeats at the top of each page. */
  readonly leadHeight: number;
  readonly rows: readonly R[];
}

export interface FlowBlock {
  readonly type: 'block';
  readonly height: number;
  /**
   * Signature lines: never alone at the top of a page. When the block moves to the next page,
   * the last row of the table before it moves with it.
   */
  readonly keepWithPrevious?: boolean;
}

export type FlowSection<R> = FlowTable<R> | FlowBlock;

export interface FlowMeasure<R> {
  height(row: R): number;
  /**
   * Cuts a row into a first part no taller than `room` and the rest, or gives undefined when not
   * even a line fits in `room`.
   */
  split(row: R, room: number): readonly [R, R] | undefined;
}

export type PlacedSection<R> =
  | {
      readonly type: 'table';
      readonly section: number;
      readonly rows: R[];
      /** The table began on an earlier page (its caption says 「续」). */
      readonly continued: boolean;
    }
  | { readonly type: 'block'; readonly section: number };

export type PagePlan<R> = PlacedSection<R>[];

export interface PaginateOptions {
  /** Below this much room a long row is not started on a page but on the next one. */
  readonly minSplitHeight: number;
}

export function paginate<R>(
  sections: readonly FlowSection<R>[],
  pageHeight: number,
  measure: FlowMeasure<R>,
  options: PaginateOptions = { minSplitHeight: 24 },
): PagePlan<R>[] {
  const pages: PagePlan<R>[] = [];
  let page: PagePlan<R> = [];
  let used = 0;
  const nextPage = () => {
    pages.push(page);
    page = [];
    used = 0;
  };

  sections.forEach((section, index) => {
    if (section.type === 'block') {
      if (used > 0 && used + section.height > pageHeight) {
        const carried = section.keepWithPrevious ? lastRowOf(page) : undefined;
        nextPage();
        if (carried) {
          const lead = (sections[carried.section] as FlowTable<R>).leadHeight;
          page.push({
            type: 'table',
            section: carried.section,
            rows: [carried.row],
            continued: true,
          });
          used += lead + measure.height(carried.row);
        }
      }
      page.push({ type: 'block', section: index });
      used += section.height;
      return;
    }

    if (section.rows.length === 0) {
      if (used > 0 && used + section.leadHeight > pageHeight) nextPage();
      page.push({ type: 'table', section: index, rows: [], continued: false });
      used += section.leadHeight;
      return;
    }

    const queue = [...section.rows];
    let fragment: { type: 'table'; section: number; rows: R[]; continued: boolean } | undefined;
    let placedBefore = false;
    const place = (row: R, height: number) => {
      if (!fragment) {
        fragment = { type: 'table', section: index, rows: [], continued: placedBefore };
        page.push(fragment);
        used += section.leadHeight;
      }
      fragment.rows.push(row);
      used += height;
      placedBefore = true;
    };
    const turnPage = () => {
      nextPage();
      fragment = undefined;
    };

    while (queue.length > 0) {
      const row = queue[0] as R;
      const height = measure.height(row);
      const room = pageHeight - used - (fragment ? 0 : section.leadHeight);
      if (height <= room) {
        place(row, height);
        queue.shift();
        continue;
      }
      const fitsOnFreshPage = height <= pageHeight - section.leadHeight;
      if (fitsOnFreshPage && used > 0) {
        turnPage();
        continue;
      }
      // Taller than a page: fill what is left here and continue on the next page.
      const parts = room >= options.minSplitHeight ? measure.split(row, room) : undefined;
      if (parts) {
        place(parts[0], measure.height(parts[0]));
        queue[0] = parts[1];
        turnPage();
        continue;
      }
      if (used > 0) {
        turnPage();
        continue;
      }
      // Not even a line fits on an empty page (a huge header): print the row as it is rather
      // than loop for ever.
      place(row, height);
      queue.shift();
    }
  });

  if (page.length > 0 || pages.length === 0) pages.push(page);
  return pages;
}

/**
 * Takes the last row off a page when the page ends with a table part of two rows or more (so
 * the part keeps a row), for a block that must not start a page alone.
 */
function lastRowOf<R>(page: PagePlan<R>): { section: number; row: R } | undefined {
  const last = page[page.length - 1];
  if (last?.type !== 'table' || last.rows.length < 2) return undefined;
  const row = last.rows.pop() as R;
  return { section: last.section, row };
}
