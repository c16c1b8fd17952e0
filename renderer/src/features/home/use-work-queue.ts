import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import type { CaseEntity } from '@shared/model/entities';
import type { WorkQueueContext, WorkQueueId } from '@shared/register/queues';
import {
  workQueueCounts,
  workQueuePage,
  type WorkQueueCounts,
  type WorkQueuePage,
} from '../../db/repos/queues';
import { useDeskState } from '../../desk/desk-state';
import { useDeskServices } from '../../desk/services';
import { useMinuteClock } from '../../ui/useMinuteClock';

/** The queues' context now: the minute, the desk's calendar, the operator at the keyboard. */
export function useWorkQueueContext(): WorkQueueContext {
  const { deadlineContext, operator } = useDeskState();
  const at = useMinuteClock();
  return useMemo(
    () => ({ now: at, deadline: deadlineContext, operatorId: operator.id }),
    [at, deadlineContext, operator.id],
  );
}

/** Every queue's count, live. */
export function useWorkQueueCounts(): WorkQueueCounts | undefined {
  const { db } = useDeskServices();
  const ctx = useWorkQueueContext();
  return useLiveQuery(() => workQueueCounts(db, ctx), [db, ctx]);
}

export interface WorkQueueRows {
  readonly rows: readonly CaseEntity[] | undefined;
  readonly hasMore: boolean;
  readonly loadMore: () => Promise<void>;
}

/**
 * The cases of a queue: the first page live, more pages on demand. A change to the first page
 * (a write, or the minute moving on) starts the list again from the top, so rows loaded
 * earlier never show a stale order.
 */
export function useWorkQueueRows(id: WorkQueueId, limit = 50): WorkQueueRows {
  const { db } = useDeskServices();
  const { operator } = useDeskState();
  const ctx = useWorkQueueContext();
  const first = useLiveQuery(
    () => workQueuePage(db, id, ctx, { limit, viewer: operator }),
    [db, id, ctx, limit, operator],
  );
  const [more, setMore] = useState<{ base: WorkQueuePage; pages: WorkQueuePage[] } | null>(null);
  const extra = more && more.base === first ? more.pages : [];
  const last = extra.at(-1) ?? first;

  const loadMore = async () => {
    if (!first || !last?.next) return;
    const page = await workQueuePage(db, id, ctx, { limit, after: last.next, viewer: operator });
    setMore({ base: first, pages: [...extra, page] });
  };
  return {
    rows: first ? [...first.items, ...extra.flatMap((page) => page.items)] : undefined,
    hasMore: last?.next !== undefined,
    loadMore,
  };
}
