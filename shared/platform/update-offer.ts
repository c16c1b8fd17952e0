/**
 * The offline update: an organisation without internet access puts a new installer in a shared
 * folder that an administrator names in the settings; at start the desktop application looks
 * there and offers the newest installer that is newer than itself. Nothing is downloaded. Pure:
 * the Electron main process lists the folder and hands the names here (electron/ipc/update.ts).
 */

/** A semantic version (semver.org 2.0): the numbers and the pre-release identifiers. */
export interface SemVer {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  /** `['beta', 2]` for `1.0.0-beta.2`; empty for a release. */
  readonly prerelease: readonly (string | number)[];
}

const NUMBER = '(0|[1-9]\\d*)';
const IDENTIFIER = '(?:0|[1-9]\\d*|\\d*[A-Za-z-][0-9A-Za-z-]*)';
const SEMVER = new RegExp(
  `^${NUMBER}\\.${NUMBER}\\.${NUMBER}(?:-(${IDENTIFIER}(?:\\.${IDENTIFIER})*))?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?$`,
);

/** Parses `1.2.3`, `1.2.3-beta.2`, `1.2.3+build.5`; undefined for anything else. */
export function semverParse(text: string): SemVer | undefined {
  const match = SEMVER.exec(text);
  if (!match) return undefined;
  const [, major, minor, patch, pre] = match;
  const numbers = [major, minor, patch].map(Number);
  if (!numbers.every(Number.isSafeInteger)) return undefined;
  return {
    major: numbers[0] ?? 0,
    minor: numbers[1] ?? 0,
    patch: numbers[2] ?? 0,
    prerelease: pre ? pre.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)) : [],
  };
}

/** Semver precedence: negative when `a` comes before `b`, 0 when equal (build metadata ignored). */
export function semverCompare(a: SemVer, b: SemVer): number {
  const core = a.major - b.major || a.minor - b.minor || a.patch - b.patch;
  if (core !== 0) return Math.sign(core);
  // A release ranks above its pre-releases.
  if (a.prerelease.length === 0 || b.prerelease.length === 0) {
    return Math.sign(b.prerelease.length - a.prerelease.length);
  }
  const length = Math.max(a.prerelease.length, b.prerelease.length);
  for (let i = 0; i < length; i += 1) {
    const x = a.prerelease[i];
    const y = b.prerelease[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return Math.sign(x - y);
    // Numeric identifiers rank below alphanumeric ones.
    if (typeof x === 'number') return -1;
    if (typeof y === 'number') return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/** What the running application is, for reading installer names. */
export interface UpdateTarget {
  /** electron-builder's `productName` (投诉受理台), the start of every installer's name. */
  readonly productName: string;
  /** The running version (`app.getVersion()`). */
  readonly version: string;
  /** The running architecture in electron-builder's words: x64, ia32, arm64. */
  readonly arch: string;
}

/**
 * The version in an installer's file name, as electron-builder.yml names the Windows installer:
 * `${productName}-${version}-${arch}-nsis.exe`. Only the running product and architecture count;
 * the portable build, other products, other architectures and partial copies do not.
 */
export function installerVersion(fileName: string, target: UpdateTarget): SemVer | undefined {
  const prefix = `${target.productName}-`;
  const suffix = `-${target.arch}-nsis.exe`;
  const name = fileName.normalize('NFC');
  if (!name.startsWith(prefix.normalize('NFC')) || !name.toLowerCase().endsWith(suffix)) {
    return undefined;
  }
  return semverParse(name.slice(prefix.normalize('NFC').length, name.length - suffix.length));
}

export interface UpdateOffer {
  readonly fileName: string;
  /** The offered version as written in the file name. */
  readonly version: string;
}

/**
 * The installer to offer among the names found in the folder: the newest one newer than the
 * running version, or undefined. A pre-release is offered only to a desk that runs a
 * pre-release itself: an administrator testing a beta must not upgrade every desk by mistake.
 */
export function updateChoose(
  fileNames: readonly string[],
  target: UpdateTarget,
): UpdateOffer | undefined {
  const running = semverParse(target.version);
  if (!running) return undefined;
  let best: { fileName: string; version: SemVer; text: string } | undefined;
  for (const fileName of fileNames) {
    const version = installerVersion(fileName, target);
    if (!version) continue;
    if (version.prerelease.length > 0 && running.prerelease.length === 0) continue;
    if (semverCompare(version, running) <= 0) continue;
    if (best && semverCompare(version, best.version) <= 0) continue;
    const prefixLength = target.productName.normalize('NFC').length + 1;
    const text = fileName
      .normalize('NFC')
      .slice(prefixLength, fileName.normalize('NFC').length - `-${target.arch}-nsis.exe`.length);
    best = { fileName, version, text };
  }
  return best ? { fileName: best.fileName, version: best.text } : undefined;
}

/** The longest folder path accepted (Windows' long paths stay well under it). */
export const UPDATE_FOLDER_MAX_LENGTH = 1024;

export type UpdateFolderCheck =
  | { readonly ok: true; readonly folder: string }
  | { readonly ok: false; readonly code: 'notAbsolute' | 'tooLong' };

/**
 * The update folder as typed in the settings: empty (no offline update), or an absolute path:
 * a drive path (`D:\安装包`), a shared folder (`\\fileserver\desk`) or, on Linux, `/mnt/share`.
 */
export function updateFolderCheck(typed: string): UpdateFolderCheck {
  const folder = typed.trim();
  if (folder === '') return { ok: true, folder };
  if (folder.length > UPDATE_FOLDER_MAX_LENGTH) return { ok: false, code: 'tooLong' };
  // eslint-disable-next-line no-control-regex -- control characters never name a real folder
  if (/[\u0000-\u001f\u007f]/.test(folder)) return { ok: false, code: 'notAbsolute' };
  const absolute =
    /^[A-Za-z]:[\\/]/.test(folder) ||
    /^\\\\[^\\/]+[\\/][^\\/]+/.test(folder) ||
    folder.startsWith('/');
  return absolute ? { ok: true, folder } : { ok: false, code: 'notAbsolute' };
}
