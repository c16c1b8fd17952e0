import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { Desk } from './support/desk';
import {
  dayPlus,
  isInPeriod,
  isWeekday,
  oldRegisterWorkbook,
  weekdaysAfter,
  type OldCase,
} from './support/register-workbook';

const OUT = path.resolve('test-results/p13-periods');

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * A year of a desk's register: a case every fourth day from 2025-12-20 (the last days of the
 * 2025 report year, then 2026's), then from 2026-05-25 a busy half year whose weekdays carry one
 * to three cases depending on the month. Every fourth case is a request.
 */
function periodsRegister(): OldCase[] {
  const cases: OldCase[] = [];
  let i = 0;
  let n = 0;
  for (let day = '2025-12-20'; day <= '2026-11-24'; day = dayPlus(day, 1), n++) {
    const busy = day >= '2026-05-25';
    const perDay = !busy
      ? n % 4 === 0
        ? 1
        : 0
      : isWeekday(day)
        ? 1 + (Number(day.slice(5, 7)) % 3)
        : 1;
    for (let k = 0; k < perDay; k++, i++) {
      const isRequest = i % 4 === 3;
      cases.push({
        number: `RP-${pad(i + 1, 5)}`,
        name: `业主${pad(i % 500, 3)}`,
        room: `${(i % 12) + 1}-${pad((i % 30) + 1)}01`,
        phone: `136${pad(i, 8)}`,
        subject: isRequest ? `${i}号申请疏通下水道` : `${i}号反映：电梯异响`,
        received: `${day} ${pad(8 + (i % 9))}:${pad((i * 7) % 60)}`,
        kind: isRequest ? '需求' : '投诉',
        category: isRequest ? '基础服务' : '设备管理/电梯',
        handler: '工程部/李强',
        replied: i % 3 === 0 && day <= '2026-11-18' ? `${weekdaysAfter(day, 2)} 15:00` : undefined,
      });
    }
  }
  return cases;
}

/** The headline figures of a period, counted here from the rows (each case is its own matter). */
function expectedFigures(cases: readonly OldCase[], first: string, last: string) {
  const inside = cases.filter((c) => isInPeriod(c, first, last));
  const complaints = inside.filter((c) => c.kind === '投诉').length;
  return { matters: inside.length, complaints, requests: inside.length - complaints };
}

/** Imports an old register through the import screen (the desk's own way to add many cases). */
async function importRegister(page: Page, cases: readonly OldCase[], name: string) {
  const file = path.join(OUT, name);
  await writeFile(file, await oldRegisterWorkbook(cases));
  await page
    .getByRole('navigation', { name: '主菜单' })
    .getByRole('link', { name: '导入登记表' })
    .click();
  await page.getByLabel('选择登记表文件').setInputFiles(file);
  await expect(page.getByRole('group', { name: '列对应' })).toBeVisible();
  await page.getByRole('button', { name: '检查全部行' }).click();
  await expect(page.getByRole('status').filter({ hasText: `共 ${cases.length} 行` })).toContainText(
    '有问题 0 行',
  );
  await page.getByRole('button', { name: `导入 ${cases.length} 件` }).click();
  await expect(page.getByText(`已导入 ${cases.length} 件，原编号保留。`)).toBeVisible({
    timeout: 30_000,
  });
}

/** The reports screen, driven by its labels. */
class ReportsScreen {
  constructor(readonly page: Page) {}

  figures() {
    return this.page.getByTestId('report-figures');
  }

  summary(term: string) {
    return this.page
      .getByRole('definition')
      .and(this.page.locator(`xpath=//dt[normalize-space()='${term}']/following-sibling::dd[1]`));
  }

  /**
   * Remembers, from now on, every busy indicator the screen puts up (its label), and every note
   * that the figures shown are being updated, however short: a few hundred cases are counted in
   * tens of milliseconds.
   */
  async watchBusy() {
    await this.page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { busySeen: string[] }).busySeen = seen;
      const observer = new MutationObserver((records) => {
        for (const record of records) {
          for (const node of Array.from(record.addedNodes)) {
            if (!(node instanceof HTMLElement)) continue;
            const busy = node.matches('[data-testid="report-busy"]')
              ? node
              : node.querySelector('[data-testid="report-busy"]');
            if (busy) seen.push(busy.getAttribute('aria-label') ?? '');
            // The note over kept figures no longer valid, shown while they are counted again.
            const stale = node.matches('[data-testid="report-stale"]')
              ? node
              : node.querySelector('[data-testid="report-stale"]');
            if (stale) seen.push(`stale: ${stale.textContent ?? ''}`);
          }
        }
      });
      observer.observe(document.body, { childList: true, subtree: true });
    });
  }

  /** The busy indicators put up since the last call. */
  async busySince(): Promise<string[]> {
    return this.page.evaluate(() => {
      const holder = window as unknown as { busySeen: string[] };
      return holder.busySeen.splice(0);
    });
  }

  /** Waits until the view is counted; returns how many of its pieces were counted afresh. */
  async settled(): Promise<number> {
    await expect(this.figures()).toHaveAttribute('aria-busy', 'false');
    await expect(this.page.getByTestId('report-busy')).toBeHidden();
    return Number(await this.figures().getAttribute('data-counted'));
  }

  async expectFigures(expected: ReturnType<typeof expectedFigures>) {
    await expect(this.summary('受理事项')).toHaveText(String(expected.matters));
    await expect(this.summary('有效投诉')).toHaveText(String(expected.complaints));
    await expect(this.summary('需求')).toHaveText(String(expected.requests));
  }

  async screenshot(name: string) {
    await this.page.screenshot({
      path: `test-results/screens/p13-periods-${name}.png`,
      fullPage: true,
    });
  }
}

