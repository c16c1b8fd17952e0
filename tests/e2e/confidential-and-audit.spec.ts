import { expect, test, type Page } from '@playwright/test';
import { StaffScreen } from './support/accounts';
import { Desk } from './support/desk';
import { registerCases } from './support/print';

/**
 * Confidential cases (DOMAIN.md section 8) are masked at the repository: a clerk reaches none of
 * a confidential report's identity or content by any path (register, search, the queue, the
 * case page by its address, customer files, the intake side panel, printing), a supervisor
 * reads it, and the view is in the audit log, whose hash chain names an entry edited in
 * IndexedDB.
 */

const SECRET = {
  customerName: '吴举报',
  phone: '13966667777',
  address: '8-2-801',
  subject: '举报夜班保安收取装修押金',
  content: '夜班保安收押金不开票',
};
/** Text that must never reach the clerk. */
const HIDDEN = [SECRET.customerName, SECRET.phone, SECRET.address, '装修押金', '不开票'];

async function expectNothingHidden(page: Page) {
  const text = (await page.locator('body').innerText()) ?? '';
  for (const secret of HIDDEN) expect(text, `the clerk sees “${secret}”`).not.toContain(secret);
}

test('a clerk cannot reach a confidential case; a supervisor can, and the view is audited', async ({
  page,
}) => {
  const desk = new Desk(page);
  await desk.openAt('2026-11-04T09:00:00');
  await desk.setUp({
    organisation: '阳光花园物业服务中心',
    desk: '一号客服台',
    preset: '物业服务中心',
    operator: '王丽',
  });
  const staff = new StaffScreen(page);
  await staff.open();
  await staff.add('赵敏', ['受理员/话务员']);
  await staff.setPassword('赵敏', 'clerk-1357');
  await staff.add('周洁', ['办公室/品管']);
  await staff.setPassword('周洁', 'super-1357');

  const [secret] = await registerCases(page, [
    {
      ...SECRET,
      kindId: 'complaint',
      flags: ['confidential'],
      receivedAtLocal: '2026-11-04T08:30',
    },
  ]);
  if (!secret) throw new Error('no case');

  await test.step('the clerk signs in', async () => {
    await desk.switchOperator('赵敏', 'clerk-1357', 'clerk-2468');
  });

  await test.step('register: the row is there, masked and unlinked; search finds nothing', async () => {
    await desk.goRegister();
    const row = desk.registerTable().getByRole('row').filter({ hasText: secret.number });
    await expect(row).toBeVisible();
    await expect(row.getByRole('link', { name: secret.number })).toHaveCount(0);
    await expectNothingHidden(page);
    await page.getByLabel('搜索', { exact: true }).fill('装修押金');
    await expect(
      desk.registerTable().getByRole('row').filter({ hasText: secret.number }),
    ).toHaveCount(0);
  });

  await test.step('the 待交办 queue lists it masked, without a link', async () => {
    await page.goto('/#/queues/toDispatch');
    await expect(page.getByRole('heading', { name: '待交办' })).toBeVisible();
    await expect(page.getByText(secret.number)).toBeVisible();
    await expect(page.getByRole('link', { name: secret.number })).toHaveCount(0);
    await expectNothingHidden(page);
  });

  await test.step('the case page by its address shows the number only', async () => {
    await page.goto(`/#/cases/${secret.id}`);
    await expect(page.getByText('这是一件保密的投诉或需求')).toBeVisible();
    await expect(page.getByRole('button', { name: '交办' })).toHaveCount(0);
    await expectNothingHidden(page);
    await desk.screenshot('confidential-clerk-case');
  });

  await test.step('customer files: the reporter has none', async () => {
    await page.goto('/#/customers');
    await page.getByLabel('搜索客户').fill(SECRET.phone);
    await page.waitForTimeout(600);
    await expect(page.getByRole('link', { name: SECRET.customerName })).toHaveCount(0);
    await expectNothingHidden(page);
  });

  await test.step('intake: neither a file nor a duplicate for the reporter’s phone', async () => {
    await desk.goIntake();
    await page.getByLabel('联系电话').fill(SECRET.phone);
    await page.getByLabel('主题').fill('押金');
    await page.waitForTimeout(800);
    await expectNothingHidden(page);
  });

  await test.step('printing its case form gives nothing to print', async () => {
    await page.goto(`/#/print/handlingRecord?cases=${secret.id}`);
    await expect(page.getByText('找不到要打印的投诉或需求。')).toBeVisible();
    await expectNothingHidden(page);
  });

  await test.step('exports: a clerk has no export (the register export masks for others)', async () => {
    await expect(
      page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '统计报表' }),
    ).toHaveCount(0);
  });

  await test.step('the supervisor reads it, and the view is in the audit log', async () => {
    await desk.switchOperator('周洁', 'super-1357', 'super-2468');
    await page.goto(`/#/cases/${secret.id}`);
    await expect(page.getByText(SECRET.content)).toBeVisible();
    await expect(page.getByText(SECRET.phone)).toBeVisible();
    await page.goto('/#/settings/audit');
    await expect(page.getByRole('heading', { name: '审计日志' })).toBeVisible();
    const table = page.getByRole('table', { name: '审计记录' });
    await expect(
      table.getByRole('row').filter({ hasText: '查看保密件被拒' }).first(),
    ).toContainText('赵敏');
    await expect(
      table.getByRole('row').filter({ hasText: '查看保密件' }).filter({ hasText: '周洁' }).first(),
    ).toContainText(secret.number);
    await page.getByRole('button', { name: '校验日志' }).click();
    await expect(page.getByRole('status').filter({ hasText: '日志完整' })).toBeVisible();
  });

  await test.step('an entry edited in IndexedDB is named by the check', async () => {
    const edited = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('complaint-desk');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('audit', 'readwrite');
            const store = tx.objectStore('audit');
            const index = store.index('seq');
            const get = index.get(3);
            get.onsuccess = () => {
              const row = get.result as { seq: number; detail?: string };
              store.put({ ...row, detail: 'nothing happened' });
              tx.oncomplete = () => {
                open.result.close();
                resolve(row.seq);
              };
            };
          };
        }),
    );
    await page.getByRole('button', { name: '校验日志' }).click();
    await expect(page.getByRole('status').filter({ hasText: `第 ${edited} 条` })).toContainText(
      '的内容被改动',
    );
    await desk.screenshot('audit-broken');
  });
});

