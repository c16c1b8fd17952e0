import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ELECTRON_MISSING_MESSAGE, findElectronBinary } from './electron-binary.mjs';

const electronDir = path.join('/project', 'node_modules', 'electron');

function existing(...files: string[]) {
  return (file: string) => files.includes(file);
}

describe('findElectronBinary', () => {
  it('finds nothing in this repository, where the binary was never downloaded', () => {
    // The real node_modules/electron: its dist/ folder is absent on this closed network.
    const result = findElectronBinary();
    if (result.found) expect(result.path).toMatch(/electron/i);
    else expect(result.reason).toMatch(/no Electron binary at .*dist/);
  });

  it.each([
    ['linux', 'electron'],
    ['win32', 'electron.exe'],
    ['darwin', 'Electron.app/Contents/MacOS/Electron'],
  ])('on %s looks for dist/%s', (platform, relative) => {
    const binary = path.join(electronDir, 'dist', relative);
    expect(
      findElectronBinary({ electronDir, platform, env: {}, exists: existing(binary) }),
    ).toEqual({ found: true, path: binary });
  });

  it('reports a missing binary with its expected path', () => {
    expect(
      findElectronBinary({ electronDir, platform: 'linux', env: {}, exists: () => false }),
    ).toEqual({
      found: false,
      reason: `no Electron binary at ${path.join(electronDir, 'dist', 'electron')}`,
    });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH, as the electron package does', () => {
    const binary = path.join('/opt/electron-45', 'electron');
    expect(
      findElectronBinary({
        electronDir,
        platform: 'linux',
        env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron-45' },
        exists: existing(binary),
      }),
    ).toEqual({ found: true, path: binary });
  });
});

describe('ELECTRON_MISSING_MESSAGE', () => {
  it('is one paragraph that says why and what to do instead', () => {
    expect(ELECTRON_MISSING_MESSAGE).not.toContain('\n');
    expect(ELECTRON_MISSING_MESSAGE).toContain('cannot be downloaded on this machine');
    expect(ELECTRON_MISSING_MESSAGE).toContain('npm run web');
    expect(ELECTRON_MISSING_MESSAGE).toContain('http://127.0.0.1:4173/');
    expect(ELECTRON_MISSING_MESSAGE).toContain('npx install-electron');
  });
});
