import { expect, test, type Page } from '@playwright/test';
import { CasePage, fillLabelled } from './support/case-page';
import { Desk } from './support/desk';
import { fillDateField } from './support/date-field';

/**
 * Work queues on the home screen on a frozen clock that moves across National Day (Oct 1-7
 * 2026; Sun Sep 20 and Sat Oct 10 are make-up working days; Sep 25 is Mid-Autumn Festival),
 * overdue highlighting in the register, the follow-up queue with failed attempts and the
 * sampling rule, and the working calendar: adding 2027's holidays and recomputing deadlines.
 */

/** Registers a case through the intake form; `receivedAt` is local `YYYY-MM-DDTHH:mm`. */
async function intake(desk: Desk, fields: Readonly<Record<string, string>>, receivedAt?: string) {
  const page = desk.page;
  await desk.goIntake();
  const saved = page.getByRole('alert').filter({ hasText: '已登记，编号' });
  // The previous registration's message may still be up: wait for a new number, not for it.
  const previous = (await saved.count()) > 0 ? await saved.textContent() : null;
  if (receivedAt) await fillDateField(page.getByLabel('受理时间'), receivedAt);
  await fillLabelled(page.getByRole('form', { name: '受理登记' }), fields);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(saved).toBeVisible();
  if (previous !== null) await expect(saved).not.toHaveText(previous);
  const number = /编号 ([A-Za-z0-9-]+)/.exec((await saved.textContent()) ?? '')?.[1];
  if (!number) throw new Error('no case number shown');
  return number;
}

/** Opens a case from the register by its number. */
async function openCase(desk: Desk, number: string): Promise<CasePage> {
  await desk.goRegister();
  await desk.registerTable().getByRole('link', { name: number, exact: true }).click();
  const casePage = new CasePage(desk.page);
  await expect(casePage.heading()).toContainText(number);
  return casePage;
}

/** Moves the frozen clock to another local Beijing time and reloads the desk. */
async function moveClock(page: Page, localBeijingTime: string) {
  await page.clock.setFixedTime(new Date(`${localBeijingTime}+08:00`));
  await page.reload();
  await expect(page.getByRole('navigation', { name: '主菜单' })).toBeVisible();
}

async function goHome(page: Page) {
  await page.getByRole('navigation').getByRole('link', { name: '首页', exact: true }).click();
  await expect(page.getByRole('heading', { name: '今日工作' })).toBeVisible();
}

/** The home screen's queue cards, as `title: count` read off their accessible names. */
async function expectQueues(page: Page, counts: Readonly<Record<string, number>>) {
  const queues = page.getByRole('list', { name: '工作队列' });
  for (const [title, count] of Object.entries(counts)) {
    await expect(queues.getByRole('link', { name: `${title}：${count} 件` })).toBeVisible();
  }
}