/** A report whose reporter is withheld (隐去举报人): the case is read by all, its reporter is not. */
const WITHHELD = {
  customerName: '钱匿名',
  phone: '13855554444',
  address: '3-1-502',
  subject: '地下车库照明长期不亮',
  content: '车库B区灯管坏了一个月无人更换',
};

test('a withheld reporter: a clerk reads the case without its reporter; a supervisor reads it all', async ({
  page,
}) => {
  const desk = new Desk(page);
  await desk.openAt('2026-11-04T09:00:00');
  await desk.setUp({
    organisation: '阳光花园物业服务中心',
    desk: '一号客服台',
    preset: '物业服务中心',
    operator: '王丽',
  });
  const staff = new StaffScreen(page);
  await staff.open();
  await staff.add('赵敏', ['受理员/话务员']);
  await staff.setPassword('赵敏', 'clerk-1357');
  await staff.add('周洁', ['办公室/品管']);
  await staff.setPassword('周洁', 'super-1357');
  const [withheld] = await registerCases(page, [
    {
      ...WITHHELD,
      kindId: 'complaint',
      flags: ['reporterWithheld'],
      receivedAtLocal: '2026-11-04T08:40',
    },
  ]);
  if (!withheld) throw new Error('no case');
  const reporter = [WITHHELD.customerName, WITHHELD.phone, WITHHELD.address];
  const expectNoReporter = async () => {
    const text = await page.locator('body').innerText();
    for (const secret of reporter) expect(text, `the clerk sees “${secret}”`).not.toContain(secret);
  };

  await desk.switchOperator('赵敏', 'clerk-1357', 'clerk-2468');

  await test.step('clerk, register: the case and its subject, not its reporter', async () => {
    await desk.goRegister();
    const row = desk.registerTable().getByRole('row').filter({ hasText: withheld.number });
    await expect(row).toContainText(WITHHELD.subject);
    await expectNoReporter();
  });

  await test.step('clerk, search: the reporter’s name and phone find nothing', async () => {
    for (const term of [WITHHELD.customerName, WITHHELD.phone]) {
      await page.getByLabel('搜索', { exact: true }).fill(term);
      await expect(desk.registerTable().getByText('地下车库')).toHaveCount(0);
      await expect(
        desk.registerTable().getByRole('row').filter({ hasText: withheld.number }),
      ).toHaveCount(0);
      await expectNoReporter();
    }
  });

  await test.step('clerk, case page: content and steps, the reporter withheld', async () => {
    await page.goto(`/#/cases/${withheld.id}`);
    await expect(page.getByText(WITHHELD.content)).toBeVisible();
    await expect(page.getByText('隐去举报人').first()).toBeVisible();
    await expectNoReporter();
    await desk.screenshot('withheld-clerk-case');
  });

  await test.step('the supervisor reads the reporter on the register, by search and on the page', async () => {
    await desk.switchOperator('周洁', 'super-1357', 'super-2468');
    await desk.goRegister();
    await page.getByLabel('搜索', { exact: true }).fill(WITHHELD.phone);
    await expect(
      desk.registerTable().getByRole('row').filter({ hasText: withheld.number }),
    ).toContainText(WITHHELD.customerName);
    await page.goto(`/#/cases/${withheld.id}`);
    await expect(page.getByText(WITHHELD.phone)).toBeVisible();
    await expect(page.getByText(WITHHELD.customerName).first()).toBeVisible();
    await desk.screenshot('withheld-supervisor-case');
  });
});
