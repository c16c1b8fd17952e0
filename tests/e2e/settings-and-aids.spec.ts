import { expect, test, type Locator, type Page } from '@playwright/test';
import { Desk } from './support/desk';

/** The settings pages and the call aids, driven by their labels as an administrator would. */
class SettingsScreens {
  constructor(readonly page: Page) {}

  async open(card: '承办单位' | '人员与角色' | '通话辅助') {
    const page = this.page;
    await page
      .getByRole('navigation', { name: '主菜单' })
      .getByRole('link', { name: '设置' })
      .click();
    await expect(page.getByRole('heading', { name: '设置', level: 1 })).toBeVisible();
    await page
      .getByRole('navigation', { name: '设置项目' })
      .getByRole('link', { name: new RegExp(`^${card}`) })
      .click();
    await expect(page.getByRole('heading', { name: card, level: 1 })).toBeVisible();
  }

  unitsTable(): Locator {
    return this.page.getByRole('table', { name: '承办单位' });
  }

  async addUnit(name: string, under?: string) {
    const page = this.page;
    if (under) {
      await page
        .getByRole('group', { name: `${under} 的操作` })
        .getByRole('button', { name: '添加下级' })
        .click();
    } else {
      await page.getByRole('button', { name: '添加单位' }).click();
    }
    const dialog = page.getByRole('dialog', { name: '添加承办单位' });
    if (under) {
      await expect(dialog.getByLabel('上级单位')).toHaveValue(/.+/);
      await expect(dialog.getByLabel('上级单位').locator('option:checked')).toHaveText(
        new RegExp(`${under}$`),
      );
    }
    await dialog.getByLabel('单位名称').fill(name);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
  }

  async addStaff(input: { name: string; staffNo?: string; roles: string[]; unit?: string }) {
    const page = this.page;
    await page.getByRole('button', { name: '添加人员' }).click();
    const dialog = page.getByRole('dialog', { name: '添加人员' });
    await dialog.getByLabel('姓名').fill(input.name);
    if (input.staffNo) await dialog.getByLabel('工号').fill(input.staffNo);
    const roles = dialog.getByRole('group', { name: '角色' });
    // A new operator starts as a clerk; set exactly the roles asked for.
    for (const box of await roles.getByRole('checkbox').all()) await box.uncheck();
    for (const role of input.roles) await roles.getByLabel(role).check();
    if (input.unit) await dialog.getByLabel('所属单位').selectOption({ label: input.unit });
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
  }

