import { describe, expect, it, vi } from 'vitest';
import type { IsoInstant } from '@shared/kernel/brand';
import type { TableLayout } from '@shared/export/table-sheet';
import { exportRun, type ExportDeps } from './export-client';
import type { ExportJob, FromWorker, ToWorker } from './export-protocol';

/** A worker the test drives: it records what the UI sends and answers when told. */
class FakeWorker {
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly sent: ToWorker[] = [];
  terminated = false;

  postMessage(message: ToWorker) {
    this.sent.push(message);
  }

  terminate() {
    this.terminated = true;
  }

  reply(message: FromWorker) {
    this.onmessage?.({ data: message } as MessageEvent<FromWorker>);
  }
}

const job: ExportJob = {
  table: 'register',
  dbName: 'desk',
  now: '2026-11-25T01:00:00.000Z' as IsoInstant,
  maskPhones: false,
  viewer: { id: 'staff-admin' as never, name: '管理员', roles: ['admin'] },
  first: '2026-10-25' as never,
  last: '2026-11-24' as never,
};

const layout = { sheetName: '登记表' } as TableLayout;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setUp(streaming: boolean) {
  const worker = new FakeWorker();
  const bridge = {
    saveFile: vi.fn(async () => ({ status: 'saved' as const, path: '登记表.xlsx' })),
    exportBegin: vi.fn(async () => ({ status: 'started' as const, token: 'a'.repeat(32) })),
    exportRows: vi.fn(async () => ({ status: 'written' as const })),
    exportFinish: vi.fn(async () => ({
      status: 'saved' as const,
      path: '/home/clerk/登记表.xlsx',
    })),
    exportCancel: vi.fn(async () => undefined),
  };
  const progress: [number, number][] = [];
  const deps: ExportDeps = {
    bridge,
    streaming,
    onProgress: (done, total) => progress.push([done, total]),
    createWorker: () => worker as unknown as Worker,
  };
  return { worker, bridge, progress, run: exportRun(job, deps) };
}

describe('exportRun', () => {
  it('saves the worker’s workbook through the bridge and ends the worker', async () => {
    const { worker, bridge, progress, run } = setUp(false);
    expect(worker.sent).toEqual([{ type: 'start', job, sink: 'bytes' }]);
    worker.reply({ type: 'progress', done: 10, total: 20 });
    const bytes = new Uint8Array([80, 75, 3, 4]).buffer;
    worker.reply({ type: 'done', fileName: '登记表.xlsx', bytes, rows: 20, detail: 'x' });
    expect(await run.outcome).toEqual({
      status: 'saved',
      path: '登记表.xlsx',
      rows: 20,
      detail: 'x',
    });
    expect(progress).toEqual([[10, 20]]);
    expect(bridge.saveFile).toHaveBeenCalledWith({
      suggestedName: '登记表.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      data: new Uint8Array([80, 75, 3, 4]),
    });
    expect(worker.terminated).toBe(true);
  });

  it('streams the register through the bridge in Electron, one page at a time', async () => {
    const { worker, bridge, run } = setUp(true);
    expect(worker.sent).toEqual([{ type: 'start', job, sink: 'stream' }]);
    worker.reply({ type: 'layout', fileName: '登记表.xlsx', layout, total: 2 });
    worker.reply({ type: 'rows', rows: [[1, 'a']] });
    await settle();
    expect(bridge.exportRows).toHaveBeenCalledWith('a'.repeat(32), [[1, 'a']]);
    // The next page is asked for only once this one was written.
    expect(worker.sent.at(-1)).toEqual({ type: 'ack' });
    worker.reply({ type: 'rows', rows: [[2, 'b']] });
    worker.reply({ type: 'end', rows: 2, detail: 'x' });
    expect(await run.outcome).toEqual({
      status: 'saved',
      path: '/home/clerk/登记表.xlsx',
      rows: 2,
      detail: 'x',
    });
    expect(bridge.exportFinish).toHaveBeenCalledWith('a'.repeat(32), 2);
    expect(bridge.saveFile).not.toHaveBeenCalled();
  });

  it('cancels: the worker ends, the main process drops its file, nothing is saved', async () => {
    const { worker, bridge, run } = setUp(true);
    worker.reply({ type: 'layout', fileName: '登记表.xlsx', layout, total: 2 });
    await settle();
    run.cancel();
    expect(await run.outcome).toEqual({ status: 'cancelled' });
    expect(worker.terminated).toBe(true);
    expect(bridge.exportCancel).toHaveBeenCalledWith('a'.repeat(32));
    worker.reply({ type: 'end', rows: 0, detail: 'x' });
    await settle();
    expect(bridge.exportFinish).not.toHaveBeenCalled();
  });

  it('passes on a failure the worker reports', async () => {
    const { worker, run } = setUp(false);
    worker.reply({ type: 'failed', problem: 'notMonthlyReport', file: '别的表.xlsx' });
    expect(await run.outcome).toEqual({
      status: 'failed',
      problem: 'notMonthlyReport',
      file: '别的表.xlsx',
    });
  });
});
