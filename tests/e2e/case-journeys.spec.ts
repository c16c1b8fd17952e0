import { expect, test, type Locator, type Page } from '@playwright/test';
import { CasePage, fillLabelled } from './support/case-page';
import { Desk } from './support/desk';

/**
 * A case from intake to closed in each of the four presets, on a frozen clock across the
 * National Day holiday (Oct 1-7 2026; Sat Oct 10 is a make-up working day): dispatch, a return
 * and re-dispatch, an urge, a reply, an unsatisfied follow-up that sends it back, remedial
 * action, a satisfied follow-up, closing. Deadlines are read off the dialogs and the case page.
 */
interface JourneyPreset {
  readonly preset: string;
  readonly organisation: string;
  readonly operator: string;
  /** Intake fields by label (a select takes the option's label). */
  readonly intake: Readonly<Record<string, string>>;
  /** The handling deadline the rules give, counted from the intake on Sep 30 10:00. */
  readonly ruleDeadline: string;
  /** When the follow-up falls due after the reply on Oct 9 10:00. */
  readonly followUpDue: string;
  readonly firstUnit: string;
  readonly secondUnit: string;
  readonly handler: string;
  readonly questions: readonly string[];
  readonly unsatisfied: number;
  readonly satisfied: number;
  readonly finalCause: string;
  /** A step of this preset, taken once the case has been accepted. */
  readonly extra?: (casePage: CasePage, page: Page) => Promise<void>;
  /** A step of this preset, taken right after intake. */
  readonly beforeDispatch?: (casePage: CasePage) => Promise<void>;
}

const PRESETS: readonly JourneyPreset[] = [
  {
    preset: '物业服务中心',
    organisation: '阳光花园物业服务中心',
    operator: '王丽',
    intake: {
      客户姓名: '张建国',
      联系电话: '13812345678',
      客户房号: '3-1502',
      类型: '投诉',
      类别: '设备管理',
      主题: '三号楼电梯故障停运两天无人处理',
      客户要求: '尽快修复电梯并说明原因',
    },
    // Oct 8, 9, Sat 10 (make-up), 12, 13.
    ruleDeadline: '2026-10-13 17:30',
    // Complaints are followed up within 24 hours of the reply.
    followUpDue: '2026-10-10 10:00',
    firstUnit: '保安部',
    secondUnit: '工程部',
    handler: '李强',
    questions: [
      '服务质量的评价',
      '服务效果的评价',
      '客户的满意程度评价',
      '缺点与不足评价',
      '客户的建议',
    ],
    // Only 5 out of 5 counts as satisfied in the property preset.
    unsatisfied: 4,
    satisfied: 5,
    finalCause: '设施设备故障',
  },
  {
    preset: '市民服务热线',
    organisation: '市民服务热线',
    operator: '李强',
    intake: {
      来电人姓名: '赵女士',
      联系电话: '13900001111',
      地址: '和平路 18 号',
      类型: '一般诉求',
      主题: '和平路路灯连续一周不亮',
      诉求内容: '和平路 10 号至 30 号路段路灯全部不亮，夜间行人不安全。',
    },
    ruleDeadline: '2026-10-13 17:30',
    // 3 working days after the reply: Sat Oct 10, 12, 13.
    followUpDue: '2026-10-13 17:30',
    firstUnit: '区住建局',
    secondUnit: '区城管局',
    handler: '周科长',
    questions: [
      '承办单位是否已与您联系？',
      '您反映的问题是否已解决？',
      '您对办理结果是否满意？',
      '您还有什么意见或建议？',
    ],
    unsatisfied: 2,
    satisfied: 4,
    finalCause: '市政设施',
  },
  {
    preset: '医患关系办公室',
    organisation: '仁和医院医患关系办公室',
    operator: '陈静',
    intake: {
      投诉人姓名: '刘先生',
      联系电话: '13700002222',
      主题: '门诊护士态度生硬',
      诉求内容: '9月29日上午在心内科门诊询问检查地点，护士态度生硬。',
    },
    // A reply within 2 working days: Oct 8, 9.
    ruleDeadline: '2026-10-09 17:30',
    followUpDue: '2026-10-13 17:30',
    firstUnit: '门诊部',
    secondUnit: '心内科',
    handler: '护士长孙丽',
    questions: [
      '科室是否已与您沟通并答复？',
      '您对处理结果是否满意？',
      '您现在对医务人员的服务态度如何评价？',
      '您还有什么意见或建议？',
    ],
    unsatisfied: 3,
    satisfied: 4,
    finalCause: '服务态度欠佳',
    // The unit asks for more time; the leader in charge approves (up to 5 working days).
    extra: async (casePage) => {
      await stepAfterCheck(casePage, '申请延期', '按规定最晚可延至 2026-10-15 17:30', {
        申请延至: '2026-10-14T17:30',
        延期原因: '需调取监控核实经过',
      });
      await casePage.step('审批延期', { 审批意见: '同意延期' });
      await expect(casePage.fields()).toContainText('2026-10-14 17:30');
    },
  },
  {
    preset: '企业客户服务',
    organisation: '华美电器客户服务部',
    operator: '吴敏',
    intake: {
      客户姓名: '郑女士',
      联系电话: '13600003333',
      类型: '咨询',
      主题: '新买的空调制冷效果差',
      诉求内容: '询问空调制冷效果差是否正常，安装后室温降不下来。',
    },
    // As a complaint: replied within 3 working days of the intake: Oct 8, 9, Sat 10.
    ruleDeadline: '2026-10-10 17:30',
    // Complaints are followed up by the next working day: Sat Oct 10.
    followUpDue: '2026-10-10 17:30',
    firstUnit: '市场部',
    secondUnit: '质量部',
    handler: '钱工',
    questions: ['问题是否已解决？', '对处理结果的满意程度', '产品使用情况', '意见和建议'],
    unsatisfied: 2,
    satisfied: 5,
    finalCause: '产品质量缺陷',
    // The inquiry turns out to be a complaint (never the reverse, S003-O).
    beforeDispatch: async (casePage) => {
      await casePage.step('咨询转投诉', { 转为: '投诉', 转换原因: '客户要求上门检修，属质量投诉' });
      await expect(casePage.fields()).toContainText('类型投诉');
    },
  },
];

