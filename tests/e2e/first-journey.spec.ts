import { expect, test } from '@playwright/test';
import { Desk } from './support/desk';

test.describe('a new desk registers its first complaint', () => {
  test('set up, register a complaint over National Day, find it after a reload', async ({
    page,
  }) => {
    const desk = new Desk(page);

    await test.step('first-run setup', async () => {
      // 2026-09-30 is the last working day before the National Day holiday (Oct 1-7).
      await desk.openAt('2026-09-30T10:00:00');
      await desk.screenshot('01-setup');
      await desk.setUp({
        organisation: '阳光花园物业服务中心',
        desk: '一号客服台',
        preset: '物业服务中心',
        operator: '王丽',
      });
    });

    await test.step('register a complaint by typing into labelled fields', async () => {
      await desk.goIntake();
      await page.getByLabel('客户姓名').fill('张建国');
      await page.getByLabel('联系电话').fill('13812345678');
      await page.getByLabel('客户房号').fill('3-1502');
      await page.getByLabel('类型').selectOption({ label: '投诉' });
      await page.getByLabel('类别').selectOption({ label: '设备管理' });
      await page.getByLabel('主题').fill('三号楼电梯故障停运两天无人处理');
      await page
        .getByLabel('诉求内容')
        .fill('9月28日起三号楼2号电梯停运，业主多次报修无人处理，老人上下楼困难。');
      await page.getByLabel('客户要求').fill('尽快修复电梯并说明原因');
      await expect(page.getByTestId('deadline-preview')).toContainText('2026-10-13 17:30');
      await desk.screenshot('02-intake-filled');
      await page.getByLabel('客户要求').press('Control+Enter');
      await expect(
        page.getByRole('alert').filter({ hasText: '已登记，编号 2609-0001' }),
      ).toBeVisible();
      await desk.screenshot('03-intake-saved');
    });

    await test.step('the register shows the number and a deadline five working days later', async () => {
      await desk.goRegister();
      const row = desk.registerTable().getByRole('row').filter({ hasText: '2609-0001' });
      await expect(row).toContainText('2026-09-30 10:00');
      await expect(row).toContainText('张建国');
      await expect(row).toContainText('投诉');
      await expect(row).toContainText('设备管理');
      await expect(row).toContainText('已受理');
      // Oct 1-7 are holidays; Sat Oct 10 is a make-up working day: 8, 9, 10, 12, 13.
      await expect(row).toContainText('2026-10-13 17:30');
      await expect(row).toContainText('剩余 5 个工作日');
      await desk.screenshot('04-register');
    });

    await test.step('after a reload the case is still there, with its history', async () => {
      await page.reload();
      await desk.goRegister();
      await desk.registerTable().getByRole('link', { name: '2609-0001' }).click();
      await expect(page.getByRole('heading', { name: /2609-0001/ })).toContainText(
        '三号楼电梯故障停运',
      );
      const timeline = page.getByRole('list', { name: '办理记录' });
      await expect(timeline).toContainText('受理登记');
      await expect(timeline).toContainText('王丽');
      await desk.screenshot('05-case');
    });
  });

  test('a missing subject is shown next to the field and nothing is saved', async ({ page }) => {
    const desk = new Desk(page);
    await desk.openAt('2026-11-23T09:15:00');
    await desk.setUp({
      organisation: '市民服务热线',
      desk: '坐席 8',
      preset: '市民服务热线',
      operator: '李强',
    });
    await desk.goIntake();
    await page.getByLabel('来电人姓名').fill('赵女士');
    await page.getByLabel('联系电话').fill('138-abc');
    await page.getByRole('button', { name: '保存' }).click();

    await expect(page.getByText('请填写主题：至少用一句话说明诉求')).toBeVisible();
    await expect(page.getByText('电话号码格式不正确')).toBeVisible();
    await expect(page.getByText('请先改正标红的项目，登记尚未保存。')).toBeVisible();
    await expect(page.getByLabel('主题')).toBeFocused();
    await expect(page.getByLabel('来电人姓名')).toHaveValue('赵女士');
    await desk.screenshot('06-intake-errors');

    await desk.goRegister();
    await expect(page.getByText('还没有登记任何投诉或需求。')).toBeVisible();
    await expect(page.getByText('共 0 件')).toBeVisible();
  });

  test('the desk speaks English when switched', async ({ page }) => {
    const desk = new Desk(page);
    await desk.openAt('2026-11-23T09:15:00');
    await desk.setUp({
      organisation: '仁和医院',
      desk: '医患办',
      preset: '医患关系办公室',
      operator: '陈静',
    });
    await page.getByRole('button', { name: '切换语言' }).click();
    await expect(
      page
        .getByRole('navigation', { name: 'Main menu' })
        .getByRole('link', { name: 'Register', exact: true }),
    ).toBeVisible();
    await page.getByRole('link', { name: 'New case' }).click();
    await expect(page.getByLabel('Subject')).toBeVisible();
    await desk.screenshot('07-english-intake');
    await page.reload();
    await expect(page.getByRole('link', { name: 'New case' })).toBeVisible();
  });
});
