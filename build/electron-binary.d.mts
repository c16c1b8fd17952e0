// Types for electron-binary.mjs, for the TypeScript that imports it (tests/electron).
export type ElectronBinary = { found: true; path: string } | { found: false; reason: string };

export function findElectronBinary(options?: {
  env?: NodeJS.ProcessEnv;
  platform?: string;
  electronDir?: string;
  exists?: (path: string) => boolean;
}): ElectronBinary;

export const ELECTRON_MISSING_MESSAGE: string;