test.describe('work queues and deadlines', () => {
  test('the home screen counts move with the clock across National Day', async ({ page }) => {
    const desk = new Desk(page);
    const numbers: Record<string, string> = {};

    await test.step('a property desk registers cases received on different days', async () => {
      await desk.openAt('2026-09-28T09:30:00');
      await desk.setUp({
        organisation: '阳光花园物业服务中心',
        desk: '一号客服台',
        preset: '物业服务中心',
        operator: '王丽',
      });
      // Received Thu Sep 17: Sep 18, Sun 20 (make-up), 21, 22, 23 -> overdue by now.
      numbers.late = await intake(
        desk,
        { 客户姓名: '刘芳', 类型: '需求', 主题: '地下车库照明灯不亮' },
        '2026-09-17T10:00',
      );
      // Received Mon Sep 21: 22, 23, 24, (25 Mid-Autumn), 28, 29 -> due tomorrow.
      numbers.soon = await intake(
        desk,
        { 客户姓名: '陈伟', 类型: '投诉', 主题: '楼道堆放杂物无人清理' },
        '2026-09-21T09:00',
      );
      // Received today: Sep 29, 30, Oct 8, 9, Sat 10 (make-up).
      numbers.fresh = await intake(desk, {
        客户姓名: '张建国',
        类型: '投诉',
        主题: '三号楼电梯故障停运',
      });
      // Long repairs: exempt from the deadline, never counted overdue.
      numbers.exempt = await intake(
        desk,
        { 客户姓名: '孙丽', 类型: '投诉', 主题: '外墙渗水需整体维修' },
        '2026-09-17T11:00',
      );
    });

    await test.step('dispatch one case and exempt another through the case page', async () => {
      const fresh = await openCase(desk, numbers.fresh ?? '');
      await fresh.step('交办', { 承办单位: '工程部', 处理人: '李强' });
      const exempt = await openCase(desk, numbers.exempt ?? '');
      await exempt.step('不受时限限制', { 不受时限限制的原因: '需整体维修外墙，工期较长' });
    });

    await test.step('Mon Sep 28: one overdue, one due within a working day', async () => {
      await goHome(page);
      await expect(page.getByText('截至 2026-09-28 09:30')).toBeVisible();
      await expectQueues(page, {
        待交办: 3,
        已交办未接单: 1,
        一个工作日内到期: 1,
        已超期: 1,
        待回访: 0,
        '升级处理/内部评审': 0,
        我的工单: 4,
      });
      await desk.screenshot('b-01-home-sep28');
      await page.getByRole('link', { name: /^已超期：/ }).click();
      const list = page.getByRole('table', { name: '已超期' });
      await expect(list.getByRole('row')).toHaveCount(2);
      await expect(list).toContainText(numbers.late ?? '');
      await expect(list).toContainText('超期 2 个工作日');
    });

    await test.step('Wed Sep 30: the case due yesterday is overdue too', async () => {
      await moveClock(page, '2026-09-30T10:00:00');
      await goHome(page);
      await expectQueues(page, { 一个工作日内到期: 0, 已超期: 2 });
    });

    await test.step('Fri Oct 9: the case due on the make-up Saturday is due soon', async () => {
      await moveClock(page, '2026-10-09T10:00:00');
      await goHome(page);
      await expectQueues(page, { 一个工作日内到期: 1, 已超期: 2 });
      await page.getByRole('link', { name: /^一个工作日内到期：/ }).click();
      const list = page.getByRole('table', { name: '一个工作日内到期' });
      await expect(list).toContainText(numbers.fresh ?? '');
      await expect(list).toContainText('2026-10-10 17:30');
      await expect(list).toContainText('即将到期');
      await desk.screenshot('b-02-due-soon-oct9');
    });

    await test.step('Mon Oct 12: three overdue; the register highlights them', async () => {
      await moveClock(page, '2026-10-12T09:00:00');
      await goHome(page);
      await expectQueues(page, { 一个工作日内到期: 0, 已超期: 3, 已交办未接单: 1 });
      await desk.screenshot('b-03-home-oct12');
      await desk.goRegister();
      const row = (number: string) =>
        desk.registerTable().getByRole('row').filter({ hasText: number });
      await expect(row(numbers.fresh ?? '')).toContainText('已超期');
      await expect(row(numbers.fresh ?? '')).toContainText('超期 1 个工作日');
      // Sep 23 to Oct 12: Sep 24, 28, 29, 30, Oct 8, 9, 10, 12.
      await expect(row(numbers.late ?? '')).toContainText('超期 8 个工作日');
      await expect(row(numbers.exempt ?? '')).toContainText('不受时限限制');
      await expect(row(numbers.exempt ?? '')).not.toContainText('已超期');
      await desk.screenshot('b-04-register-overdue');
    });
  });
});

