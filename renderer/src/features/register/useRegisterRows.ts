import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { CaseId } from '@shared/kernel/brand';
import type { CaseEntity } from '@shared/model/entities';
import type {
  RegisterCriteria,
  RegisterCursor,
  RegisterSort,
  RegisterViewer,
} from '@shared/register/query';
import { registerMatterSizes, registerPage } from '../../db/repos/register';
import { useDeskServices } from '../../desk/services';

export const REGISTER_PAGE_SIZE = 25;

export interface RegisterRows {
  readonly rows: readonly CaseEntity[];
  /** How many cases each shown case's matter has. */
  readonly matterSizes: ReadonlyMap<CaseId, number>;
  readonly hasMore: boolean;
  /** Undefined until the first page of this view has loaded. */
  readonly loaded: boolean;
  readonly loadMore: () => void;
}

/**
 * The register's rows for a view: page after page by key, as many pages as the clerk loaded.
 * The pages stay live (a case registered or changed elsewhere shows at once); each page
 * continues from the previous page's last key, never from an offset. A new view starts again
 * at one page.
 */
export function useRegisterRows(
  criteria: RegisterCriteria | undefined,
  sort: RegisterSort,
  viewer: RegisterViewer,
  viewKey: string,
): RegisterRows {
  const { db } = useDeskServices();
  const [loadedPages, setLoadedPages] = useState({ viewKey, count: 1 });
  const pageCount = loadedPages.viewKey === viewKey ? loadedPages.count : 1;
  const result = useLiveQuery(async () => {
    if (!criteria) return { viewKey, rows: [], next: undefined, matterSizes: new Map() };
    const rows: CaseEntity[] = [];
    let next: RegisterCursor | undefined;
    for (let page = 0; page < pageCount; page++) {
      const found = await registerPage(db, {
        criteria,
        sort,
        viewer,
        limit: REGISTER_PAGE_SIZE,
        after: next,
      });
      rows.push(...found.items);
      next = found.next;
      if (!next) break;
    }
    const matterSizes = await registerMatterSizes(
      db,
      rows.map((row) => row.matterId),
    );
    return { viewKey, rows, next, matterSizes };
    // The view key stands for the criteria and sort (both are derived from it).
  }, [db, viewKey, pageCount, viewer.id, viewer.name, viewer.roles.join()]);

  return {
    rows: result?.rows ?? [],
    matterSizes: result?.matterSizes ?? new Map(),
    hasMore: result?.next !== undefined,
    loaded: result?.viewKey === viewKey,
    loadMore: () => setLoadedPages({ viewKey, count: pageCount + 1 }),
  };
}
