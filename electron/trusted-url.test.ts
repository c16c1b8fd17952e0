import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, devServerOriginFrom, isAppUrl, isSafeExternalUrl } from './trusted-url';

describe('isAppUrl', () => {
  it.each([
    ['app://desk/', true],
    ['app://desk', true],
    ['app://desk/index.html', true],
    ['app://desk/register?status=open#top', true],
    // The parser resolves dot segments: this is the app's own root, not an escape.
    ['app://desk/../', true],
    ['app://desk.evil/', false],
    ['app://desk.evil.example/', false],
    ['app://deskx/', false],
    ['app://desk:80/', false],
    ['app://evil@desk/', false],
    ['app://desk@evil/', false],
    ['app://desk:secret@desk/', false],
    ['app://DESK/', false],
    ['app:desk', false],
    ['app:///desk', false],
    ['app://desk\\evil/', false],
    ['https://desk/', false],
    ['http://desk/', false],
    ['file:///C:/desk/index.html', false],
    ['file:///app/dist/index.html', false],
    ['javascript:alert(1)//app://desk/', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['about:blank', false],
    ['', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });

  it('uses the fixed origin app://desk', () => {
    expect(APP_ORIGIN).toBe('app://desk');
  });

  it.each([
    ['http://localhost:5173/', true],
    ['http://localhost:5173/register', true],
    ['http://localhost:5174/', false],
    ['http://127.0.0.1:5173/', false],
    ['https://localhost:5173/', false],
    ['http://user@localhost:5173/', false],
  ])('with dev origin http://localhost:5173: %s → %s', (url, expected) => {
    expect(isAppUrl(url, 'http://localhost:5173')).toBe(expected);
  });
});

describe('isSafeExternalUrl', () => {
  it.each([
    ['https://www.gov.cn/', true],
    ['http://example.com/path?q=1', true],
    ['HTTPS://EXAMPLE.COM/', true],
    ['https://例子.中国/', true],
    ['mailto:service@example.com', true],
    ['mailto:service@example.com?subject=%E6%8A%95%E8%AF%89', true],
    ['mailto:', false],
    ['https://bank.example@evil.example/', false],
    ['https://user:pass@example.com/', false],
    ['https://', false],
    ['https:evil.example', true],
    ['  https://example.com/', false],
    ['https://example.com/ ', false],
    ['https://exa\u0000mple.com/', false],
    ['https://example.com/\nfoo', false],
    ['https://exa\tmple.com/', false],
    ['javascript:alert(1)', false],
    ['JavaScript:alert(1)', false],
    ['javascript://example.com/%0aalert(1)', false],
    ['vbscript:msgbox(1)', false],
    ['file:///etc/passwd', false],
    ['file://server/share/x.exe', false],
    ['\\\\server\\share\\x.exe', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['blob:app://desk/1234', false],
    ['app://desk/', false],
    ['ms-msdt:/id PCWDiagnostic', false],
    ['search-ms:query=x', false],
    ['ftp://example.com/', false],
    ['//example.com/', false],
    ['example.com', false],
    ['', false],
  ])('%j → %s', (url, expected) => {
    expect(isSafeExternalUrl(url)).toBe(expected);
  });
});

describe('devServerOriginFrom', () => {
  it.each([
    [undefined, false, undefined],
    ['', false, undefined],
    ['http://localhost:5173/', false, 'http://localhost:5173'],
    ['http://127.0.0.1:5173', false, 'http://127.0.0.1:5173'],
    ['http://[::1]:5173/', false, 'http://[::1]:5173'],
    // A packaged desk never loads a dev server: its origin is fixed to app://desk.
    ['http://localhost:5173/', true, undefined],
    ['http://example.com:5173/', false, undefined],
    ['http://localhost.example.com/', false, undefined],
    ['http://user@localhost:5173/', false, undefined],
    ['file:///tmp/index.html', false, undefined],
    ['not a url', false, undefined],
  ])('%j (packaged: %s) → %j', (value, isPackaged, expected) => {
    expect(devServerOriginFrom(value, isPackaged)).toBe(expected);
  });
});