async function registerAndOpen(desk: Desk, intake: Readonly<Record<string, string>>) {
  const page = desk.page;
  await desk.goIntake();
  await fillLabelled(page.getByRole('form', { name: '受理登记' }), intake);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  const saved = page.getByRole('alert').filter({ hasText: '已登记，编号' });
  await expect(saved).toBeVisible();
  await saved.getByRole('link', { name: '查看' }).click();
  await expect(page.getByRole('region', { name: '办理', exact: true })).toBeVisible();
}

/** Sets up a new desk on the day before National Day, where every case of this file starts. */
async function setUpOnTheEve(page: Page, input: Parameters<Desk['setUp']>[0]) {
  const desk = new Desk(page);
  await desk.openAt('2026-09-30T10:00:00');
  await desk.setUp(input);
  return { desk, casePage: new CasePage(page) };
}

/**
 * Takes a step whose dialog is looked at first (a text it must show, or a check of its own):
 * opens it, checks, fills the labelled fields, confirms, and waits until it has closed.
 */
async function stepAfterCheck(
  casePage: CasePage,
  action: string,
  check: string | ((dialog: Locator) => Promise<void>),
  fill: Readonly<Record<string, string>>,
) {
  const dialog = await casePage.open(action);
  if (typeof check === 'string') await expect(dialog).toContainText(check);
  else await check(dialog);
  await fillLabelled(dialog, fill);
  await dialog.getByRole('button', { name: `确认${action}` }).click();
  await expect(dialog).toBeHidden();
}

/**
 * Accepts a level rule's proposal from the banner on the actions panel: the banner names the
 * rule's reason, the dialog proposes major with its new deadline, and the case becomes major.
 */
async function escalateAsProposed(
  casePage: CasePage,
  proposal: { reason: string; deadline: string },
  onBanner?: () => Promise<void>,
) {
  const banner = casePage.actions().getByRole('alert');
  await expect(banner).toContainText('按规则，此件应定为「重大」');
  await expect(banner).toContainText(proposal.reason);
  await onBanner?.();
  await banner.getByRole('button', { name: '升级处理' }).click();
  const dialog = casePage.dialog('升级处理');
  await expect(dialog.getByLabel('级别')).toHaveValue('major');
  await expect(dialog).toContainText(proposal.deadline);
  await dialog.getByRole('button', { name: '确认升级处理' }).click();
  await expect(dialog).toBeHidden();
  await expect(casePage.fields()).toContainText('级别重大');
}

