import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { CasePage, fillLabelled } from './support/case-page';
import type { Desk } from './support/desk';
import { UNIT } from './support/print-data';
import { setUpPropertyDesk } from './support/print-forms';
import {
  PNG_DIR,
  appendSteps,
  beijing,
  deadline,
  nth,
  openPreview,
  pdfPageSize,
  printPreviewToPdf,
  registerCases,
  type TestStep,
} from './support/print';

/**
 * How a case stands against its deadline, said once (shared/register/standing.ts) and shown alike
 * on the register row, the case page, the printed register and the Excel register (issue 12);
 * the escalation and 调整级别 paths recomputing the deadline; the follow-up sheet's QR codes read
 * back from the PDF; and the register on A3. The property desk, on a frozen clock at
 * 2026-10-30 10:00.
 */

const OUT = 'test-results/deadline-standing';
const REGISTER = '客户投诉/需求登记表';

/** A property complaint of October, received on Monday 2026-10-12 at 09:00. */
function complaint(subject: string): Record<string, unknown> {
  return {
    customerName: '周建国',
    phone: '13900001111',
    address: '3栋1单元0502室',
    kindId: 'complaint',
    categoryId: 'lift',
    subject,
    content: `${subject}，请尽快处理。`,
    demand: '尽快处理',
    receivedAtLocal: '2026-10-12T09:00',
  };
}

/** Dispatched at once with the intake's deadline (5 working days: 2026-10-19 17:30), replied at `replied`. */
function repliedAt(replied: string): TestStep[] {
  return [
    {
      type: 'case/dispatched',
      payload: { ...UNIT, handlerName: '李强', deadline: deadline('2026-10-19T17:30') },
      at: beijing('2026-10-12T09:30'),
    },
    { type: 'case/accepted', payload: { handlerName: '李强' }, at: beijing('2026-10-12T10:00') },
    {
      type: 'case/replied',
      payload: {
        reply: '已处理',
        toldCustomer: '已电话告知',
        followUpDueAt: beijing('2026-10-30T17:00'),
      },
      at: beijing(replied),
    },
  ];
}

/** The text of a row of the register screen's table, and its reply deadline's cell. */
function registerRowDeadline(desk: Desk, number: string) {
  return desk
    .registerTable()
    .getByRole('row')
    .filter({ hasText: number })
    .locator('[data-deadline-kind="handling"]');
}

async function openCase(page: Page, id: string, number: string): Promise<CasePage> {
  await page.goto(`/#/cases/${id}`);
  const casePage = new CasePage(page);
  await expect(casePage.heading()).toContainText(number);
  return casePage;
}

/** Exports the register of the report period named after `month` from the reports screen. */
async function exportRegister(page: Page, month: string, name: string): Promise<ExcelJS.Worksheet> {
  await page
    .getByRole('navigation', { name: '主菜单' })
    .getByRole('link', { name: '统计报表' })
    .click();
  await expect(page.getByRole('heading', { name: '统计报表', level: 1 })).toBeVisible();
  await page.getByLabel('统计月份').selectOption({ label: month });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出登记表' }).click();
  const file = await download;
  mkdirSync(OUT, { recursive: true });
  const target = join(OUT, `${name}.xlsx`);
  await file.saveAs(target);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(target);
  const sheet = workbook.worksheets.find((ws) => ws.state === 'visible');
  if (!sheet) throw new Error('no visible sheet');
  return sheet;
}

/** The 处理情况 cell of the Excel register's row of `number`: its two lines. */
function excelHandling(sheet: ExcelJS.Worksheet, number: string): string[] {
  for (let r = 5; r <= sheet.rowCount; r++) {
    const text = String(sheet.getCell(`L${r}`).value ?? '');
    if (text.startsWith(number)) return text.split('\n');
  }
  throw new Error(`no row of ${number}`);
}

