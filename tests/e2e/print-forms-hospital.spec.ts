import { expect, test } from '@playwright/test';
import { Desk } from './support/desk';
import {
  appendSteps,
  auditLatest,
  beijing,
  deadline,
  expectPageNumbers,
  nth,
  openPreview,
  previewPageCount,
  printPreviewToPdf,
  registerCases,
} from './support/print';
import { expectPrinted, printedFormText, setUpPropertyDesk } from './support/print-forms';

/**
 * The hospital's two forms and the print settings, printed to PDF and read back with pdftotext
 * (see print-forms.spec.ts). Needs a build with the test hooks: `vite build --mode e2e`.
 */
test.describe('printed forms: hospital and settings', () => {
  test('the hospital prints its hand-over sheet and its handling notice', async ({ page }) => {
    test.setTimeout(120_000);
    const desk = new Desk(page);
    await desk.openAt('2026-11-03T15:00:00');
    await desk.setUp({
      organisation: '仁和医院',
      desk: '医患关系办公室',
      preset: '医患关系办公室',
      operator: '陈静',
    });
    const complaint = nth(
      await registerCases(page, [
        {
          customerName: '刘女士',
          phone: '13912340000',
          address: '心内科 12 床',
          channelId: 'walkIn',
          categoryId: 'poorAttitude',
          levelId: 'level3',
          subject: '护士换药时态度生硬，不耐烦',
          content:
            '11月2日晚上八点左右，患者家属询问换药时间，值班护士语气生硬，称“问那么多干什么”，家属感到不被尊重。',
          demand: '科室道歉，并改进服务态度',
          receivedAtLocal: '2026-11-03T09:30',
        },
      ]),
      0,
    );
    await appendSteps(page, complaint.id, [
      {
        type: 'case/dispatched',
        payload: {
          unitId: 'unit-cardio',
          unitName: '心内科',
          deadline: deadline('2026-11-05T17:30'),
        },
        at: beijing('2026-11-03T10:00'),
      },
      {
        type: 'case/accepted',
        payload: { handlerName: '护士长 马红' },
        at: beijing('2026-11-03T11:00'),
      },
      {
        type: 'case/replied',
        payload: {
          reply: '经调查，当班护士王某当晚工作繁忙，解释不耐心，语气不当，情况属实。',
          toldCustomer: '护士长已向家属当面道歉',
          followUpDueAt: beijing('2026-11-06T17:30'),
        },
        at: beijing('2026-11-03T14:00'),
      },
      {
        type: 'case/responsibilityDetermined',
        payload: {
          unitId: 'unit-cardio',
          unitName: '心内科',
          personName: '王某（护士）',
          valid: true,
          note: '服务态度投诉属实，定为三级投诉',
        },
        at: beijing('2026-11-03T14:30'),
      },
    ]);

    await test.step('the hand-over sheet goes to the department', async () => {
      await page.goto(`/#/cases/${complaint.id}`);
      await page.getByRole('button', { name: '打印', exact: true }).click();
      await expect(page.getByRole('menuitem')).toHaveText([
        '服务态度投诉交办单',
        '服务态度投诉处理通知单',
        '投诉处理记录单',
        '投诉处理方案内部评审表',
      ]);
      await page.getByRole('menuitem', { name: '服务态度投诉交办单' }).click();
      await previewPageCount(page);
      const pdf = await printPreviewToPdf(page, 'f-hospital-handover');
      expectPageNumbers(pdf);
      const all = pdf.pageTexts.join('');
      expectPrinted(all, [
        '仁和医院',
        '服务态度投诉交办单',
        `编号：${complaint.number}`,
        '投诉人',
        '刘女士',
        '住址/床号',
        '心内科12床',
        '投诉方式',
        '来访',
        '责任科室',
        '心内科',
        '投诉级别',
        '三级',
        '患方要求',
        '科室道歉，并改进服务态度',
        '当日交办、当日受理',
        '2026-11-0517:30',
        '科室填写',
        '签收人',
        '护士长马红',
        '调查核实情况',
        '交办人签字',
        '接单人签字',
        '负责人签字',
      ]);
    });

    await test.step('the handling notice tells the department what was found', async () => {
      const all = await printedFormText(
        page,
        `/print/handlingNotice?cases=${complaint.id}`,
        '服务态度投诉处理通知单',
        'f-hospital-notice',
      );
      expectPrinted(all, [
        '服务态度投诉处理通知单',
        '致（科室）心内科',
        '投诉情况',
        '调查与定责',
        '当班护士王某当晚工作繁忙',
        '王某（护士）',
        '有效',
        '服务态度投诉属实，定为三级投诉',
        '责任人写出书面检查',
        '原因分析及整改措施',
        '责任人书面检查',
        '经办人签字',
        '负责人签字',
        '分管领导签字',
      ]);
    });
  });

  test('print settings: header, phones, signature lines and margins, with bad input refused', async ({
    page,
  }) => {
    const desk = await setUpPropertyDesk(page);
    await registerCases(page, [
      {
        customerName: '张建国',
        phone: '13812345678',
        address: '3-1502',
        subject: '电梯故障',
        receivedAtLocal: '2026-10-30T09:00',
      },
    ]);
    await page.goto('/#/settings/print');
    await expect(page.getByRole('heading', { name: '打印设置' })).toBeVisible();

    await test.step('a margin out of range is refused next to its field; nothing is saved', async () => {
      await page.getByLabel('上边距').fill('3');
      await page.getByLabel('右边距').fill('abc');
      await page.getByRole('button', { name: '保存' }).click();
      await expect(page.getByText('请先改正标红的项目，设置尚未保存。')).toBeVisible();
      await expect(page.getByText('请填写 5 到 40 之间的数')).toBeVisible();
      await expect(page.getByText('请填写数字，如 12 或 12.5')).toBeVisible();
      await desk.screenshot('f-print-settings-errors');
      await page.reload();
      await expect(page.getByLabel('上边距')).toHaveValue('12');
    });

    await test.step('the desk changes its header, shows phones in full and drops a signature line', async () => {
      await page.getByLabel('表头文字').fill('阳光花园物业服务中心（客服部）');
      await page.getByLabel('登记表上的电话号码隐去中间四位（如 138****0000）').uncheck();
      await page.getByRole('group', { name: '签字栏' }).getByLabel('审核人').uncheck();
      await page.getByLabel('上边距').fill('20');
      await page.getByRole('button', { name: '保存' }).click();
      await expect(page.getByText('打印设置已保存。')).toBeVisible();
      await desk.screenshot('f-print-settings-saved');
    });

    await test.step('the register prints with them', async () => {
      await openPreview(
        page,
        '/print/register?from=2026-10-01&to=2026-10-31',
        '客户投诉/需求登记表',
      );
      const pdf = await printPreviewToPdf(page, 'f-register-settings');
      const all = pdf.pageTexts.join('');
      expect(all).toContain('阳光花园物业服务中心（客服部）');
      expect(all).toContain('13812345678');
      expect(all).toContain('制表人签字');
      expect(all).not.toContain('审核人签字');
      const audit = await auditLatest(page, 20);
      expect(audit.filter((e) => e.action === 'settings.changed')).toEqual([
        expect.objectContaining({ target: 'print' }),
      ]);
    });
  });
});
