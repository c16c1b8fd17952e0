/**
 * Printing in the end-to-end suite: the preview's pages rendered to PDF by Chromium (the engine
 * Electron's printToPDF uses), then read back the way a person would see them: the text with
 * `pdftotext`, the pages as PNG with `pdftoppm` (poppler-utils).
 *
 * Test data goes through `window.__deskTest`, which exists only in builds made with
 * `vite build --mode e2e` (renderer/.env.e2e sets VITE_E2E_HOOKS=1; see
 * renderer/src/e2e-hooks/desk-test-hooks.ts): registering 120 cases or 20 steps of one case
 * through the screens would make these tests about the screens, not the forms.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';

/** The hooks of renderer/src/e2e-hooks/desk-test-hooks.ts, as the tests call them. */
interface DeskTestHooks {
  registerCases(
    drafts: readonly Record<string, unknown>[],
  ): Promise<{ id: string; number: string }[]>;
  appendEvents(caseId: string, events: readonly TestStep[]): Promise<void>;
  auditLatest(
    limit: number,
  ): Promise<{ action: string; target?: string; detail?: string; actorId: string; at: string }[]>;
  signInAttempt(name: string, password: string): Promise<Record<string, unknown>>;
}

declare global {
  interface Window {
    __deskTest?: DeskTestHooks;
  }
}

export const PDF_DIR = 'test-results/pdf';
export const PNG_DIR = 'test-results/pdf-png';

/** An event to append, as the hook takes it. */
export interface TestStep {
  readonly type: string;
  readonly payload: unknown;
  readonly at?: string;
}

/** A local Beijing time as an ISO instant. */
export function beijing(local: string): string {
  return new Date(`${local}+08:00`).toISOString();
}

/** A deadline as the events store it. */
export function deadline(local: string, basis = 'handling') {
  return { dueAt: beijing(local), basis };
}

/** The item at `index`, which the test knows is there. */
export function nth<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`no item ${index} of ${list.length}`);
  return item;
}

async function hooksReady(page: Page) {
  const present = await page.evaluate(() => window.__deskTest !== undefined);
  if (!present) {
    throw new Error(
      'window.__deskTest is missing: build with `vite build --mode e2e` (VITE_E2E_HOOKS=1).',
    );
  }
}

/** Registers cases from what a clerk would type (intake draft fields). */
export async function registerCases(
  page: Page,
  drafts: readonly Record<string, unknown>[],
): Promise<{ id: string; number: string }[]> {
  await hooksReady(page);
  return page.evaluate((list) => {
    // Runs in the page: checked by hooksReady just before.
    const hooks = window.__deskTest;
    if (!hooks) throw new Error('no __deskTest');
    return hooks.registerCases(list);
  }, drafts);
}

/** Appends steps to a case through the application's own repository. */
export async function appendSteps(page: Page, caseId: string, steps: readonly TestStep[]) {
  await hooksReady(page);
  await page.evaluate(
    ([id, list]) => {
      // Runs in the page: checked by hooksReady just before.
      const hooks = window.__deskTest;
      if (!hooks) throw new Error('no __deskTest');
      return hooks.appendEvents(id, list);
    },
    [caseId, steps] as const,
  );
}

export async function auditLatest(page: Page, limit: number) {
  await hooksReady(page);
  return page.evaluate((n) => {
    // Runs in the page: checked by hooksReady just before.
    const hooks = window.__deskTest;
    if (!hooks) throw new Error('no __deskTest');
    return hooks.auditLatest(n);
  }, limit);
}

/** Opens the print preview of a form (an address of renderer/src/features/print/print-route.ts). */
export async function openPreview(page: Page, path: string, title: string): Promise<number> {
  await page.goto(`/#${path}`);
  await expect(page.getByRole('heading', { name: `打印预览：${title}` })).toBeVisible();
  return previewPageCount(page);
}

/** Waits for the preview to finish laying out and gives its page count. */
export async function previewPageCount(page: Page): Promise<number> {
  const status = page.getByRole('status').filter({ hasText: /共 \d+ 页/ });
  await expect(status).toBeVisible({ timeout: 30_000 });
  const match = /共 (\d+) 页/.exec((await status.textContent()) ?? '');
  return Number(match?.[1]);
}

export interface PrintedPdf {
  readonly path: string;
  readonly pages: number;
  /**
   * The text of each page in the order Chromium drew it (cell by cell: `pdftotext -raw`), with
   * whitespace removed, since a cell's text wraps onto several lines.
   */
  readonly pageTexts: string[];
  readonly pngs: string[];
}

function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

/**
 * Prints the preview on screen to PDF as Chromium does for the print dialog's "Save as PDF"
 * (print media, the page's `@page` size and margins), and reads it back.
 */
export async function printPreviewToPdf(page: Page, name: string): Promise<PrintedPdf> {
  mkdirSync(PDF_DIR, { recursive: true });
  mkdirSync(PNG_DIR, { recursive: true });
  const path = join(PDF_DIR, `${name}.pdf`);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.pdf({ path, format: 'A4', printBackground: true, preferCSSPageSize: true });
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  const pageTexts = Array.from({ length: pages }, (_, i) =>
    squeeze(
      execFileSync('pdftotext', ['-raw', '-f', String(i + 1), '-l', String(i + 1), path, '-'], {
        encoding: 'utf8',
      }),
    ),
  );
  for (const old of readdirSync(PNG_DIR).filter((file) => file.startsWith(`${name}-`))) {
    rmSync(join(PNG_DIR, old));
  }
  execFileSync('pdftoppm', ['-png', '-r', '80', path, join(PNG_DIR, name)]);
  const pngs = readdirSync(PNG_DIR)
    .filter((file) => file.startsWith(`${name}-`) && file.endsWith('.png'))
    .sort()
    .map((file) => join(PNG_DIR, file));
  return { path, pages, pageTexts, pngs };
}

/** The page size of a PDF in points, e.g. `[595, 842]` for A4 portrait. */
export function pdfPageSize(path: string): [number, number] {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  const match = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  return [Math.round(Number(match?.[1])), Math.round(Number(match?.[2]))];
}

/** Checks 「第 x 页 共 y 页」 on every page of a printed form (or of each form of a batch). */
export function expectPageNumbers(pdf: PrintedPdf, pagesPerForm: readonly number[] = [pdf.pages]) {
  expect(pagesPerForm.reduce((a, b) => a + b, 0)).toBe(pdf.pages);
  let index = 0;
  for (const count of pagesPerForm) {
    for (let page = 1; page <= count; page++) {
      expect(pdf.pageTexts[index], `page ${index + 1}`).toContain(`第${page}页共${count}页`);
      index += 1;
    }
  }
}
