/**
 * Importing a register through the import screen's own path (issue 13): the CSV is handed to the
 * import worker (export/import-client.ts) as the screen hands over the chosen file, read, checked
 * against the desk and written into a new desk's database, while the page's main thread is
 * watched for long tasks. The baseline, in the same run, puts the very rows the import wrote
 * (cases, events, outbox rows, customer files) into an empty database of the same schema with
 * raw IndexedDB, in one transaction: the floor of what writing them costs.
 *
 * Each size runs once: one run takes seconds to a minute, and the desks are made and deleted
 * around it.
 */
import Dexie from 'dexie';
import { deadlineContextFromSettings } from '@shared/calendar/deadline';
import { importHeaderRecognise } from '@shared/import/fields';
import { cellText } from '@shared/import/values';
import type { IsoInstant } from '@shared/kernel/brand';
import { openDeskDatabase } from '../../renderer/src/db/database';
import { deskSetUp, deskState } from '../../renderer/src/db/repos/settings';
import { deskSessionOf } from '../../renderer/src/db/session';
import { importWorkerStart } from '../../renderer/src/export/import-client';
import type { Measurement } from './context';
import { IMPORT_NOW, importRegisterCsv } from './import-rows';
import { withLongestTask } from './longtask';
import { writeCostBreakdown } from './measure-write-cost';
import { rawOpen } from './raw';
import { statsOf } from './timing';

/** What the import writes, in the order the baseline puts it. */
const IMPORT_STORES = ['cases', 'events', 'outbox', 'customers'] as const;

/** The largest register whose written rows are also put in the breakdown's variants. */
const WRITE_COST_MAX_ROWS = 5000;

/** Issue 13: 20,000 rows written in under 15 s, 100,000 in under 60 s. */
export function importWriteTargetMs(rows: number): number | undefined {
  if (rows <= 20_000) return 15_000;
  if (rows <= 100_000) return 60_000;
  return undefined;
}

function requestDone<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('request failed'));
  });
}

