import { expect, test, type Page } from '@playwright/test';
import { CasePage, fillLabelled } from './support/case-page';
import { fillDateField } from './support/date-field';
import { Desk } from './support/desk';

/**
 * Dispatch, interim and level-dependent deadlines on a frozen clock (DOMAIN.md sections 3-4):
 * a hotline call late to dispatch, a hospital hand-over due the same working day, a company
 * major complaint's temporary measure across National Day, and a property complaint
 * registered as major at intake.
 */

async function setUp(desk: Desk, at: string, preset: string) {
  await desk.openAt(at);
  await desk.setUp({ organisation: '测试单位', desk: '一号受理台', preset, operator: '王芳' });
}

async function intake(desk: Desk, fields: Readonly<Record<string, string>>, receivedAt: string) {
  const page = desk.page;
  await desk.goIntake();
  await fillDateField(page.getByLabel('受理时间'), receivedAt);
  await fillLabelled(page.getByRole('form', { name: '受理登记' }), fields);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  const saved = page.getByRole('alert').filter({ hasText: '已登记，编号' });
  await expect(saved).toBeVisible();
  const number = /编号 ([A-Za-z0-9-]+)/.exec((await saved.textContent()) ?? '')?.[1];
  if (!number) throw new Error('no case number shown');
  return number;
}

async function openCase(desk: Desk, number: string): Promise<CasePage> {
  await desk.goRegister();
  await desk.registerTable().getByRole('link', { name: number, exact: true }).click();
  const casePage = new CasePage(desk.page);
  await expect(casePage.heading()).toContainText(number);
  return casePage;
}

async function moveClock(page: Page, localBeijingTime: string) {
  await page.clock.setFixedTime(new Date(`${localBeijingTime}+08:00`));
  await page.reload();
  await expect(page.getByRole('navigation', { name: '主菜单' })).toBeVisible();
}

test('a hotline call not dispatched within the hour is late to dispatch', async ({ page }) => {
  const desk = new Desk(page);
  await setUp(desk, '2026-11-23T09:00:00', '市民服务热线');
  const number = await intake(desk, { 主题: '和平路路灯不亮' }, '2026-11-23T09:00');
  await moveClock(page, '2026-11-23T10:01:00');
  await page.getByRole('navigation').getByRole('link', { name: '首页', exact: true }).click();
  const queues = page.getByRole('list', { name: '工作队列' });
  await queues.getByRole('link', { name: '派单超时：1 件' }).click();
  const row = page.getByRole('row').filter({ hasText: number });
  await expect(
    row.locator('[data-deadline-kind="dispatch"][data-deadline-state="overdue"]').first(),
  ).toContainText('2026-11-23 10:00');
  await desk.screenshot('deadlines-late-to-dispatch-queue');
  const casePage = await openCase(desk, number);
  const dispatch = casePage.fields().locator('[data-deadline-kind="dispatch"]');
  await expect(dispatch).toHaveAttribute('data-deadline-state', 'overdue');
  await expect(dispatch).toContainText('派单超时');
  await desk.screenshot('deadlines-late-to-dispatch-case');
});

test('a hospital complaint received at 16:50 is handed over by the end of that day', async ({
  page,
}) => {
  const desk = new Desk(page);
  await setUp(desk, '2026-11-23T16:55:00', '医患关系办公室');
  const number = await intake(desk, { 主题: '护士态度生硬' }, '2026-11-23T16:50');
  const casePage = await openCase(desk, number);
  await expect(casePage.fields().locator('[data-deadline-kind="dispatch"]')).toContainText(
    '2026-11-23 17:30',
  );
});

test('a company major complaint owes its temporary measure in 8 working hours', async ({
  page,
}) => {
  const desk = new Desk(page);
  await setUp(desk, '2026-09-30T16:05:00', '企业客户服务');
  await desk.goIntake();
  await page.getByLabel('类型').selectOption({ label: '投诉' });
  await page.getByLabel('级别').selectOption({ label: '重大' });
  await fillDateField(page.getByLabel('受理时间'), '2026-09-30T16:00');
  await expect(page.getByTestId('deadline-preview-interim')).toContainText('2026-10-08 16:30');
  const number = await intake(desk, { 主题: '设备运行中冒烟' }, '2026-09-30T16:00');
  const casePage = await openCase(desk, number);
  await expect(casePage.fields().locator('[data-deadline-kind="interim"]')).toContainText(
    '2026-10-08 16:30',
  );
  await expect(casePage.fields().locator('[data-deadline-kind="handling"]')).toContainText(
    '2026-10-09 17:30',
  );
  await desk.screenshot('deadlines-company-interim');
});

test('a property complaint registered as major gets the 15-working-day deadline', async ({
  page,
}) => {
  const desk = new Desk(page);
  await setUp(desk, '2026-11-23T10:05:00', '物业服务中心');
  await desk.goIntake();
  await page.getByLabel('涉及金额（元）').fill('2000');
  const suggestion = page.getByTestId('intake-level-suggestion');
  await expect(suggestion).toContainText('重大');
  await suggestion.getByRole('button', { name: /采用/ }).click();
  await expect(page.getByTestId('deadline-preview-handling')).toContainText('2026-12-14 17:30');
  await desk.screenshot('deadlines-property-intake-preview');
  const number = await intake(desk, { 主题: '装修损坏地板' }, '2026-11-23T10:00');
  const casePage = await openCase(desk, number);
  await expect(casePage.fields().locator('[data-deadline-kind="handling"]')).toContainText(
    '2026-12-14 17:30',
  );
});

test('a company complaint made major later owes its temporary measure 8 working hours from then', async ({
  page,
}) => {
  const desk = new Desk(page);
  await setUp(desk, '2026-09-30T16:00:00', '企业客户服务');
  await desk.goIntake();
  await page.getByLabel('类型').selectOption({ label: '投诉' });
  await page.getByLabel('级别').selectOption({ label: '一般' });
  const number = await intake(desk, { 主题: '交货延迟一天' }, '2026-09-30T15:00');
  const casePage = await openCase(desk, number);
  const interim = casePage.fields().locator('[data-deadline-kind="interim"]');
  await expect(interim).toHaveCount(0);
  await casePage.step('调整级别', { 级别: '重大', 调整原因: '客户要求赔偿停产损失' });
  await expect(casePage.fields()).toContainText('级别重大');
  // 16:00-17:30 on Sep 30, then Oct 8 from 08:30 with the lunch break.
  await expect(interim).toContainText('2026-10-08 16:30');
  await expect(casePage.timeline()).toContainText('临时措施时限2026-10-08 16:30');
  await desk.screenshot('deadlines-company-interim-after-level-change');
  // Back to 一般 before the measure is recorded: the step is no longer owed.
  await casePage.step('调整级别', { 级别: '一般', 调整原因: '核实为一般投诉' });
  await expect(interim).toHaveCount(0);
  await expect(casePage.timeline()).toContainText('不再需要临时措施');
});
