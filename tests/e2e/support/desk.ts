import { expect, type Locator, type Page } from '@playwright/test';

/** The first administrator's password in every spec (the first-run set-up asks for one). */
export const DESK_PASSWORD = 'desk-1234';

/** A page model of the desk, scoped to the page, with verbs a clerk would use. */
export class Desk {
  constructor(readonly page: Page) {}

  /** Freezes the browser's clock at a local Beijing time before the app starts. */
  async openAt(localBeijingTime: string) {
    await this.page.clock.setFixedTime(new Date(`${localBeijingTime}+08:00`));
    await this.page.goto('/');
  }

  /**
   * The first-run set-up, the first administrator choosing `password` (DESK_PASSWORD unless
   * given); the desk then opens signed in as them.
   */
  async setUp(input: {
    organisation: string;
    desk: string;
    preset: string;
    operator: string;
    password?: string;
  }) {
    const page = this.page;
    await expect(page.getByRole('heading', { name: '首次设置' })).toBeVisible();
    await page.getByLabel('机构名称').fill(input.organisation);
    await page.getByLabel('受理台名称').fill(input.desk);
    await page.getByLabel('预置方案').selectOption({ label: input.preset });
    await page.getByLabel('操作员姓名').fill(input.operator);
    await page.getByLabel('管理员登录密码').fill(input.password ?? DESK_PASSWORD);
    await page.getByLabel('再次输入登录密码').fill(input.password ?? DESK_PASSWORD);
    await page.getByRole('button', { name: '开始使用' }).click();
    await expect(page.getByRole('navigation', { name: '主菜单' })).toBeVisible();
  }

  /**
   * Fills the sign-in form in `scope` (the sign-in page or the switch dialog): the operator
   * whose option starts with `name`, and the password. When the password was set by an
   * administrator, `newPassword` is then chosen.
   */
  async fillSignIn(scope: Locator | Page, name: string, password: string, newPassword?: string) {
    const select = scope.getByLabel('操作员', { exact: true });
    const value = await select.locator('option', { hasText: name }).first().getAttribute('value');
    await select.selectOption(value ?? name);
    await scope.getByLabel(/^密码/).fill(password);
    await scope.getByRole('button', { name: /^(登录|切换)$/ }).click();
    if (newPassword !== undefined) {
      await scope.getByLabel(/^新密码/).fill(newPassword);
      await scope.getByLabel('再次输入新密码').fill(newPassword);
      await scope.getByRole('button', { name: '保存密码' }).click();
    }
  }

  /** Signs in on the sign-in page (another window, after a lock or a sign-out). */
  async signIn(name: string, password: string = DESK_PASSWORD, newPassword?: string) {
    await expect(this.page.getByRole('heading', { name: /^(登录|屏幕已锁定)$/ })).toBeVisible();
    await this.fillSignIn(this.page, name, password, newPassword);
    await this.expectOperator(name);
  }

  /** Switches operator from the app bar: the other operator's password is asked. */
  async switchOperator(name: string, password: string, newPassword?: string) {
    await this.openAccountMenu();
    await this.page.getByRole('menuitem', { name: '切换操作员' }).click();
    const dialog = this.page.getByRole('dialog', { name: '切换操作员' });
    await this.fillSignIn(dialog, name, password, newPassword);
    await expect(dialog).toBeHidden();
    await this.expectOperator(name);
  }

  async openAccountMenu() {
    await this.page
      .getByRole('banner')
      .getByRole('button', { name: /^操作员：/ })
      .click();
  }

  async expectOperator(name: string) {
    await expect(
      this.page.getByRole('banner').getByRole('button', { name: `操作员：${name}` }),
    ).toBeVisible();
  }

  async goIntake() {
    await this.page
      .getByRole('navigation')
      .getByRole('link', { name: '受理登记', exact: true })
      .click();
    await expect(this.page.getByRole('heading', { name: '受理登记' })).toBeVisible();
  }

  async goRegister() {
    await this.page
      .getByRole('navigation')
      .getByRole('link', { name: '登记表', exact: true })
      .click();
    await expect(this.page.getByRole('heading', { name: '登记表' })).toBeVisible();
  }

  registerTable() {
    return this.page.getByRole('table', { name: '投诉/需求登记表' });
  }

  async screenshot(name: string) {
    await this.page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
  }
}
