/**
 * One run of the export benchmark, in its own process so its peak memory is its own:
 *
 *   node export-run.mjs stream|zip|memory ROWS OUT.xlsx
 *
 * `stream`: the Electron main process's streaming export (electron/ipc/export-stream.ts) fed
 * pages of 1,000 rows, as the renderer sends them. `zip`: the browser build's streamed export of
 * a large register (renderer/src/export/xlsx-zip.ts, the worker's code), its pieces written to the
 * file as they come, as the File System Access writer takes them. `memory`: ExcelJS's in-memory
 * workbook, as the browser build's Web Worker builds a small register. Both write the same register sheet (shared/export/) from
 * the same synthetic cases, converted to cells by the same code as the application. Prints one
 * line of JSON: seconds, peak RSS (sampled, and the kernel's maximum), rows, file size.
 */
import { open, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { CaseId, IsoInstant } from '@shared/kernel/brand';
import type { CaseEntity, CaseStatus } from '@shared/model/entities';
import {
  excelLocalClock,
  registerCellValues,
  registerTableLayout,
} from '@shared/export/register-sheet';
import {
  tableSheetEnd,
  tableSheetOptions,
  tableSheetRow,
  tableSheetStart,
  type SheetCellValue,
} from '@shared/export/table-sheet';
import { PROPERTY_PRESET } from '@shared/rules/presets/property';
import type { RegisterContext } from '@shared/register/columns';
import { createExportStreamService } from '../electron/ipc/export-stream';
import { xlsxZipStream } from '../renderer/src/export/xlsx-zip';

const PAGE = 1000;
const START_MS = Date.parse('2026-01-01T00:30:00Z');
const SUBJECTS = [
  '三号楼电梯故障停运两天无人处理',
  '楼道灯不亮，晚上出入不便',
  '小区东门车辆乱停，消防通道被占',
  '二单元楼顶漏水，墙面发霉',
  '垃圾清运不及时，异味严重',
];
const CATEGORIES = ['lift', 'lighting', 'vehiclesParking', 'commonPartsRepair', 'refuse'];
const STATUSES: CaseStatus[] = ['closed', 'replied', 'accepted', 'dispatched', 'registered'];

function iso(ms: number): IsoInstant {
  return new Date(ms).toISOString() as IsoInstant;
}

/** The i-th synthetic case: a mix of kinds and stages, about 300 a day through the year. */
function syntheticCase(i: number): CaseEntity {
  const received = START_MS + i * 97_000;
  const stage = i % 5;
  const isRequest = i % 4 === 3;
  return {
    id: `case-${i}` as CaseId,
    number: `26${String(1 + Math.floor(i / 9000)).padStart(2, '0')}-${String((i % 9000) + 1).padStart(4, '0')}`,
    kindId: isRequest ? 'request' : 'complaint',
    categoryId: isRequest ? 'basicService' : CATEGORIES[i % CATEGORIES.length],
    customer: {
      name: `业主${i % 997}`,
      phone: `139${String(i).padStart(8, '0')}`,
      address: `${(i % 12) + 1}-${(i % 30) + 1}0${(i % 4) + 1}`,
    },
    subject: SUBJECTS[i % SUBJECTS.length] as string,
    receiverName: '王丽',
    receivedAt: iso(received),
    status: STATUSES[stage] as CaseStatus,
    unitName: stage < 4 ? '工程部' : undefined,
    handlerName: stage < 4 ? '李强' : undefined,
    acceptedAt: stage < 3 ? iso(received + 3_600_000) : undefined,
    repliedAt: stage < 2 ? iso(received + 2 * 86_400_000) : undefined,
    followUp:
      stage === 0
        ? {
            state: 'done',
            attempts: 1,
            at: iso(received + 2 * 86_400_000 + 3_600_000),
            byName: '王丽',
            satisfaction: 5,
          }
        : { state: 'notDue', attempts: 0 },
    flags: [],
  } as unknown as CaseEntity;
}

const layout = registerTableLayout({
  rules: PROPERTY_PRESET,
  locale: 'zh-CN',
  organisationName: '阳光花园物业服务中心',
  deskName: '一号客服台',
  periodText: '2026-01-01 至 2026-12-31',
  operatorName: '王丽',
  madeOn: '2026-12-31',
});

function* pages(rows: number): Generator<SheetCellValue[][]> {
  const clock = excelLocalClock('Asia/Shanghai');
  const ctx: Omit<RegisterContext, 'index'> = {
    rules: PROPERTY_PRESET,
    locale: 'zh-CN',
    maskPhones: false,
    statusLabel: (status) => status,
  };
  for (let first = 0; first < rows; first += PAGE) {
    const page: SheetCellValue[][] = [];
    for (let i = first; i < Math.min(rows, first + PAGE); i++) {
      page.push(registerCellValues(syntheticCase(i), { ...ctx, index: i + 1 }, clock));
    }
    yield page;
  }
}

async function streamed(rows: number, out: string): Promise<void> {
  const sender = { id: 1 } as Parameters<ReturnType<typeof createExportStreamService>['begin']>[0];
  const service = createExportStreamService({
    showSaveDialog: async () => ({ canceled: false, filePath: out }),
    documentsDir: () => tmpdir(),
    tempDir: () => path.dirname(out),
    fs: undefined as never,
    locale: 'zh-CN',
    log: (message, detail) => console.error(message, detail),
  });
  const begun = await service.begin(sender, { suggestedName: path.basename(out), layout });
  if (begun.status !== 'started') throw new Error(`begin: ${begun.reason}`);
  for (const page of pages(rows)) {
    const written = await service.rows(sender, begun.token, page);
    if (written.status !== 'written') throw new Error(`rows: ${written.reason}`);
  }
  const saved = await service.finish(sender, begun.token, rows);
  if (saved.status !== 'saved') throw new Error(`finish: ${JSON.stringify(saved)}`);
}

async function zipped(rows: number, out: string): Promise<void> {
  const file = await open(out, 'w');
  try {
    const write = async (chunks: readonly Uint8Array[]) => {
      for (const chunk of chunks) await file.write(chunk);
    };
    const { stream, first } = xlsxZipStream(layout);
    await write(first);
    for (const page of pages(rows)) await write(stream.rows(page));
    await write(stream.end(rows));
  } finally {
    await file.close();
  }
}

async function inMemory(rows: number, out: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(
    layout.sheetName,
    tableSheetOptions(layout) as Partial<ExcelJS.AddWorksheetOptions>,
  );
  tableSheetStart(sheet, layout);
  for (const page of pages(rows)) for (const row of page) tableSheetRow(sheet, layout, row);
  tableSheetEnd(sheet, layout, rows);
  await workbook.xlsx.writeFile(out);
}

const [mode, rowsText, out] = process.argv.slice(2);
const WRITERS = { stream: streamed, zip: zipped, memory: inMemory } as const;
if (!(mode === 'stream' || mode === 'zip' || mode === 'memory') || !rowsText || !out) {
  console.error('usage: export-run.mjs stream|zip|memory ROWS OUT.xlsx');
  process.exit(2);
}
let peak = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 20);
const started = performance.now();
const cpuStarted = process.cpuUsage();
await WRITERS[mode](Number(rowsText), out);
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStarted);
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
console.log(
  JSON.stringify({
    mode,
    rows: Number(rowsText),
    seconds,
    // Processor time (user + system, all threads): less sensitive than wall time to other work
    // sharing the machine.
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakRssMb: peak / 2 ** 20,
    // The kernel's high-water mark (KiB on Linux): catches peaks between two samples.
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    fileMb: (await stat(out)).size / 2 ** 20,
  }),
);