function transactionDone(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

/** A new desk set up as a clerk would (the property preset), in a database of its own. */
async function newDesk(name: string) {
  await Dexie.delete(name);
  const db = openDeskDatabase(name);
  await deskSetUp(db, {
    organisationName: '锦华物业服务有限公司',
    deskName: '翠湖片区物业服务中心',
    presetId: 'property',
    operatorName: '王丽',
    locale: 'zh-CN',
    now: '2025-12-01T01:00:00.000Z' as IsoInstant,
    password: 'bench-desk',
  });
  const desk = await deskState(db);
  if (!desk) throw new Error('import bench: the desk was not set up');
  return { db, desk };
}

export async function measureImport(
  rows: number,
  log: (message: string) => void,
): Promise<Measurement[]> {
  const name = `desk-bench-import-${rows}`;
  const { db, desk } = await newDesk(name);
  const session = deskSessionOf(db, desk, () => IMPORT_NOW as IsoInstant);
  const bytes = importRegisterCsv(rows);
  const client = importWorkerStart();
  let progressReports = 0;
  const onProgress = () => {
    progressReports += 1;
  };

  const started = performance.now();
  const checked = await withLongestTask(async () => {
    const read = await client.read(`register-${rows}.csv`, bytes.slice().buffer);
    if (!read.ok) throw new Error(`import bench: the CSV was not read (${read.problem})`);
    const header = importHeaderRecognise(
      read.head.map((row) => row.map(cellText)),
      desk.rules,
    );
    if (!header) throw new Error('import bench: the header was not recognised');
    return client.check(
      {
        database: name,
        dataStartRow: header.dataStartRow,
        mapping: header.mapping,
        rules: desk.rules,
        deadlineContext: deadlineContextFromSettings(desk.calendar),
        now: IMPORT_NOW as IsoInstant,
        operatorName: desk.operator.name,
      },
      onProgress,
    );
  });
  const checkMs = performance.now() - started;
  const summary = checked.value;
  if (summary.rejected.length > 0 || summary.accepted !== rows) {
    throw new Error(
      `import bench: ${summary.rejected.length} rows refused, e.g. ${JSON.stringify(summary.rejected.slice(0, 2))}`,
    );
  }
  const checkReports = progressReports;
  log(`import ${rows}: read and checked in ${Math.round(checkMs)} ms`);

  progressReports = 0;
  const writeStarted = performance.now();
  const written = await withLongestTask(() =>
    client.write(
      {
        database: name,
        operator: session.operator,
        desk: session.desk,
        now: IMPORT_NOW as IsoInstant,
        channelId: desk.rules.channels[0]?.id ?? 'other',
        fileName: `register-${rows}.csv`,
      },
      onProgress,
    ),
  );
  const writeMs = performance.now() - writeStarted;
  client.close();
  if (written.value === 'cancelled') throw new Error('import bench: the write was cancelled');
  const counts = await Promise.all(IMPORT_STORES.map((store) => db.table(store).count()));
  log(`import ${rows}: written in ${Math.round(writeMs)} ms (${counts.join(' / ')} rows)`);

  // The baseline: the same rows, read back (untimed) and put with raw IndexedDB.
  const records = new Map<string, unknown[]>();
  for (const store of IMPORT_STORES) records.set(store, await db.table(store).toArray());
  db.close();
  await Dexie.delete(name);
  const baselineName = `${name}-raw`;
  await Dexie.delete(baselineName);
  const schemaOnly = openDeskDatabase(baselineName);
  await schemaOnly.open();
  schemaOnly.close();
  const raw = await rawOpen(baselineName);
  const putStarted = performance.now();
  const baseline = await withLongestTask(async () => {
    const tx = raw.transaction([...IMPORT_STORES], 'readwrite');
    let last: Promise<unknown> = Promise.resolve();
    for (const store of IMPORT_STORES) {
      const target = tx.objectStore(store);
      for (const record of records.get(store) ?? []) last = requestDone(target.put(record));
    }
    await last;
    await transactionDone(tx);
  });
  const putMs = performance.now() - putStarted;
  const baselineCounts = await Promise.all(
    IMPORT_STORES.map(
      (store) => requestDone(raw.transaction(store).objectStore(store).count()) as Promise<number>,
    ),
  );
  raw.close();
  // The breakdown repeats every write: run on the small registers only.
  const cost = rows <= WRITE_COST_MAX_ROWS ? await writeCostBreakdown(name, records, 3, log) : [];
  records.clear();
  await Dexie.delete(baselineName);
  log(`import ${rows}: baseline put in ${Math.round(putMs)} ms`);

  const shape = IMPORT_STORES.map((store, i) => `${counts[i]} ${store}`).join(', ');
  const target = importWriteTargetMs(rows);
  return [
    {
      id: `importCheck${rows}`,
      label: `import ${rows.toLocaleString('en')} rows: read + check`,
      app: statsOf([checkMs]),
      agree: true,
      appCall:
        "importWorkerStart().read(CSV) + check (the import screen's worker: table read, importCheck, taken numbers, new units)",
      baselineCall: 'none',
      answer: `${summary.accepted} rows accepted, ${checkReports} progress reports`,
      longestTaskMs: checked.longestTaskMs,
      longTasks: checked.longTasks,
    },
    {
      id: `importWrite${rows}`,
      label: `import ${rows.toLocaleString('en')} rows: write`,
      ...(target === undefined ? {} : { targetMs: target }),
      app: statsOf([writeMs]),
      baseline: statsOf([putMs]),
      agree: baselineCounts.every((count, i) => count === counts[i]),
      appCall:
        "importWorkerStart().write (the import screen's worker: casesImport, one transaction, bulk slices of 1,000 cases)",
      baselineCall:
        'the rows the import wrote, put with raw IndexedDB into an empty database of the same schema, one transaction',
      answer: `${shape}; ${progressReports} progress reports`,
      longestTaskMs: written.longestTaskMs,
      longTasks: written.longTasks,
      note: `the baseline's longest main-thread task was ${baseline.longestTaskMs} ms`,
    },
    ...cost.map((run): Measurement => ({
      id: `importCost${rows}-${run.variant.replace(/[ ,]+/g, '-')}`,
      label: `import ${rows.toLocaleString('en')} rows, raw: ${run.variant}`,
      app: statsOf(run.samples),
      agree: true,
      appCall: `the rows the import wrote, written with raw IndexedDB into ${run.stores.join(', ')} of a new database (${run.variant})`,
      baselineCall: 'none',
      answer: shape,
      ...(run.issuedSamples.length === 0
        ? {}
        : {
            note: `the requests were issued (records cloned, index keys extracted) in a median of ${Math.round(statsOf(run.issuedSamples).median)} ms`,
          }),
    })),
  ];
}
