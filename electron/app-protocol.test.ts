import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeFor, createAppProtocolHandler, resolveAppRequest } from './app-protocol';

describe('resolveAppRequest (POSIX paths)', () => {
  const root = '/opt/desk/resources/app.asar/dist';
  const index = { filePath: `${root}/index.html`, contentType: 'text/html; charset=utf-8' };

  it.each([
    ['app://desk/', index],
    ['app://desk', index],
    ['app://desk/index.html', index],
    ['app://desk/register', index],
    ['app://desk/cases/2026-0001/print', index],
    ['app://desk/settings?tab=presets#numbering', index],
    [
      'app://desk/assets/index-abc123.js',
      { filePath: `${root}/assets/index-abc123.js`, contentType: 'text/javascript; charset=utf-8' },
    ],
    [
      'app://desk/assets/index-abc123.css',
      { filePath: `${root}/assets/index-abc123.css`, contentType: 'text/css; charset=utf-8' },
    ],
    [
      'app://desk/fonts/Noto%20Sans%20SC.woff2',
      { filePath: `${root}/fonts/Noto Sans SC.woff2`, contentType: 'font/woff2' },
    ],
    [
      'app://desk/%E5%9B%BE%E6%A0%87.png',
      { filePath: `${root}/图标.png`, contentType: 'image/png' },
    ],
    // Dot segments are resolved by the URL parser before we see them: they stay inside the root.
    [
      'app://desk/../../etc/passwd.txt',
      { filePath: `${root}/etc/passwd.txt`, contentType: 'text/plain; charset=utf-8' },
    ],
    [
      'app://desk/assets/%2e%2e/%2e%2e/x.js',
      { filePath: `${root}/x.js`, contentType: 'text/javascript; charset=utf-8' },
    ],
  ])('%s → %j', (url, expected) => {
    expect(resolveAppRequest(url, root)).toEqual(expected);
  });

  it.each([
    // Encoded separators survive the parser and would escape after decoding.
    ['app://desk/..%2f..%2fetc%2fpasswd', 403],
    ['app://desk/assets/..%2F..%2F..%2Fsecret.json', 403],
    ['app://desk/%2e%2e%2fsecret.json', 403],
    ['app://desk/..%5c..%5csecret.json', 403],
    ['app://desk/a%00.js', 403],
    ['app://desk/C:/Windows/win.ini', 403],
    ['app://desk/index.html::$DATA', 403],
    ['app://desk.evil/index.html', 403],
    ['app://evil/index.html', 403],
    ['app://desk:8080/index.html', 403],
    ['app://user@desk/index.html', 403],
    ['https://desk/index.html', 403],
    ['file:///etc/passwd', 403],
    ['app://desk/%E0%A4%A.js', 404],
    ['not a url', 404],
  ])('%s → %s', (url, status) => {
    expect(resolveAppRequest(url, root)).toEqual({ status });
  });
});

describe('resolveAppRequest (Windows paths)', () => {
  const root = 'C:\\Program Files\\投诉受理台\\resources\\app.asar\\dist';

  it('joins with backslashes', () => {
    expect(resolveAppRequest('app://desk/assets/a.js', root, path.win32)).toEqual({
      filePath: `${root}\\assets\\a.js`,
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(resolveAppRequest('app://desk/register', root, path.win32)).toEqual({
      filePath: `${root}\\index.html`,
      contentType: 'text/html; charset=utf-8',
    });
  });

  it.each([
    'app://desk/..%5C..%5C..%5CWindows%5Cwin.ini',
    'app://desk/..%2F..%2FWindows/win.ini',
    'app://desk/C:%5CWindows%5Cwin.ini',
    'app://desk/%5C%5Cserver%5Cshare%5Cx.js',
    'app://desk/index.html:stream',
  ])('refuses %s', (url) => {
    expect(resolveAppRequest(url, root, path.win32)).toEqual({ status: 403 });
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['A.JS', 'text/javascript; charset=utf-8'],
    ['worker.mjs', 'text/javascript; charset=utf-8'],
    ['logo.svg', 'image/svg+xml'],
    ['data.bin', 'application/octet-stream'],
  ])('%s → %s', (name, type) => {
    expect(contentTypeFor(name)).toBe(type);
  });
});

describe('createAppProtocolHandler', () => {
  let root: string;
  const csp = "default-src 'self'";

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'desk-protocol-'));
    await mkdir(path.join(root, 'dist', 'assets'), { recursive: true });
    await writeFile(
      path.join(root, 'dist', 'index.html'),
      '<!doctype html><title>投诉受理台</title>',
    );
    await writeFile(path.join(root, 'dist', 'assets', 'app.js'), 'console.log(1)');
    await writeFile(path.join(root, 'secret.txt'), 'outside dist');
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  function handler() {
    return createAppProtocolHandler({
      rootDir: path.join(root, 'dist'),
      contentSecurityPolicy: csp,
      readFile: (filePath) => readFile(filePath),
    });
  }

  it('serves a route as index.html with the CSP and nosniff', async () => {
    const response = await handler()(new Request('app://desk/register'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(csp);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(await response.text()).toContain('投诉受理台');
  });

  it('serves an asset with its content type', async () => {
    const response = await handler()(new Request('app://desk/assets/app.js'));
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('answers 404 for a missing asset and 403 for an escape', async () => {
    expect((await handler()(new Request('app://desk/assets/missing.js'))).status).toBe(404);
    expect((await handler()(new Request('app://desk/..%2fsecret.txt'))).status).toBe(403);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await handler()(new Request('app://desk/', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
  });
});
