/**
 * Hardening (issue 11 item 5): the browser build's server headers and its answer to a malformed
 * address, bidirectional controls in what a customer gave, a double submission of the intake
 * form, and the allow-list of external hosts in the settings. The whole suite runs under the
 * server's Content-Security-Policy; here every CSP violation the page reports fails the test.
 */
import { request as httpRequest } from 'node:http';
import { expect, test, type Page } from '@playwright/test';
import { Desk } from './support/desk';

const RLO = '\u202E';

/** One GET with the path sent exactly as written (no URL normalisation in between). */
function rawGet(
  baseURL: string,
  path: string,
): Promise<{ status: number; headers: Record<string, unknown> }> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path, method: 'GET' }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Collects what the page reports about Content-Security-Policy violations. */
function cspViolations(page: Page): string[] {
  const found: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) found.push(message.text());
  });
  page.on('pageerror', (error) => {
    if (/Content Security Policy/i.test(error.message)) found.push(error.message);
  });
  return found;
}

async function setUpDesk(page: Page): Promise<Desk> {
  const desk = new Desk(page);
  await desk.openAt('2026-11-02T10:00:00');
  await desk.setUp({
    organisation: '阳光花园物业服务中心',
    desk: '一号客服台',
    preset: '物业服务中心',
    operator: '王丽',
  });
  return desk;
}

test.describe('hardening', () => {
  test('the server sends its security headers and survives a malformed escape', async ({
    baseURL,
  }) => {
    const base = baseURL ?? '';
    const page = await rawGet(base, '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['x-frame-options']).toBe('DENY');

    const bad = await rawGet(base, '/%E0%A4%A');
    expect(bad.status).toBe(400);
    expect(bad.headers['x-content-type-options']).toBe('nosniff');
    // The server is still there and serves the next request.
    expect((await rawGet(base, '/')).status).toBe(200);
    expect((await rawGet(base, '/register')).status).toBe(200);
  });

  test('a customer name with a right-to-left override is flagged at intake and shown isolated', async ({
    page,
  }) => {
    const violations = cspViolations(page);
    const desk = await setUpDesk(page);
    await desk.goIntake();

    const name = page.getByLabel('客户姓名');
    await name.fill(`张三${RLO}gpj.exe`);
    await expect(page.getByText('含有改变文字方向的隐藏字符')).toBeVisible();
    const describedBy = await name.getAttribute('aria-describedby');
    expect(describedBy).toBeTruthy();
    await expect(page.locator(`[id="${describedBy}"]`)).toContainText('U+202E');
    await page.getByLabel('主题').fill('楼道灯不亮');
    await desk.screenshot('hardening-01-intake-flagged');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: '已登记，编号' })).toBeVisible();
    // After the save the form is empty again, and so is the warning.
    await expect(page.getByText('含有改变文字方向的隐藏字符')).toHaveCount(0);

    await desk.goRegister();
    const row = desk.registerTable().getByRole('row').filter({ hasText: '楼道灯不亮' });
    await expect(row).toContainText('张三⟨U+202E⟩gpj.exe');
    // What the row shows carries no override: the control is a visible label in an isolate.
    const shown = await row.evaluate((element) => element.textContent ?? '');
    expect(shown).not.toContain(RLO);
    expect(shown).toContain('\u2068张三⟨U+202E⟩gpj.exe\u2069');
    await desk.screenshot('hardening-02-register-isolated');

    await row.getByRole('link').first().click();
    const fields = page.getByRole('region', { name: '基本信息' });
    await expect(fields).toContainText('张三⟨U+202E⟩gpj.exe');
    expect(await fields.evaluate((element) => element.textContent ?? '')).not.toContain(RLO);
    await desk.screenshot('hardening-03-case-isolated');
    expect(violations).toEqual([]);
  });

  test('two requestSubmit() calls in one task save one case', async ({ page }) => {
    const violations = cspViolations(page);
    const desk = await setUpDesk(page);
    await desk.goIntake();
    await page.getByLabel('客户姓名').fill('李四');
    await page.getByLabel('主题').fill('电梯异响');
    await page.evaluate(() => {
      const form = document.querySelector<HTMLFormElement>('form[aria-label="受理登记"]');
      if (!form) throw new Error('no intake form');
      form.requestSubmit();
      form.requestSubmit();
    });
    await expect(
      page.getByRole('alert').filter({ hasText: '已登记，编号 2611-0001' }),
    ).toBeVisible();
    // Give a second save, had one started, the time to land before counting.
    await page.waitForTimeout(500);
    await desk.goRegister();
    const rows = desk.registerTable().getByRole('row').filter({ hasText: '电梯异响' });
    await expect(rows).toHaveCount(1);
    await expect(
      desk.registerTable().getByRole('row').filter({ hasText: '2611-0002' }),
    ).toHaveCount(0);
    expect(violations).toEqual([]);
  });

  test('the allow-list of external hosts is checked, saved and kept', async ({ page }) => {
    const violations = cspViolations(page);
    const desk = await setUpDesk(page);
    await page.getByRole('navigation').getByRole('link', { name: '设置', exact: true }).click();
    await page.getByRole('link', { name: /^安全/ }).click();
    await expect(page.getByRole('heading', { name: '安全', level: 1 })).toBeVisible();

    const hosts = page.getByLabel('允许打开的网站');
    await hosts.fill('https://www.12345.gov.cn/\n*.cn');
    await page.getByRole('button', { name: '保存白名单' }).click();
    await expect(page.getByText('第 1 行「https://www.12345.gov.cn/」不是网站域名')).toBeVisible();
    await expect(page.getByText('第 2 行「*.cn」')).toBeVisible();
    await desk.screenshot('hardening-04-allow-list-refused');

    await hosts.fill('WWW.12345.gov.cn\n*.example.gov.cn\nwww.12345.gov.cn');
    await page.getByRole('button', { name: '保存白名单' }).click();
    await expect(page.getByText('白名单已保存（2 个网站）。')).toBeVisible();
    await expect(hosts).toHaveValue('www.12345.gov.cn\n*.example.gov.cn');
    // The browser build has no installer to update: the page says so.
    await expect(page.getByText('浏览器版不适用')).toBeVisible();
    await desk.screenshot('hardening-05-allow-list-saved');

    await page.reload();
    await expect(page.getByLabel('允许打开的网站')).toHaveValue(
      'www.12345.gov.cn\n*.example.gov.cn',
    );
    expect(violations).toEqual([]);
  });
});
