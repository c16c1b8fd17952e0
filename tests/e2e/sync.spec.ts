/**
 * Sync end to end (issue 15): the real central server (server/, on PGlite in a temp folder) on a
 * loopback port, two desks of one organisation in two browser contexts (each its own IndexedDB),
 * a head office and a desk of another organisation. Desk A works offline, dispatches a case to a
 * unit desk B serves, both sync; B sees the case with its history, the head office sees both
 * desks' cases with the same snapshots, the other organisation sees none.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { Desk } from './support/desk';
import { appendSteps, beijing, deadline, registerCases } from './support/print';

const PORT = Number(process.env.E2E_PORT ?? 4317);
const SYNC_PORT = Number(process.env.E2E_SYNC_PORT ?? PORT + 200);
const SYNC_URL = `http://127.0.0.1:${SYNC_PORT}`;

interface ServerModule {
  startServer(options: { port: number; dataDir: string }): Promise<{
    url: string;
    close(): Promise<void>;
    store: {
      createOrganisation(name: string): Promise<unknown>;
      createDesk(org: string, code: string, name: string): Promise<{ token: string }>;
      createAccount(org: string, login: string, password: string): Promise<void>;
    };
  }>;
}

let server: Awaited<ReturnType<ServerModule['startServer']>>;
let dataDir: string;
const tokens: Record<string, string> = {};

test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

test.beforeAll(async () => {
  // build-server.mjs bundles server/ (no TypeScript runner is installed) and says where.
  const builder: string = '../../build/build-server.mjs';
  const { buildServerBundle } = (await import(builder)) as {
    buildServerBundle(): Promise<string>;
  };
  const bundle = await buildServerBundle();
  const mod = (await import(pathToFileURL(bundle).href)) as ServerModule;
  dataDir = await mkdtemp(path.join(tmpdir(), 'sync-e2e-'));
  server = await mod.startServer({ port: SYNC_PORT, dataDir });
  const { store } = server;
  await store.createOrganisation('示例集团');
  tokens.A01 = (await store.createDesk('示例集团', 'A01', '甲服务中心')).token;
  tokens.B01 = (await store.createDesk('示例集团', 'B01', '乙服务中心')).token;
  await store.createAccount('示例集团', 'hq', 'hq-password-1');
  await store.createOrganisation('其他集团');
  tokens.C01 = (await store.createDesk('其他集团', 'C01', '丙服务中心')).token;
});

test.afterAll(async () => {
  await server?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function deskPage(browser: Browser, name: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const desk = new Desk(page);
  await page.goto('/');
  await desk.setUp({
    organisation: '示例集团',
    desk: name,
    preset: '物业服务中心',
    operator: '王丽',
  });
  return page;
}

/** Connects the desk through the sync settings page as a clerk would. */
async function connect(page: Page, input: { token?: string; login?: string }, screenshot?: string) {
  await page.goto('/#/settings/sync');
  await expect(page.getByRole('heading', { name: '同步' })).toBeVisible();
  if (input.login) {
    await page.getByLabel('总部（账号登录，只读）').check();
    await page.getByLabel('服务器地址').fill(SYNC_URL);
    await page.getByLabel('总部账号').fill(input.login);
    await page.getByLabel('密码', { exact: true }).fill('hq-password-1');
  } else {
    await page.getByLabel('服务器地址').fill(SYNC_URL);
    await page.getByLabel('受理台令牌').fill(input.token ?? '');
  }
  await page.getByRole('button', { name: '测试连接' }).click();
  await expect(page.getByRole('status')).toContainText('连接成功', { timeout: 15_000 });
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status')).toContainText('已保存');
  if (screenshot)
    await page.screenshot({ path: `test-results/screens/${screenshot}.png`, fullPage: true });
}

