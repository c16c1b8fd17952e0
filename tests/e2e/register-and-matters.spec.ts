import { expect, test, type Page } from '@playwright/test';
import { Desk } from './support/desk';
import { dateFieldValue, fillDateField } from './support/date-field';

/** One case as a clerk types it at intake. */
interface Intake {
  readonly name: string;
  readonly phone: string;
  readonly room: string;
  readonly kind: '投诉' | '需求';
  readonly category: string;
  readonly subject: string;
  /** Local Beijing time the case was received, when not now. */
  readonly receivedAt?: string;
}

const SUBJECTS: readonly [string, string][] = [
  ['设备管理', '电梯按钮失灵'],
  ['环境管理', '垃圾桶满了无人清运'],
  ['秩序管理', '地下车库车辆乱停'],
  ['房屋管理', '外墙瓷砖脱落'],
  ['设备管理', '楼道灯不亮'],
  ['综合服务', '前台服务态度差'],
];

/** About thirty cases: a spread of kinds, days, customers; seven mention a lift (电梯). */
function caseList(): Intake[] {
  const list: Intake[] = [];
  for (let i = 0; i < 27; i++) {
    const [category, subject] = SUBJECTS[i % SUBJECTS.length] ?? ['设备管理', '其他'];
    const request = i % 5 === 4;
    list.push({
      name: `业主${String(i + 1).padStart(2, '0')}`,
      phone: `1390000${String(i + 1).padStart(4, '0')}`,
      room: `${(i % 9) + 1}-${String(100 + i)}`,
      kind: request ? '需求' : '投诉',
      category: request ? '基础服务' : category,
      subject: `${subject}（${i + 1}号）`,
      // Ten days of cases: the oldest are past their five-working-day deadline.
      receivedAt: `2026-10-${String(8 + (i % 3)).padStart(2, '0')}T09:${String(10 + i).padStart(2, '0')}`,
    });
  }
  // One caller, three times: before the holiday (overdue now), just before it, and today.
  const zhang = { name: '张建国', phone: '13812345678', room: '3-1502', kind: '投诉' as const };
  list.push({
    ...zhang,
    category: '设备管理',
    subject: '三号楼电梯故障停运',
    receivedAt: '2026-09-21T09:00',
  });
  list.push({
    ...zhang,
    category: '环境管理',
    subject: '楼下绿化带积水',
    receivedAt: '2026-09-30T15:00',
  });
  list.push({ ...zhang, category: '设备管理', subject: '电梯异响' });
  return list;
}

async function registerCase(page: Page, c: Intake) {
  await page.getByLabel('客户姓名').fill(c.name);
  await page.getByLabel('联系电话').fill(c.phone);
  await page.getByLabel('客户房号').fill(c.room);
  await page.getByLabel('类型').selectOption({ label: c.kind });
  await page.getByLabel('类别').selectOption({ label: c.category });
  await page.getByLabel('主题').fill(c.subject);
  if (c.receivedAt) await fillDateField(page.getByLabel('受理时间'), c.receivedAt);
  await page.getByLabel('主题').press('Control+Enter');
  await expect(page.getByRole('alert').filter({ hasText: '已登记，编号' })).toBeVisible();
  await expect(page.getByLabel('主题')).toHaveValue('');
}