test('replied on time and replied late read the same on the screen, on paper and in Excel', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const desk = await setUpPropertyDesk(page);
  const [onTime, late] = await registerCases(page, [
    complaint('电梯按钮失灵'),
    complaint('楼道灯不亮'),
  ]);
  if (!onTime || !late) throw new Error('cases not registered');
  await appendSteps(page, onTime.id, repliedAt('2026-10-15T16:00'));
  // Two working days after the deadline (Oct 20 and 21), replied on the third.
  await appendSteps(page, late.id, repliedAt('2026-10-22T11:00'));

  const standing: Record<string, string> = {};
  await test.step('the register row', async () => {
    await desk.goRegister();
    const inTime = registerRowDeadline(desk, onTime.number);
    await expect(inTime).toHaveAttribute('data-deadline-state', 'metInTime');
    await expect(inTime).toContainText('2026-10-19 17:30');
    await expect(inTime).toContainText('按时回复');
    await expect(inTime).not.toContainText('超');
    const overdue = registerRowDeadline(desk, late.number);
    await expect(overdue).toHaveAttribute('data-deadline-state', 'metLate');
    await expect(overdue).toContainText(/超时回复（超期 \d+ 个工作日）/);
    standing.onTime = '按时回复';
    standing.late =
      /超时回复（超期 \d+ 个工作日）/.exec((await overdue.textContent()) ?? '')?.[0] ?? '';
    expect(standing.late).not.toBe('');
    await desk.screenshot('standing-register-rows');
  });

  await test.step('the case page says the same', async () => {
    let casePage = await openCase(page, onTime.id, onTime.number);
    // The reply deadline comes first; the follow-up's due time is listed further down.
    const inTime = casePage.fields().locator('[data-deadline-kind="handling"]').first();
    await expect(inTime).toHaveAttribute('data-deadline-state', 'metInTime');
    await expect(inTime).toContainText(standing.onTime ?? '');
    casePage = await openCase(page, late.id, late.number);
    const overdue = casePage.fields().locator('[data-deadline-kind="handling"]').first();
    await expect(overdue).toHaveAttribute('data-deadline-state', 'metLate');
    await expect(overdue).toContainText(standing.late ?? '');
    await desk.screenshot('standing-case-page-late');
  });

  await test.step('the printed register: on the second line of 处理情况, in 21 columns on A4', async () => {
    await openPreview(page, '/print/register?from=2026-10-01&to=2026-10-31', REGISTER);
    const pdf = await printPreviewToPdf(page, 'standing-register');
    expect(pdfPageSize(pdf.path)).toEqual([842, 595]);
    const text = pdf.pageTexts.join('');
    const squeeze = (s: string) => s.replace(/\s+/g, '');
    expect(text).toContain(squeeze(`${onTime.number}（已办结）${standing.onTime}`));
    expect(text).toContain(squeeze(`${late.number}（已办结）${standing.late}`));
    // The header ends at 回访满意度: no 22nd column.
    expect(text).not.toContain('时限情况');
  });

  await test.step('the Excel register (read back with ExcelJS): the same words', async () => {
    const sheet = await exportRegister(page, '2026 年 10 月', 'standing-register');
    expect(sheet.getCell('U3').value).toBe('回访满意度');
    expect(sheet.getCell('V3').value).toBeNull();
    expect(excelHandling(sheet, onTime.number)).toEqual([
      `${onTime.number}（已办结）`,
      standing.onTime,
    ]);
    expect(excelHandling(sheet, late.number)).toEqual([`${late.number}（已办结）`, standing.late]);
    expect(sheet.pageSetup.paperSize).toBe(9);
  });
});

test('an escalated case and a level change: new level, handler kept, new deadline, in the history', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const desk = await setUpPropertyDesk(page);
  // Received now (Friday 2026-10-30 10:00) as 一般: 5 working days, 2026-11-06 17:30.
  const fresh = { ...complaint('地下室渗水'), receivedAtLocal: '2026-10-30T10:00' };
  const [escalated, changed] = await registerCases(page, [fresh, fresh]);
  if (!escalated || !changed) throw new Error('cases not registered');
  await appendSteps(page, escalated.id, [
    {
      type: 'case/dispatched',
      payload: { ...UNIT, handlerName: '李强', deadline: deadline('2026-11-06T17:30') },
      at: beijing('2026-10-30T10:00'),
    },
  ]);

  await test.step('escalated from the actions panel to 重大: 15 working days from now', async () => {
    const casePage = await openCase(page, escalated.id, escalated.number);
    await expect(casePage.fields().locator('[data-deadline-kind="handling"]')).toContainText(
      '2026-11-06 17:30',
    );
    const dialog = await casePage.open('升级处理');
    // Nov 2-6, 9-13, 16-20.
    await expect(dialog).toContainText('升级后的处理期限（自现在起计算）：2026-11-20 17:30');
    await fillLabelled(dialog, { 升级原因: '业主要求赔偿，金额较大', 级别: '重大' });
    await dialog.getByRole('button', { name: '确认升级处理' }).click();
    await expect(dialog).toBeHidden();
    await casePage.expectStatus('升级处理');
    const fields = casePage.fields();
    await expect(fields).toContainText('级别重大');
    // The unit and its handler stay with the case.
    await expect(fields).toContainText('工程部');
    await expect(fields).toContainText('李强');
    const due = fields.locator('[data-deadline-kind="handling"]');
    await expect(due).toContainText('2026-11-20 17:30');
    await expect(due).toHaveAttribute('data-deadline-state', 'ok');
    const timeline = casePage.timeline();
    for (const text of [
      '升级处理',
      '业主要求赔偿，金额较大',
      '级别重大',
      '新期限2026-11-20 17:30',
    ]) {
      await expect(timeline).toContainText(text);
    }
    await desk.screenshot('escalated-case-page');
    await desk.goRegister();
    await expect(registerRowDeadline(desk, escalated.number)).toContainText('2026-11-20 17:30');
  });

  await test.step('调整级别 to 重大 recomputes the deadline from intake, shown and recorded', async () => {
    const casePage = await openCase(page, changed.id, changed.number);
    const due = casePage.fields().locator('[data-deadline-kind="handling"]');
    await expect(due).toContainText('2026-11-06 17:30');
    await casePage.step('调整级别', { 级别: '重大', 调整原因: '核实涉及金额 3000 元' });
    await expect(casePage.fields()).toContainText('级别重大');
    // The same deadline intake gives a 重大 complaint: 15 working days from 2026-10-30.
    await expect(due).toContainText('2026-11-20 17:30');
    const timeline = casePage.timeline();
    for (const text of ['调整级别', '核实涉及金额 3000 元', '新期限2026-11-20 17:30']) {
      await expect(timeline).toContainText(text);
    }
    await desk.screenshot('level-changed-case-page');
    // Back to 一般: 5 working days again.
    await casePage.step('调整级别', { 级别: '一般', 调整原因: '金额核实为 800 元' });
    await expect(due).toContainText('2026-11-06 17:30');
    await expect(timeline).toContainText('新期限2026-11-06 17:30');
  });
});

