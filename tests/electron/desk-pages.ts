// Page models for the Electron tests: each is scoped to the page and exposes what a clerk does,
// finding elements by the zh-CN labels and roles the renderer shows by default
// (renderer/src/app/locales/zh-CN.ts).
import { expect, type Locator, type Page } from '@playwright/test';

/** The main navigation (主菜单). */
function mainMenu(page: Page): Locator {
  return page.getByRole('navigation', { name: '主菜单' });
}

export interface FirstRunAnswers {
  readonly organisation: string;
  readonly desk: string;
  readonly operator: string;
}

/** The first-run setup form: who runs this desk, with which preset. */
export class FirstRunSetup {
  constructor(private readonly page: Page) {}

  async complete(answers: FirstRunAnswers): Promise<void> {
    await expect(this.page.getByRole('heading', { name: '首次设置' })).toBeVisible();
    await this.page.getByLabel('机构名称').fill(answers.organisation);
    await this.page.getByLabel('受理台名称').fill(answers.desk);
    await this.choosePreset(this.page.getByLabel('预置方案'));
    await this.page.getByLabel('操作员姓名').fill(answers.operator);
    await this.page.getByRole('button', { name: '开始使用' }).click();
    await expect(mainMenu(this.page)).toBeVisible();
  }

  /** The first preset, whether the form uses a native <select> or an MUI select. */
  private async choosePreset(preset: Locator): Promise<void> {
    const isNativeSelect = await preset.evaluate((element) => element.tagName === 'SELECT');
    if (isNativeSelect) {
      const values = await preset
        .locator('option')
        .evaluateAll((options) =>
          options.map((option) => (option as HTMLOptionElement).value).filter(Boolean),
        );
      await preset.selectOption(values[0] ?? '');
      return;
    }
    await preset.click();
    await this.page.getByRole('option').first().click();
  }
}

export interface Complaint {
  readonly subject: string;
  readonly content: string;
}

/** 受理登记: the intake form. */
export class Intake {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await mainMenu(this.page).getByRole('link', { name: '受理登记', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: '受理登记' })).toBeVisible();
  }

  /** Fills the subject and the content, saves, and waits for the confirmation. */
  async register(complaint: Complaint): Promise<void> {
    await this.page.getByLabel('主题').fill(complaint.subject);
    await this.page.getByLabel('诉求内容').fill(complaint.content);
    await this.page.getByRole('button', { name: '保存', exact: true }).click();
    await expect(this.page.getByRole('alert').filter({ hasText: '已登记' })).toBeVisible();
  }
}

/** 登记表: the register of cases. */
export class Register {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await mainMenu(this.page).getByRole('link', { name: '登记表', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: '登记表' })).toBeVisible();
  }

  rowFor(subject: string): Locator {
    return this.page
      .getByRole('table', { name: '投诉/需求登记表' })
      .getByRole('row')
      .filter({ hasText: subject });
  }
}
