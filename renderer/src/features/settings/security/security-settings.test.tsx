import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { IsoInstant } from '@shared/kernel/brand';
import { deadlineContextFromSettings } from '@shared/calendar/deadline';
import type { DeskBridge, UpdateCheckResult, UpdateInstallResult } from '@shared/platform/bridge';
import { i18nStart } from '../../../app/i18n';
import { DeskServicesContext } from '../../../desk/services';
import { DeskStateContext } from '../../../desk/desk-state';
import type { DeskDatabase } from '../../../db/database';
import { externalHostsChange, updateFolderChange } from '../../../db/repos/security-settings';
import type { StoredDeskState } from '../../../db/repos/settings';
import { testDatabase, testDeskSetUp, testSession } from '../../../db/test-builders';
import { bridgeResolve } from '../../../platform/bridge';
import { SecuritySettingsPage } from './SecuritySettingsPage';
import { SecurityStartup } from './UpdateOffer';

const NOW = '2026-11-04T02:00:00.000Z' as IsoInstant;
const SHARE = '\\\\fileserver\\desk-updates';
const OFFER: UpdateCheckResult = {
  status: 'available',
  runningVersion: '0.1.0',
  version: '0.3.0',
  fileName: '投诉受理台-0.3.0-x64-nsis.exe',
};

/** The desktop bridge as the page sees it, recording the update and allow-list calls. */
function electronBridge(answers: { check: UpdateCheckResult; install: UpdateInstallResult }) {
  const calls = { hosts: [] as (readonly string[])[], checked: [] as string[], installs: 0 };
  const bridge: DeskBridge = {
    ...bridgeResolve(),
    appInfo: async () => ({
      name: '投诉受理台',
      version: '0.1.0',
      runtime: 'electron',
      platform: 'win32',
    }),
    setExternalHosts: async (hosts) => {
      calls.hosts.push(hosts);
    },
    updateCheck: async (folder) => {
      calls.checked.push(folder);
      return answers.check;
    },
    updateInstall: async () => {
      calls.installs += 1;
      return answers.install;
    },
  };
  return { bridge, calls };
}

let db: DeskDatabase;
beforeAll(async () => {
  await i18nStart('zh-CN');
});
afterEach(async () => {
  cleanup();
  await db.delete();
});

function renderOnDesk(desk: StoredDeskState, bridge: DeskBridge, node: ReactNode) {
  const services = { db, bridge, now: () => NOW, persistence: 'persisted' as const };
  const state = { ...desk, deadlineContext: deadlineContextFromSettings(desk.calendar) };
  return render(
    <DeskServicesContext.Provider value={services}>
      <DeskStateContext.Provider value={state}>
        <MemoryRouter>{node}</MemoryRouter>
      </DeskStateContext.Provider>
    </DeskServicesContext.Provider>,
  );
}

describe('SecurityStartup (the desktop application at start)', () => {
  it('sends the allow-list to the bridge and offers a newer installer from the folder', async () => {
    db = testDatabase();
    const desk = await testDeskSetUp(db);
    await externalHostsChange(testSession(db, desk), ['www.12345.gov.cn']);
    await updateFolderChange(testSession(db, desk), SHARE);
    const { bridge, calls } = electronBridge({ check: OFFER, install: { status: 'started' } });
    renderOnDesk(desk, bridge, <SecurityStartup />);

    expect(await screen.findByText('更新文件夹中有新版本 0.3.0（当前 0.1.0）。')).toBeVisible();
    expect(calls.checked).toEqual([SHARE]);
    await waitFor(() => expect(calls.hosts).toEqual([['www.12345.gov.cn']]));
    await userEvent.click(screen.getByRole('button', { name: '安装并重启' }));
    await waitFor(() => expect(calls.installs).toBe(1));
    // The desk is closing: the button stays busy.
    expect(screen.getByRole('button', { name: '正在启动安装程序……' })).toBeDisabled();
  });

  it('says so when the installer has left the folder, and can be dismissed', async () => {
    db = testDatabase();
    const desk = await testDeskSetUp(db);
    await updateFolderChange(testSession(db, desk), SHARE);
    const { bridge } = electronBridge({ check: OFFER, install: { status: 'nothing-offered' } });
    renderOnDesk(desk, bridge, <SecurityStartup />);

    await userEvent.click(await screen.findByRole('button', { name: '安装并重启' }));
    expect(await screen.findByText('安装程序已不在更新文件夹中，请重新检查。')).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: '稍后' }));
    expect(screen.queryByText(/更新文件夹中有新版本/)).toBeNull();
  });

  it('checks nothing when no folder is set', async () => {
    db = testDatabase();
    const desk = await testDeskSetUp(db);
    const { bridge, calls } = electronBridge({ check: OFFER, install: { status: 'started' } });
    renderOnDesk(desk, bridge, <SecurityStartup />);
    await waitFor(() => expect(calls.hosts).toEqual([[]]));
    expect(calls.checked).toEqual([]);
    expect(screen.queryByText(/更新文件夹中有新版本/)).toBeNull();
  });
});

describe('SecuritySettingsPage in the desktop application', () => {
  it(
    'refuses a relative folder, saves a share path and checks it on request',
    { timeout: 30_000 },
    async () => {
      db = testDatabase();
      const desk = await testDeskSetUp(db);
      const { bridge, calls } = electronBridge({
        check: { status: 'none', runningVersion: '0.1.0' },
        install: { status: 'nothing-offered' },
      });
      renderOnDesk(desk, bridge, <SecuritySettingsPage />);

      const folder = await screen.findByLabelText('更新文件夹', {}, { timeout: 10_000 });
      await userEvent.type(folder, '安装包');
      await userEvent.click(screen.getByRole('button', { name: '保存文件夹' }));
      expect(await screen.findByText(/请填写完整路径/)).toBeVisible();

      await userEvent.clear(folder);
      await userEvent.type(folder, 'D:\\安装包');
      await userEvent.click(screen.getByRole('button', { name: '保存文件夹' }));
      expect(await screen.findByText('更新文件夹已保存。')).toBeVisible();
      await userEvent.click(screen.getByRole('button', { name: '立即检查' }));
      expect(await screen.findByText('没有比当前版本 0.1.0 更新的安装程序。')).toBeVisible();
      expect(calls.checked).toEqual(['D:\\安装包']);
    },
  );
});
