/** Steps the printed-form specs share: the property desk they print at and reading a form back. */
import { expect, type Page } from '@playwright/test';
import { Desk } from './desk';
import { expectPageNumbers, openPreview, printPreviewToPdf } from './print';

/** The property management desk of the printed-form specs, on 2026-10-30 at 10:00. */
export async function setUpPropertyDesk(page: Page): Promise<Desk> {
  const desk = new Desk(page);
  await desk.openAt('2026-10-30T10:00:00');
  await desk.setUp({
    organisation: '阳光花园物业服务中心',
    desk: '一号客服台',
    preset: '物业服务中心',
    operator: '王丽',
  });
  return desk;
}

/**
 * Opens a form's print preview, prints it to PDF as `name`, checks its page numbers and gives
 * the text of all its pages together.
 */
export async function printedFormText(
  page: Page,
  path: string,
  title: string,
  name: string,
): Promise<string> {
  await openPreview(page, path, title);
  const pdf = await printPreviewToPdf(page, name);
  expectPageNumbers(pdf);
  return pdf.pageTexts.join('');
}

/** Checks that each of the texts is somewhere in the printed text. */
export function expectPrinted(printed: string, texts: readonly string[]) {
  for (const text of texts) {
    expect(printed).toContain(text);
  }
}
