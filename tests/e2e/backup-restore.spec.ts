/**
 * Backups (issue 10): a desk with cases, their steps and its settings is backed up from the
 * settings page (a download in the browser build), the browser's storage is wiped, the desk is
 * restored from the file on the set-up screen, and every table is compared with the one backed
 * up (table checksums, renderer/src/db/table-checksums.ts). A damaged backup is refused and
 * changes nothing; the home screen shows the last backup.
 *
 * Needs a build with the test hooks: `vite build --mode e2e` (see support/print.ts).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { handledSteps, octoberCases } from './support/print-data';
import { appendSteps, nth, registerCases } from './support/print';
import { setUpPropertyDesk } from './support/print-forms';

const OUT = path.resolve('test-results/backup');

type Checksums = Record<string, { count: number; sha256: string }>;

async function checksums(page: Page, skipAuditActions: string[] = []): Promise<Checksums> {
  return page.evaluate((skip) => {
    // The e2e build's hooks (desk-test-hooks.ts); typed here by what this test calls.
    const hooks = (
      window as unknown as {
        __deskTest?: { tableChecksums(skip: string[]): Promise<Checksums> };
      }
    ).__deskTest;
    if (!hooks) throw new Error('no __deskTest: build with --mode e2e');
    return hooks.tableChecksums(skip);
  }, skipAuditActions);
}

function restoreRegion(page: Page) {
  return page.getByRole('region', { name: '从备份恢复' });
}

async function openBackupPage(page: Page) {
  await page
    .getByRole('navigation', { name: '主菜单' })
    .getByRole('link', { name: '设置' })
    .click();
  await page.getByRole('link', { name: /备份与恢复/ }).click();
  await expect(page.getByRole('heading', { name: '备份与恢复', level: 1 })).toBeVisible();
}

const HALF_FILLED = 'complaint-desk~half-filled';

async function databaseNames(page: Page): Promise<string[]> {
  return page.evaluate(async () =>
    (await indexedDB.databases()).map((info) => info.name ?? '').filter(Boolean),
  );
}

/**
 * Records each progress text of a restore's fill; kept in sessionStorage, since the desk reloads
 * itself once the restore is done.
 */
