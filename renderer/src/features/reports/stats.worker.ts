/**
 * The statistics worker: counts the figures of report periods off the UI thread (a period of a
 * large desk reads tens of thousands of cases) and keeps them until they can change
 * (stats-engine.ts). It opens the desk's IndexedDB database itself and lives as long as the page,
 * so figures counted once serve every later visit to the reports.
 */
import { openDeskDatabase } from '../../db/database';
import { statsEngineCreate, StatsNoDeskError, type StatsEngine } from './stats-engine';
import type { StatsFromWorker, StatsToWorker } from './stats-protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<StatsToWorker>) => void) | null;
  postMessage(message: StatsFromWorker): void;
}

const scope = self as unknown as WorkerScope;
const engines = new Map<string, StatsEngine>();
/** The newest request: an older one stops after the piece it is counting. */
let latest = 0;

async function run(message: StatsToWorker): Promise<void> {
  const { request } = message;
  let engine = engines.get(message.dbName);
  if (!engine) {
    engine = statsEngineCreate(openDeskDatabase(message.dbName));
    engines.set(message.dbName, engine);
  }
  try {
    for (const [index, unit] of message.units.entries()) {
      if (request !== latest) return;
      const answer = await engine.compute(unit, message.now);
      if (request !== latest) return;
      scope.postMessage({ type: 'unit', request, index, ...answer });
    }
    scope.postMessage({ type: 'done', request });
  } catch (error) {
    console.error('statistics failed', error);
    scope.postMessage({
      type: 'failed',
      request,
      problem: error instanceof StatsNoDeskError ? 'noDesk' : 'failed',
    });
  }
}

scope.onmessage = (event) => {
  latest = Math.max(latest, event.data.request);
  void run(event.data);
};
