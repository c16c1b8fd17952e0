import { expect, test } from '@playwright/test';
import {
  appendSteps,
  auditLatest,
  beijing,
  deadline,
  expectPageNumbers,
  openPreview,
  pdfPageSize,
  previewPageCount,
  printPreviewToPdf,
  nth,
  registerCases,
} from './support/print';
import { expectPrinted, printedFormText, setUpPropertyDesk } from './support/print-forms';
import { LONG_CONTENT, UNIT, handledSteps, octoberCases, twentySteps } from './support/print-data';
import { dateFieldValue, fillDateField } from './support/date-field';

type Created = { readonly id: string; readonly number: string };

/**
 * The printed forms (issue 4): each form rendered to PDF by Chromium for realistic data, read
 * back with pdftotext (titles, headers on every page, numbers, 第 x 页 共 y 页, contents) and
 * turned into PNG pages (test-results/pdf-png/) to be looked at.
 *
 * Needs a build with the test hooks: `vite build --mode e2e` (see support/print.ts).
 */

test.describe('printed forms', () => {
  test('the register of October: 120 cases over several pages, header on every page', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const desk = await setUpPropertyDesk(page);
    const drafts = octoberCases();
    const cases = await registerCases(page, drafts);
    for (const [i, c] of cases.entries()) {
      if (i % 3 === 0) {
        await appendSteps(
          page,
          c.id,
          handledSteps(String(nth(drafts, i).receivedAtLocal), i % 6 === 0),
        );
      }
    }

    await test.step('open the register print from the register page and choose October', async () => {
      await desk.goRegister();
      await page.getByRole('link', { name: '打印登记表' }).click();
      await expect(
        page.getByRole('heading', { name: '打印预览：客户投诉/需求登记表' }),
      ).toBeVisible();
      await fillDateField(page.getByLabel('起始日期', { exact: true }), '2026-10-01');
      await fillDateField(page.getByLabel('截止日期', { exact: true }), '2026-10-31');
      await expect(page.getByRole('region', { name: '打印页面预览' })).toContainText(
        '受理日期：2026-10-01 至 2026-10-31',
      );
      await previewPageCount(page);
      await desk.screenshot('f-register-preview');
    });

    const pdf = await printPreviewToPdf(page, 'f-register-120');
    const pages = await previewPageCount(page);
    expect(pdf.pages).toBe(pages);
    expect(pdf.pages).toBeGreaterThanOrEqual(4);
    expect(pdfPageSize(pdf.path)).toEqual([842, 595]);
    expectPageNumbers(pdf);
    for (const text of pdf.pageTexts) {
      expect(text).toContain('阳光花园物业服务中心');
      expect(text).toContain('客户投诉/需求登记表');
      expect(text).toContain('受理日期：2026-10-01至2026-10-31');
      for (const heading of [
        '序号',
        '客户姓名',
        '客户房号',
        '联系方式',
        '客户投诉、需求事项',
        '受理人',
        '受理时间',
        '投诉、需求类型',
        '处理情况(单据联号)',
        '处理人/接单人',
        '接单时间',
        '返单时间',
        '回访人',
        '回访时间',
        '回访满意度',
        '类别',
        '投诉类型',
        '需求类型',
      ]) {
        expect(text, heading).toContain(heading);
      }
    }
    const all = pdf.pageTexts.join('');
    expect(all).toContain('共120件');
    for (const c of cases) expect(all).toContain(c.number);
    // Phones are masked on the printed register by default.
    for (const draft of drafts.slice(0, 10)) {
      const phone = String(draft.phone);
      expect(all).toContain(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
      expect(all).not.toContain(phone);
    }
    expect(pdf.pageTexts.at(-1)).toContain('制表人签字');
    expect(pdf.pageTexts.at(-1)).toContain('审核人签字');

    await test.step('the monthly report of October counts the same cases', async () => {
      await desk.goRegister();
      await page.getByRole('link', { name: '打印月报表' }).click();
      await expect(
        page.getByRole('heading', { name: '打印预览：客户投诉/需求信息月报表' }),
      ).toBeVisible();
      // The property desk's October runs from Sep 25 to Oct 24 (S001-A 4.5).
      await fillDateField(page.getByLabel('统计月份', { exact: true }), '2026-10');
      await expect(page).toHaveURL(/month=2026-10/);
      await previewPageCount(page);
      const report = await printPreviewToPdf(page, 'f-monthly-report');
      expect(report.pages).toBe(await previewPageCount(page));
      expectPageNumbers(report);
      const text = report.pageTexts.join('');
      const october = drafts.filter((d) => String(d.receivedAtLocal) < '2026-10-25').length;
      expectPrinted(text, [
        '客户投诉/需求信息月报表',
        '报告期：2026-09-25至2026-10-24',
        `受理事项（按事项计）${october}`,
        '一、受理情况',
        '二、按类型和类别',
        '四、处理时效',
        '五、回访与满意度',
        '七、按承办单位',
        '工程部',
        '八、重大及超期事项',
        '制表人签字',
      ]);
    });
  });

  test('a dispatch sheet whose content is longer than a page continues on the next, and the print is recorded', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const desk = await setUpPropertyDesk(page);
    // Counts how often the browser's print dialog would have opened.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });

    let caseId = '';
    await test.step('a clerk registers the complaint with a long account, and it is dispatched', async () => {
      await desk.goIntake();
      await page.getByLabel('客户姓名').fill('张建国');
      await page.getByLabel('联系电话').fill('13812345678');
      await page.getByLabel('客户房号').fill('3栋2单元1502室');
      await page.getByLabel('类型').selectOption({ label: '投诉' });
      await page.getByLabel('类别').selectOption({ label: '设备管理' });
      await page.getByLabel('主题').fill('三号楼二单元电梯多次困人');
      await page.getByLabel('诉求内容').fill(LONG_CONTENT);
      await page.getByLabel('客户要求').fill('彻底检修电梯，书面说明原因，并赔偿误工损失');
      await page.getByRole('button', { name: '保存', exact: true }).click();
      await expect(
        page.getByRole('alert').filter({ hasText: '已登记，编号 2610-0001' }),
      ).toBeVisible();
      await desk.goRegister();
      await desk.registerTable().getByRole('link', { name: '2610-0001', exact: true }).click();
      caseId = /cases\/([^/?#]+)/.exec(page.url())?.[1] ?? '';
      expect(caseId).not.toBe('');
      await appendSteps(page, caseId, [
        {
          type: 'case/dispatched',
          payload: {
            ...UNIT,
            handlerName: '李强',
            deadline: deadline('2026-11-06T17:30'),
            instructions: '请工程部会同电梯维保单位今日内到场排查，并于三个工作日内书面答复',
          },
          at: beijing('2026-10-30T10:05'),
        },
      ]);
    });

    await test.step('the case page prints its dispatch sheet', async () => {
      await page.getByRole('button', { name: '打印', exact: true }).click();
      await page.getByRole('menuitem', { name: '客户投诉/需求派工单' }).click();
      await expect(
        page.getByRole('heading', { name: '打印预览：客户投诉/需求派工单' }),
      ).toBeVisible();
      await previewPageCount(page);
      await desk.screenshot('f-dispatch-preview');
    });

    const pdf = await printPreviewToPdf(page, 'f-dispatch-long');
    expect(pdf.pages).toBe(await previewPageCount(page));
    expect(pdf.pages).toBeGreaterThanOrEqual(2);
    expect(pdfPageSize(pdf.path)).toEqual([595, 842]);
    expectPageNumbers(pdf);
    for (const text of pdf.pageTexts) {
      expect(text).toContain('阳光花园物业服务中心');
      expect(text).toContain('客户投诉/需求派工单');
      expect(text).toContain('编号：2610-0001');
      expect(text).toContain('打印日期：2026-10-30');
    }
    const all = pdf.pageTexts.join('');
    // The whole account is printed: its first and last sentences, and the row continues.
    expect(all).toContain(LONG_CONTENT.slice(0, 40));
    expect(all).toContain(LONG_CONTENT.slice(-40));
    expect(all).toContain('诉求内容（续）');
    expectPrinted(all, [
      '张建国',
      '13812345678',
      '3栋2单元1502室',
      '工程部',
      '李强',
      '2026-11-0617:30',
      '请工程部会同电梯维保单位',
      '承办单位填写',
      '交办人签字',
      '接单人签字',
      '负责人签字',
    ]);

    await test.step('printing sends the page to the printer once and records it', async () => {
      await page.getByRole('button', { name: '打印', exact: true }).click();
      await expect(page.getByText('已送往打印机，并已记入操作日志。')).toBeVisible();
      expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
      // The clock is frozen, so entries share one time: pick the prints out.
      const prints = (await auditLatest(page, 50)).filter((e) => e.action === 'case.printed');
      expect(prints).toEqual([
        expect.objectContaining({ target: caseId, detail: 'dispatch print' }),
      ]);
      await page.getByRole('button', { name: '返回' }).click();
      await expect(page.getByRole('list', { name: '办理记录' })).toContainText('打印');
    });
  });

  test('the handling record of a case with 20 steps, its review record, the follow-up sheet and the day’s dispatch sheets', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const desk = await setUpPropertyDesk(page);
    const created = await registerCases(page, [
      {
        customerName: '周敏',
        phone: '13600001111',
        address: '5栋1203室',
        kindId: 'complaint',
        categoryId: 'waterDrainage',
        subject: '卫生间天花板漏水，墙面发霉',
        content: '楼上卫生间漏水，已持续两周，天花板吊顶变形，墙面发霉。',
        demand: '查明漏水原因，修复吊顶并赔偿损失',
        amountYuan: '2500',
        receivedAtLocal: '2026-10-12T09:00',
      },
      {
        customerName: '钱进',
        phone: '13700002222',
        address: '2栋0801室',
        kindId: 'complaint',
        categoryId: 'fees',
        subject: '停车费重复扣缴',
        content: '九月停车费在物业费中重复扣缴，要求退还并赔偿。',
        demand: '退还重复扣缴的停车费，并减免一个月物业费',
        receivedAtLocal: '2026-10-20T14:00',
      },
      {
        customerName: '孙丽',
        phone: '13500003333',
        address: '7栋0302室',
        subject: '绿化带积水',
        receivedAtLocal: '2026-10-28T09:00',
      },
      {
        customerName: '吴强',
        phone: '13500004444',
        address: '8栋1101室',
        subject: '门禁卡失灵',
        kindId: 'request',
        categoryId: 'basicService',
        receivedAtLocal: '2026-10-29T09:30',
      },
      {
        customerName: '郑洁',
        phone: '13500005555',
        address: '9栋0501室',
        subject: '小区路灯不亮',
        receivedAtLocal: '2026-10-29T10:00',
      },
      {
        customerName: '冯涛',
        phone: '13500006666',
        address: '1栋0101室',
        subject: '楼道堆放杂物',
        categoryId: 'cleaning',
        receivedAtLocal: '2026-10-30T08:40',
      },
      {
        customerName: '陈红',
        phone: '13500007777',
        address: '1栋0202室',
        subject: '电梯按钮失灵',
        categoryId: 'lift',
        receivedAtLocal: '2026-10-30T08:50',
      },
      {
        customerName: '褚明',
        phone: '13500008888',
        address: '1栋0303室',
        subject: '水压不足',
        categoryId: 'waterDrainage',
        receivedAtLocal: '2026-10-30T09:10',
      },
    ]);
    const [leak, review, due1, due2, sent1, sent2, sent3] = [0, 1, 2, 3, 5, 6, 7].map((i) =>
      nth(created, i),
    ) as [Created, Created, Created, Created, Created, Created, Created];
    await appendSteps(page, leak.id, twentySteps());
    await appendSteps(page, review.id, [
      {
        type: 'case/dispatched',
        payload: {
          unitId: 'unit-finance',
          unitName: '财务部',
          deadline: deadline('2026-10-27T17:30'),
        },
        at: beijing('2026-10-20T14:30'),
      },
      {
        type: 'case/replied',
        payload: {
          reply: '经核实确有重复扣缴，已退还',
          toldCustomer: '已告知',
          followUpDueAt: beijing('2026-10-23T17:00'),
        },
        at: beijing('2026-10-22T10:00'),
      },
      {
        type: 'case/escalated',
        payload: {
          reason: '客户不接受仅退款，要求赔偿，升级处理',
          levelId: 'major',
          deadline: deadline('2026-11-10T17:30', 'escalated'),
        },
        at: beijing('2026-10-23T09:00'),
      },
      {
        type: 'case/reviewed',
        payload: {
          review: {
            customerDemand: '退还重复扣缴的停车费，并减免一个月物业费',
            progress: '重复扣缴的320元已于10月22日退还',
            proposedSolution: '向业主书面致歉，赠送一个月停车费',
            feasibility: '符合公司服务补救政策，可行',
            cost: '停车费一个月 320 元',
            fairness: '与今年同类三起投诉的处理一致',
            reviewers: ['赵经理', '钱主管', '孙会计'],
            decision: '同意方案，由客服中心负责落实',
            round: 1,
          },
        },
        at: beijing('2026-10-26T15:00'),
      },
      {
        type: 'case/consulted',
        payload: { outcome: 'agrees', note: '业主同意赠送停车费的方案' },
        at: beijing('2026-10-27T10:00'),
      },
    ]);
    for (const [c, due] of [
      [due1, '2026-10-30T17:00'],
      [due2, '2026-10-29T17:00'],
    ] as const) {
      await appendSteps(page, c.id, [
        {
          type: 'case/dispatched',
          payload: { ...UNIT, deadline: deadline('2026-11-04T17:30') },
          at: beijing('2026-10-29T10:00'),
        },
        {
          type: 'case/replied',
          payload: { reply: '已处理', toldCustomer: '已告知', followUpDueAt: beijing(due) },
          at: beijing('2026-10-29T16:00'),
        },
      ]);
    }
    for (const [i, c] of [sent1, sent2, sent3].entries()) {
      await appendSteps(page, c.id, [
        {
          type: 'case/dispatched',
          payload: { ...UNIT, handlerName: '李强', deadline: deadline('2026-11-06T17:30') },
          at: beijing(`2026-10-30T09:${20 + i}`),
        },
      ]);
    }

    await test.step('the handling record lists all 20 steps of the case', async () => {
      await openPreview(page, `/print/handlingRecord?cases=${leak.id}`, '客户投诉/需求处理单');
      await desk.screenshot('f-handling-record-preview');
      const pdf = await printPreviewToPdf(page, 'f-handling-record-20');
      expect(pdf.pages).toBe(await previewPageCount(page));
      expectPageNumbers(pdf);
      for (const text of pdf.pageTexts) {
        expect(text).toContain('客户投诉/需求处理单');
        expect(text).toContain(`编号：${leak.number}`);
      }
      const all = pdf.pageTexts.join('');
      // The history table: its header, each step once, in order, numbered 1 to 20.
      expect(all).toContain('序号时间环节经办人内容');
      const steps = [
        '受理登记',
        '调整级别',
        '交办',
        '催办',
        '退回',
        '交办',
        '接单',
        '申请延期',
        '延期审批',
        '备注',
        '督办',
        '办结回复',
        '回访未成',
        '回访未成',
        '回访',
        '办结回复',
        '回访',
        '定责',
        '纠正预防措施',
        '结案',
      ];
      let from = 0;
      for (const [i, step] of steps.entries()) {
        const at = all.indexOf(`${i + 1}2026-10-`, from);
        expect(at, `step ${i + 1}`).toBeGreaterThan(-1);
        expect(all.slice(at, at + 60), `step ${i + 1}`).toContain(step);
        from = at + 1;
      }
      expectPrinted(all, [
        '漏水属于管道维修，不属于保洁部职责',
        '批准延期，新期限2026-10-2317:30',
        '满意度2分（不满意）',
        '吊顶颜色与原来不一致',
        '责任单位：工程部',
        '派单前未核实漏水原因',
        '最终原因：维修不及时',
        '涉及金额2,500.00元',
        '重大',
        '经办人签字',
        '审核人签字',
      ]);
    });

    await test.step('the internal review record shows the review and the customer’s opinion', async () => {
      const all = await printedFormText(
        page,
        `/print/reviewRecord?cases=${review.id}`,
        '客户投诉解决方案内部评审表',
        'f-review-record',
      );
      expectPrinted(all, [
        '客户投诉解决方案内部评审表',
        `编号：${review.number}`,
        '事件经过',
        '客户不接受仅退款，要求赔偿，升级处理',
        '第1次内部评审',
        '向业主书面致歉，赠送一个月停车费',
        '符合公司服务补救政策，可行',
        '停车费一个月320元',
        '与今年同类三起投诉的处理一致',
        '赵经理、钱主管、孙会计',
        '同意方案，由客服中心负责落实',
        '客户同意；业主同意赠送停车费的方案',
        '评审人员签字',
      ]);
    });

    await test.step('the follow-up sheet of the day lists the follow-ups due, with blank columns', async () => {
      await desk.goRegister();
      await page.getByRole('link', { name: '打印回访记录表' }).click();
      await expect(dateFieldValue(page.getByLabel('回访日期', { exact: true }))).toHaveValue(
        '2026-10-30',
      );
      await previewPageCount(page);
      const pdf = await printPreviewToPdf(page, 'f-follow-up-sheet');
      expectPageNumbers(pdf);
      expect(pdfPageSize(pdf.path)).toEqual([842, 595]);
      const all = pdf.pageTexts.join('');
      expect(all).toContain('客户回访记录表');
      expect(all).toContain('回访日期：2026-10-30共2件');
      expect(all).toContain(
        '序号编号客户联系电话主题处理人/接单人办结时间回访期限回访方式满意度（1-5）客户意见回访人',
      );
      // Overdue first; full phone numbers, since the caller needs them.
      expect(all.indexOf(due2.number)).toBeLessThan(all.indexOf(due1.number));
      expect(all).toContain('13500004444');
      expect(all).toContain('□电话□上门');
      expect(all).not.toContain(leak.number);
    });

    await test.step('the day’s dispatch sheets print one sheet per case, and one can be left out', async () => {
      await desk.goRegister();
      await page.getByRole('link', { name: '打印当日交办单' }).click();
      const choice = page.getByRole('group', { name: '选择要打印的表单' });
      await expect(choice.getByRole('checkbox')).toHaveCount(3);
      await expect(page.getByRole('status')).toContainText('3 份');
      await desk.screenshot('f-dispatch-day-preview');
      let pdf = await printPreviewToPdf(page, 'f-dispatch-day');
      expectPageNumbers(pdf, [1, 1, 1]);
      expect(pdf.pageTexts.map((text) => /编号：(\d{4}-\d{4})/.exec(text)?.[1])).toEqual([
        sent1.number,
        sent2.number,
        sent3.number,
      ]);
      await choice.getByRole('checkbox', { name: new RegExp(sent2.number) }).uncheck();
      await expect(page.getByRole('status')).toContainText('2 份');
      pdf = await printPreviewToPdf(page, 'f-dispatch-day-chosen');
      expect(pdf.pageTexts.join('')).not.toContain(sent2.number);
      expect(pdf.pages).toBe(2);
    });
  });
});
