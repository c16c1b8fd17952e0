import { describe, expect, it } from 'vitest';
import {
  EXTERNAL_HOSTS_MAX,
  externalHostAllowed,
  externalHostNormalise,
  externalHostsParse,
  externalOpenDecision,
  externalTargetHost,
} from './external-hosts';

describe('externalHostsParse', () => {
  it('reads one host per line, normalised, without blanks or repeats', () => {
    expect(
      externalHostsParse(
        'www.12345.gov.cn\n\n  *.Example.COM. , zwfw.example.cn\nwww.12345.gov.cn',
      ),
    ).toEqual({ ok: true, hosts: ['www.12345.gov.cn', '*.example.com', 'zwfw.example.cn'] });
    expect(externalHostsParse('')).toEqual({ ok: true, hosts: [] });
  });

  it('reports every bad entry with its line', () => {
    const result = externalHostsParse(
      'https://www.example.cn/\nok.example.cn\n政府.cn\n*.cn\nwww.*.example.cn\nexample.cn:8080\nuser@example.cn\n-bad-.example.cn',
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 1, value: 'https://www.example.cn/', code: 'notAHost' },
        { line: 3, value: '政府.cn', code: 'notAscii' },
        { line: 4, value: '*.cn', code: 'badWildcard' },
        { line: 5, value: 'www.*.example.cn', code: 'badWildcard' },
        { line: 6, value: 'example.cn:8080', code: 'notAHost' },
        { line: 7, value: 'user@example.cn', code: 'notAHost' },
        { line: 8, value: '-bad-.example.cn', code: 'notAHost' },
      ],
    });
  });

  it('accepts an IPv4 address but no wildcard over one', () => {
    expect(externalHostNormalise('10.0.0.12')).toEqual({ host: '10.0.0.12' });
    expect(externalHostNormalise('*.10.0.0.12')).toEqual({ code: 'badWildcard' });
  });

  it('refuses a list longer than the limit', () => {
    const text = Array.from({ length: EXTERNAL_HOSTS_MAX + 1 }, (_, i) => `h${i}.example.cn`).join(
      '\n',
    );
    const result = externalHostsParse(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([{ line: 0, value: '101', code: 'tooMany' }]);
  });
});

describe('externalHostAllowed', () => {
  const allowed = ['www.12345.gov.cn', '*.example.cn'];

  it.each([
    ['www.12345.gov.cn', true],
    ['WWW.12345.gov.cn.', true],
    ['a.example.cn', true],
    ['a.b.example.cn', true],
    ['example.cn', false],
    ['badexample.cn', false],
    ['12345.gov.cn', false],
    ['www.12345.gov.cn.evil.example', false],
    ['', false],
  ])('%s: %s', (host, expected) => {
    expect(externalHostAllowed(host, allowed)).toBe(expected);
  });

  it('allows nothing when the list is empty', () => {
    expect(externalHostAllowed('www.12345.gov.cn', [])).toBe(false);
  });
});

describe('externalTargetHost', () => {
  // What the URL parser gives for each address (shared code has no DOM or Node types).
  const web = { protocol: 'https:', hostname: 'www.example.cn', pathname: '/a' };
  const mail = (pathname: string) => ({ protocol: 'mailto:', hostname: '', pathname });

  it('is the host of a web address and the domain of a mail address', () => {
    expect(externalTargetHost(web)).toBe('www.example.cn');
    expect(externalTargetHost(mail('desk@example.cn'))).toBe('example.cn');
    expect(externalTargetHost(mail('a%40evil.example@example.cn'))).toBe('example.cn');
    expect(externalTargetHost(mail('desk@example.cn,other@evil.example'))).toBe('');
    expect(externalTargetHost(mail('nobody'))).toBe('');
    expect(externalTargetHost(mail('%E0%A4%A@example.cn'))).toBe('');
  });
});

describe('externalOpenDecision', () => {
  const base = {
    userActivated: true,
    safe: true,
    host: 'a.example.cn',
    allowedHosts: ['*.example.cn'],
  };

  it('opens an allowed host on a click', () => {
    expect(externalOpenDecision(base)).toBe('open');
  });

  it('refuses without a click, whatever the address', () => {
    expect(externalOpenDecision({ ...base, userActivated: false })).toBe('not-activated');
  });

  it('refuses an unsafe address before looking at its host', () => {
    expect(externalOpenDecision({ ...base, safe: false })).toBe('unsafe-url');
  });

  it('refuses a host not on the list', () => {
    expect(externalOpenDecision({ ...base, host: 'evil.example' })).toBe('host-not-allowed');
    expect(externalOpenDecision({ ...base, allowedHosts: [] })).toBe('host-not-allowed');
  });
});
