import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY as ELECTRON_CSP } from '../electron/security-policy';
import {
  CONTENT_SECURITY_POLICY,
  contentSecurityPolicyWith,
  syncOriginsFromEnv,
  createDeskServer,
  decodedPath,
  SECURITY_HEADERS,
} from './static-server.mjs';

let root: string;
let server: Server;
let origin: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'desk-serve-'));
  await mkdir(path.join(root, 'assets'));
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>desk</title>');
  await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1);');
  await writeFile(path.join(root, '..', `${path.basename(root)}-secret.txt`), 'secret');
  server = createDeskServer(root);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((done) => server.close(done));
  await rm(path.join(root, '..', `${path.basename(root)}-secret.txt`), { force: true });
  await rm(root, { recursive: true, force: true });
});

function expectSecurityHeaders(response: Response) {
  expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('x-frame-options')).toBe('DENY');
}

describe('the static server of the browser build', () => {
  it('sends the same Content-Security-Policy as the Electron app, refusing frames', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(ELECTRON_CSP);
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    // 'wasm-unsafe-eval' (WebAssembly only) is allowed; 'unsafe-eval' and 'unsafe-inline' never.
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*'unsafe/);
    expect(SECURITY_HEADERS['x-frame-options']).toBe('DENY');
  });

  it('serves files and the application page with the security headers', async () => {
    const page = await fetch(`${origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expectSecurityHeaders(page);
    const script = await fetch(`${origin}/assets/app.js?v=1`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('text/javascript');
    expectSecurityHeaders(script);
    // A route of the single-page app falls back to the application page.
    expect((await fetch(`${origin}/register`)).status).toBe(200);
  });

  it('answers 400 to a malformed percent-escape and keeps serving', async () => {
    const bad = await fetch(`${origin}/%E0%A4%A`);
    expect(bad.status).toBe(400);
    expectSecurityHeaders(bad);
    expect((await fetch(`${origin}/%`)).status).toBe(400);
    const next = await fetch(`${origin}/assets/app.js`);
    expect(next.status).toBe(200);
    expect(await next.text()).toBe('console.log(1);');
  });

  it('never serves a file outside its folder', async () => {
    const secret = `${path.basename(root)}-secret.txt`;
    for (const target of [`/../${secret}`, `/%2e%2e/${secret}`, `/assets/..%2f..%2f${secret}`]) {
      const response = await fetch(`${origin}${target}`);
      expect(response.status, target).toBe(404);
      expect(await response.text()).not.toContain('secret');
    }
    expect((await fetch(`${origin}/missing.js`)).status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await fetch(`${origin}/`, { method: 'POST', body: 'x' });
    expect(response.status).toBe(405);
    expectSecurityHeaders(response);
  });
});

describe('decodedPath', () => {
  it('decodes the path and drops the query', () => {
    expect(decodedPath('/%E6%8A%95%E8%AF%89.html?x=%')).toBe('/投诉.html');
    expect(decodedPath(undefined)).toBe('/');
  });

  it('is undefined for a malformed escape', () => {
    expect(decodedPath('/%E0%A4%A')).toBeUndefined();
    expect(decodedPath('/%zz')).toBeUndefined();
  });
});

describe('contentSecurityPolicyWith (sync servers)', () => {
  it('adds exactly the named origins to connect-src and nothing else', () => {
    const policy = contentSecurityPolicyWith(['http://127.0.0.1:4632', 'https://sync.example.cn']);
    expect(policy).toContain(
      "connect-src 'self' blob: http://127.0.0.1:4632 https://sync.example.cn;",
    );
    expect(policy.replace(/ http:\/\/127\.0\.0\.1:4632 https:\/\/sync\.example\.cn/, '')).toBe(
      CONTENT_SECURITY_POLICY,
    );
    expect(contentSecurityPolicyWith([])).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses what is not an http(s) origin', () => {
    for (const bad of [
      '*',
      'https:',
      'https://x.cn/path',
      'ftp://x.cn',
      "https://x.cn 'unsafe-eval'",
    ]) {
      expect(() => contentSecurityPolicyWith([bad])).toThrow();
    }
    expect(syncOriginsFromEnv(' http://a:1, https://b ')).toEqual(['http://a:1', 'https://b']);
    expect(syncOriginsFromEnv(undefined)).toEqual([]);
  });
});
