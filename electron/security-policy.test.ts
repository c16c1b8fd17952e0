import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  contentSecurityPolicyFor,
  SECURE_WEB_PREFERENCES,
  isPermissionAllowed,
  navigationDecision,
  windowOpenDecision,
} from './security-policy';
import { isAppUrl } from './trusted-url';

const isTrusted = (url: string) => isAppUrl(url);

describe('SECURE_WEB_PREFERENCES', () => {
  it('isolates the renderer from Node and Electron', () => {
    expect(SECURE_WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
    });
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')] as const;
    }),
  );

  it.each([
    ['default-src', "'self'"],
    ['script-src', "'self' 'wasm-unsafe-eval'"],
    ['style-src', "'self' 'unsafe-inline'"],
    ['img-src', "'self' data: blob:"],
    ['font-src', "'self' data:"],
    ['connect-src', "'self' blob:"],
    ['frame-src', "'self' blob:"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['frame-ancestors', "'none'"],
  ])('%s is %s', (name, value) => {
    expect(directives.get(name)).toBe(value);
  });

  it('never allows inline or evaluated scripts (WebAssembly compiles, JavaScript is never evaluated)', () => {
    const sources = (directives.get('script-src') ?? '').split(' ');
    expect(sources.filter((s) => s !== "'wasm-unsafe-eval'")).toEqual(["'self'"]);
    expect(directives.get('script-src')).not.toMatch(/'unsafe-inline'|'unsafe-eval'|data:|blob:/);
  });
});

describe('navigationDecision', () => {
  it.each([
    ['app://desk/register', 'allow'],
    ['app://desk/', 'allow'],
    // A navigation never opens the system browser, even to a safe address: only a click does.
    ['https://www.gov.cn/', 'deny'],
    ['mailto:service@example.com', 'deny'],
    ['app://desk.evil/', 'deny'],
    ['file:///etc/passwd', 'deny'],
    ['javascript:alert(1)', 'deny'],
    ['data:text/html,hi', 'deny'],
    ['https://bank.example@evil.example/', 'deny'],
  ])('%s → %s', (url, expected) => {
    expect(navigationDecision(url, isTrusted)).toBe(expected);
  });
});

describe('windowOpenDecision', () => {
  it.each([
    'app://desk/print',
    'https://www.gov.cn/',
    'http://example.com/',
    'mailto:service@example.com',
    'file:///C:/Windows/System32/calc.exe',
    'about:blank',
  ])('%s → deny', (url) => {
    expect(windowOpenDecision(url)).toBe('deny');
  });
});

describe('isPermissionAllowed', () => {
  it.each([
    ['persistent-storage', 'app://desk', true],
    ['persistent-storage', 'https://evil.example', false],
    ['clipboard-sanitized-write', 'app://desk/', true],
    ['clipboard-sanitized-write', 'https://evil.example/', false],
    ['clipboard-read', 'app://desk/', false],
    ['media', 'app://desk/', false],
    ['geolocation', 'app://desk/', false],
    ['notifications', 'app://desk/', false],
    ['openExternal', 'app://desk/', false],
    ['unknown', 'app://desk/', false],
  ])('%s from %s → %s', (permission, origin, expected) => {
    expect(isPermissionAllowed(permission, origin, isTrusted)).toBe(expected);
  });
});

describe('contentSecurityPolicyFor (the sync server)', () => {
  it('adds only the sync origin to connect-src', () => {
    expect(contentSecurityPolicyFor(null)).toBe(CONTENT_SECURITY_POLICY);
    const policy = contentSecurityPolicyFor('https://sync.example.cn');
    expect(policy).toContain("connect-src 'self' blob: https://sync.example.cn;");
    expect(policy.replace(' https://sync.example.cn', '')).toBe(CONTENT_SECURITY_POLICY);
  });
});
