import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { Desk } from './support/desk';
import {
  bulkRegister,
  isInPeriod,
  isOverdueAt,
  oldRegister,
  oldRegisterWorkbook,
  type OldCase,
} from './support/register-workbook';

const OUT = path.resolve('test-results/g-exports');
const NOW = '2026-11-25 09:00';
const NOVEMBER = { first: '2026-10-25', last: '2026-11-24' };

/** The import, reports and export screens, driven by their labels as a clerk would. */
class ReportsDesk {
  /** The file the last export saved. */
  lastFile = '';

  constructor(readonly page: Page) {}

  async open(item: '统计报表' | '导入登记表') {
    await this.page
      .getByRole('navigation', { name: '主菜单' })
      .getByRole('link', { name: item })
      .click();
    await expect(this.page.getByRole('heading', { name: item, level: 1 })).toBeVisible();
  }

  async importFile(file: string) {
    await this.page.getByLabel('选择登记表文件').setInputFiles(file);
    await expect(this.page.getByRole('group', { name: '列对应' })).toBeVisible();
    await this.page.getByRole('button', { name: '检查全部行' }).click();
  }

  async pickMonth(label: string) {
    await this.page.getByLabel('统计月份').selectOption({ label });
  }

  /** Clicks an export button and keeps the downloaded workbook. */
  async export(button: string, files: readonly string[] = []): Promise<ExcelJS.Workbook> {
    const page = this.page;
    const download = page.waitForEvent('download');
    if (files.length > 0) {
      await page.getByLabel('选择月报表文件').setInputFiles([...files]);
    } else {
      await page.getByRole('button', { name: button }).click();
    }
    const file = await download;
    const target = path.join(OUT, file.suggestedFilename());
    await file.saveAs(target);
    this.lastFile = target;
    await expect(page.getByText(/^已导出 /)).toBeVisible();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(target);
    return workbook;
  }

  async screenshot(name: string) {
    await this.page.screenshot({ path: `test-results/screens/g-${name}.png`, fullPage: true });
  }
}

function sheetOf(workbook: ExcelJS.Workbook): ExcelJS.Worksheet {
  const sheet = workbook.worksheets.find((ws) => ws.state === 'visible');
  if (!sheet) throw new Error('no visible sheet');
  return sheet;
}

function merges(sheet: ExcelJS.Worksheet): string[] {
  return (sheet.model as { merges?: string[] }).merges ?? [];
}

/** The row whose first cell is `label`, with the value in column `column`. */
function valueBeside(sheet: ExcelJS.Worksheet, label: string, column = 5): ExcelJS.CellValue {
  for (let r = 1; r <= sheet.rowCount; r++) {
    if (sheet.getCell(r, 1).value === label) return sheet.getCell(r, column).value;
  }
  throw new Error(`no row ${label}`);
}

function rowOf(sheet: ExcelJS.Worksheet, text: string): number {
  for (let r = 1; r <= sheet.rowCount; r++) {
    const values = (sheet.getRow(r).values as unknown[]).map((v) => String(v ?? ''));
    if (values.includes(text)) return r;
  }
  throw new Error(`no row with ${text}`);
}

async function newDesk(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 900 },
    acceptDownloads: true,
  });
  return context.newPage();
}

async function writeRegister(name: string, cases: readonly OldCase[]): Promise<string> {
  const file = path.join(OUT, name);
  await writeFile(file, await oldRegisterWorkbook(cases));
  return file;
}

