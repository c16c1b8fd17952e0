import { expect, test } from '@playwright/test';
import { Desk } from './support/desk';
import { dateFieldValue, fillDateField } from './support/date-field';

// An English operating system: native date inputs would show 11/23/2026 09:15 AM here.
test.use({
  locale: 'en-US',
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--lang=en-US'],
  },
});

test('dates are shown and typed as yyyy-MM-dd HH:mm whatever the system language', async ({
  page,
}) => {
  const desk = new Desk(page);
  await desk.openAt('2026-11-23T09:15:00');
  expect(await page.evaluate(() => navigator.language)).toBe('en-US');
  await desk.setUp({
    organisation: '市民服务热线',
    desk: '坐席 8',
    preset: '市民服务热线',
    operator: '李强',
  });

  await test.step('intake: the received time reads 2026-11-23 09:15 and takes a typed time', async () => {
    await desk.goIntake();
    const received = page.getByLabel('受理时间');
    await expect(dateFieldValue(received)).toHaveValue('2026-11-23 09:15');
    await expect(page.getByRole('group', { name: '受理时间' })).toHaveText(/2026-11-23 09:15/);
    await fillDateField(received, '2026-11-22T18:05');
    await page.getByLabel('来电人姓名').fill('赵女士');
    await page.getByLabel('主题').fill('路灯不亮');
    await desk.screenshot('en-us-intake');
    await page.getByLabel('主题').press('Control+Enter');
    await expect(page.getByRole('alert').filter({ hasText: '已登记，编号' })).toBeVisible();
  });

  await test.step('the register and its date filters use the same form', async () => {
    await desk.goRegister();
    await expect(desk.registerTable()).toContainText('2026-11-22 18:05');
    await fillDateField(page.getByLabel('受理日期从'), '2026-11-22');
    await expect(page.getByRole('group', { name: '受理日期从' })).toHaveText(/2026-11-22/);
    await expect(desk.registerTable()).toContainText('路灯不亮');
    await fillDateField(page.getByLabel('受理日期从'), '2026-11-23');
    await expect(desk.registerTable().getByRole('row').filter({ hasText: '路灯不亮' })).toHaveCount(
      0,
    );
    await fillDateField(page.getByLabel('受理日期从'), '2026-11-22');
    await desk.screenshot('en-us-register-filters');
  });

  await test.step('the calendar opens from the field, in the desk language', async () => {
    await page.getByRole('group', { name: '受理日期至' }).getByRole('button').click();
    const calendar = page.getByRole('dialog');
    await expect(calendar).toContainText('十一月');
    await desk.screenshot('en-us-filter-calendar');
    await page.keyboard.press('Escape');
  });
});