/** Dispatches and replies to a case from its page, so it waits for its follow-up. */
async function dispatchAndReply(desk: Desk, number: string, unit: string) {
  const casePage = await openCase(desk, number);
  await casePage.step('交办', { 承办单位: unit });
  await casePage.step('办结回复', { 办理情况: '已处理完毕', 告知客户的内容: '已电话告知处理结果' });
  return casePage;
}

async function goFollowUp(page: Page) {
  await page.getByRole('navigation').getByRole('link', { name: '回访', exact: true }).click();
  await expect(page.getByRole('heading', { name: '回访队列' })).toBeVisible();
}

function followUpRow(page: Page, number: string) {
  return page
    .getByRole('table', { name: '待回访列表' })
    .getByRole('row')
    .filter({ hasText: number });
}

async function openFollowUp(page: Page, number: string) {
  await followUpRow(page, number)
    .getByRole('button', { name: `回访 ${number}` })
    .click();
  const dialog = page.getByRole('dialog', { name: `回访 · ${number}` });
  await expect(dialog).toBeVisible();
  return dialog;
}

test.describe('follow-up', () => {
  test('three failed calls, an SMS, then the customer is reached and satisfied', async ({
    page,
  }) => {
    const desk = new Desk(page);
    let number = '';

    await test.step('a hotline case is dispatched and replied', async () => {
      await desk.openAt('2026-11-02T09:00:00');
      await desk.setUp({
        organisation: '市民服务热线',
        desk: '坐席 8',
        preset: '市民服务热线',
        operator: '李强',
      });
      number = await intake(desk, {
        来电人姓名: '赵女士',
        联系电话: '13900001111',
        地址: '和平路 18 号',
        类型: '一般诉求',
        主题: '和平路路灯连续一周不亮',
      });
      await dispatchAndReply(desk, number, '区城管局');
      await goHome(page);
      await expectQueues(page, { 待回访: 1 });
    });

    await test.step('the follow-up queue lists it with its due time', async () => {
      await goFollowUp(page);
      const row = followUpRow(page, number);
      // Three working days after the reply: Nov 3, 4, 5.
      await expect(row).toContainText('2026-11-05 17:30');
      await expect(row).toContainText('必须回访');
      await expect(page.getByRole('region', { name: '抽样回访' })).toContainText('不对满意件抽样');
    });

    await test.step('an empty result is refused next to its fields, nothing saved', async () => {
      const dialog = await openFollowUp(page, number);
      await expect(dialog).toContainText('您好，这里是市长热线，现在需要对您之前的来电做一个回访');
      await dialog.getByRole('button', { name: '保存' }).click();
      await expect(dialog.getByText('请先改正标红的项目，尚未保存。')).toBeVisible();
      // Four answers and the score.
      await expect(dialog.getByText('请填写此项')).toHaveCount(5);
      await expect(dialog.getByText('请在规定的分值范围内选择')).toHaveCount(0);
      await desk.screenshot('b-05-follow-up-errors');
      await dialog.getByRole('button', { name: '取消' }).click();
      await expect(followUpRow(page, number).getByRole('cell').nth(6)).toHaveText('0');
    });

    await test.step('no answer; busy with an SMS; switched off the next day', async () => {
      let dialog = await openFollowUp(page, number);
      await dialog.getByLabel('回访结果').selectOption({ label: '无人接听' });
      await expect(dialog.getByLabel('满意度（1–5 分）')).toHaveCount(0);
      await dialog.getByRole('button', { name: '保存' }).click();
      await expect(dialog).toBeHidden();

      await moveClock(page, '2026-11-02T15:00:00');
      await goFollowUp(page);
      dialog = await openFollowUp(page, number);
      await dialog.getByLabel('回访结果').selectOption({ label: '占线' });
      await dialog.getByLabel('已发送短信告知客户').check();
      await dialog.getByLabel('备注').fill('下午再拨仍占线，已发短信请客户回电');
      await dialog.getByRole('button', { name: '保存' }).click();
      await expect(dialog).toBeHidden();

      await moveClock(page, '2026-11-03T10:00:00');
      await goFollowUp(page);
      dialog = await openFollowUp(page, number);
      await expect(dialog).toContainText('本轮已回访未成 2 次');
      // Two working days after the SMS: Nov 3 and 4.
      await expect(dialog).toContainText('如客户 2026-11-04 17:30 前仍未联系');
      await expect(dialog.getByRole('button', { name: '无法联系，免回访' })).toBeDisabled();
      await dialog.getByLabel('回访结果').selectOption({ label: '关机/停机' });
      await dialog.getByRole('button', { name: '保存' }).click();
      await expect(dialog).toBeHidden();
      await expect(followUpRow(page, number).getByRole('cell').nth(6)).toHaveText('3');
    });

    await test.step('two working days after the SMS the unreachable rule allows a waiver', async () => {
      await moveClock(page, '2026-11-05T09:00:00');
      await goFollowUp(page);
      const dialog = await openFollowUp(page, number);
      await expect(dialog).toContainText('本轮已回访未成 3 次');
      await expect(dialog).toContainText('占线 · 已发短信 · 下午再拨仍占线');
      await expect(dialog.getByRole('button', { name: '无法联系，免回访' })).toBeEnabled();
      await desk.screenshot('b-06-follow-up-attempts');

      await test.step('but the customer answers, and is satisfied', async () => {
        await dialog.getByLabel('回访结果').selectOption({ label: '已接通，记录回访意见' });
        await fillLabelled(dialog, {
          '承办单位是否已与您联系？': '是，城管局电话联系过',
          '您反映的问题是否已解决？': '已解决，路灯已亮',
          '您对办理结果是否满意？': '满意',
          '您还有什么意见或建议？': '无',
        });
        await dialog.getByLabel('满意度（1–5 分）').selectOption('5');
        await expect(dialog).toContainText('满意：保存后回访完成，可以结案。');
        await desk.screenshot('b-07-follow-up-reached');
        await dialog.getByRole('button', { name: '保存' }).click();
        await expect(dialog).toBeHidden();
      });
    });

    await test.step('the queue is empty and the history shows every call', async () => {
      await expect(page.getByText('目前没有待回访的办结件。')).toBeVisible();
      const casePage = await openCase(desk, number);
      const timeline = casePage.timeline();
      await expect(timeline.getByText('回访未成')).toHaveCount(3);
      await expect(timeline).toContainText('下午再拨仍占线，已发短信请客户回电');
      await expect(
        casePage.actions().getByRole('button', { name: '结案', exact: true }),
      ).toBeVisible();
    });
  });

  test('satisfied requests are sampled, and the rate achieved is shown', async ({ page }) => {
    const desk = new Desk(page);
    const requests: string[] = [];
    let complaint = '';

    await test.step('a property desk replies to two requests and a complaint', async () => {
      await desk.openAt('2026-10-26T09:00:00');
      await desk.setUp({
        organisation: '阳光花园物业服务中心',
        desk: '一号客服台',
        preset: '物业服务中心',
        operator: '王丽',
      });
      for (const subject of ['申请开具停车证明', '预约上门疏通下水道']) {
        requests.push(await intake(desk, { 客户姓名: '周敏', 类型: '需求', 主题: subject }));
      }
      complaint = await intake(desk, {
        客户姓名: '吴刚',
        类型: '投诉',
        主题: '保洁未按时清运垃圾',
      });
      for (const number of [...requests, complaint]) await dispatchAndReply(desk, number, '客服部');
    });

    await test.step('the queue shows the draw of each request; complaints are always called', async () => {
      await goFollowUp(page);
      await expect(followUpRow(page, complaint)).toContainText('必须回访');
      const rate = page.getByRole('region', { name: '抽样回访' });
      await expect(rate).toContainText('本期 2026-10-25 至 2026-11-24');
      await expect(rate).toContainText('规定比例 15%；本期还没有已处理的满意办结件。');
      await desk.screenshot('b-08-follow-up-queue');
    });

    let drawn = 0;
    await test.step('each request is settled as its draw says', async () => {
      for (const number of requests) {
        const need = (await followUpRow(page, number).getByRole('cell').nth(7).textContent()) ?? '';
        expect(['抽中', '未抽中']).toContain(need);
        const dialog = await openFollowUp(page, number);
        if (need === '抽中') {
          drawn += 1;
          await expect(dialog).toContainText('抽样回访：本件被抽中');
          await expect(dialog.getByRole('button', { name: '按抽样规则免回访' })).toHaveCount(0);
          await fillLabelled(dialog, {
            服务质量的评价: '好',
            服务效果的评价: '好',
            客户的满意程度评价: '满意',
            缺点与不足评价: '无',
            客户的建议: '无',
          });
          await dialog.getByLabel('回访方式').selectOption({ label: '上门' });
          await dialog.getByLabel('满意度（1–5 分）').selectOption('5');
          await dialog.getByRole('button', { name: '保存' }).click();
        } else {
          await expect(dialog).toContainText('抽样回访：本件未被抽中（满意的办结件按 15% 抽样）');
          await desk.screenshot('b-09-follow-up-not-drawn');
          await dialog.getByRole('button', { name: '按抽样规则免回访' }).click();
        }
        await expect(dialog).toBeHidden();
        await expect(followUpRow(page, number)).toHaveCount(0);
      }
    });

    await test.step('the rate achieved counts what was done', async () => {
      const rate = page.getByRole('region', { name: '抽样回访' });
      const achieved = `${Math.round((drawn / 2) * 1000) / 10}%`;
      await expect(rate).toContainText(
        `规定比例 15%；已处理 2 件满意的办结件，其中回访 ${drawn} 件（抽中 ${drawn} 件），实际回访率 ${achieved}。`,
      );
      await expect(followUpRow(page, complaint)).toHaveCount(1);
      await desk.screenshot('b-10-follow-up-rate');
    });
  });
});

