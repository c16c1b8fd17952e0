import { expect, type Page } from '@playwright/test';

/** The staff page as an administrator uses it for accounts: add operators, set passwords. */
export class StaffScreen {
  constructor(readonly page: Page) {}

  async open() {
    const page = this.page;
    await page
      .getByRole('navigation', { name: '主菜单' })
      .getByRole('link', { name: '设置' })
      .click();
    await page
      .getByRole('navigation', { name: '设置项目' })
      .getByRole('link', { name: /^人员与角色/ })
      .click();
    await expect(page.getByRole('heading', { name: '人员与角色', level: 1 })).toBeVisible();
  }

  async add(name: string, roles: readonly string[]) {
    const page = this.page;
    await page.getByRole('button', { name: '添加人员' }).click();
    const dialog = page.getByRole('dialog', { name: '添加人员' });
    await dialog.getByLabel('姓名').fill(name);
    const group = dialog.getByRole('group', { name: '角色' });
    for (const box of await group.getByRole('checkbox').all()) await box.uncheck();
    for (const role of roles) await group.getByLabel(role).check();
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
  }

  async setPassword(name: string, password: string) {
    await this.page.getByRole('button', { name: `为“${name}”设置密码` }).click();
    const dialog = this.page.getByRole('dialog', { name: `为“${name}”设置密码` });
    await dialog.getByLabel(/^新密码/).fill(password);
    await dialog.getByLabel('再次输入新密码').fill(password);
    await dialog.getByRole('button', { name: '保存密码' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.page.getByText(`已为“${name}”设置密码。`)).toBeVisible();
  }

  async disable(name: string) {
    await this.page
      .getByRole('group', { name: `${name} 的操作` })
      .getByRole('button', { name: '停用' })
      .click();
    await expect(
      this.page.getByRole('table', { name: '人员' }).getByRole('row').filter({ hasText: name }),
    ).toContainText('已停用');
  }
}
