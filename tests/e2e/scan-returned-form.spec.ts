import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { setUpPropertyDesk } from './support/print-forms';
import { UNIT, octoberCases } from './support/print-data';
import {
  PNG_DIR,
  appendSteps,
  beijing,
  deadline,
  nth,
  previewPageCount,
  printPreviewToPdf,
  registerCases,
} from './support/print';

/** Prints a case form from the case page and decodes the codes on its first page with zbarimg. */
async function printedCodes(page: Page, caseId: string, form: string, name: string) {
  await page.goto(`/#/cases/${caseId}`);
  await page.getByRole('button', { name: '打印', exact: true }).click();
  await page.getByRole('menuitem', { name: form }).click();
  await expect(page.getByRole('heading', { name: `打印预览：${form}` })).toBeVisible();
  await previewPageCount(page);
  const pdf = await printPreviewToPdf(page, name);
  // A scanner's view of the sheet: the first page at 200 dpi.
  const png = join(PNG_DIR, `${name}-scan`);
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '200',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    pdf.path,
    png,
  ]);
  const decoded = execFileSync('zbarimg', ['--quiet', `${png}.png`], { encoding: 'utf8' });
  return decoded.trim().split('\n').sort();
}

test('a returned paper form is opened by its barcode, a dispatch sheet at the reply', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const desk = await setUpPropertyDesk(page);
  const cases = await registerCases(page, octoberCases().slice(0, 2));
  const sheet = nth(cases, 0);
  const waiting = nth(cases, 1);
  await appendSteps(page, sheet.id, [
    {
      type: 'case/dispatched',
      payload: { ...UNIT, handlerName: '李强', deadline: deadline('2026-11-06T17:30') },
      at: beijing('2026-10-30T09:00'),
    },
  ]);

  await test.step('the printed dispatch sheet carries NUMBER/D as Code 128 and as QR', async () => {
    const codes = await printedCodes(page, sheet.id, '客户投诉/需求派工单', 'scan-dispatch');
    expect(codes).toEqual([`CODE-128:${sheet.number}/D`, `QR-Code:${sheet.number}/D`]);
  });

  await test.step('the printed handling record carries the bare number', async () => {
    const codes = await printedCodes(page, sheet.id, '客户投诉/需求处理单', 'scan-record');
    expect(codes).toEqual([`CODE-128:${sheet.number}`, `QR-Code:${sheet.number}`]);
  });

  await test.step('a scanner types the dispatch sheet’s code into the top bar: the reply opens', async () => {
    await page.goto('/#/');
    await page.keyboard.press('Control+K');
    const box = page.getByRole('textbox', { name: '扫码或输入编号' });
    await expect(box).toBeFocused();
    // A USB scanner is a keyboard: the characters, then Enter.
    await page.keyboard.type(`${sheet.number}/D`, { delay: 5 });
    await page.keyboard.press('Enter');
    const reply = page.getByRole('dialog', { name: '办结回复' });
    await expect(reply).toBeVisible();
    await desk.screenshot('scan-dispatch-opens-reply');
    await reply.getByRole('button', { name: '取消' }).click();
    await expect(reply).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(sheet.number);
    expect(page.url()).not.toContain('step=');
  });

  await test.step('a typed bare number opens the case; an unknown one says so', async () => {
    const box = page.getByRole('textbox', { name: '扫码或输入编号' });
    await box.fill(` ${waiting.number} `);
    await box.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toContainText(waiting.number);
    await expect(page.getByRole('dialog')).toHaveCount(0);

    await box.fill('2610-9999');
    await box.press('Enter');
    await expect(page.getByText('没有编号为 2610-9999 的登记，请核对编号。')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(waiting.number);
  });

  await test.step('a dispatch sheet of a case not waiting for a reply opens the case and says why', async () => {
    const box = page.getByRole('textbox', { name: '扫码或输入编号' });
    await box.fill(`${waiting.number}/D`);
    await box.press('Enter');
    await expect(page.getByText(/不能填写办结回复/)).toBeVisible();
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });
});
