import { expect, test } from '@playwright/test';
import { StaffScreen } from './support/accounts';
import { CasePage } from './support/case-page';
import { DESK_PASSWORD, Desk } from './support/desk';
import { nth, registerCases } from './support/print';

/**
 * Accounts and roles (DOMAIN.md section 8): the first administrator's password at set-up, sign
 * in and out, switching operator with the other operator's password, the lock after five wrong
 * passwords, disabled accounts, the idle lock, and the role table enforced by the data layer
 * even when a step is written from the page's own scripts.
 */

async function propertyDesk(desk: Desk) {
  await desk.setUp({
    organisation: '示例物业',
    desk: '客服中心',
    preset: '物业服务中心',
    operator: '王丽',
  });
}

test('first-run set-up asks for the administrator’s password; sign out and back in', async ({
  page,
}) => {
  const desk = new Desk(page);
  await desk.openAt('2026-09-30T10:00:00');
  await expect(page.getByRole('heading', { name: '首次设置' })).toBeVisible();
  await page.getByLabel('机构名称').fill('示例物业');
  await page.getByLabel('受理台名称').fill('客服中心');
  await page.getByLabel('操作员姓名').fill('王丽');

  await test.step('a short password and a mismatch are said next to their fields', async () => {
    await page.getByLabel('管理员登录密码').fill('123');
    await page.getByLabel('再次输入登录密码').fill('123');
    await page.getByRole('button', { name: '开始使用' }).click();
    await expect(page.getByText('密码至少 4 位')).toBeVisible();
    await page.getByLabel('管理员登录密码').fill('desk-1234');
    await page.getByLabel('再次输入登录密码').fill('desk-1243');
    await page.getByRole('button', { name: '开始使用' }).click();
    await expect(page.getByText('两次输入的密码不一致')).toBeVisible();
    await expect(page.getByRole('heading', { name: '首次设置' })).toBeVisible();
    await desk.screenshot('k-setup-password');
  });

  await test.step('with a good password the desk opens, signed in as the administrator', async () => {
    await page.getByLabel('再次输入登录密码').fill(DESK_PASSWORD);
    await page.getByRole('button', { name: '开始使用' }).click();
    await desk.expectOperator('王丽');
  });

  await test.step('a reload keeps this window signed in; signing out asks for the password', async () => {
    await page.reload();
    await desk.expectOperator('王丽');
    await desk.openAccountMenu();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: '主菜单' })).toHaveCount(0);
    await desk.fillSignIn(page, '王丽', 'wrong-pass');
    await expect(page.getByRole('alert')).toContainText('密码不正确。再错 4 次账号将被锁定。');
    await desk.screenshot('k-sign-in-wrong');
    await desk.signIn('王丽');
  });
});

test('a unit handler cannot take a supervisor’s step, even by calling the repository from the page', async ({
  page,
}) => {
  const desk = new Desk(page);
  const casePage = new CasePage(page);
  const staff = new StaffScreen(page);
  await desk.openAt('2026-09-30T10:00:00');
  await propertyDesk(desk);

  await test.step('the administrator adds a unit handler and sets the password', async () => {
    await staff.open();
    await staff.add('李强', ['承办人']);
    await staff.setPassword('李强', '1357');
  });

  const created = nth(await registerCases(page, [{ subject: '楼道灯不亮' }]), 0);
  await page.goto(`/#/cases/${created.id}`);
  await casePage.step('交办', { 承办单位: '工程部', 处理人: '李强' });
  await expect(casePage.actions().getByRole('button', { name: '督办', exact: true })).toBeVisible();

  await test.step('switching operator asks for 李强’s password, then a password of his own', async () => {
    await desk.openAccountMenu();
    await page.getByRole('menuitem', { name: '切换操作员' }).click();
    const dialog = page.getByRole('dialog', { name: '切换操作员' });
    await desk.fillSignIn(dialog, '李强', '2468');
    await expect(dialog.getByRole('alert')).toContainText('密码不正确');
    await desk.screenshot('k-switch-wrong');
    await dialog.getByRole('button', { name: '取消' }).click();
    await desk.expectOperator('王丽');
    await desk.switchOperator('李强', '1357', 'li-2468');
  });

  await test.step('the case page offers 李强 only a unit’s steps', async () => {
    const actions = casePage.actions();
    await expect(actions.getByRole('button', { name: '接单', exact: true })).toBeVisible();
    await expect(actions.getByRole('button', { name: '退回', exact: true })).toBeVisible();
    for (const step of ['督办', '判定无效', '定责', '不受时限限制', '催办', '改派'])
      await expect(actions.getByRole('button', { name: step, exact: true })).toHaveCount(0);
    const nav = page.getByRole('navigation', { name: '主菜单' });
    await expect(nav.getByRole('link', { name: '导入' })).toHaveCount(0);
    await desk.screenshot('k-handler-case');
  });

  await test.step('supervising from the page’s own scripts is refused; nothing is written', async () => {
    const before = await casePage.timeline().getByRole('listitem').count();
    const refused = await page.evaluate(async (caseId) => {
      try {
        const hooks = window.__deskTest;
        if (!hooks) throw new Error('no __deskTest');
        await hooks.appendEvents(caseId, [
          { type: 'case/supervised', payload: { note: '越权督办' } },
        ]);
        return 'written';
      } catch (error) {
        return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      }
    }, created.id);
    expect(refused).toBe('AccessDeniedError: Access denied: case.supervise');
    await page.reload();
    await expect(casePage.timeline().getByRole('listitem')).toHaveCount(before);
    await expect(casePage.timeline()).not.toContainText('越权督办');
    // What his role allows goes through the same way.
    await page.evaluate(
      (caseId) =>
        window.__deskTest?.appendEvents(caseId, [
          { type: 'case/accepted', payload: { handlerName: '李强' } },
        ]),
      created.id,
    );
    await casePage.expectStatus('已接单');
  });

  await test.step('back to the administrator: the supervision is offered again', async () => {
    await desk.switchOperator('王丽', DESK_PASSWORD);
    await expect(
      casePage.actions().getByRole('button', { name: '督办', exact: true }),
    ).toBeVisible();
  });
});