test('the follow-up sheet’s QR codes decode, from the PDF, to what the scan box opens', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await setUpPropertyDesk(page);
  const cases = await registerCases(page, [complaint('电梯异响'), complaint('水压偏低')]);
  for (const c of cases) await appendSteps(page, c.id, repliedAt('2026-10-15T16:00'));
  await openPreview(page, '/print/followUpSheet?date=2026-10-30', '客户回访记录表');
  const pdf = await printPreviewToPdf(page, 'standing-follow-up-sheet');
  // A scanner's view of the sheet: 300 dpi, the codes of each row under its number.
  const png = join(PNG_DIR, 'standing-follow-up-sheet-scan');
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '300',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    pdf.path,
    png,
  ]);
  const decoded = execFileSync('zbarimg', ['--quiet', `${png}.png`], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .sort();
  expect(decoded).toEqual(cases.map((c) => `QR-Code:${c.number}`).sort());

  // What the code says is what the top-bar box takes: typed as a scanner types it, it opens the case.
  const first = nth(cases, 0);
  const code = nth(decoded, decoded.indexOf(`QR-Code:${first.number}`)).slice('QR-Code:'.length);
  await page.goto('/#/');
  await page.keyboard.press('Control+K');
  const box = page.getByRole('textbox', { name: '扫码或输入编号' });
  await expect(box).toBeFocused();
  await page.keyboard.type(code, { delay: 5 });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(first.number);
  // A follow-up sheet is no dispatch sheet: no reply dialog opens.
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('the register prints on A3 landscape when the desk chooses it, and exports on A3', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const desk = await setUpPropertyDesk(page);
  const [one] = await registerCases(page, [complaint('电梯按钮失灵')]);
  if (!one) throw new Error('case not registered');

  await page.goto('/#/settings/print');
  const paper = page.getByLabel('登记表纸张大小');
  await expect(paper).toHaveValue('A4');
  await paper.selectOption({ label: 'A3' });
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('打印设置已保存。')).toBeVisible();
  await desk.screenshot('register-paper-setting');

  await openPreview(page, '/print/register?from=2026-10-01&to=2026-10-31', REGISTER);
  const rule = await page.getByTestId('print-root').locator('style').textContent();
  expect(rule).toContain('size: A3 landscape');
  const pdf = await printPreviewToPdf(page, 'standing-register-a3');
  // A3 landscape in points (420 × 297 mm).
  expect(pdfPageSize(pdf.path)).toEqual([1191, 842]);
  expect(pdf.pageTexts.join('')).toContain(one.number);
  await desk.screenshot('register-a3-preview');

  const sheet = await exportRegister(page, '2026 年 10 月', 'standing-register-a3');
  // SpreadsheetML's paper 8 is A3.
  expect(sheet.pageSetup).toMatchObject({ paperSize: 8, orientation: 'landscape' });

  // Case forms stay on A4 whatever the register's paper.
  await openPreview(page, `/print/handlingRecord?cases=${one.id}`, '客户投诉/需求处理单');
  const record = await printPreviewToPdf(page, 'standing-record-a4');
  expect(pdfPageSize(record.path)).toEqual([595, 842]);
});