test.describe('the register comes in from Excel, the standard tables go out', () => {
  // The browser build streams the register to a file picked with the File System Access API
  // where the browser has one; a test cannot drive that picker, so it takes the download path.
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      Reflect.deleteProperty(window, 'showSaveFilePicker');
    });
  });
  test.beforeAll(async () => {
    await mkdir(OUT, { recursive: true });
  });

  test('import an old register, then export every table and read it back', async ({
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(240_000);
    const desk = new Desk(page);
    const screens = new ReportsDesk(page);
    const cases = oldRegister(NOW);
    const november = cases.filter((c) => isInPeriod(c, NOVEMBER.first, NOVEMBER.last));

    await test.step('a register with three bad rows is refused, each row with its reason, nothing written', async () => {
      await desk.openAt('2026-11-25T09:00:00');
      await desk.setUp({
        organisation: '阳光花园物业服务中心',
        desk: '一号客服台',
        preset: '物业服务中心',
        operator: '王丽',
      });
      const bad = cases.map((c, i) => {
        if (i === 10) return { ...c, subject: '' };
        if (i === 20) return { ...c, received: '2026-13-01 10:00' };
        if (i === 30) return { ...c, category: '电梯不存在的类别' };
        return c;
      });
      // The bad date cannot be an Excel date: the file carries it as text, as a clerk typed it.
      const file = await writeRegister('register-bad.xlsx', bad);

      await screens.open('导入登记表');
      await screens.importFile(file);
      await expect(
        page.getByRole('status').filter({ hasText: `共 ${cases.length} 行` }),
      ).toContainText(`可以导入 ${cases.length - 3} 行，有问题 3 行`);
      const rejected = page.getByRole('table', { name: '有问题的行' });
      await expect(rejected.getByRole('row')).toHaveCount(1 + 3);
      await expect(rejected.getByRole('row').filter({ hasText: /^15/ })).toContainText('缺少事项');
      await expect(rejected.getByRole('row').filter({ hasText: /^25/ })).toContainText(
        '“受理日期”不是日期：2026-13-01',
      );
      await expect(rejected.getByRole('row').filter({ hasText: /^35/ })).toContainText(
        '“投诉类型”无法识别：电梯不存在的类别',
      );
      await expect(
        page.getByRole('button', { name: `导入 ${cases.length - 3} 件` }),
      ).toBeDisabled();
      await screens.screenshot('import-rejected');
      await desk.goRegister();
      await expect(page.getByText('还没有登记任何投诉或需求。')).toBeVisible();
    });

    await test.step('the fixed register is imported with its original numbers', async () => {
      const file = await writeRegister('register-fixed.xlsx', cases);
      await screens.open('导入登记表');
      await screens.importFile(file);
      await expect(
        page.getByRole('status').filter({ hasText: `共 ${cases.length} 行` }),
      ).toContainText('有问题 0 行');
      await expect(page.getByText('将新建这些承办单位：工程部、保洁部、保安部')).toBeVisible();
      await screens.screenshot('import-clean');
      await page.getByRole('button', { name: `导入 ${cases.length} 件` }).click();
      await expect(page.getByText(`已导入 ${cases.length} 件，原编号保留。`)).toBeVisible();
      await desk.goRegister();
      await expect(page.getByText(new RegExp(`共 ${cases.length} 件`))).toBeVisible();
    });

    await test.step('the reports screen shows November’s figures and charts', async () => {
      await screens.open('统计报表');
      await screens.pickMonth('2026 年 11 月');
      await expect(page.getByTestId('report-range')).toHaveText('统计期：2026-10-25 至 2026-11-24');
      const summary = page.getByRole('definition').first();
      await expect(summary).toHaveText(String(november.length));
      await expect(page.getByRole('figure', { name: '本季度最终原因柏拉图' })).toBeVisible();
      await expect(page.getByRole('figure', { name: '近六个月受理趋势' })).toBeVisible();
      await screens.screenshot('reports');
      await page.screenshot({ path: 'test-results/screens/g-reports-top.png' });
      for (const [name, figure] of [
        ['pareto', '本季度最终原因柏拉图'],
        ['rates', '近六个月按时办结率与满意率'],
        ['units', '本期按承办单位'],
      ] as const) {
        await page
          .getByRole('figure', { name: figure })
          .screenshot({ path: `test-results/screens/g-chart-${name}.png` });
      }
    });

    await test.step('the register: two-level header, merged cells, one row per case, real dates', async () => {
      await page.getByLabel('联系电话脱敏（如 138****0000）').check();
      const sheet = sheetOf(await screens.export('导出登记表'));
      expect(sheet.getCell('A1').value).toBe('客户投诉/需求登记表');
      expect(sheet.getCell('A2').value).toBe(
        '阳光花园物业服务中心　一号客服台　2026-10-25 至 2026-11-24',
      );
      expect(sheet.getRow(3).values).toEqual(
        expect.arrayContaining([
          '序号',
          '客户姓名',
          '客户房号',
          '联系方式',
          '客户投诉、需求事项',
          '受理人',
          '受理时间',
          '投诉、需求类型',
          '处理情况(单据联号)',
          '处理人/接单人',
          '接单时间',
          '返单时间',
          '回访人',
          '回访时间',
          '回访满意度',
        ]),
      );
      expect(sheet.getCell('G4').value).toBe('日期');
      expect(sheet.getCell('H4').value).toBe('时间');
      expect(sheet.getCell('I4').value).toBe('类别');
      expect(sheet.getCell('J4').value).toBe('投诉类型');
      expect(sheet.getCell('K4').value).toBe('需求类型');
      expect(merges(sheet)).toEqual(
        expect.arrayContaining([
          'A1:U1',
          'A2:U2',
          'A3:A4',
          'G3:H3',
          'I3:K3',
          'N3:O3',
          'P3:Q3',
          'S3:T3',
          'U3:U4',
        ]),
      );
      // Exactly the 21 columns of DOMAIN.md section 6: nothing right of 回访满意度.
      expect(sheet.getCell('U3').value).toBe('回访满意度');
      expect(sheet.getCell('V3').value).toBeNull();
      expect(sheet.getCell('V5').value).toBeNull();
      const sorted = [...november].sort((a, b) => a.received.localeCompare(b.received));
      const first = sorted[0] as OldCase;
      expect(sheet.getCell('A5').value).toBe(1);
      expect(sheet.getCell('G5').value).toEqual(
        new Date(`${first.received.slice(0, 10)}T00:00:00Z`),
      );
      expect(sheet.getCell('G5').numFmt).toBe('yyyy-mm-dd');
      expect(sheet.getCell('H5').numFmt).toBe('hh:mm');
      expect(sheet.getCell('D5').value).toMatch(/^139\*{4}\d{4}$/);
      // 处理情况: the number and status, then how the case stands against its deadline, as the
      // register screen says it.
      const [handling, standing] = String(sheet.getCell('L5').value).split('\n');
      expect(handling).toBe(`${first.number}（已受理）`);
      expect(standing).toMatch(
        isOverdueAt(first, NOW)
          ? /^已超期（超期 \d+ 个工作日）$/
          : /^(未到期|即将到期)（剩余 .+）$/,
      );
      const lastRow = 4 + november.length;
      expect(sheet.getCell(`A${lastRow}`).value).toBe(november.length);
      expect(sheet.getCell(`A${lastRow + 1}`).value).toBe(`合计：${november.length} 件`);
      expect(sheet.pageSetup).toMatchObject({
        orientation: 'landscape',
        paperSize: 9,
        fitToWidth: 1,
        printTitlesRow: '3:4',
      });
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    });

    await test.step('the monthly report: the figures of the period, summed by the counting rules', async () => {
      const workbook = await screens.export('导出月报表');
      const sheet = sheetOf(workbook);
      expect(sheet.getCell('A1').value).toBe('客户投诉/需求信息月报表');
      expect(merges(sheet)).toContain('A1:H1');
      expect(valueBeside(sheet, '受理事项（按事项计）')).toBe(november.length);
      const complaints = november.filter((c) => c.kind === '投诉').length;
      expect(valueBeside(sheet, '有效投诉')).toBe(complaints);
      expect(valueBeside(sheet, '需求')).toBe(november.length - complaints);
      // Timeliness counts the reply: a case back in remedial work was still replied on time.
      const overdue = november.filter((c) => !c.replied && isOverdueAt(c, NOW)).length;
      expect(valueBeside(sheet, '超期未办结')).toBe(overdue);
      const followedUp = november.filter((c) => c.followedUp).length;
      expect(valueBeside(sheet, '已回访')).toBe(followedUp);
      expect(workbook.getWorksheet('report-data')?.state).toBe('hidden');
    });

    await test.step('the quarterly analysis: trend, Pareto with cumulative shares', async () => {
      const sheet = sheetOf(await screens.export('导出季度分析'));
      expect(sheet.getCell('A1').value).toBe('客户投诉/需求季度分析');
      const header = rowOf(sheet, '累计占比');
      const causes = cases.filter((c) => c.cause && isInPeriod(c, '2026-09-25', '2026-12-24'));
      const counts = new Map<string, number>();
      for (const c of causes) counts.set(c.cause ?? '', (counts.get(c.cause ?? '') ?? 0) + 1);
      const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
      expect(sheet.getCell(header + 1, 2).value).toBe(top?.[0]);
      expect(sheet.getCell(header + 1, 4).value).toBe(top?.[1]);
      const last = header + counts.size;
      expect(sheet.getCell(last, 6).value).toBeCloseTo(1, 10);
      expect(sheet.getCell(last + 1, 4).value).toBe(causes.length);
    });

    await test.step('the overdue and follow-up lists', async () => {
      const overdue = sheetOf(await screens.export('导出超期清单'));
      const expectedOverdue = cases.filter((c) => isOverdueAt(c, NOW)).length;
      expect(overdue.getCell('A1').value).toBe('超期事项清单');
      expect(overdue.getCell(`A${3 + expectedOverdue}`).value).toBe(expectedOverdue);
      expect(overdue.getCell(`A${4 + expectedOverdue}`).value).toBe(`合计：${expectedOverdue}`);
      expect(overdue.getCell('J4').value).toBeInstanceOf(Date);
      const followUps = sheetOf(await screens.export('导出待回访清单'));
      const pending = cases.filter((c) => c.replied && !c.followedUp).length;
      expect(followUps.getCell('A1').value).toBe('待回访清单');
      expect(followUps.getCell(`A${4 + pending}`).value).toBe(`合计：${pending}`);
    });

    await test.step('a group report sums two desks’ monthly reports', async () => {
      const mine = path.join(OUT, '月报表-2026-11.xlsx');
      const other = await newDesk(browser, baseURL);
      const second = new Desk(other);
      await second.openAt('2026-11-25T09:30:00');
      await second.setUp({
        organisation: '阳光花园物业服务中心',
        desk: '二号客服台',
        preset: '物业服务中心',
        operator: '李强',
      });
      const few = oldRegister(NOW)
        .slice(0, 40)
        .map((c) => ({ ...c, number: `B-${c.number}` }));
      const otherScreens = new ReportsDesk(other);
      await otherScreens.open('导入登记表');
      await otherScreens.importFile(await writeRegister('register-desk2.xlsx', few));
      await other.getByRole('button', { name: `导入 ${few.length} 件` }).click();
      await expect(other.getByText(`已导入 ${few.length} 件`)).toBeVisible();
      await otherScreens.open('统计报表');
      await otherScreens.pickMonth('2026 年 11 月');
      const theirs = path.join(OUT, 'desk2-monthly.xlsx');
      const download = other.waitForEvent('download');
      await other.getByRole('button', { name: '导出月报表' }).click();
      await (await download).saveAs(theirs);
      await other.context().close();

      const sheet = sheetOf(await screens.export('', [mine, theirs]));
      expect(sheet.getCell('A1').value).toBe('客户投诉/需求信息汇总月报表');
      const theirNovember = few.filter((c) => isInPeriod(c, NOVEMBER.first, NOVEMBER.last)).length;
      expect(valueBeside(sheet, '受理事项（按事项计）')).toBe(november.length + theirNovember);
      expect(sheet.getCell(rowOf(sheet, '一号客服台'), 1).value).toBe('一号客服台');
      expect(sheet.getCell(rowOf(sheet, '二号客服台'), 1).value).toBe('二号客服台');

      // The same desk twice would count it twice: refused with a reason.
      await page.getByLabel('选择月报表文件').setInputFiles([mine, mine]);
      await expect(
        page.getByRole('region', { name: '导出 Excel' }).getByRole('alert'),
      ).toContainText('“一号客服台”的月报表选了两次');
      await screens.screenshot('group-refused');
    });
  });

  test('a large register exports off the UI thread, with progress, and can be cancelled', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const desk = new Desk(page);
    const screens = new ReportsDesk(page);
    await desk.openAt('2026-11-25T09:00:00');
    await desk.setUp({
      organisation: '阳光花园物业服务中心',
      desk: '一号客服台',
      preset: '物业服务中心',
      operator: '王丽',
    });
    const cases = bulkRegister(6000);
    await screens.open('导入登记表');
    await screens.importFile(await writeRegister('register-bulk.xlsx', cases));
    await expect(page.getByRole('status').filter({ hasText: '共 6000 行' })).toContainText(
      '有问题 0 行',
      { timeout: 60_000 },
    );
    await page.getByRole('button', { name: '导入 6000 件' }).click();
    await expect(page.getByText('已导入 6000 件，原编号保留。')).toBeVisible({ timeout: 60_000 });

    await screens.open('统计报表');
    await screens.pickMonth('2026 年 11 月');
    let downloaded = false;
    page.on('download', () => {
      downloaded = true;
    });
    await page.getByRole('button', { name: '导出登记表' }).click();
    const dialog = page.getByRole('dialog', { name: '正在导出登记表' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByText(/已处理 \d+ \/ 6000|已处理 6000 条，正在生成文件/)).toBeVisible();
    // While the worker builds the workbook, the page answers at once.
    const started = Date.now();
    await page.evaluate(() => document.title);
    expect(Date.now() - started).toBeLessThan(500);
    await dialog.screenshot({ path: 'test-results/screens/g-export-progress.png' });
    await dialog.getByRole('button', { name: '取消导出' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('已取消导出，没有保存任何文件。')).toBeVisible();
    await page.waitForTimeout(1000);
    expect(downloaded).toBe(false);

    // Exported to the end, the same register has every row. From 5,000 rows in this build
    // (10,000 in production) it was streamed: written by the worker's zip writer piece by piece,
    // strings inline, where ExcelJS's whole workbook would hold a shared string table.
    const sheet = sheetOf(await screens.export('导出登记表'));
    expect(sheet.getCell(`A${4 + 6000}`).value).toBe(6000);
    expect(sheet.getCell(`A${4 + 6001}`).value).toBe('合计：6000 件');
    expect(sheet.getCell('L5').value).toBe('BK-000001（已办结）\n按时回复');
    const parts = Object.keys(unzipSync(await readFile(screens.lastFile)));
    expect(parts).toContain('xl/worksheets/sheet1.xml');
    expect(parts).not.toContain('xl/sharedStrings.xml');
  });

  test('a CSV saved by older Excel in GBK is read, checked and imported', async ({ page }) => {
    const desk = new Desk(page);
    const screens = new ReportsDesk(page);
    await desk.openAt('2026-11-25T09:00:00');
    await desk.setUp({
      organisation: '阳光花园物业服务中心',
      desk: '一号客服台',
      preset: '物业服务中心',
      operator: '王丽',
    });
    await screens.open('导入登记表');
    const gbk = path.resolve('tests/e2e/fixtures/register-gbk.csv');
    // The fixture is GBK, not UTF-8: the file itself proves it.
    const bytes = await readFile(gbk);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    await screens.importFile(gbk);
    await expect(page.getByText('编码：GBK')).toBeVisible();
    // 诉求摘要 is not a register word: nothing is read as the matter until the clerk says so.
    await expect(page.getByRole('status').filter({ hasText: '共 3 行' })).toContainText(
      '有问题 3 行',
    );
    await expect(page.getByRole('table', { name: '有问题的行' })).toContainText('缺少事项');
    await page.getByLabel('投诉、需求事项').selectOption({ label: '第 5 列：诉求摘要' });
    await page.getByRole('button', { name: '检查全部行' }).click();
    await expect(page.getByRole('status').filter({ hasText: '共 3 行' })).toContainText(
      '有问题 0 行',
    );
    await expect(page.getByRole('table', { name: /将要导入的案件/ })).toContainText('张建国');
    await page.getByRole('button', { name: '导入 3 件' }).click();
    await expect(page.getByText('已导入 3 件，原编号保留。')).toBeVisible();
    await desk.goRegister();
    await expect(page.getByRole('link', { name: '2611-0101' })).toBeVisible();
    await screens.screenshot('import-gbk');

    // The same screens in English, for a look at the second locale.
    await page.getByRole('button', { name: '切换语言' }).click();
    await page
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'Reports' })
      .click();
    await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/g-reports-en.png', fullPage: true });
  });
});