async function at(page: Page, localBeijingTime: string) {
  await page.clock.setFixedTime(new Date(`${localBeijingTime}+08:00`));
}

for (const [index, p] of PRESETS.entries()) {
  test(`${p.preset}: intake to closed, with a return, an urge and an unsatisfied follow-up`, async ({
    page,
  }) => {
    const desk = new Desk(page);
    const casePage = new CasePage(page);
    const shot = (name: string) => desk.screenshot(`a-journey-${index + 1}-${name}`);

    await test.step('set up and register on the day before National Day', async () => {
      await setUpOnTheEve(page, {
        organisation: p.organisation,
        desk: '一号台',
        preset: p.preset,
        operator: p.operator,
      });
      await registerAndOpen(desk, p.intake);
      await casePage.expectStatus('已受理');
      if (index === 0) await shot('actions-panel');
      await p.beforeDispatch?.(casePage);
    });

    await test.step('dispatch with the deadline of the rules, counted across the holiday', async () => {
      const ruleDeadline = (dialog: Locator) =>
        expect(dialog.getByTestId('rule-deadline')).toContainText(p.ruleDeadline);
      await stepAfterCheck(casePage, '交办', ruleDeadline, {
        承办单位: p.firstUnit,
        处理人: p.handler,
      });
      await casePage.expectStatus('已交办');
      await expect(casePage.fields()).toContainText(`承办单位${p.firstUnit}`);
    });

    await test.step('the unit returns it; the desk re-dispatches it to the right unit', async () => {
      await casePage.step('退回', { 退回原因: '不属本单位职责，应由其他单位处理' });
      await casePage.expectStatus('已退回');
      // The clock of the first dispatch still runs: the deadline is the same.
      const ruleDeadline = (dialog: Locator) =>
        expect(dialog.getByTestId('rule-deadline')).toContainText(p.ruleDeadline);
      await stepAfterCheck(casePage, '改派', ruleDeadline, {
        承办单位: p.secondUnit,
        处理人: p.handler,
      });
      await casePage.expectStatus('已交办');
      await casePage.step('接单');
      await casePage.expectStatus('已接单');
    });

    await test.step('after the holiday the shift lead urges the unit', async () => {
      await at(page, '2026-10-09T09:00:00');
      await p.extra?.(casePage, page);
      await casePage.step('催办', { 催办内容: '请今天内处理并回复' });
      await expect(casePage.timeline()).toContainText('请今天内处理并回复');
    });

    await test.step('the unit replies; the follow-up falls due by the rules', async () => {
      await at(page, '2026-10-09T10:00:00');
      await casePage.step('办结回复', {
        办理情况: '已派人现场处理完毕',
        告知客户的内容: '已电话告知处理结果',
      });
      await casePage.expectStatus('已办结');
      await expect(casePage.fields()).toContainText(`回访期限${p.followUpDue}`);
    });

    await test.step('an unsatisfied follow-up sends it back for remedial action', async () => {
      await at(page, '2026-10-09T15:00:00');
      await casePage.followUp(
        p.unsatisfied,
        Object.fromEntries(p.questions.map((q) => [q, '不太满意，问题仍未彻底解决'])),
      );
      await casePage.expectStatus('已接单');
      await expect(casePage.fields()).toContainText('回访不满意，重新办理中');
      await casePage.step('纠正预防措施', {
        原因分析: '首次处理只解决了表面问题',
        '纠正/预防措施': '安排专人复查并建立回访前自查',
        负责人: p.secondUnit,
      });
      await at(page, '2026-10-10T10:00:00');
      await casePage.step('办结回复', {
        办理情况: '已彻底处理并复查',
        告知客户的内容: '已上门说明补救结果',
      });
      await casePage.expectStatus('已办结');
    });

    await test.step('a satisfied follow-up, then closing under a final cause', async () => {
      await at(page, '2026-10-10T15:00:00');
      await casePage.followUp(p.satisfied, Object.fromEntries(p.questions.map((q) => [q, '满意'])));
      await expect(
        casePage.actions().getByRole('button', { name: '回访', exact: true }),
      ).toBeHidden();
      await casePage.step('结案', { 最终原因: p.finalCause, 结案说明: '补救后客户满意，结案' });
      await casePage.expectStatus('已结案');
      await expect(casePage.fields()).toContainText(`最终原因${p.finalCause}`);
      await expect(casePage.actions().getByRole('button', { name: '重新办理' })).toBeVisible();
    });

    await test.step('the history holds every step with its details', async () => {
      const timeline = casePage.timeline();
      for (const text of [
        '受理登记',
        `承办单位${p.firstUnit}`,
        '退回原因不属本单位职责',
        `承办单位${p.secondUnit}`,
        `处理期限${p.ruleDeadline}（按规定）`,
        '催办',
        '办理情况已派人现场处理完毕',
        `满意度${p.unsatisfied} 分 · 不满意`,
        '纠正预防措施',
        `满意度${p.satisfied} 分 · 满意`,
        `最终原因${p.finalCause}`,
      ]) {
        await expect(timeline).toContainText(text);
      }
      await expect(timeline).toContainText(p.operator);
      await shot('timeline');
    });
  });
}

