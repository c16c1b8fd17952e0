/**
 * The packaging configuration, read and validated by electron-builder's own loader (the same
 * code `npm run dist` runs), since no Electron binary can be packaged on this network.
 */
import { describe, expect, it } from 'vitest';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'app-builder-lib';

const projectDir = new URL('..', import.meta.url).pathname;

async function config(): Promise<Configuration> {
  return getConfig(projectDir, 'electron-builder.yml', null);
}

describe('electron-builder.yml', () => {
  // electron-builder's loader takes seconds on a busy machine.
  it('passes electron-builder 26 schema validation', { timeout: 60_000 }, async () => {
    const loaded = await config();
    await expect(
      validateConfiguration(loaded, { isEnabled: false, add: () => undefined } as never),
    ).resolves.toBeUndefined();
  });

  it('flips the fuses: no Node mode, no debugger, asar only and verified, cookies encrypted', async () => {
    const { electronFuses, asar } = await config();
    expect(electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // The integrity fuse checks a hash that is embedded only when the app is an asar archive
    // with integrity left on.
    expect(asar).toBe(true);
  });

  it('signs Windows builds with SHA-256 from a certificate named only in the environment', async () => {
    const { win } = await config();
    expect(win?.signtoolOptions?.signingHashAlgorithms).toEqual(['sha256']);
    expect(win?.signtoolOptions?.rfc3161TimeStampServer).toMatch(/^https?:\/\//);
    // No certificate, password or thumbprint in the file: they come from WIN_CSC_LINK and
    // WIN_CSC_KEY_PASSWORD (or the command line) on the build machine.
    expect(win?.signtoolOptions?.certificateFile ?? undefined).toBeUndefined();
    expect(win?.signtoolOptions?.certificatePassword ?? undefined).toBeUndefined();
    expect(win?.signtoolOptions?.certificateSha1 ?? undefined).toBeUndefined();
  });

  it('names the Windows installer the way the offline update expects', async () => {
    const { win, productName } = await config();
    expect(productName).toBe('投诉受理台');
    expect(win?.artifactName).toBe('${productName}-${version}-${arch}-${target}.${ext}');
  });
});