test('the register filters, searches, pages and counts matters; intake warns of duplicates', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const desk = new Desk(page);
  const count = page.getByTestId('register-count');
  const table = desk.registerTable();
  const bodyRows = table.locator('tbody tr');

  await test.step('set up and register thirty cases through intake', async () => {
    // Monday after National Day (Oct 1-7; Sat Oct 10 was a make-up working day).
    await desk.openAt('2026-10-12T10:00:00');
    await desk.setUp({
      organisation: '阳光花园物业服务中心',
      desk: '一号客服台',
      preset: '物业服务中心',
      operator: '王丽',
    });
    await desk.goIntake();
    for (const c of caseList()) await registerCase(page, c);
  });

  await test.step('the register counts them and pages by 25', async () => {
    await desk.goRegister();
    await expect(count).toHaveText('共 30 件 / 30 个事项');
    await expect(bodyRows).toHaveCount(25);
    await expect(page.getByText('已显示 25 件')).toBeVisible();
    await desk.screenshot('c-01-register');
    await page.getByRole('button', { name: '加载更多' }).click();
    await expect(bodyRows).toHaveCount(30);
    await expect(page.getByRole('button', { name: '加载更多' })).toHaveCount(0);
    // Newest received first: today's case on top, the case of Sep 21 last.
    await expect(bodyRows.first()).toContainText('电梯异响');
    await expect(bodyRows.last()).toContainText('三号楼电梯故障停运');
    await expect(bodyRows.last()).toContainText('已超期');
  });

  await test.step('filters narrow the register and stay in the address after a reload', async () => {
    await page.getByLabel('类型').selectOption({ label: '需求' });
    await expect(count).toHaveText('共 5 件 / 5 个事项');
    await fillDateField(page.getByLabel('受理日期从'), '2026-10-09');
    await fillDateField(page.getByLabel('受理日期至'), '2026-10-09');
    await expect(count).toHaveText('共 2 件 / 2 个事项');
    await page.reload();
    await expect(count).toHaveText('共 2 件 / 2 个事项');
    await expect(page.getByLabel('类型')).toHaveValue('request');
    await expect(dateFieldValue(page.getByLabel('受理日期从'))).toHaveValue('2026-10-09');
    // A range that ends before it starts is refused next to the field.
    await fillDateField(page.getByLabel('受理日期从'), '2026-10-10');
    await expect(page.getByText('不能早于开始日期')).toBeVisible();
    await expect(page.getByText('筛选条件有误')).toBeVisible();
    await desk.screenshot('c-02-register-bad-range');
    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect(count).toHaveText('共 30 件 / 30 个事项');
    // The box follows the address, which updates just after the click.
    await page.getByLabel('只看超期').click();
    await expect(page.getByLabel('只看超期')).toBeChecked();
    await expect(count).toHaveText('共 1 件 / 1 个事项');
    await expect(bodyRows.first()).toContainText('三号楼电梯故障停运');
    await page.getByLabel('只看超期').click();
    await expect(page.getByLabel('只看超期')).not.toBeChecked();
  });

  await test.step('search 电梯 finds the lift cases, wherever the word is', async () => {
    await page.getByLabel('搜索').fill('电梯');
    await expect(count).toHaveText('共 7 件 / 7 个事项');
    await expect(bodyRows).toHaveCount(7);
    for (const row of await bodyRows.all()) await expect(row).toContainText('电梯');
    await desk.screenshot('c-03-register-search');
  });

  await test.step('sort by number, and open a case from the keyboard', async () => {
    await page.getByRole('button', { name: '编号' }).click();
    await expect(bodyRows.first()).toContainText('2609-0001');
    await expect(page.getByRole('columnheader', { name: '编号' })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    await page.getByLabel('搜索').press('ArrowDown');
    await expect(bodyRows.nth(0)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(bodyRows.nth(1)).toBeFocused();
    await expect(bodyRows.nth(1)).toHaveAttribute('aria-selected', 'true');
    const second = (await bodyRows.nth(1).locator('td').first().innerText()).trim();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toContainText(second);
    await page.goBack();
    await expect(count).toHaveText('共 7 件 / 7 个事项');
  });

  await test.step('intake shows the customer file and a possible duplicate, and links to it', async () => {
    await desk.goIntake();
    await page.getByLabel('客户姓名').fill('张建国');
    await page.getByLabel('联系电话').fill('13812345678');
    const aside = page.getByRole('complementary', { name: '客户档案与重复提示' });
    await expect(aside).toContainText('共 3 件登记，未结案 3 件');
    await expect(aside).toContainText('三号楼电梯故障停运');
    await page.getByLabel('客户房号').fill('3-1502');
    await page.getByLabel('主题').fill('三号楼电梯又停了');
    const duplicates = aside.getByRole('list', { name: '可能重复' });
    const first = duplicates.getByRole('listitem').filter({ hasText: '三号楼电梯故障停运' });
    await expect(first).toContainText('同一电话');
    await expect(first).toContainText('同一房号');
    await expect(first).toContainText('内容相似');
    await first.getByRole('button', { name: /关联为同一事项/ }).click();
    await expect(aside.getByRole('alert')).toContainText('新登记将与这件登记关联为同一事项');
    await expect(aside.getByRole('alert')).toContainText('2609-0001 · 三号楼电梯故障停运');
    await expect(first.getByRole('button', { name: /关联为同一事项/ })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await desk.screenshot('c-04-intake-duplicate');
    await page.getByLabel('主题').press('Control+Enter');
    await expect(
      page.getByRole('alert').filter({ hasText: '已登记，编号 2610-0029' }),
    ).toBeVisible();
    await desk.goRegister();
    await expect(count).toHaveText('共 31 件 / 30 个事项');
  });

  await test.step('link two reports of one matter on the case page; the register counts one', async () => {
    await page.getByLabel('搜索').fill('2610-0001');
    await expect(count).toHaveText('共 1 件 / 1 个事项');
    await table.getByRole('link', { name: '2610-0001', exact: true }).click();
    const panel = page.getByRole('region', { name: '同一事项' });
    await expect(panel).toContainText('未与其他登记关联');
    await panel.getByRole('button', { name: '关联其他登记' }).click();
    const dialog = page.getByRole('dialog', { name: '关联为同一事项' });
    await dialog.getByLabel('查找登记').fill('2610-0004');
    await dialog
      .getByRole('listitem')
      .filter({ hasText: '2610-0004' })
      .getByRole('button', { name: '关联' })
      .click();
    await expect(dialog).toBeHidden();
    await expect(panel.getByRole('link', { name: '2610-0004' })).toBeVisible();
    await expect(page.getByRole('list', { name: '办理记录' })).toContainText('关联为同一事项');
    await desk.screenshot('c-05-case-linked');
    await desk.goRegister();
    await expect(count).toHaveText('共 31 件 / 29 个事项');
    await page.getByLabel('搜索').fill('2610-0004');
    const linked = bodyRows.filter({ hasText: '2610-0004' });
    await linked.getByRole('button', { name: '同一事项 2 件' }).click();
    await expect(count).toHaveText('共 2 件 / 1 个事项');
    await expect(bodyRows).toHaveCount(2);
    await expect(page.getByText('只看同一事项：2610-0001')).toBeVisible();
    // Showing a matter drops the other filters, which would hide some of its cases.
    await expect(page.getByLabel('搜索')).toHaveValue('');
    await desk.screenshot('c-06-register-matter');
  });

  await test.step('unlinking splits the matter again', async () => {
    await table.getByRole('link', { name: '2610-0004', exact: true }).click();
    const panel = page.getByRole('region', { name: '同一事项' });
    await panel.getByRole('button', { name: '取消关联' }).click();
    await expect(panel).toContainText('未与其他登记关联');
    await desk.goRegister();
    await expect(count).toHaveText('共 31 件 / 30 个事项');
  });

  await test.step('the customer file lists every case of the caller, open ones first', async () => {
    await page.getByRole('navigation').getByRole('link', { name: '客户档案', exact: true }).click();
    await page.getByLabel('搜索客户').fill('13812345678');
    const list = page.getByRole('table', { name: '客户档案列表' });
    await expect(list.locator('tbody tr')).toHaveCount(1);
    await expect(list).toContainText('4 件 · 未结 4');
    await desk.screenshot('c-07-customer-list');
    await list.getByRole('link', { name: '张建国' }).click();
    const cases = page.getByRole('table', { name: '该客户的全部登记' });
    await expect(cases.locator('tbody tr')).toHaveCount(4);
    // Open first, newest first: the two cases of today, then Sep 30, then Sep 21.
    await expect(cases.locator('tbody tr').nth(2)).toContainText('2609-0002');
    await expect(cases.locator('tbody tr').last()).toContainText('2609-0001');
    await desk.screenshot('c-08-customer-file');
  });

  await test.step('the register reads in English too', async () => {
    await page.getByRole('button', { name: '切换语言' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Register', exact: true }).click();
    await expect(page.getByTestId('register-count')).toHaveText('Cases: 31 · matters: 30');
    await page.getByLabel('Overdue only').click();
    await expect(page.getByTestId('register-count')).toHaveText('Cases: 1 · matters: 1');
    await desk.screenshot('c-09-register-en');
  });
});