test.describe('working calendar', () => {
  test('adding 2027 holidays and recomputing removes the deadline warning', async ({ page }) => {
    const desk = new Desk(page);
    let number = '';

    await test.step('a complaint received before New Year is due in 2027, with a warning', async () => {
      await desk.openAt('2026-12-29T10:00:00');
      await desk.setUp({
        organisation: '阳光花园物业服务中心',
        desk: '一号客服台',
        preset: '物业服务中心',
        operator: '王丽',
      });
      number = await intake(desk, { 客户姓名: '郑强', 类型: '投诉', 主题: '小区门禁卡无法使用' });
      await desk.goRegister();
      const row = desk.registerTable().getByRole('row').filter({ hasText: number });
      // Without 2027 data Jan 1 counts as a working day: Dec 30, 31, Jan 1, 4, 5.
      await expect(row).toContainText('2027-01-05 17:30');
      await expect(row.getByRole('img', { name: /2027 年没有官方节假日数据/ })).toBeVisible();
    });

    await test.step('the calendar page refuses a year with data and dates outside the year', async () => {
      await page.getByRole('navigation').getByRole('link', { name: '设置', exact: true }).click();
      await page.getByRole('link', { name: /工作日历/ }).click();
      await expect(page.getByRole('heading', { name: '工作日历', level: 1 })).toBeVisible();
      await expect(page.getByText('随软件提供的官方数据：2004–2026 年')).toBeVisible();
      const recompute = page.getByRole('region', { name: '重新计算期限' });
      await expect(recompute).toContainText('1 件未结案件的期限都不需要改变');

      const hours = page.getByRole('form', { name: '办公时间' });
      await hours.getByLabel('第 2 段结束').fill('25:00');
      await hours.getByRole('button', { name: '保存办公时间' }).click();
      await expect(hours.getByText('请填写 时:分，例如 08:30')).toBeVisible();
      await expect(hours.getByText('已保存。')).toHaveCount(0);
      await hours.getByLabel('第 2 段结束').fill('17:30');

      const form = page.getByRole('form', { name: '补充一年的节假日' });
      await form.getByLabel('年份').fill('2026');
      await form.getByLabel('放假日期').fill('2026-10-01');
      await form.getByRole('button', { name: '保存该年节假日' }).click();
      await expect(form.getByText('该年已有官方数据，无需补充')).toBeVisible();
      await form.getByLabel('年份').fill('2027');
      await form.getByLabel('放假日期').fill('2027-01-01\n2028-01-01');
      await form.getByRole('button', { name: '保存该年节假日' }).click();
      await expect(form.getByText('2028-01-01 不在所填年份内')).toBeVisible();
      await expect(page.getByText('尚未补充任何年份。')).toBeVisible();
    });

    await test.step('New Year 2027 is added; the page says one deadline would change', async () => {
      const form = page.getByRole('form', { name: '补充一年的节假日' });
      await form.getByLabel('放假日期').fill('2027-01-01');
      await form.getByRole('button', { name: '保存该年节假日' }).click();
      await expect(page.getByText('2027 年：节假日 1 天，调休上班 0 天')).toBeVisible();
      const recompute = page.getByRole('region', { name: '重新计算期限' });
      await expect(recompute).toContainText('1 件未结案件中有 1 件的期限会改变');
      await desk.screenshot('b-11-calendar-added');
      await recompute.getByRole('button', { name: '重新计算未结案件的期限' }).click();
      await expect(recompute).toContainText('已重新计算 1 件未结案件，其中 1 件期限已改变');
      await expect(recompute).toContainText(`${number} → 2027-01-06 17:30`);
      await expect(recompute).toContainText('1 件未结案件的期限都不需要改变');
      await desk.screenshot('b-12-calendar-recomputed');
    });

    await test.step('the register shows the new deadline without the warning', async () => {
      await desk.goRegister();
      const row = desk.registerTable().getByRole('row').filter({ hasText: number });
      await expect(row).toContainText('2027-01-06 17:30');
      await expect(row.getByRole('img', { name: /没有官方节假日数据/ })).toHaveCount(0);
    });

    await test.step('the change is in the case history', async () => {
      const casePage = await openCase(desk, number);
      const timeline = casePage.timeline();
      await expect(timeline).toContainText('调整期限');
      await expect(timeline).toContainText('期限由 2027-01-05 17:30 重新计算为 2027-01-06 17:30');
      await desk.screenshot('b-13-case-deadline-changed');
    });
  });
});

