import { rm } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BRIDGE_CHANNELS } from '@shared/platform/bridge';
import { createTestDesk, eventFrom, FakeContents, type TestDesk } from './fakes';
import { installBridgeHandlers } from './install';
import { isAbsoluteFolder } from './update';

const SHARE = '\\\\fileserver\\desk-updates';

describe('the offline update over the bridge', () => {
  let desk: TestDesk;
  let page: FakeContents;
  const check = (folder: unknown = SHARE) =>
    desk.ipcMain.invoke(BRIDGE_CHANNELS.updateCheck, eventFrom(page), folder);
  const install = () => desk.ipcMain.invoke(BRIDGE_CHANNELS.updateInstall, eventFrom(page));

  beforeEach(async () => {
    desk = await createTestDesk();
    installBridgeHandlers(desk.deps);
    page = new FakeContents();
  });

  afterEach(async () => {
    await rm(desk.documentsDir, { recursive: true, force: true });
  });

  it('offers the newest installer in the folder and runs exactly that file, then quits', async () => {
    desk.folders.set(SHARE, [
      '投诉受理台-0.2.0-x64-nsis.exe',
      '投诉受理台-0.3.1-x64-nsis.exe',
      '投诉受理台-0.3.1-x64-portable.exe',
      '说明.txt',
    ]);
    expect(await check()).toEqual({
      status: 'available',
      runningVersion: '0.1.0',
      version: '0.3.1',
      fileName: '投诉受理台-0.3.1-x64-nsis.exe',
    });
    expect(await install()).toEqual({ status: 'started' });
    expect(desk.started).toHaveLength(1);
    expect(desk.started[0]).toMatch(/desk-updates[\\/]投诉受理台-0\.3\.1-x64-nsis\.exe$/);
    expect(desk.quits).toBe(1);
  });

  it('offers nothing when the folder holds nothing newer', async () => {
    desk.folders.set(SHARE, ['投诉受理台-0.1.0-x64-nsis.exe']);
    expect(await check()).toEqual({ status: 'none', runningVersion: '0.1.0' });
    expect(await install()).toEqual({ status: 'nothing-offered' });
    expect(desk.started).toEqual([]);
  });

  it('says when the folder cannot be read', async () => {
    expect(await check('/mnt/no-such-share')).toEqual({ status: 'folder-unreadable' });
    expect(desk.logs.join('\n')).toMatch(/cannot read \/mnt\/no-such-share/);
  });

  it('does not run an installer that left the folder after the check', async () => {
    desk.folders.set(SHARE, ['投诉受理台-0.2.0-x64-nsis.exe']);
    await check();
    desk.folders.set(SHARE, []);
    expect(await install()).toEqual({ status: 'nothing-offered' });
    expect(desk.started).toEqual([]);
    expect(desk.quits).toBe(0);
  });

  it('stays open and says so when the installer cannot be started', async () => {
    desk.folders.set(SHARE, ['投诉受理台-0.2.0-x64-nsis.exe']);
    desk.openPathAnswer = 'Access is denied.';
    await check();
    expect(await install()).toEqual({ status: 'failed', reason: 'install-failed' });
    expect(desk.quits).toBe(0);
    expect(desk.logs.join('\n')).toMatch(/Access is denied/);
  });

  it('installs nothing before a check', async () => {
    expect(await install()).toEqual({ status: 'nothing-offered' });
  });

  it.each([
    ['a relative folder', 'updates'],
    ['an empty path', ''],
    ['not text', 42],
    ['a control character', '/mnt/a\u0000b'],
  ])('refuses %s', async (_name, folder) => {
    expect(await check(folder)).toEqual({ status: 'failed', reason: 'invalid-request' });
  });

  it('refuses a page that is not the desk', async () => {
    desk.folders.set(SHARE, ['投诉受理台-0.2.0-x64-nsis.exe']);
    const stranger = eventFrom(page, { url: 'https://evil.example/', parent: null });
    expect(await desk.ipcMain.invoke(BRIDGE_CHANNELS.updateCheck, stranger, SHARE)).toEqual({
      status: 'failed',
      reason: 'untrusted-sender',
    });
    expect(await desk.ipcMain.invoke(BRIDGE_CHANNELS.updateInstall, stranger)).toEqual({
      status: 'failed',
      reason: 'untrusted-sender',
    });
  });
});

describe('isAbsoluteFolder', () => {
  it.each([
    ['C:\\updates', true],
    ['\\\\server\\share\\desk', true],
    ['/mnt/share', true],
    ['updates', false],
    ['..\\updates', false],
    ['C:updates', false],
  ])('%s: %s', (folder, expected) => {
    expect(isAbsoluteFolder(folder)).toBe(expected);
  });
});