test('an escalated complaint goes through internal review (property)', async ({ page }) => {
  const { desk, casePage } = await setUpOnTheEve(page, {
    organisation: '阳光花园物业服务中心',
    desk: '一号台',
    preset: '物业服务中心',
    operator: '王丽',
  });
  await registerAndOpen(desk, {
    客户姓名: '孙伟',
    联系电话: '13511112222',
    客户房号: '5-0801',
    类型: '投诉',
    主题: '楼上漏水泡坏木地板',
    '涉及金额（元）': '2000',
    客户要求: '赔偿地板损失',
  });

  await test.step('a level rule fires: 2,000 yuan or more suggests major', async () => {
    await escalateAsProposed(
      casePage,
      {
        reason: '涉及金额达到 2,000.00 元',
        // 15 working days from now: Oct 8, 9, 10, 12-16, 19-23, 26, 27.
        deadline: '升级后的处理期限（自现在起计算）：2026-10-27 17:30',
      },
      () => desk.screenshot('a-escalation-banner'),
    );
    await casePage.expectStatus('升级处理');
    await expect(casePage.actions().getByRole('alert')).toBeHidden();
  });

  await test.step('the internal review record, then the customer is consulted', async () => {
    await at(page, '2026-10-09T10:00:00');
    const firstReview = async (review: Locator) => {
      await expect(review).toContainText('第 1 次评审');
      await expect(review.getByLabel('客户要求')).toHaveValue('赔偿地板损失');
    };
    await stepAfterCheck(casePage, '内部评审', firstReview, {
      处理进展: '已查明楼上水管破裂',
      拟定解决方案: '由楼上业主保险赔付，物业协助更换地板',
      可行性: '可行',
      成本: '约 2600 元',
      公平性: '与同类处理一致',
      评审人: '赵敏、钱进',
      评审结论: '同意方案',
    });
    await casePage.expectStatus('内部评审');
    await casePage.step('客户意见征询', {
      客户意见: '同意方案',
      征询记录: '客户同意由保险赔付',
    });
    await casePage.expectStatus('已接单');
  });

  await test.step('reply, follow-up, close', async () => {
    await casePage.step('办结回复', { 办理情况: '已更换地板', 告知客户的内容: '已告知业主' });
    await casePage.followUp(
      5,
      Object.fromEntries(
        [
          '服务质量的评价',
          '服务效果的评价',
          '客户的满意程度评价',
          '缺点与不足评价',
          '客户的建议',
        ].map((q) => [q, '满意']),
      ),
    );
    const responsibility = await casePage.open('定责');
    await responsibility.getByLabel('有效投诉').check();
    await fillLabelled(responsibility, { '责任单位/科室': '工程部', 责任人: '李强' });
    await responsibility.getByRole('button', { name: '确认定责' }).click();
    await expect(responsibility).toBeHidden();
    await casePage.step('结案', { 最终原因: '设施设备故障', 结案说明: '保险赔付，地板已更换' });
    await casePage.expectStatus('已结案');
    const timeline = casePage.timeline();
    for (const text of [
      '升级处理',
      '级别重大',
      '新期限2026-10-27 17:30',
      '由规则提出是',
      '评审次数第 1 次',
      '拟定方案由楼上业主保险赔付，物业协助更换地板',
      '评审人赵敏、钱进',
      '客户意见同意方案',
      '责任单位工程部',
      '责任人李强',
    ]) {
      await expect(timeline).toContainText(text);
    }
    await desk.screenshot('a-escalation-timeline');
  });
});