test('the home screen, queues and follow-up speak English when switched', async ({ page }) => {
  const desk = new Desk(page);
  await desk.openAt('2026-10-09T10:00:00');
  await desk.setUp({
    organisation: '仁和医院',
    desk: '医患办',
    preset: '医患关系办公室',
    operator: '陈静',
  });
  await intake(desk, { 投诉人姓名: '刘先生', 主题: '门诊护士态度生硬' }, '2026-09-29T09:00');
  await page.getByRole('button', { name: '切换语言' }).click();
  await page.getByRole('navigation').getByRole('link', { name: 'Home', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Today’s work' })).toBeVisible();
  // A reply within 2 working days of Sep 29: Sep 30 and Oct 8.
  await expect(page.getByRole('link', { name: 'Overdue: 1' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'To dispatch: 1' })).toBeVisible();
  await desk.screenshot('b-14-home-english');
  await page.getByRole('link', { name: 'Overdue: 1' }).click();
  await expect(page.getByRole('table', { name: 'Overdue' })).toContainText('1 working day late');
  await page.getByRole('navigation').getByRole('link', { name: 'Follow-up', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Follow-up queue' })).toBeVisible();
  await expect(page.getByText('No replied case is waiting for a follow-up.')).toBeVisible();
  await desk.screenshot('b-15-follow-up-english');
});
