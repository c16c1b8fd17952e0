import { expect, type Locator, type Page } from '@playwright/test';
import { fillDateField, isDateField } from './date-field';

/** The case page as a clerk works it: the actions panel, one dialog per step, the history. */
export class CasePage {
  constructor(readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  actions() {
    return this.page.getByRole('region', { name: '办理', exact: true });
  }

  fields() {
    return this.page.getByRole('region', { name: '基本信息' });
  }

  timeline() {
    return this.page.getByRole('list', { name: '办理记录' });
  }

  dialog(name: string | RegExp) {
    return this.page.getByRole('dialog', { name });
  }

  /** Opens a step's dialog from the actions panel. */
  async open(action: string): Promise<Locator> {
    await this.actions().getByRole('button', { name: action, exact: true }).click();
    const dialog = this.dialog(action);
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /**
   * Takes one step: opens its dialog, fills the labelled fields (text, or an option's label for
   * a select), confirms, and waits until the dialog has closed.
   */
  async step(action: string, fill: Readonly<Record<string, string>> = {}, submit?: string) {
    const dialog = await this.open(action);
    await fillLabelled(dialog, fill);
    await dialog.getByRole('button', { name: submit ?? `确认${action}` }).click();
    await expect(dialog).toBeHidden();
  }

  async expectStatus(status: string) {
    await expect(this.fields()).toContainText(`状态${status}`);
  }

  /**
   * Records a follow-up call that reached the customer (the follow-up feature's dialog): the
   * answers by question, and the satisfaction score.
   */
  async followUp(satisfaction: number, answers: Readonly<Record<string, string>>) {
    await this.actions().getByRole('button', { name: '回访', exact: true }).click();
    const dialog = this.dialog(/^回访 · /);
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('回访结果').selectOption({ label: '已接通，记录回访意见' });
    await fillLabelled(dialog, answers);
    await dialog.getByLabel(/满意度/).selectOption(String(satisfaction));
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
  }
}

/**
 * Fills fields found by their labels: a select takes the option's label, a date picker the
 * digits of `2026-10-14T17:30`, others the text.
 */
export async function fillLabelled(scope: Locator, fill: Readonly<Record<string, string>>) {
  for (const [label, value] of Object.entries(fill)) {
    const field = scope.getByLabel(label, { exact: false }).first();
    const tag = await field.evaluate((element) => element.tagName.toLowerCase());
    if (tag === 'select') await field.selectOption({ label: value });
    else if (await isDateField(field)) await fillDateField(field, value);
    else await field.fill(value);
  }
}
