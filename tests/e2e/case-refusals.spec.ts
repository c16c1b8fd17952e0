import { expect, test } from '@playwright/test';
import { CasePage, fillLabelled } from './support/case-page';
import { Desk } from './support/desk';

/**
 * Bad input on the case page gets a clear message and changes nothing: a deadline before the
 * intake, a reply with no content, an extension past what the rules allow, and a step the
 * case's state no longer allows because another window moved the case on.
 */
async function deskWithCase(desk: Desk, preset = '物业服务中心') {
  await desk.openAt('2026-09-30T10:00:00');
  await desk.setUp({ organisation: '示例单位', desk: '一号台', preset, operator: '王丽' });
  await desk.goIntake();
  await desk.page.getByLabel('主题').fill('楼道灯不亮');
  await desk.page.getByRole('button', { name: '保存', exact: true }).click();
  const saved = desk.page.getByRole('alert').filter({ hasText: '已登记，编号' });
  await saved.getByRole('link', { name: '查看' }).click();
  await expect(desk.page.getByRole('region', { name: '办理', exact: true })).toBeVisible();
}

async function expectHistoryLength(casePage: CasePage, count: number) {
  await expect(casePage.timeline().getByRole('listitem')).toHaveCount(count);
}

test('a manual deadline before the intake is refused next to the field', async ({ page }) => {
  const desk = new Desk(page);
  const casePage = new CasePage(page);
  await deskWithCase(desk);

  const dialog = await casePage.open('交办');
  await fillLabelled(dialog, { 承办单位: '工程部' });
  await dialog.getByLabel('调整期限').check();
  await fillLabelled(dialog, { 处理期限: '2026-09-29T17:30' });
  await dialog.getByRole('button', { name: '确认交办' }).click();

  await expect(dialog.getByText('期限必须晚于受理时间 2026-09-30 10:00')).toBeVisible();
  await expect(dialog.getByText('请填写此项')).toBeVisible();
  await expect(dialog.getByText('请先改正标红的项目，尚未保存。')).toBeVisible();
  await expect(dialog.getByLabel('处理期限')).toBeFocused();
  await desk.screenshot('a-dispatch-errors');

  // Still before the intake, even with a reason given: refused again.
  await fillLabelled(dialog, { 处理期限: '2026-09-30T09:59', 调整原因: '与业主约定' });
  await dialog.getByRole('button', { name: '确认交办' }).click();
  await expect(dialog.getByText('期限必须晚于受理时间')).toBeVisible();
  await dialog.getByRole('button', { name: '取消' }).click();

  await casePage.expectStatus('已受理');
  await expectHistoryLength(casePage, 1);
  // Nothing was half written: no unit was added for the refused dispatch.
  const again = await casePage.open('交办');
  await again.getByLabel('承办单位').click();
  await expect(page.getByRole('option', { name: '工程部' })).toHaveCount(0);
  await fillLabelled(again, { 承办单位: '工程部' });
  await again.getByLabel('调整期限').check();
  await fillLabelled(again, { 处理期限: '2026-10-09T12:00', 调整原因: '与业主约定' });
  await again.getByRole('button', { name: '确认交办' }).click();
  await expect(again).toBeHidden();
  await expect(casePage.timeline()).toContainText('2026-10-09 12:00（人工调整）');
  await expect(casePage.timeline()).toContainText('调整原因与业主约定');
});

test('a reply with no content is refused and nothing is recorded', async ({ page }) => {
  const desk = new Desk(page);
  const casePage = new CasePage(page);
  await deskWithCase(desk);
  await casePage.step('交办', { 承办单位: '工程部' });

  const dialog = await casePage.open('办结回复');
  await fillLabelled(dialog, { 办理情况: '   ' });
  await dialog.getByRole('button', { name: '确认办结回复' }).click();
  await expect(dialog.getByText('请填写此项')).toHaveCount(2);
  await expect(dialog.getByLabel('办理情况')).toBeFocused();
  await desk.screenshot('a-reply-errors');
  await dialog.getByRole('button', { name: '取消' }).click();

  await casePage.expectStatus('已交办');
  await expectHistoryLength(casePage, 2);
});

test('an extension past the longest the rules allow is refused (hospital)', async ({ page }) => {
  const desk = new Desk(page);
  const casePage = new CasePage(page);
  await deskWithCase(desk, '医患关系办公室');
  await casePage.step('交办', { 承办单位: '心内科' });

  const dialog = await casePage.open('申请延期');
  // Due Oct 9 17:30; 5 more working days: Sat Oct 10 (make-up), 12, 13, 14, 15.
  await fillLabelled(dialog, { 申请延至: '2026-10-16T17:30', 延期原因: '需要调查' });
  await dialog.getByRole('button', { name: '确认申请延期' }).click();
  await expect(dialog.getByText('超过规定的最长延期，最晚可延至 2026-10-15 17:30')).toBeVisible();
  await fillLabelled(dialog, { 申请延至: '2026-10-09T12:00' });
  await dialog.getByRole('button', { name: '确认申请延期' }).click();
  await expect(dialog.getByText('必须晚于当前期限 2026-10-09 17:30')).toBeVisible();
  await dialog.getByRole('button', { name: '取消' }).click();
  await expectHistoryLength(casePage, 2);
  await expect(casePage.actions().getByRole('button', { name: '审批延期' })).toHaveCount(0);
});

test('a step the state no longer allows is refused with its reason', async ({ page, context }) => {
  const desk = new Desk(page);
  const casePage = new CasePage(page);
  await deskWithCase(desk);
  await casePage.step('交办', { 承办单位: '工程部', 处理人: '李强' });

  // The clerk opens the acceptance in one window ...
  const accept = await casePage.open('接单');

  // ... while the unit, in another window, sends the case back.
  const other = await context.newPage();
  await other.clock.setFixedTime(new Date('2026-09-30T10:05:00+08:00'));
  await other.goto(page.url());
  // Another window signs in on its own.
  await new Desk(other).signIn('王丽');
  const otherCase = new CasePage(other);
  await otherCase.step('退回', { 退回原因: '不属本部门职责' });
  await otherCase.expectStatus('已退回');
  await other.close();

  await accept.getByRole('button', { name: '确认接单' }).click();
  await expect(accept.getByRole('alert')).toContainText(
    '未能保存：当前状态为「已退回」，不能「接单」。',
  );
  await desk.screenshot('a-refused-accept');
  await accept.getByRole('button', { name: '取消' }).click();

  await casePage.expectStatus('已退回');
  await expect(casePage.timeline()).not.toContainText('接单人');
  await expectHistoryLength(casePage, 3);
});
