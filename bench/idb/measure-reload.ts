/**
 * A reload's reading of the desk, what main.tsx and the home screen do before the desk is usable:
 * a new connection opened (`deskDatabaseOpen`), the desk's state, the repair of search pieces a
 * save left pending, and the home screen's work-queue counts. The page's own start (parsing the
 * bundle, React's first render) is not in it: this page has no screens. Against opening the
 * database by hand on raw IndexedDB. What matters is the longest task the UI thread ran.
 */
import type { IsoInstant } from '@shared/kernel/brand';
import { openDeskDatabase } from '../../renderer/src/db/database';
import { deskDatabaseOpen } from '../../renderer/src/db/open';
import { casesSearchIndexPending } from '../../renderer/src/db/repos/cases';
import { workQueueCounts } from '../../renderer/src/db/repos/queues';
import { deskState } from '../../renderer/src/db/repos/settings';
import type { BenchContext, Measurement } from './context';
import { rawOpen } from './raw';
import { timePair } from './timing';

export async function measureReload(ctx: BenchContext): Promise<Measurement> {
  const name = ctx.db.name;
  let answer = '';
  const app = async (): Promise<boolean> => {
    const db = openDeskDatabase(name);
    try {
      const opened = await deskDatabaseOpen(db);
      if (!opened.ok) throw opened.error;
      const desk = await deskState(db);
      if (!desk) throw new Error('no desk');
      const repaired = await casesSearchIndexPending(db);
      const counts = await workQueueCounts(db, {
        now: new Date().toISOString() as IsoInstant,
        deadline: ctx.deadline,
        operatorId: desk.operator.id,
      });
      answer = `${repaired} cases' search pieces repaired; queues ${Object.values(counts).join(', ')}`;
      return true;
    } finally {
      db.close();
    }
  };
  const baseline = async (): Promise<boolean> => {
    const raw = await rawOpen(name);
    raw.close();
    return true;
  };
  const result = await timePair({ warmup: ctx.warmup, runs: ctx.runs, app, baseline });
  return {
    id: 'reload',
    label: 'reload: the desk read at start (open, desk, search repair, home queues)',
    ...result,
    appCall:
      'deskDatabaseOpen + deskState + casesSearchIndexPending + workQueueCounts, new connection',
    baselineCall: 'indexedDB.open by hand',
    answer,
  };
}
