/**
 * Writes a file so that it is either the old file or the whole new one, never half of it: the
 * bytes go to a temporary file in the same folder (so the rename stays on one disk), are flushed,
 * and the temporary file is renamed over the target. On failure the temporary file is removed.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

export interface AtomicWriteFs {
  /** Creates `filePath` (failing if it exists), writes `data` and flushes it to disk. */
  writeNewFile(filePath: string, data: Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  removeIfPresent(filePath: string): Promise<void>;
}

/** The real file system. */
export const nodeAtomicWriteFs: AtomicWriteFs = {
  async writeNewFile(filePath, data) {
    // 'wx': never follow or reuse something already at the temporary name.
    const handle = await open(filePath, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  rename: (from, to) => rename(from, to),
  removeIfPresent: (filePath) => rm(filePath, { force: true }),
};

/** The temporary name next to `target`. Short and ASCII: a long Chinese target name plus a
 * suffix could pass the 255-byte name limit of Linux file systems. */
export function temporaryPathFor(target: string): string {
  return path.join(path.dirname(target), `.desk-save-${randomBytes(6).toString('hex')}.tmp`);
}

export async function writeFileAtomic(
  fs: AtomicWriteFs,
  target: string,
  data: Uint8Array,
): Promise<void> {
  const temporary = temporaryPathFor(target);
  try {
    await fs.writeNewFile(temporary, data);
    // On Windows libuv renames with MOVEFILE_REPLACE_EXISTING, so this replaces an old file too.
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.removeIfPresent(temporary).catch(() => undefined);
    throw error;
  }
}
