/**
 * The register's Excel export of a month (about 2,000 cases), as the reports screen starts it:
 * the export worker reads the cases and builds the workbook, the UI thread follows its progress
 * and receives the bytes. Against the straightforward way, the same job run on the UI thread
 * (`exportJobRun` in the page). What matters is the longest task the UI thread ran meanwhile.
 */
import type { IsoDate, IsoInstant } from '@shared/kernel/brand';
import { openDeskDatabase } from '../../renderer/src/db/database';
import { exportRun } from '../../renderer/src/export/export-client';
import { exportJobRun } from '../../renderer/src/export/export-jobs';
import type { ExportJob, FromWorker } from '../../renderer/src/export/export-protocol';
import type { BenchContext, Measurement } from './context';
import { newestRange } from './measure-print';
import { timePair } from './timing';

export async function measureRegisterExport(ctx: BenchContext, count = 2000): Promise<Measurement> {
  const range = await newestRange(ctx, count);
  const job: ExportJob = {
    table: 'register',
    dbName: ctx.db.name,
    now: new Date().toISOString() as IsoInstant,
    maskPhones: true,
    viewer: ctx.desk.operator,
    first: range.from as IsoDate,
    last: range.to as IsoDate,
  };
  let bytes = 0;
  const app = async (): Promise<number> => {
    const run = exportRun(job, {
      bridge: {
        saveFile: async (request) => {
          bytes = request.data.byteLength;
          return { status: 'saved', path: 'bench.xlsx' };
        },
      },
      onProgress: () => undefined,
      streaming: false,
    });
    const outcome = await run.outcome;
    if (outcome.status !== 'saved') throw new Error(`the export ended ${outcome.status}`);
    return outcome.rows;
  };
  const baseline = async (): Promise<number> => {
    let rows = -1;
    await exportJobRun(
      job,
      'bytes',
      {
        emit: (message: FromWorker) => {
          if (message.type === 'done') rows = message.rows;
          if (message.type === 'failed') throw new Error(`the export failed: ${message.problem}`);
        },
        ack: async () => undefined,
      },
      openDeskDatabase,
    );
    return rows;
  };
  const result = await timePair({
    warmup: 1,
    runs: Math.min(ctx.runs, 5),
    budgetMs: 60_000,
    app,
    baseline,
    agree: (a, b) => a === b && a > 0,
  });
  return {
    id: 'export.register',
    label: `register export to Excel, ${range.from} to ${range.to}`,
    ...result,
    appCall: 'exportRun (the export worker reads and builds; the UI thread receives the bytes)',
    baselineCall: 'exportJobRun, the same job on the UI thread',
    answer: `${count} newest cases' dates, a workbook of ${Math.round(bytes / 1024)} KB`,
    note: `longest UI task: app ${result.longestTaskMs} ms, on the UI thread ${result.baselineLongestTaskMs} ms`,
  };
}