/** The stored rows of a table, read straight from the page's IndexedDB. */
async function rows(page: Page, table: string): Promise<Record<string, unknown>[]> {
  return page.evaluate(
    (name) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const open = indexedDB.open('complaint-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => {
            resolve(request.result as Record<string, unknown>[]);
            open.result.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
    table,
  );
}

function snapshot(row: Record<string, unknown> | undefined) {
  if (!row) return undefined;
  const { searchPending: _pending, ...rest } = row;
  return rest;
}

async function statusButton(page: Page) {
  return page.getByRole('banner').getByRole('button', { name: /^同步状态：/ });
}

test('two desks, a head office and another organisation sync through the real server', async ({
  browser,
}) => {
  const pages: { h?: Page } = {};
  const a = await deskPage(browser, '甲服务中心');
  const b = await deskPage(browser, '乙服务中心');

  await test.step('each desk connects with its token; a wrong token is told in words', async () => {
    await a.goto('/#/settings/sync');
    await a.getByLabel('服务器地址').fill(SYNC_URL);
    await a.getByLabel('受理台令牌').fill('not-a-token');
    await a.getByRole('button', { name: '测试连接' }).click();
    await expect(a.getByRole('status')).toContainText('令牌或密码不对');
    await connect(a, { token: tokens.A01 }, 'sync-settings-desk-a');
    await expect(a.getByRole('status')).toContainText('本受理台：A01 甲服务中心');
    await connect(b, { token: tokens.B01 });
    await expect(await statusButton(a)).toHaveAccessibleName('同步状态：已同步', {
      timeout: 15_000,
    });
  });

  let unitId = '';
  await test.step('desk A has a unit served by desk B', async () => {
    await a.goto('/#/settings/units');
    await a.getByRole('button', { name: '添加单位' }).first().click();
    const dialog = a.getByRole('dialog', { name: '添加承办单位' });
    await dialog.getByLabel('名称', { exact: false }).first().fill('乙中心工程部');
    await dialog.getByLabel('由哪个受理台承办').click();
    await a.getByRole('option', { name: 'B01 乙服务中心' }).click();
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
    const unit = (await rows(a, 'units')).find((u) => u.name === '乙中心工程部');
    expect(unit?.deskCode).toBe('B01');
    unitId = String(unit?.id);
  });

  const now = new Date();
  const local = (offsetMin: number) =>
    new Date(now.getTime() + offsetMin * 60_000 + 8 * 3_600_000).toISOString().slice(0, 16);
  let sentId = '';
  let keptId = '';
  let bCaseId = '';
  await test.step('offline, desk A registers two cases and dispatches one to B’s unit', async () => {
    await a.context().setOffline(true);
    const created = await registerCases(a, [
      {
        customerName: '赵敏',
        phone: '13911112222',
        address: '3栋0601室',
        kindId: 'complaint',
        subject: '卫生间漏水',
        content: '楼上漏水',
        demand: '维修',
      },
      {
        customerName: '钱进',
        phone: '13911113333',
        address: '5栋0101室',
        kindId: 'complaint',
        subject: '门禁失灵',
        content: '门禁刷不开',
        demand: '修好',
      },
    ]);
    sentId = created[0]?.id ?? '';
    keptId = created[1]?.id ?? '';
    expect(created[0]?.number).toMatch(/^A01-/);
    await appendSteps(a, sentId, [
      {
        type: 'case/dispatched',
        payload: {
          unitId,
          unitName: '乙中心工程部',
          handlerName: '李强',
          deadline: deadline(local(48 * 60)),
        },
        at: beijing(local(-1)),
      },
    ]);
    const status = await statusButton(a);
    await expect(status).toHaveAccessibleName(/同步状态：(离线|3 条待上传)/, { timeout: 20_000 });
    await a.screenshot({ path: 'test-results/screens/sync-status-offline.png' });
  });

  await test.step('offline, desk B registers its own case', async () => {
    await b.context().setOffline(true);
    const created = await registerCases(b, [
      {
        customerName: '孙丽',
        phone: '13911114444',
        address: '9栋0909室',
        kindId: 'complaint',
        subject: '绿化带积水',
        content: '积水',
        demand: '疏通',
      },
    ]);
    bCaseId = created[0]?.id ?? '';
    expect(created[0]?.number).toMatch(/^B01-/);
  });

  await test.step('both come back online and sync; B sees A’s dispatched case with its history', async () => {
    await a.context().setOffline(false);
    await expect(await statusButton(a)).toHaveAccessibleName('同步状态：已同步', {
      timeout: 30_000,
    });
    await a.screenshot({ path: 'test-results/screens/sync-status-synced.png' });
    await b.context().setOffline(false);
    await expect(await statusButton(b)).toHaveAccessibleName('同步状态：已同步', {
      timeout: 30_000,
    });
    // B pulls on its next round: ask for one now.
    await (await statusButton(b)).click();
    await b.getByRole('button', { name: '立即同步' }).click();
    await b.keyboard.press('Escape');
    await expect
      .poll(async () => (await rows(b, 'cases')).map((c) => c.id), { timeout: 30_000 })
      .toContain(sentId);
    const bCases = await rows(b, 'cases');
    expect(bCases.map((c) => c.id)).not.toContain(keptId);
    const aCases = await rows(a, 'cases');
    expect(snapshot(bCases.find((c) => c.id === sentId))).toEqual(
      snapshot(aCases.find((c) => c.id === sentId)),
    );
    await b.goto(`/#/cases/${sentId}`);
    await expect(b.getByText('卫生间漏水').first()).toBeVisible();
    await expect(b.getByText('乙中心工程部').first()).toBeVisible();
    // The pulled case made its customer file here, under the id desk A gave it.
    const sent = aCases.find((c) => c.id === sentId) as { customer: { customerId: string } };
    const bFiles = await rows(b, 'customers');
    expect(bFiles.find((f) => f.id === sent.customer.customerId)).toMatchObject({
      name: '赵敏',
      phones: ['13911112222'],
    });
    // B's register names the desk each case came from.
    await b.goto('/#/register');
    const table = b.getByRole('table', { name: '投诉/需求登记表' });
    await expect(table.getByRole('columnheader', { name: '受理台' })).toBeVisible();
    await expect(table.getByRole('row').filter({ hasText: '卫生间漏水' })).toContainText('A01');
    await expect(table.getByRole('row').filter({ hasText: '绿化带积水' })).toContainText('B01');
  });

  await test.step('head office sees both desks’ cases with the same snapshots, read-only', async () => {
    const h = await deskPage(browser, '集团总部');
    pages.h = h;
    await connect(h, { login: 'hq' }, 'sync-settings-head-office');
    await expect.poll(async () => (await rows(h, 'cases')).length, { timeout: 30_000 }).toBe(3);
    const hCases = await rows(h, 'cases');
    const aCases = await rows(a, 'cases');
    const bCases = await rows(b, 'cases');
    for (const id of [sentId, keptId]) {
      expect(snapshot(hCases.find((c) => c.id === id))).toEqual(
        snapshot(aCases.find((c) => c.id === id)),
      );
    }
    expect(snapshot(hCases.find((c) => c.id === bCaseId))).toEqual(
      snapshot(bCases.find((c) => c.id === bCaseId)),
    );
    await h.goto('/');
    await expect(h.getByText('本机以总部账号连接同步服务器')).toBeVisible();
    await expect(
      h.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '受理登记' }),
    ).toHaveCount(0);
    await expect(
      h.evaluate(
        (id) =>
          window.__deskTest?.appendEvents(id, [{ type: 'case/noted', payload: { note: '总部' } }]),
        keptId,
      ),
    ).rejects.toThrow(/Access denied|AccessDenied/);
    await h.screenshot({ path: 'test-results/screens/sync-head-office.png', fullPage: true });
    // Every pulled case made its customer file at head office too.
    expect((await rows(h, 'customers')).map((f) => f.name).sort()).toEqual(
      ['孙丽', '赵敏', '钱进'].sort(),
    );
  });

  await test.step('head office reads the group register desk by desk', async () => {
    const h = pages.h as Page;
    await h.goto('/#/register');
    const table = h.getByRole('table', { name: '投诉/需求登记表' });
    await expect(table.getByRole('columnheader', { name: '受理台' })).toBeVisible();
    await expect(table.getByRole('row')).toHaveCount(4);
    const filter = h.getByRole('combobox', { name: '受理台', exact: true });
    await filter.selectOption('B01');
    await expect(h).toHaveURL(/desk=B01/);
    await expect(table.getByRole('row')).toHaveCount(2);
    await expect(table).toContainText('绿化带积水');
    await expect(table).not.toContainText('卫生间漏水');
    await h.screenshot({ path: 'test-results/screens/sync-head-office-register-b01.png' });
    await filter.selectOption('A01');
    await expect(table.getByRole('row')).toHaveCount(3);
    await expect(table).not.toContainText('绿化带积水');
    // Desk A, which holds the unit, also shows where it sent the case.
    await a.goto('/#/register');
    await expect(
      a
        .getByRole('table', { name: '投诉/需求登记表' })
        .getByRole('row')
        .filter({ hasText: '卫生间漏水' }),
    ).toContainText('由 B01 承办');
  });

  await test.step('a desk of another organisation sees none of them', async () => {
    const c = await deskPage(browser, '丙服务中心');
    await connect(c, { token: tokens.C01 });
    await expect(await statusButton(c)).toHaveAccessibleName('同步状态：已同步', {
      timeout: 30_000,
    });
    expect(await rows(c, 'cases')).toEqual([]);
  });
});
