/**
 * Restoring one case from a backup (issue 10): a desk with cases and their steps is backed up;
 * one case loses steps and another is deleted the way a clerk could (in the browser's storage,
 * past the desk's code); an administrator finds each in the backup, sees what would be appended
 * and confirms: the case pages show the whole history again, the other cases are untouched
 * (checksums of each case's row and events), and the audit log shows the restores. A damaged
 * file and a number the backup lacks are refused with their messages and change nothing; a clerk
 * is offered no such action.
 *
 * Needs a build with the test hooks: `vite build --mode e2e` (see support/print.ts).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { StaffScreen } from './support/accounts';
import { handledSteps, octoberCases } from './support/print-data';
import { appendSteps, nth, registerCases } from './support/print';
import { setUpPropertyDesk } from './support/print-forms';

const OUT = path.resolve('test-results/case-restore');

type CaseChecksums = Record<string, { case: string; events: string }>;
type TableChecksums = Record<string, { count: number; sha256: string }>;

/** The e2e build's hooks (desk-test-hooks.ts), typed here by what this test calls. */
interface Hooks {
  caseChecksums(): Promise<CaseChecksums>;
  tableChecksums(skip: string[]): Promise<TableChecksums>;
}

function caseChecksums(page: Page): Promise<CaseChecksums> {
  return page.evaluate(() => {
    const hooks = (window as unknown as { __deskTest?: Hooks }).__deskTest;
    if (!hooks) throw new Error('no __deskTest: build with --mode e2e');
    return hooks.caseChecksums();
  });
}

function tableChecksums(page: Page): Promise<TableChecksums> {
  return page.evaluate(() => {
    const hooks = (window as unknown as { __deskTest?: Hooks }).__deskTest;
    if (!hooks) throw new Error('no __deskTest: build with --mode e2e');
    return hooks.tableChecksums([]);
  });
}

/**
 * Deletes, in IndexedDB itself (as anyone at the keyboard could with the browser's tools), the
 * events of `caseId` whose type is in `types`, or the case and all its events when `types` is
 * 'all'.
 */
