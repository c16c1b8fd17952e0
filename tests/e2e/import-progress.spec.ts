import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { Desk } from './support/desk';
import { bulkRegister, oldRegisterWorkbook } from './support/register-workbook';

const OUT = path.resolve('test-results/import-progress');
const ROWS = 4000;

/** The desk's table checksums (db/table-checksums.ts), read through the e2e hooks. */
async function checksums(page: Page) {
  return page.evaluate(() => {
    const hooks = (window as unknown as { __deskTest: { tableChecksums(): Promise<unknown> } })
      .__deskTest;
    return hooks.tableChecksums() as Promise<Record<string, { count: number; sha256: string }>>;
  });
}

/**
 * Collects every text the progress lines show (role status, 已检查 / 已写入), however briefly, so
 * the test sees progress that a fast machine shows only for a moment.
 */
async function watchProgress(page: Page) {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __progressSeen: string[] }).__progressSeen = seen;
    const note = () => {
      for (const node of Array.from(document.querySelectorAll('[role="status"]'))) {
        const text = node.textContent ?? '';
        if (/^已(检查|写入) \d+ \/ \d+/.test(text) && seen.at(-1) !== text) seen.push(text);
      }
    };
    new MutationObserver(note).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
}

async function progressSeen(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __progressSeen: string[] }).__progressSeen);
}

test('a large register imports with progress, a cancel leaves the register as it was', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await mkdir(OUT, { recursive: true });
  const file = path.join(OUT, 'register-4000.xlsx');
  await writeFile(file, await oldRegisterWorkbook(bulkRegister(ROWS)));

  const desk = new Desk(page);
  await desk.openAt('2026-11-25T09:00:00');
  await desk.setUp({
    organisation: '阳光花园物业服务中心',
    desk: '一号客服台',
    preset: '物业服务中心',
    operator: '王丽',
  });
  await page
    .getByRole('navigation', { name: '主菜单' })
    .getByRole('link', { name: '导入登记表' })
    .click();
  await page.getByLabel('选择登记表文件').setInputFiles(file);
  await expect(page.getByRole('group', { name: '列对应' })).toBeVisible({ timeout: 60_000 });
  await watchProgress(page);

  await test.step('the check shows rows checked of all', async () => {
    await page.getByRole('button', { name: '检查全部行' }).click();
    await expect(page.getByRole('status').filter({ hasText: `共 ${ROWS} 行` })).toContainText(
      '有问题 0 行',
      { timeout: 120_000 },
    );
    const seen = await progressSeen(page);
    // Title, subtitle and the two header rows come before the data: 4,004 rows in the sheet.
    expect(seen.some((text) => /^已检查 \d+ \/ 4004 行$/.test(text))).toBe(true);
  });

  const before = await checksums(page);
  expect(before.cases?.count).toBe(0);

  await test.step('the write shows cases written of all, and a cancel rolls it back', async () => {
    await page.getByRole('button', { name: `导入 ${ROWS} 件` }).click();
    const bar = page.getByRole('progressbar', { name: '导入进度' });
    await expect(bar).toBeVisible();
    await expect(
      page.getByRole('status').filter({ hasText: /^已写入 \d+ \/ 4000 件$/ }),
    ).toBeVisible();
    // While the worker writes, the page answers at once.
    const started = Date.now();
    await page.evaluate(() => document.title);
    expect(Date.now() - started).toBeLessThan(500);
    await page.screenshot({ path: 'test-results/screens/import-progress.png', fullPage: true });
    await page.getByRole('button', { name: '取消导入' }).click();
    await expect(
      page.getByText('已取消导入，登记表与导入前完全相同，没有写入任何记录。'),
    ).toBeVisible({ timeout: 60_000 });
    await expect(bar).toBeHidden();
    await page.screenshot({ path: 'test-results/screens/import-cancelled.png', fullPage: true });
    expect(await checksums(page)).toEqual(before);
  });

  await test.step('imported again to the end, every case is there', async () => {
    await page.getByRole('button', { name: `导入 ${ROWS} 件` }).click();
    await expect(page.getByText(`已导入 ${ROWS} 件，原编号保留。`)).toBeVisible({
      timeout: 180_000,
    });
    const after = await checksums(page);
    expect(after.cases?.count).toBe(ROWS);
    expect(
      (await progressSeen(page)).filter((text) => text.startsWith('已写入')).length,
    ).toBeGreaterThan(0);
  });
});