  /** An administrator sets an operator's password on the staff page. */
  async setPassword(name: string, password: string) {
    await this.page.getByRole('button', { name: `为“${name}”设置密码` }).click();
    const dialog = this.page.getByRole('dialog', { name: `为“${name}”设置密码` });
    await dialog.getByLabel(/^新密码/).fill(password);
    await dialog.getByLabel('再次输入新密码').fill(password);
    await dialog.getByRole('button', { name: '保存密码' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.page.getByText(`已为“${name}”设置密码。`)).toBeVisible();
  }
}

async function hotlineDesk(page: Page) {
  const desk = new Desk(page);
  await desk.openAt('2026-09-30T10:00:00');
  await desk.setUp({
    organisation: '某某市12345市民服务热线',
    desk: '坐席 3',
    preset: '市民服务热线',
    operator: '王丽',
  });
  return desk;
}

test.describe('a hotline desk sets up its units, staff and call aids', () => {
  test('units as a tree, two staff with roles, the operator switched in the app bar', async ({
    page,
  }) => {
    const desk = await hotlineDesk(page);
    const settings = new SettingsScreens(page);

    await test.step('a tree of units: 市政府 > 住建局, 某某区 > 区住建局', async () => {
      await settings.open('承办单位');
      await expect(page.getByText('还没有承办单位。')).toBeVisible();
      await settings.addUnit('市政府');
      await settings.addUnit('住建局', '市政府');
      await settings.addUnit('某某区');
      await settings.addUnit('区住建局', '某某区');

      const rows = settings.unitsTable().getByRole('row');
      // Header, then each top-level unit (in pinyin order: mǒu before shì) followed by its own.
      await expect(rows).toHaveCount(5);
      await expect(rows.nth(1)).toContainText('某某区');
      await expect(rows.nth(2)).toContainText('区住建局');
      await expect(rows.nth(2)).toContainText('某某区');
      await expect(rows.nth(3)).toContainText('市政府');
      await expect(rows.nth(4)).toContainText('住建局');
      await expect(rows.nth(4).getByRole('cell').nth(1)).toHaveText('市政府');
    });

    await test.step('a second 住建局 under 市政府 is refused next to the name', async () => {
      await page
        .getByRole('group', { name: '市政府 的操作' })
        .getByRole('button', { name: '添加下级' })
        .click();
      const dialog = page.getByRole('dialog', { name: '添加承办单位' });
      await dialog.getByLabel('单位名称').fill('住建局');
      await dialog.getByLabel('电话').fill('请找王科长');
      await dialog.getByRole('button', { name: '保存' }).click();
      await expect(dialog.getByText('同一上级单位下已有同名单位（含已停用的）')).toBeVisible();
      await expect(dialog.getByText('电话号码格式不正确')).toBeVisible();
      await desk.screenshot('d-unit-duplicate');
      await dialog.getByRole('button', { name: '取消' }).click();
      await expect(settings.unitsTable().getByRole('row')).toHaveCount(5);
    });

    await test.step('a unit cannot move under its own sub-unit; 市政府 keeps its units', async () => {
      await page
        .getByRole('group', { name: '市政府 的操作' })
        .getByRole('button', { name: '编辑' })
        .click();
      const dialog = page.getByRole('dialog', { name: '编辑承办单位' });
      const parents = dialog.getByLabel('上级单位').locator('option');
      await expect(parents).toHaveText(['（无，作为顶级单位）', '某某区', '某某区 / 区住建局']);
      await dialog.getByLabel('电话').fill('0571-12345');
      await dialog.getByRole('button', { name: '保存' }).click();
      await expect(dialog).toBeHidden();
      await expect(settings.unitsTable().getByRole('row').nth(3)).toContainText('0571-12345');

      await page
        .getByRole('group', { name: '市政府 的操作' })
        .getByRole('button', { name: '停用' })
        .click();
      await expect(
        page.getByText('「市政府」下还有在用的下级单位，请先停用下级单位。'),
      ).toBeVisible();
      await desk.screenshot('d-units');
    });

    await test.step('two staff with roles; the last administrator stays one', async () => {
      await settings.open('人员与角色');
      await settings.addStaff({ name: '陈晓', staffNo: 'HX-0107', roles: ['受理员/话务员'] });
      await settings.addStaff({
        name: '赵刚',
        staffNo: 'HX-0021',
        roles: ['班长', '办公室/品管'],
        unit: '市政府 / 住建局',
      });
      const table = page.getByRole('table', { name: '人员' });
      await expect(table.getByRole('row').filter({ hasText: '陈晓' })).toContainText('HX-0107');
      await expect(table.getByRole('row').filter({ hasText: '赵刚' })).toContainText(
        '班长、办公室/品管',
      );
      await expect(table.getByRole('row').filter({ hasText: '赵刚' })).toContainText(
        '市政府 / 住建局',
      );

      // The staff number is taken, and no role is chosen: both said, nothing saved.
      await page.getByRole('button', { name: '添加人员' }).click();
      const dialog = page.getByRole('dialog', { name: '添加人员' });
      await dialog.getByLabel('姓名').fill('李四');
      await dialog.getByLabel('工号').fill('hx-0107');
      await dialog.getByRole('group', { name: '角色' }).getByLabel('受理员/话务员').uncheck();
      await dialog.getByRole('button', { name: '保存' }).click();
      await expect(dialog.getByText('这个工号已被使用（含已停用的人员）')).toBeVisible();
      await expect(dialog.getByText('请至少选择一个角色')).toBeVisible();
      await dialog.getByRole('button', { name: '取消' }).click();
      await expect(table.getByRole('row')).toHaveCount(4);

      // 王丽 is the only administrator: her admin role cannot be taken away.
      await page
        .getByRole('group', { name: '王丽 的操作' })
        .getByRole('button', { name: '编辑' })
        .click();
      const edit = page.getByRole('dialog', { name: '编辑人员' });
      await edit.getByRole('group', { name: '角色' }).getByLabel('管理员').uncheck();
      await edit.getByRole('button', { name: '保存' }).click();
      await expect(edit.getByText(/至少要保留一位在职的管理员/)).toBeVisible();
      await desk.screenshot('d-staff-last-admin');
      await edit.getByRole('button', { name: '取消' }).click();

      // And she is at the keyboard, so she cannot disable herself either.
      await page
        .getByRole('group', { name: '王丽 的操作' })
        .getByRole('button', { name: '停用' })
        .click();
      await expect(page.getByText('「王丽」是当前操作员，请先切换操作员再停用。')).toBeVisible();
      await desk.screenshot('d-staff');
    });

    await test.step('陈晓 takes the keyboard: the app bar says so and settings are read-only', async () => {
      // Switching asks for 陈晓's password; the one the administrator set is changed first.
      await settings.setPassword('陈晓', '1357');
      await desk.switchOperator('陈晓', '1357', 'chen-2468');
      await expect(page.getByText('当前操作员「陈晓」不是管理员，只能查看。')).toBeVisible();
      await expect(page.getByRole('button', { name: '添加人员' })).toHaveCount(0);
      const table = page.getByRole('table', { name: '人员' });
      await expect(table.getByRole('row').filter({ hasText: '陈晓' })).toContainText('当前操作员');
      await desk.screenshot('d-operator-switched');

      // Who is at the keyboard is stored: it survives a reload.
      await page.reload();
      await expect(
        page.getByRole('banner').getByRole('button', { name: '操作员：陈晓' }),
      ).toBeVisible();
    });
  });

  test('a knowledge entry found from intake, with the opening script and the referral directory', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const desk = await hotlineDesk(page);

    await test.step('add a standard answer to the knowledge base', async () => {
      await page
        .getByRole('navigation', { name: '主菜单' })
        .getByRole('link', { name: '知识库' })
        .click();
      await expect(page.getByRole('heading', { name: '知识库', level: 1 })).toBeVisible();
      await expect(page.getByText('知识库还是空的。', { exact: false })).toBeVisible();

      await page.getByRole('button', { name: '添加条目' }).click();
      const dialog = page.getByRole('dialog', { name: '添加知识库条目' });
      await dialog.getByLabel('问题').fill('小区停水什么时候恢复');
      await dialog.getByRole('button', { name: '保存' }).click();
      await expect(dialog.getByText('请填写此项')).toBeVisible();

      await dialog
        .getByLabel('标准答复')
        .fill('计划停水请查看供水公司公告；突发停水请拨打供水抢修电话 96390，一般 24 小时内恢复。');
      await dialog.getByLabel('适用类型').selectOption({ label: '咨询' });
      await dialog.getByRole('button', { name: '保存' }).click();
      await expect(dialog).toBeHidden();
      const list = page.getByRole('list', { name: '知识库条目' });
      await expect(list.getByRole('listitem', { name: '小区停水什么时候恢复' })).toContainText(
        '96390',
      );
      await desk.screenshot('d-knowledge');
    });

    await test.step('intake shows the opening script, the hold rules and the referral directory', async () => {
      await desk.goIntake();
      const aids = page.getByRole('region', { name: '通话辅助' });
      await expect(aids.getByRole('region', { name: '开场白' })).toContainText(
        '您好！市长热线，请问有什么可以帮到您？',
      );
      await expect(aids.getByRole('region', { name: '结束语' })).toContainText(
        '感谢您的来电，再见！',
      );
      await expect(aids.getByRole('region', { name: '等候规则' })).toContainText('每 30 秒');
      const referrals = aids.getByRole('table', { name: '转介名录' });
      await expect(referrals.getByRole('row').filter({ hasText: '法律援助热线' })).toContainText(
        '12348',
      );
      await expect(referrals.getByRole('row').filter({ hasText: '报警电话' })).toContainText('110');
    });

    await test.step('搜索知识库 finds the answer by a word of it, and copies it', async () => {
      const aids = page.getByRole('region', { name: '通话辅助' });
      await aids.getByLabel('搜索知识库').fill('停水');
      const result = aids
        .getByRole('list', { name: '知识库搜索结果' })
        .getByRole('listitem', { name: '小区停水什么时候恢复' });
      await expect(result).toContainText('供水抢修电话 96390');
      await result.getByRole('button', { name: '复制答复' }).click();
      await expect(result.getByRole('status')).toHaveText('已复制');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('96390');
      await desk.screenshot('d-intake-aids');

      await aids.getByLabel('搜索知识库').fill('燃气');
      await expect(aids.getByText('知识库中没有找到“燃气”。')).toBeVisible();
    });

    await test.step('the administrator edits the opening and adds a referral; intake follows', async () => {
      const settings = new SettingsScreens(page);
      await settings.open('通话辅助');
      const scripts = page.getByRole('form', { name: '通话话术' });
      await scripts.getByLabel('开场白（中文）').fill('您好！12345热线，请问有什么可以帮到您？');
      await scripts.getByRole('button', { name: '保存话术' }).click();
      await expect(scripts.getByText('已保存')).toBeVisible();

      const directory = page.getByRole('form', { name: '转介名录' });
      await directory.getByRole('button', { name: '添加转介单位' }).click();
      const added = directory.getByRole('group', { name: '转介单位 7' });
      await added.getByLabel('电话').fill('打114查');
      await directory.getByRole('button', { name: '保存转介名录' }).click();
      await expect(added.getByText('请填写此项（中文或英文至少一种）')).toBeVisible();
      await expect(added.getByText('电话号码格式不正确')).toBeVisible();
      await expect(directory.getByText('请先改正标红的项目，尚未保存。')).toBeVisible();
      await added.getByLabel('单位名称（中文）').fill('消费者协会');
      await added.getByLabel('电话').fill('12315');
      await added.getByLabel('受理范围（中文）').fill('消费纠纷、商品和服务质量投诉');
      await directory.getByRole('button', { name: '保存转介名录' }).click();
      await expect(directory.getByText('已保存')).toBeVisible();
      await desk.screenshot('d-aids-settings');

      await desk.goIntake();
      const aids = page.getByRole('region', { name: '通话辅助' });
      await expect(aids.getByRole('region', { name: '开场白' })).toContainText('您好！12345热线');
      await expect(
        aids
          .getByRole('table', { name: '转介名录' })
          .getByRole('row')
          .filter({ hasText: '消费者协会' }),
      ).toContainText('12315');
    });

    await test.step('in English the aids and the settings speak English', async () => {
      await page.getByRole('button', { name: '切换语言' }).click();
      const aids = page.getByRole('region', { name: 'Call aids' });
      await expect(aids.getByRole('region', { name: 'Opening' })).toBeVisible();
      await expect(aids.getByLabel('Search the knowledge base')).toBeVisible();
      await expect(aids.getByRole('table', { name: 'Referral directory' })).toContainText(
        'Legal aid hotline',
      );
      await page
        .getByRole('navigation', { name: 'Main menu' })
        .getByRole('link', { name: 'Settings' })
        .click();
      await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
      await desk.screenshot('d-settings-en');
    });
  });

  test('the answer of a closed case is added to the knowledge base and found at intake', async ({
    page,
  }) => {
    const desk = await hotlineDesk(page);

    await test.step('an inquiry answered on the spot and closed', async () => {
      await desk.goIntake();
      await page.getByLabel('来电人姓名').fill('孙先生');
      await page.getByLabel('类型').selectOption({ label: '咨询' });
      await page.getByLabel('主题').fill('燃气费在哪里缴纳');
      await page.getByRole('button', { name: '保存', exact: true }).click();
      await page.getByRole('alert').getByRole('link', { name: '查看' }).click();
      await expect(page.getByRole('heading', { name: /燃气费在哪里缴纳/ })).toBeVisible();
      // Not closed yet: nothing to add.
      await expect(page.getByRole('button', { name: '加入知识库' })).toHaveCount(0);

      await page.getByRole('button', { name: '直接办理' }).click();
      const handle = page.getByRole('dialog', { name: '直接办理' });
      await handle
        .getByLabel(/答复内容/)
        .fill('可在燃气公司营业厅、银行代收点或“燃气服务”公众号缴纳。');
      const followUp = handle.getByLabel('需要回访');
      if (await followUp.isChecked()) await followUp.uncheck();
      await handle
        .getByRole('button', { name: /直接办理/ })
        .last()
        .click();
      await expect(handle).toBeHidden();

      await page.getByRole('button', { name: '结案' }).click();
      const close = page.getByRole('dialog', { name: '结案' });
      const causes = close.getByLabel('最终原因');
      const firstCause = await causes
        .locator('option:not([value=""])')
        .first()
        .getAttribute('value');
      await causes.selectOption(firstCause ?? '');
      await close.getByLabel('结案说明').fill('已告知缴费渠道');
      await close.getByRole('button', { name: /结案/ }).last().click();
      await expect(close).toBeHidden();
    });

    await test.step('加入知识库 proposes the subject and the answer given', async () => {
      await page.getByRole('button', { name: '加入知识库' }).click();
      const dialog = page.getByRole('dialog', { name: '把本件的答复加入知识库' });
      await expect(dialog.getByLabel('问题')).toHaveValue('燃气费在哪里缴纳');
      await expect(dialog.getByLabel('标准答复')).toHaveValue(
        '可在燃气公司营业厅、银行代收点或“燃气服务”公众号缴纳。',
      );
      await desk.screenshot('d-case-to-knowledge');
      await dialog.getByRole('button', { name: '保存' }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByRole('button', { name: '加入知识库' })).toHaveCount(0);
      await page.getByRole('link', { name: /已加入知识库/ }).click();
      const entry = page
        .getByRole('list', { name: '知识库条目' })
        .getByRole('listitem', { name: '燃气费在哪里缴纳' });
      await expect(entry).toContainText('营业厅');
      await expect(entry.getByRole('link', { name: '来源案件' })).toBeVisible();
    });

    await test.step('the clerk finds it from intake', async () => {
      await desk.goIntake();
      const aids = page.getByRole('region', { name: '通话辅助' });
      await aids.getByLabel('搜索知识库').fill('燃气 缴纳');
      await expect(aids.getByRole('listitem', { name: '燃气费在哪里缴纳' })).toContainText(
        '公众号',
      );
    });
  });
});
