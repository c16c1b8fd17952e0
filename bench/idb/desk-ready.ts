/**
 * The benchmarks' desk database, made once by the generator (generate.ts) and kept in the
 * browser profile: reused while its marker matches the options, the generator's version and the
 * shape of the cases the current reducer makes; an interrupted generation is resumed from its last
 * committed batch (the progress is kept in localStorage beside the database).
 */
import Dexie from 'dexie';
import { openDeskDatabase } from '../../renderer/src/db/database';
import { SCHEMA_V1 } from '../../renderer/src/db/schema-v1';
import { caseShape, deskGenerate, type GenerateResult } from './generate';

export interface DeskReadyOptions {
  readonly cases: number;
  readonly events: number;
  /** Cases per write transaction while generating. */
  readonly batch: number;
  /** Make a new database even when a complete one is there. */
  readonly fresh?: boolean;
}

/** This run's generation, or the one that made the database being reused. */
export type GeneratedDesk = GenerateResult & {
  readonly at: string;
  readonly reused: boolean;
  /** Indexes were added to the schema after the reused database was made (Dexie added them). */
  readonly schemaChanged: boolean;
};

function log(message: string): void {
  console.log(`[bench] ${message}`);
}

/** Bump when the generated data changes shape: a stored database of another version is remade. */
const GENERATOR_VERSION = 2;

/** What a complete database was made with, kept in localStorage next to it. */
interface Marker {
  readonly version: number;
  /** The fields of the cases made (see `caseShape`). */
  readonly shape: string;
  /** The schema the database was made with: Dexie adds indexes declared since (SchemaDiff). */
  readonly schema: string;
  readonly cases: number;
  readonly events: number;
  readonly generation: GenerateResult & { readonly at: string };
}

/** A generation under way: enough to resume it if the browser goes away. */
interface Progress {
  readonly version: number;
  readonly shape: string;
  readonly cases: number;
  readonly events: number;
  readonly batch: number;
  readonly nowMs: number;
  /** Time spent generating before this session. */
  readonly elapsedMs: number;
}

function stored<T>(key: string): T | undefined {
  const text = localStorage.getItem(key);
  return text ? (JSON.parse(text) as T) : undefined;
}

/** A complete marked database, when it matches the options and still holds its cases. */
async function reusable(name: string, options: DeskReadyOptions, shape: string) {
  const marker = stored<Marker>(`desk-bench:${name}`);
  if (
    options.fresh ||
    marker?.version !== GENERATOR_VERSION ||
    marker.shape !== shape ||
    marker.cases !== options.cases ||
    marker.events !== options.events
  ) {
    return undefined;
  }
  const db = openDeskDatabase(name);
  // Opening runs the schema upgrades a database written by an older version needs: timed.
  const was = (await indexedDB.databases()).find((info) => info.name === name)?.version;
  const opening = performance.now();
  await db.open();
  log(
    `opened ${name} in ${(performance.now() - opening).toFixed(0)} ms (schema version ${was === undefined ? 'none' : was / 10} -> ${db.verno})`,
  );
  const count = await db.cases.count();
  db.close();
  return count === marker.generation.cases ? marker : undefined;
}

/** An interrupted generation of the same kind, and how far it got. */
async function resumable(name: string, options: DeskReadyOptions, shape: string) {
  const progress = stored<Progress>(`desk-bench-progress:${name}`);
  if (
    options.fresh ||
    progress?.version !== GENERATOR_VERSION ||
    progress.shape !== shape ||
    progress.cases !== options.cases ||
    progress.events !== options.events ||
    progress.batch !== options.batch
  ) {
    return undefined;
  }
  const db = openDeskDatabase(name);
  const [cases, events] = await Promise.all([db.cases.count(), db.events.count()]);
  db.close();
  // Batches commit whole: a count off the batch size means something else wrote here.
  return cases > 0 && cases % options.batch === 0 ? { progress, cases, events } : undefined;
}

export async function deskReady(name: string, options: DeskReadyOptions): Promise<GeneratedDesk> {
  const markerKey = `desk-bench:${name}`;
  const progressKey = `desk-bench-progress:${name}`;
  const schema = JSON.stringify(SCHEMA_V1);
  const shape = caseShape();
  const marker = await reusable(name, options, shape);
  if (marker) {
    const schemaChanged = marker.schema !== schema;
    log(
      `reusing ${name}: ${marker.generation.cases} cases (made ${marker.generation.at}${schemaChanged ? '; indexes added since' : ''})`,
    );
    return { ...marker.generation, reused: true, schemaChanged };
  }
  localStorage.removeItem(markerKey);
  const resume = await resumable(name, options, shape);
  const started = performance.now();
  let progress: Progress;
  if (resume) {
    progress = resume.progress;
    log(`resuming the generation of ${name} after ${resume.cases} cases`);
  } else {
    localStorage.removeItem(progressKey);
    await Dexie.delete(name);
    progress = {
      version: GENERATOR_VERSION,
      shape,
      cases: options.cases,
      events: options.events,
      batch: options.batch,
      nowMs: Date.now(),
      elapsedMs: 0,
    };
    localStorage.setItem(progressKey, JSON.stringify(progress));
    log(`generating ${options.cases} cases, ${options.events} events into ${name}`);
  }
  const before = progress.elapsedMs;
  const db = openDeskDatabase(name);
  const generation = await deskGenerate(db, {
    cases: options.cases,
    events: options.events,
    nowMs: progress.nowMs,
    batch: options.batch,
    log,
    ...(resume ? { resume: { cases: resume.cases, events: resume.events } } : {}),
    committed: () => {
      progress = { ...progress, elapsedMs: before + performance.now() - started };
      localStorage.setItem(progressKey, JSON.stringify(progress));
    },
  });
  db.close();
  const at = new Date().toISOString();
  // Over every session of this generation, resumed ones included.
  const total = { ...generation, totalMs: before + generation.totalMs };
  const next: Marker = {
    version: GENERATOR_VERSION,
    shape,
    schema,
    cases: options.cases,
    events: options.events,
    generation: { ...total, at },
  };
  localStorage.setItem(markerKey, JSON.stringify(next));
  localStorage.removeItem(progressKey);
  log(
    `generated in ${(total.totalMs / 1000).toFixed(1)} s (making records ${(generation.makeMs / 1000).toFixed(1)} s this session)`,
  );
  return { ...total, at, reused: false, schemaChanged: false };
}