test('hotline: an inquiry answered on the spot, a complaint judged invalid', async ({ page }) => {
  const { desk, casePage } = await setUpOnTheEve(page, {
    organisation: '市民服务热线',
    desk: '坐席 8',
    preset: '市民服务热线',
    operator: '李强',
  });

  await test.step('an inquiry is answered directly and closed without a follow-up', async () => {
    await registerAndOpen(desk, { 类型: '咨询', 主题: '咨询社保卡补办地点' });
    const withoutFollowUp = async (dialog: Locator) => {
      await expect(dialog).toContainText('按本台规则，此类型必须回访');
      await dialog.getByLabel('需要回访').uncheck();
    };
    await stepAfterCheck(casePage, '直接办理', withoutFollowUp, {
      答复内容: '告知到区政务服务中心社保窗口办理',
    });
    await casePage.expectStatus('直办');
    await casePage.step('结案', { 最终原因: '其他', 结案说明: '已当场答复' });
    await casePage.expectStatus('已结案');
    await expect(casePage.timeline()).toContainText('答复告知到区政务服务中心社保窗口办理');
    await expect(casePage.timeline()).toContainText('回访无需回访');
  });

  await test.step('a complaint found unfounded is closed with the explanation, and kept', async () => {
    await registerAndOpen(desk, { 类型: '投诉举报', 主题: '举报某餐馆占道经营' });
    await stepAfterCheck(casePage, '判定无效', '按本台规则，判定无效后将以此说明结案。', {
      向客户的说明: '经核实该餐馆已办理临时占道许可，已向来电人说明',
    });
    await casePage.expectStatus('已结案');
    await expect(casePage.timeline()).toContainText('处理以此说明结案');
    await expect(casePage.actions().getByRole('button', { name: '判定无效' })).toHaveCount(0);
  });

  await test.step('the case page reads in English too', async () => {
    await page.getByRole('button', { name: '切换语言' }).click();
    const handling = page.getByRole('region', { name: 'Handling', exact: true });
    await expect(handling).toBeVisible();
    await expect(page.getByRole('list', { name: 'History' })).toContainText('Explanation given');
    const dialog = page.getByRole('dialog', { name: 'Reopen' });
    await handling.getByRole('button', { name: 'Reopen' }).click();
    await dialog.getByRole('button', { name: 'Save: Reopen' }).click();
    await expect(dialog.getByText('Fill this in')).toBeVisible();
    await desk.screenshot('a-english-reopen');
  });
});

test('property: an invalid complaint is counted as a request and stays open', async ({ page }) => {
  const { desk, casePage } = await setUpOnTheEve(page, {
    organisation: '阳光花园物业',
    desk: '一号台',
    preset: '物业服务中心',
    operator: '王丽',
  });
  await registerAndOpen(desk, { 类型: '投诉', 主题: '要求物业赔偿自家水管爆裂损失' });
  await stepAfterCheck(casePage, '判定无效', '无效投诉将改计为「需求」，不结案', {
    向客户的说明: '户内水管属业主自有部分，不属物业责任',
  });
  await casePage.expectStatus('已受理');
  await expect(casePage.fields()).toContainText('类型需求');
  await expect(casePage.timeline()).toContainText('改计为需求');
});

test('property: an overdue general complaint is proposed as major', async ({ page }) => {
  const { desk, casePage } = await setUpOnTheEve(page, {
    organisation: '阳光花园物业',
    desk: '一号台',
    preset: '物业服务中心',
    operator: '王丽',
  });
  await registerAndOpen(desk, { 类型: '投诉', 主题: '地下车库积水' });
  await casePage.step('交办', { 承办单位: '工程部' });
  await expect(casePage.actions().getByRole('alert')).toHaveCount(0);

  // Due Oct 13 17:30 (five working days across National Day); on the 14th it is overdue.
  await page.clock.setFixedTime(new Date('2026-10-14T09:00:00+08:00'));
  await page.reload();
  await escalateAsProposed(casePage, {
    reason: '已超过处理期限仍未解决',
    // 15 working days from Oct 14: 15, 16, 19-23, 26-30, Nov 2, 3, 4.
    deadline: '2026-11-04 17:30',
  });
  await expect(casePage.timeline()).toContainText('原因已超过处理期限仍未解决');
});
