import { expect, type Page } from '@playwright/test';

/** A page model of the desk, scoped to the page, with verbs a clerk would use. */
export class Desk {
  constructor(readonly page: Page) {}

  /** Freezes the browser's clock at a local Beijing time before the app starts. */
  async openAt(localBeijingTime: string) {
    await this.page.clock.setFixedTime(new Date(`${localBeijingTime}+08:00`));
    await this.page.goto('/');
  }

  async setUp(input: { organisation: string; desk: string; preset: string; operator: string }) {
    const page = this.page;
    await expect(page.getByRole('heading', { name: '首次设置' })).toBeVisible();
    await page.getByLabel('机构名称').fill(input.organisation);
    await page.getByLabel('受理台名称').fill(input.desk);
    await page.getByLabel('预置方案').selectOption({ label: input.preset });
    await page.getByLabel('操作员姓名').fill(input.operator);
    await page.getByRole('button', { name: '开始使用' }).click();
    await expect(page.getByRole('navigation', { name: '主菜单' })).toBeVisible();
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
