/**
 * The statistics worker: counts the figures of report periods off the UI thread (a period of a
 * large desk reads tens of thousands of cases) and keeps them until they can change
 * (stats-engine.ts), in memory and in the database, so figures counted once serve every later
 * visit to the reports, in this page or the next. It opens the desk's IndexedDB database itself.
 *
 * A view's request answers in two rounds: first every piece whose kept figures may be shown
 * (valid ones as they are, stale ones marked so), then the pieces that must be counted. A
 * warm-up counts pieces before anyone asks, one at a time, and gives way to every request.
 */
import { openDeskDatabase, type DeskDatabase } from '../../db/database';
import { statsHasCases } from '../../db/repos/stats';
import { statsEngineCreate, StatsNoDeskError, type StatsEngine } from './stats-engine';
import type { StatsFromWorker, StatsToWorker } from './stats-protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<StatsToWorker>) => void) | null;
  postMessage(message: StatsFromWorker): void;
}

const scope = self as unknown as WorkerScope;
const desks = new Map<string, { readonly db: DeskDatabase; readonly engine: StatsEngine }>();
/** The newest request: an older one stops after the piece it is counting. */
let latest = 0;
/** Requests of the screen under way: the warm-up waits while there are any. */
let active = 0;
/** The newest warm-up: an older one stops. */
let latestWarm = 0;

/** Between two pieces of a warm-up: let requests and the page's other work go first. */
const WARM_PAUSE_MS = 200;

function deskOf(dbName: string) {
  let desk = desks.get(dbName);
  if (!desk) {
    const db = openDeskDatabase(dbName);
    desk = { db, engine: statsEngineCreate(db) };
    desks.set(dbName, desk);
  }
  return desk;
}

async function run(message: StatsToWorker): Promise<void> {
  const { request, now, units } = message;
  const { engine } = deskOf(message.dbName);
  active += 1;
  try {
    const toCount: number[] = [];
    for (const [index, unit] of units.entries()) {
      if (request !== latest) return;
      const kept = await engine.kept(unit, now);
      if (request !== latest) return;
      if (kept) {
        scope.postMessage({
          type: 'unit',
          request,
          index,
          result: kept.result,
          cached: kept.valid,
          stale: !kept.valid,
        });
      }
      if (!kept?.valid) toCount.push(index);
    }
    for (const index of toCount) {
      const unit = units[index];
      if (request !== latest) return;
      if (!unit) continue;
      const answer = await engine.compute(unit, now);
      if (request !== latest) return;
      scope.postMessage({ type: 'unit', request, index, ...answer, stale: false });
    }
    scope.postMessage({ type: 'done', request });
  } catch (error) {
    console.error('statistics failed', error);
    scope.postMessage({
      type: 'failed',
      request,
      problem: error instanceof StatsNoDeskError ? 'noDesk' : 'failed',
    });
  } finally {
    active -= 1;
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Counts and keeps the pieces not kept yet (or no longer valid), giving way to requests. */
async function warm(message: StatsToWorker): Promise<void> {
  const { request, now, units } = message;
  const { db, engine } = deskOf(message.dbName);
  try {
    // A desk with no cases has nothing to count ahead.
    if (!(await statsHasCases(db))) return;
    for (const unit of units) {
      while (active > 0) await pause(WARM_PAUSE_MS);
      if (request !== latestWarm) return;
      const kept = await engine.kept(unit, now);
      if (!kept?.valid) await engine.compute(unit, now);
      await pause(WARM_PAUSE_MS);
    }
  } catch (error) {
    // A warm-up that fails costs nothing but the time: the screen counts when asked.
    if (!(error instanceof StatsNoDeskError)) console.error('statistics warm-up failed', error);
  }
}

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'warm') {
    latestWarm = Math.max(latestWarm, message.request);
    void warm(message);
    return;
  }
  latest = Math.max(latest, message.request);
  void run(message);
};