test('five wrong passwords lock the account; a disabled account cannot sign in', async ({
  page,
}) => {
  const desk = new Desk(page);
  const staff = new StaffScreen(page);
  await desk.openAt('2026-09-30T10:00:00');
  await propertyDesk(desk);
  await staff.open();
  await staff.add('陈晓', ['受理员/话务员']);
  await staff.setPassword('陈晓', '1357');
  await staff.add('赵刚', ['受理员/话务员']);
  await staff.setPassword('赵刚', '2468');

  await test.step('赵刚 leaves: disabled, kept, and refused even with his password', async () => {
    await staff.disable('赵刚');
    const result = await page.evaluate(() => window.__deskTest?.signInAttempt('赵刚', '2468'));
    expect(result).toEqual({ ok: false, refusal: 'disabled' });
    await desk.openAccountMenu();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    const operators = page.getByLabel('操作员', { exact: true });
    await expect(operators.locator('option', { hasText: '陈晓' })).toHaveCount(1);
    await expect(operators.locator('option', { hasText: '赵刚' })).toHaveCount(0);
  });

  await test.step('five wrong passwords lock 陈晓 out, even with the right one', async () => {
    for (const left of [4, 3, 2, 1]) {
      await desk.fillSignIn(page, '陈晓', 'wrong');
      await expect(page.getByRole('alert')).toContainText(`再错 ${left} 次账号将被锁定`);
    }
    await desk.fillSignIn(page, '陈晓', 'wrong');
    await expect(page.getByRole('alert')).toContainText(
      '账号已锁定，请在 2026-09-30 10:15 之后再试',
    );
    await desk.fillSignIn(page, '陈晓', '1357');
    await expect(page.getByRole('alert')).toContainText('账号已锁定');
    await expect(page.getByRole('navigation', { name: '主菜单' })).toHaveCount(0);
    await desk.screenshot('k-locked');
  });

  await test.step('the administrator still signs in, and the refusals are in the audit log', async () => {
    await desk.signIn('王丽');
    const audit = await page.evaluate(() => window.__deskTest?.auditLatest(40) ?? []);
    expect(audit.filter((a) => a.action === 'account.locked')).toHaveLength(1);
    expect(audit.filter((a) => a.action === 'account.signInRefused').length).toBeGreaterThanOrEqual(
      7,
    );
  });
});

test('an idle screen locks after the administrator’s minutes', async ({ page }) => {
  const desk = new Desk(page);
  // A clock that runs, so idle time passes.
  await page.clock.install({ time: new Date('2026-09-30T10:00:00+08:00') });
  await page.goto('/');
  await propertyDesk(desk);
  const staff = new StaffScreen(page);
  await staff.open();
  const policy = page.getByRole('form', { name: '登录与安全' });
  await policy.getByLabel('闲置锁屏（分钟，0 为不锁屏）').fill('2');
  await policy.getByRole('button', { name: '保存登录设置' }).click();
  await expect(policy.getByText('登录设置已保存。')).toBeVisible();

  await page.clock.runFor('01:30');
  await desk.expectOperator('王丽');
  await page.clock.runFor('00:45');
  await expect(page.getByRole('heading', { name: '屏幕已锁定' })).toBeVisible();
  await desk.screenshot('k-idle-locked');
  await desk.signIn('王丽');
  await expect(page.getByRole('heading', { name: '人员与角色', level: 1 })).toBeVisible();
});
