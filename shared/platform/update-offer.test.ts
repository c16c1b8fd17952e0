import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  installerVersion,
  semverCompare,
  semverParse,
  updateChoose,
  updateFolderCheck,
  type SemVer,
} from './update-offer';

const target = { productName: '投诉受理台', version: '0.1.0', arch: 'x64' };
const v = (text: string): SemVer => {
  const parsed = semverParse(text);
  if (!parsed) throw new Error(`not a version: ${text}`);
  return parsed;
};

describe('semverParse', () => {
  it('reads releases, pre-releases and build metadata', () => {
    expect(semverParse('1.2.3')).toEqual({ major: 1, minor: 2, patch: 3, prerelease: [] });
    expect(semverParse('1.0.0-beta.2')?.prerelease).toEqual(['beta', 2]);
    expect(semverParse('1.0.0+build.7')?.prerelease).toEqual([]);
  });

  it.each([
    '1.2',
    '1.2.3.4',
    '01.2.3',
    '1.2.3-',
    '1.2.3-01',
    'v1.2.3',
    ' 1.2.3',
    '1.2.3-beta..1',
    '99999999999999999999.0.0',
  ])('refuses %s', (text) => {
    expect(semverParse(text)).toBeUndefined();
  });
});

describe('semverCompare', () => {
  it('follows the precedence example of semver.org', () => {
    const order = [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
      '1.0.1',
      '1.1.0',
      '2.0.0',
      '10.0.0',
    ];
    order.slice(1).forEach((later, i) => {
      const earlier = order[i] ?? '';
      expect(semverCompare(v(earlier), v(later)), `${earlier} < ${later}`).toBe(-1);
      expect(semverCompare(v(later), v(earlier))).toBe(1);
    });
    expect(semverCompare(v('1.0.0+a'), v('1.0.0+b'))).toBe(0);
  });

  it('is antisymmetric on any versions', () => {
    const version = fc
      .tuple(
        fc.nat(20),
        fc.nat(20),
        fc.nat(20),
        fc.array(fc.oneof(fc.nat(5), fc.constantFrom('alpha', 'beta', 'rc')), { maxLength: 3 }),
      )
      .map(([major, minor, patch, prerelease]) => ({ major, minor, patch, prerelease }));
    fc.assert(
      fc.property(version, version, (a, b) => {
        expect(semverCompare(a, b)).toBe(-semverCompare(b, a) || 0);
      }),
    );
  });
});

describe('installerVersion', () => {
  it('reads the Windows installer named by electron-builder.yml', () => {
    expect(installerVersion('投诉受理台-0.2.0-x64-nsis.exe', target)).toEqual(v('0.2.0'));
    expect(installerVersion('投诉受理台-1.0.0-rc.1-x64-nsis.exe', target)).toEqual(v('1.0.0-rc.1'));
    expect(installerVersion('投诉受理台-0.2.0-x64-NSIS.EXE', target)).toEqual(v('0.2.0'));
  });

  it.each([
    '投诉受理台-0.2.0-x64-portable.exe',
    '投诉受理台-0.2.0-arm64-nsis.exe',
    '投诉受理台-0.2.0-ia32-nsis.exe',
    '其他程序-0.2.0-x64-nsis.exe',
    '投诉受理台-0.2-x64-nsis.exe',
    '投诉受理台-0.2.0-x64-nsis.exe.part',
    '投诉受理台-0.2.0-x64-nsis.exe.blockmap',
    'complaint-desk-0.2.0-x86_64.AppImage',
  ])('ignores %s', (name) => {
    expect(installerVersion(name, target)).toBeUndefined();
  });
});

describe('updateChoose', () => {
  it('offers the newest installer newer than the running version', () => {
    expect(
      updateChoose(
        [
          '投诉受理台-0.1.0-x64-nsis.exe',
          '投诉受理台-0.3.0-x64-nsis.exe',
          '投诉受理台-0.10.0-x64-nsis.exe',
          '投诉受理台-0.2.0-x64-nsis.exe',
          '投诉受理台-9.0.0-x64-portable.exe',
          'readme.txt',
        ],
        target,
      ),
    ).toEqual({ fileName: '投诉受理台-0.10.0-x64-nsis.exe', version: '0.10.0' });
  });

  it('offers nothing when no installer is newer', () => {
    expect(
      updateChoose(['投诉受理台-0.1.0-x64-nsis.exe', '投诉受理台-0.0.9-x64-nsis.exe'], target),
    ).toBeUndefined();
    expect(updateChoose([], target)).toBeUndefined();
  });

  it('offers a pre-release only to a desk that runs one', () => {
    const names = ['投诉受理台-0.2.0-beta.1-x64-nsis.exe'];
    expect(updateChoose(names, target)).toBeUndefined();
    expect(updateChoose(names, { ...target, version: '0.2.0-alpha.3' })).toEqual({
      fileName: names[0],
      version: '0.2.0-beta.1',
    });
    // A desk on a pre-release moves on to the release.
    expect(
      updateChoose([...names, '投诉受理台-0.2.0-x64-nsis.exe'], {
        ...target,
        version: '0.2.0-beta.1',
      }),
    ).toEqual({ fileName: '投诉受理台-0.2.0-x64-nsis.exe', version: '0.2.0' });
  });

  it('offers nothing when the running version cannot be read', () => {
    expect(
      updateChoose(['投诉受理台-0.2.0-x64-nsis.exe'], { ...target, version: 'dev' }),
    ).toBeUndefined();
  });

  it('matches a product name typed in another Unicode form', () => {
    const decomposed = { ...target, productName: 'Café' };
    expect(updateChoose(['Cafe\u0301-0.2.0-x64-nsis.exe'], decomposed)?.version).toBe('0.2.0');
  });
});

describe('updateFolderCheck', () => {
  it.each([
    ['', ''],
    ['  D:\\安装包  ', 'D:\\安装包'],
    ['\\\\fileserver\\desk-updates', '\\\\fileserver\\desk-updates'],
    ['/mnt/share', '/mnt/share'],
  ])('accepts %j', (typed, folder) => {
    expect(updateFolderCheck(typed)).toEqual({ ok: true, folder });
  });

  it.each([
    ['安装包', 'notAbsolute'],
    ['D:安装包', 'notAbsolute'],
    ['\\\\fileserver', 'notAbsolute'],
    ['..\\updates', 'notAbsolute'],
    ['D:\\a\u0000b', 'notAbsolute'],
    [`D:\\${'a'.repeat(1024)}`, 'tooLong'],
  ])('refuses %j: %s', (typed, code) => {
    expect(updateFolderCheck(typed)).toEqual({ ok: false, code });
  });
});