async function fillProgressWatch(page: Page): Promise<void> {
  await page.evaluate(() => {
    sessionStorage.setItem('fillProgressSeen', '[]');
    const note = () => {
      const seen = JSON.parse(sessionStorage.getItem('fillProgressSeen') ?? '[]') as string[];
      for (const node of Array.from(document.querySelectorAll('[role="status"]'))) {
        const text = node.textContent ?? '';
        if (/^已恢复 \d+ \/ \d+ 条记录$/.test(text) && seen.at(-1) !== text) seen.push(text);
      }
      sessionStorage.setItem('fillProgressSeen', JSON.stringify(seen));
    };
    new MutationObserver(note).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
}

async function fillProgressSeen(page: Page): Promise<string[]> {
  return page.evaluate(
    () => JSON.parse(sessionStorage.getItem('fillProgressSeen') ?? '[]') as string[],
  );
}

test.describe('backup and restore', () => {
  test('back up, wipe the browser, restore: every table identical; a damaged file refused', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await mkdir(OUT, { recursive: true });
    // The download path of the browser build (a picker cannot be driven from a test).
    await page.addInitScript(() => {
      Reflect.deleteProperty(window, 'showSaveFilePicker');
    });
    const desk = await setUpPropertyDesk(page);
    const drafts = octoberCases().slice(0, 30);
    const cases = await registerCases(page, drafts);
    for (const [i, c] of cases.entries()) {
      if (i % 3 === 0) {
        await appendSteps(
          page,
          c.id,
          handledSteps(String(nth(drafts, i).receivedAtLocal), i % 6 === 0),
        );
      }
    }
    const before = await checksums(page);
    expect(before.cases?.count).toBe(30);
    expect(before.events?.count).toBeGreaterThan(60);
    expect(before.settings?.count).toBeGreaterThan(3);

    const backupFile = path.join(OUT, 'desk.deskbackup.zip');
    await test.step('back up from the settings page', async () => {
      await expect(page.getByTestId('last-backup')).toContainText('尚未备份');
      await openBackupPage(page);
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: '立即备份' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/^desk-backup-.+-20261030-100000\.deskbackup\.zip$/);
      await file.saveAs(backupFile);
      await expect(page.getByRole('status')).toContainText('已备份到');
      await expect(page.getByTestId('backup-page-last')).toContainText('2026-10-30 10:00');
    });

    await test.step('the home screen shows the last backup', async () => {
      await page
        .getByRole('navigation', { name: '主菜单' })
        .getByRole('link', { name: '首页' })
        .click();
      await expect(page.getByTestId('last-backup')).toHaveText('最近备份：2026-10-30 10:00');
      await desk.screenshot('backup-home-after-backup');
    });

    await test.step('a damaged backup is refused and nothing changes', async () => {
      const unchanged = await checksums(page);
      const bytes = await readFile(backupFile);
      const damaged = Buffer.from(bytes);
      const middle = Math.floor(damaged.length / 2);
      damaged[middle] = (damaged[middle] ?? 0) ^ 0x5a;
      const damagedFile = path.join(OUT, 'damaged.deskbackup.zip');
      await writeFile(damagedFile, damaged);
      const textFile = path.join(OUT, 'not-a-backup.zip');
      await writeFile(textFile, 'this is not a backup');

      await openBackupPage(page);
      await page.getByLabel('备份文件').setInputFiles(damagedFile);
      await expect(restoreRegion(page).getByRole('alert')).toContainText(
        '不能恢复此文件，本受理台的数据没有改变。',
      );
      await expect(page.getByRole('button', { name: '恢复此备份' })).toHaveCount(0);
      await desk.screenshot('backup-damaged-refused');
      await page.getByLabel('备份文件').setInputFiles(textFile);
      await expect(restoreRegion(page).getByRole('alert')).toContainText('这不是备份文件');
      expect(await checksums(page)).toEqual(unchanged);
    });

    await test.step('wipe the browser storage', async () => {
      await page.evaluate(async () => {
        localStorage.clear();
        for (const info of await indexedDB.databases()) {
          if (!info.name) continue;
          await new Promise<void>((resolve, reject) => {
            const request = indexedDB.deleteDatabase(info.name ?? '');
            request.onsuccess = () => resolve();
            request.onerror = () => reject(request.error);
          });
        }
      });
      await page.reload();
      await expect(page.getByRole('heading', { name: '首次设置' })).toBeVisible();
    });

    await test.step('restore on the set-up screen', async () => {
      await page.getByLabel('备份文件').setInputFiles(backupFile);
      await expect(page.getByText('备份文件完整，可以恢复。')).toBeVisible();
      await expect(page.getByRole('table', { name: '各表记录数' })).toContainText('cases30');
      await desk.screenshot('backup-restore-checked');
      await page.getByRole('button', { name: '恢复此备份' }).click();
      await fillProgressWatch(page);
      const dialog = page.getByRole('dialog', { name: '确认恢复' });
      await dialog.getByRole('button', { name: '确认恢复' }).click();
      await expect(page.getByRole('navigation', { name: '主菜单' })).toBeVisible({
        timeout: 30_000,
      });
      // The fill said how far it was, in records of all, up to all of them.
      const seen = await fillProgressSeen(page);
      expect(seen.length).toBeGreaterThan(0);
      const last = /^已恢复 (\d+) \/ (\d+) 条记录$/.exec(seen.at(-1) ?? '');
      expect(last?.[1]).toBe(last?.[2]);
    });

    await test.step('every table is identical to the one backed up', async () => {
      // The restored log has one more entry, the restore itself; nothing else differs.
      const after = await checksums(page, ['backup.restored']);
      expect(after).toEqual(before);
      const withRestore = await checksums(page);
      expect(withRestore.audit?.count).toBe((before.audit?.count ?? 0) + 1);
      await expect(page.getByTestId('last-backup')).toHaveText('最近备份：2026-10-30 10:00');
      await desk.screenshot('backup-home-after-restore');
    });

    await test.step('a restore cut short by a closed window leaves nothing behind', async () => {
      const before = await checksums(page);
      // What a window closed during the fill leaves: a half-filled database, noted as a leftover.
      await page.evaluate(async (name) => {
        await new Promise<void>((resolve, reject) => {
          const request = indexedDB.open(name, 40);
          request.onupgradeneeded = () => {
            request.result.createObjectStore('cases', { keyPath: 'id' }).put({ id: 'half' });
          };
          request.onsuccess = () => {
            request.result.close();
            resolve();
          };
          request.onerror = () => reject(request.error);
        });
        localStorage.setItem('complaint-desk.leftovers', JSON.stringify([name]));
      }, HALF_FILLED);
      expect(await databaseNames(page)).toContain(HALF_FILLED);
      await page.reload();
      await expect(page.getByRole('navigation', { name: '主菜单' })).toBeVisible();
      await expect.poll(() => databaseNames(page)).not.toContain(HALF_FILLED);
      expect(
        await page.evaluate(() => localStorage.getItem('complaint-desk.leftovers')),
      ).toBeNull();
      expect(await checksums(page)).toEqual(before);
    });
  });
});