async function damage(page: Page, caseId: string, types: readonly string[] | 'all') {
  return page.evaluate(
    ({ caseId, types }) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('complaint-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['cases', 'events'], 'readwrite');
          let deleted = 0;
          if (types === 'all') tx.objectStore('cases').delete(caseId);
          const cursor = tx.objectStore('events').index('caseId').openCursor(caseId);
          cursor.onsuccess = () => {
            const at = cursor.result;
            if (!at) return;
            const type = (at.value as { type: string }).type;
            if (types === 'all' || types.includes(type)) {
              at.delete();
              deleted++;
            }
            at.continue();
          };
          tx.oncomplete = () => {
            open.result.close();
            resolve(deleted);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { caseId, types },
  );
}

async function openBackupPage(page: Page) {
  await page
    .getByRole('navigation', { name: '主菜单' })
    .getByRole('link', { name: '设置' })
    .click();
  await page.getByRole('link', { name: /备份与恢复/ }).click();
  await expect(page.getByRole('heading', { name: '备份与恢复', level: 1 })).toBeVisible();
}

function caseRegion(page: Page) {
  return page.getByRole('region', { name: '恢复单个案件' });
}

async function findInBackup(page: Page, number: string, file: string) {
  const region = caseRegion(page);
  await region.getByLabel('案件编号').fill(number);
  await region.getByLabel('案件所在的备份（zip）').setInputFiles(file);
  await region.getByRole('button', { name: '在备份中查找此案件' }).click();
}

function timeline(page: Page) {
  return page.getByRole('list', { name: '办理记录' }).getByRole('listitem');
}

test('one case restored from a backup: steps appended, a deleted case recreated, the rest untouched', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await mkdir(OUT, { recursive: true });
  // The download path of the browser build (a picker cannot be driven from a test).
  await page.addInitScript(() => {
    Reflect.deleteProperty(window, 'showSaveFilePicker');
  });
  const desk = await setUpPropertyDesk(page);
  const drafts = octoberCases().slice(0, 6);
  const cases = await registerCases(page, drafts);
  for (const i of [0, 1, 2]) {
    await appendSteps(
      page,
      nth(cases, i).id,
      handledSteps(String(nth(drafts, i).receivedAtLocal), true),
    );
  }
  const damagedCase = nth(cases, 0);
  const deletedCase = nth(cases, 1);
  const before = await caseChecksums(page);
  expect(Object.keys(before)).toHaveLength(6);

  const backupFile = path.join(OUT, 'desk.deskbackup.zip');
  await test.step('back up', async () => {
    await openBackupPage(page);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '立即备份' }).click();
    await (await download).saveAs(backupFile);
    await expect(page.getByRole('status')).toContainText('已备份到');
  });

  await test.step('a case loses two steps and another is deleted, outside the desk', async () => {
    expect(await damage(page, damagedCase.id, ['case/replied', 'case/followedUp'])).toBe(2);
    expect(await damage(page, deletedCase.id, 'all')).toBe(6);
    await page.goto(`/#/cases/${damagedCase.id}`);
    await expect(timeline(page)).toHaveCount(4);
  });

  await test.step('a damaged file and a number not in the backup are refused; nothing changes', async () => {
    const unchanged = await tableChecksums(page);
    const bytes = Buffer.from(await readFile(backupFile));
    // A byte of the events part's compressed data (just after its name in its local header).
    const at = bytes.indexOf('tables/events.ndjson') + 'tables/events.ndjson'.length + 40;
    bytes[at] = (bytes[at] ?? 0) ^ 0x5a;
    const damagedFile = path.join(OUT, 'damaged.deskbackup.zip');
    await writeFile(damagedFile, bytes);

    await openBackupPage(page);
    await findInBackup(page, damagedCase.number, damagedFile);
    await expect(caseRegion(page).getByRole('alert')).toContainText(
      '不能从此文件恢复，本受理台的数据没有改变。',
    );
    await expect(caseRegion(page).getByRole('alert')).toContainText('备份文件已损坏');
    await expect(page.getByRole('button', { name: '恢复此案件' })).toHaveCount(0);
    await desk.screenshot('case-restore-damaged');

    await findInBackup(page, '2610-9999', backupFile);
    await expect(caseRegion(page).getByRole('alert')).toContainText(
      '备份中没有编号为 2610-9999 的案件。',
    );
    await expect(page.getByRole('button', { name: '恢复此案件' })).toHaveCount(0);
    expect(await tableChecksums(page)).toEqual(unchanged);
  });

  await test.step('the damaged case, from its page: two steps appended', async () => {
    await page.goto(`/#/cases/${damagedCase.id}`);
    await page.getByRole('link', { name: '从备份恢复此案件' }).click();
    const region = caseRegion(page);
    await expect(region.getByLabel('案件编号')).toHaveValue(damagedCase.number);
    await region.getByLabel('案件所在的备份（zip）').setInputFiles(backupFile);
    await region.getByRole('button', { name: '在备份中查找此案件' }).click();
    await expect(region.getByRole('status')).toHaveText(
      '将追加 2 条本受理台缺少的办理记录，现有记录保持不变：',
    );
    const missing = region.getByRole('list', { name: '将追加的办理记录' });
    await expect(missing.getByRole('listitem')).toHaveCount(2);
    await expect(missing).toContainText('办结回复');
    await expect(missing).toContainText('回访');
    await desk.screenshot('case-restore-preview');
    await region.getByRole('button', { name: '恢复此案件' }).click();
    const dialog = page.getByRole('dialog', { name: '确认恢复案件' });
    await expect(dialog).toContainText(`将把 2 条办理记录追加到案件 ${damagedCase.number}`);
    await dialog.getByRole('button', { name: '确认恢复' }).click();
    await expect(region.getByRole('status')).toContainText(
      `已恢复案件 ${damagedCase.number}：追加了 2 条办理记录。`,
    );
    await desk.screenshot('case-restore-done');
    await region.getByRole('link', { name: '打开案件' }).click();
    await expect(timeline(page)).toHaveCount(6);
    await expect(page.getByRole('list', { name: '办理记录' })).toContainText('已处理完毕');
    await expect(page.getByText('已修复，业主满意')).toBeVisible();
  });

  await test.step('the deleted case, by its number: recreated', async () => {
    await page.goto(`/#/cases/${deletedCase.id}`);
    await expect(page.getByText('找不到这件投诉或需求')).toBeVisible();
    await page.getByRole('link', { name: '从备份恢复案件' }).click();
    await findInBackup(page, deletedCase.number, backupFile);
    const region = caseRegion(page);
    await expect(region.getByRole('status')).toHaveText(
      '本受理台已没有此案件，将按备份重新建立，追加 6 条办理记录：',
    );
    await region.getByRole('button', { name: '恢复此案件' }).click();
    await page
      .getByRole('dialog', { name: '确认恢复案件' })
      .getByRole('button', { name: '确认恢复' })
      .click();
    await expect(region.getByRole('status')).toContainText(
      `已重新建立案件 ${deletedCase.number}：6 条办理记录。`,
    );
    await region.getByRole('link', { name: '打开案件' }).click();
    await expect(timeline(page)).toHaveCount(6);
  });

  await test.step('every case is as backed up; asking again finds nothing missing', async () => {
    const after = await caseChecksums(page);
    // The restored cases' steps are the backed-up ones, and the other cases were not touched.
    for (const [number, sums] of Object.entries(before)) {
      expect(after[number]?.events, `events of ${number}`).toBe(sums.events);
      if (number !== damagedCase.number && number !== deletedCase.number) {
        expect(after[number]?.case, `case ${number}`).toBe(sums.case);
      }
    }
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    await openBackupPage(page);
    await findInBackup(page, damagedCase.number, backupFile);
    await expect(caseRegion(page).getByRole('status')).toHaveText(
      '本受理台已有此案件在备份中的全部办理记录，无需恢复。',
    );
    await expect(page.getByRole('button', { name: '恢复此案件' })).toHaveCount(0);
  });

  await test.step('the register lists the recreated case; the audit log shows both restores', async () => {
    await desk.goRegister();
    await expect(
      desk.registerTable().getByRole('row').filter({ hasText: deletedCase.number }),
    ).toHaveCount(1);
    await page.goto('/#/settings/audit');
    const rows = page
      .getByRole('table', { name: '审计记录' })
      .getByRole('row')
      .filter({ hasText: '从备份恢复案件' });
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: damagedCase.number })).toContainText('王丽');
    await expect(rows.filter({ hasText: deletedCase.number })).toHaveCount(1);
    await desk.screenshot('case-restore-audit');
  });

  await test.step('a clerk is offered no restore of a case', async () => {
    const staff = new StaffScreen(page);
    await staff.open();
    await staff.add('赵敏', ['受理员/话务员']);
    await staff.setPassword('赵敏', 'clerk-1357');
    await desk.switchOperator('赵敏', 'clerk-1357', 'clerk-2468');
    await page.goto(`/#/cases/${damagedCase.id}`);
    await expect(timeline(page)).toHaveCount(6);
    await expect(page.getByRole('link', { name: '从备份恢复此案件' })).toHaveCount(0);
    await page.goto('/#/settings/backup');
    await expect(page.getByRole('heading', { name: '备份与恢复', level: 1 })).toBeVisible();
    await expect(caseRegion(page)).toHaveCount(0);
    // Nor a restore of the whole desk (an administrator's: the repository refuses it too).
    await expect(page.getByRole('region', { name: '从备份恢复', exact: true })).toHaveCount(0);
    await expect(page.getByRole('button', { name: '立即备份' })).toBeVisible();
  });
});