test('report periods: counted off the UI thread with a busy indicator, the right figures, seen periods kept', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await mkdir(OUT, { recursive: true });
  const desk = new Desk(page);
  const screen = new ReportsScreen(page);
  const cases = periodsRegister();
  expect(cases.length).toBeGreaterThan(300);

  await test.step('a desk with a year of cases, imported from its old register', async () => {
    await desk.openAt('2026-11-25T09:00:00');
    await desk.setUp({
      organisation: '阳光花园物业服务中心',
      desk: '一号客服台',
      preset: '物业服务中心',
      operator: '王丽',
    });
    await importRegister(page, cases, 'register-year.xlsx');
  });

  await screen.watchBusy();

  await test.step('统计报表 opens on the current period (December’s, still empty)', async () => {
    await page
      .getByRole('navigation', { name: '主菜单' })
      .getByRole('link', { name: '统计报表' })
      .click();
    await expect(page.getByRole('heading', { name: '统计报表', level: 1 })).toBeVisible();
    expect(await screen.settled()).toBeGreaterThan(0);
    await expect(page.getByTestId('report-range')).toHaveText('统计期：2026-11-25 至 2026-12-24');
    await screen.expectFigures({ matters: 0, complaints: 0, requests: 0 });
    expect(await screen.busySince()).toContain('正在计算 2026 年 12 月的统计……');
  });

  await test.step('November, then October: counted, busy meanwhile, the right figures', async () => {
    for (const [month, first, last] of [
      [11, '2026-10-25', '2026-11-24'],
      [10, '2026-09-25', '2026-10-24'],
    ] as const) {
      await page.getByLabel('统计月份').selectOption({ label: `2026 年 ${month} 月` });
      await expect(page.getByTestId('report-range')).toHaveText(`统计期：${first} 至 ${last}`);
      expect(await screen.settled()).toBeGreaterThan(0);
      expect(await screen.busySince()).toContain(`正在计算 2026 年 ${month} 月的统计……`);
      await screen.expectFigures(expectedFigures(cases, first, last));
      await expect(page.getByRole('figure', { name: '近六个月受理趋势' })).toBeVisible();
      await screen.screenshot(`month-${month}`);
    }
  });

  await test.step('calendar months: October, then November from the 1st to the 30th', async () => {
    await page.getByLabel('统计口径').selectOption({ label: '自然月' });
    await expect(page.getByTestId('report-range')).toHaveText('统计期：2026-10-01 至 2026-10-31');
    expect(await screen.settled()).toBeGreaterThan(0);
    expect(await screen.busySince()).toContain('正在计算 2026 年 10 月的统计……');
    await screen.expectFigures(expectedFigures(cases, '2026-10-01', '2026-10-31'));
    await screen.screenshot('calendar-october');
    // November was counted for October's quarter (the Pareto): it comes from the kept figures.
    await page.getByLabel('统计月份').selectOption({ label: '2026 年 11 月' });
    await expect(page.getByTestId('report-range')).toHaveText('统计期：2026-11-01 至 2026-11-30');
    expect(await screen.settled()).toBe(0);
    await screen.expectFigures(expectedFigures(cases, '2026-11-01', '2026-11-30'));
    await screen.screenshot('calendar-november');
    await screen.busySince();
  });

  await test.step('back to the report period of November: answered from the kept figures', async () => {
    await page.getByLabel('统计口径').selectOption({ label: '报告期（上月25日至本月24日）' });
    await expect(page.getByTestId('report-range')).toHaveText('统计期：2026-10-25 至 2026-11-24');
    expect(await screen.settled()).toBe(0);
    await screen.expectFigures(expectedFigures(cases, '2026-10-25', '2026-11-24'));
    await screen.busySince();
  });

  await test.step('quarters: the fourth, then the third', async () => {
    await page.getByLabel('报表类型').selectOption({ label: '季度报表' });
    await expect(page.getByTestId('report-range')).toHaveText('统计期：2026-09-25 至 2026-12-24');
    expect(await screen.settled()).toBeGreaterThan(0);
    expect(await screen.busySince()).toContain('正在计算 2026 年第 4 季度的统计……');
    await screen.expectFigures(expectedFigures(cases, '2026-09-25', '2026-12-24'));
    await screen.screenshot('quarter-4');
    await page.getByLabel('统计季度').selectOption({ label: '2026 年第 3 季度' });
    await expect(page.getByTestId('report-range')).toHaveText('统计期：2026-06-25 至 2026-09-24');
    expect(await screen.settled()).toBeGreaterThan(0);
    expect(await screen.busySince()).toContain('正在计算 2026 年第 3 季度的统计……');
    await screen.expectFigures(expectedFigures(cases, '2026-06-25', '2026-09-24'));
    await screen.screenshot('quarter-3');
  });

  await test.step('years: 2026 (twelve report periods), then 2025', async () => {
    await page.getByLabel('报表类型').selectOption({ label: '年度报表' });
    await expect(page.getByTestId('report-range')).toHaveText('统计期：2025-12-25 至 2026-12-24');
    const counted = await screen.settled();
    // Its months from June on were counted for the months and quarters above.
    expect(counted).toBeGreaterThan(0);
    expect(counted).toBeLessThan(12);
    expect(await screen.busySince()).toContain('正在计算 2026 年的统计……');
    await screen.expectFigures(expectedFigures(cases, '2025-12-25', '2026-12-24'));
    await screen.screenshot('year-2026');
    await page.getByLabel('统计年度').selectOption({ label: '2025 年' });
    await expect(page.getByTestId('report-range')).toHaveText('统计期：2024-12-25 至 2025-12-24');
    expect(await screen.settled()).toBe(12);
    await screen.expectFigures(expectedFigures(cases, '2024-12-25', '2025-12-24'));
    expect(expectedFigures(cases, '2024-12-25', '2025-12-24').matters).toBeGreaterThan(0);
    await screen.screenshot('year-2025');
  });

  await test.step('periods seen before come back from the kept figures, still right', async () => {
    await page.getByLabel('统计年度').selectOption({ label: '2026 年' });
    expect(await screen.settled()).toBe(0);
    await screen.expectFigures(expectedFigures(cases, '2025-12-25', '2026-12-24'));
    await page.getByLabel('报表类型').selectOption({ label: '季度报表' });
    await expect(page.getByTestId('report-range')).toHaveText('统计期：2026-09-25 至 2026-12-24');
    expect(await screen.settled()).toBe(0);
    await screen.expectFigures(expectedFigures(cases, '2026-09-25', '2026-12-24'));
  });

  await test.step('after a reload, the periods seen come back from the database, uncounted', async () => {
    await page.getByLabel('报表类型').selectOption({ label: '月报' });
    await page.getByLabel('统计月份').selectOption({ label: '2026 年 6 月' });
    await expect(page.getByTestId('report-range')).toHaveText('统计期：2026-05-25 至 2026-06-24');
    await screen.settled();
    await page.reload();
    await expect(page.getByRole('heading', { name: '统计报表', level: 1 })).toBeVisible();
    await screen.watchBusy();
    // December's view (and its trend and quarter) was counted by the page before.
    expect(await screen.settled()).toBe(0);
    await screen.expectFigures({ matters: 0, complaints: 0, requests: 0 });
    await page.getByLabel('统计月份').selectOption({ label: '2026 年 6 月' });
    await expect(page.getByTestId('report-range')).toHaveText('统计期：2026-05-25 至 2026-06-24');
    expect(await screen.settled()).toBe(0);
    await screen.expectFigures(expectedFigures(cases, '2026-05-25', '2026-06-24'));
    await expect(page.getByTestId('report-stale')).toBeHidden();
    expect((await screen.busySince()).filter((seen) => seen.startsWith('stale:'))).toEqual([]);
  });

  await test.step('a new case in June: its kept figures show as being updated, then the new ones', async () => {
    const june: OldCase = {
      number: 'RP-90001',
      name: '业主补录',
      room: '3-0801',
      phone: '13699990001',
      subject: '补录：电梯异响',
      received: '2026-06-10 10:30',
      kind: '投诉',
      category: '设备管理/电梯',
      handler: '工程部/李强',
    };
    await importRegister(page, [june], 'register-june.xlsx');
    await page
      .getByRole('navigation', { name: '主菜单' })
      .getByRole('link', { name: '统计报表' })
      .click();
    await screen.settled();
    await screen.busySince();
    await page.getByLabel('统计月份').selectOption({ label: '2026 年 6 月' });
    await expect(page.getByTestId('report-range')).toHaveText('统计期：2026-05-25 至 2026-06-24');
    // June alone is counted again; its kept figures were on screen meanwhile, saying so.
    expect(await screen.settled()).toBe(1);
    expect(await screen.busySince()).toContain(
      'stale: 正在更新统计……以下是上次算出的数字，有案件变动或日期已过，新数字算好后自动替换。',
    );
    await screen.expectFigures(expectedFigures([...cases, june], '2026-05-25', '2026-06-24'));
    await expect(page.getByTestId('report-stale')).toBeHidden();
  });
});
