import { describe, expect, it } from 'vitest';
import { browserBridgeCreate } from './browser-bridge';

function bridge(activated: boolean) {
  const opened: string[] = [];
  const state = { activated };
  const created = browserBridgeCreate({
    document,
    print: () => undefined,
    open: (url) => opened.push(url),
    version: '0.1.0',
    userActivated: () => state.activated,
  });
  return { bridge: created, opened, state };
}

describe('the browser bridge opens external addresses like the desktop', () => {
  it('opens an allowed host on a click', async () => {
    const { bridge: b, opened } = bridge(true);
    await b.setExternalHosts(['*.example.cn']);
    expect(await b.openExternal('https://www.example.cn/guide')).toEqual({ status: 'opened' });
    expect(opened).toEqual(['https://www.example.cn/guide']);
  });

  it('refuses without a click, to another host, or a strange address', async () => {
    const { bridge: b, opened, state } = bridge(false);
    await b.setExternalHosts(['www.example.cn']);
    expect(await b.openExternal('https://www.example.cn/')).toEqual({
      status: 'refused',
      reason: 'not-activated',
    });
    state.activated = true;
    expect(await b.openExternal('https://evil.example/')).toEqual({
      status: 'refused',
      reason: 'host-not-allowed',
    });
    for (const url of [
      'javascript:alert(1)',
      'https://www.example.cn@evil.example/',
      'not a url',
    ]) {
      expect(await b.openExternal(url)).toEqual({ status: 'refused', reason: 'unsafe-url' });
    }
    expect(opened).toEqual([]);
  });

  it('says the offline update does not apply to the browser build', async () => {
    const { bridge: b } = bridge(true);
    expect(await b.updateCheck('D:\\updates')).toEqual({ status: 'not-applicable' });
    expect(await b.updateInstall()).toEqual({ status: 'not-applicable' });
  });
});
