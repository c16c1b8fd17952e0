import { expect, test } from '@playwright/test';
import {
  appendSteps,
  expectPageNumbers,
  nth,
  previewPageCount,
  printPreviewToPdf,
  registerCases,
} from './support/print';
import { setUpPropertyDesk } from './support/print-forms';
import { handledSteps, octoberCases } from './support/print-data';

/**
 * The print preview of a long register (issue 13): the first page shows while the rest are laid
 * out in slices, the preview draws only the pages near the screen, and the print still holds
 * every page with the header repeated and no row cut.
 */
test('a register of 360 cases: the first page shows before the rest, and every page prints', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await setUpPropertyDesk(page);
  // Three times October's 120 cases, each copy with its own callers.
  const drafts = [0, 1, 2].flatMap((copy) =>
    octoberCases().map((draft, i): Record<string, unknown> => ({
      ...draft,
      phone: `13${copy + 5}${String(20_000_000 + i * 7919).slice(0, 8)}`,
    })),
  );
  const cases = await registerCases(page, drafts);
  for (const [i, c] of cases.entries()) {
    if (i % 9 === 0) {
      await appendSteps(page, c.id, handledSteps(String(nth(drafts, i).receivedAtLocal), true));
    }
  }

  await test.step('the first page shows while the others are still being laid out', async () => {
    // Times, in the page, when the first drawn sheet and the final page count appeared.
    await page.evaluate(() => {
      const seen = { firstSheet: 0, allPages: 0, laying: false };
      (window as unknown as { previewSeen: typeof seen }).previewSeen = seen;
      const start = performance.now();
      const look = () => {
        const status = Array.from(document.querySelectorAll('[role="status"]')).map(
          (element) => element.textContent ?? '',
        );
        if (status.some((text) => text.includes('已排'))) seen.laying = true;
        if (!seen.firstSheet && document.querySelector('.pf-sheet[data-pf-drawn="true"]')) {
          seen.firstSheet = performance.now() - start;
        }
        if (!seen.allPages && status.some((text) => /共 \d+ 页/.test(text))) {
          seen.allPages = performance.now() - start;
        }
      };
      new MutationObserver(look).observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });
      location.hash = '#/print/register?from=2026-10-01&to=2026-10-31';
    });
    const pages = await previewPageCount(page);
    const seen = await page.evaluate(
      () =>
        (
          window as unknown as {
            previewSeen: { firstSheet: number; allPages: number; laying: boolean };
          }
        ).previewSeen,
    );
    expect(pages).toBeGreaterThanOrEqual(10);
    expect(seen.firstSheet).toBeGreaterThan(0);
    // The first page came before the whole layout, with 「已排 x 页」 meanwhile.
    expect(seen.firstSheet).toBeLessThan(seen.allPages);
    expect(seen.laying).toBe(true);
    // Only the pages near the screen are drawn; the others are empty sheets of their size.
    const region = page.getByRole('region', { name: '打印页面预览' });
    await expect(region.locator('.pf-sheet')).toHaveCount(pages);
    const drawn = await region.locator('.pf-sheet[data-pf-drawn="true"]').count();
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThan(pages);
    await expect(region).toContainText('受理日期：2026-10-01 至 2026-10-31');
    await page.screenshot({ path: 'test-results/screens/p13-register-preview-first.png' });
    // Scrolled to the end, the last page is drawn.
    await region.locator('.pf-sheet').last().scrollIntoViewIfNeeded();
    await expect(region.locator('.pf-sheet').last()).toHaveAttribute('data-pf-drawn', 'true');
    await expect(region.locator('.pf-sheet').last()).toContainText(`第 ${pages} 页 共 ${pages} 页`);
  });

  await test.step('the PDF holds every page, the header on each, every case once', async () => {
    const pages = await previewPageCount(page);
    const pdf = await printPreviewToPdf(page, 'p13-register-360');
    expect(pdf.pages).toBe(pages);
    expectPageNumbers(pdf);
    for (const text of pdf.pageTexts) {
      expect(text).toContain('客户投诉/需求登记表');
      expect(text).toContain('受理日期');
    }
    const all = pdf.pageTexts.join('');
    for (const c of cases) {
      // A row is never cut: its number prints on one page, once.
      const pagesWith = pdf.pageTexts.filter((text) => text.includes(c.number));
      expect(pagesWith, c.number).toHaveLength(1);
    }
    expect(all).toContain('第1页共');
  });
});
